"""The /export routes: streamed CSV, exact filters, 400 on bad input, formula-safe cells, zip."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import pytest
from flask import Flask
from sqlalchemy import select

from dashboards import context, exports
from dashboards.exports import bp, filter_from_args
from db.claims import CLAIM_COLUMNS, ClaimFilter, iter_claims
from db.documents import store_document
from tests.factories import make_claim, make_doc


@pytest.fixture
def client(engine):
    context.set_engine(engine)
    app = Flask(__name__)
    app.register_blueprint(bp)
    return app.test_client()


@pytest.fixture
def stored(engine):
    store_document(
        engine,
        make_doc(
            "a.txt",
            text="Report A " * 20,
            title="Annual report",
            publisher="Cyberport",
            url="https://example.org/a",
        ),
        [
            make_claim("companies", 2000, as_of=date(2023, 3, 1)),
            make_claim(
                "unicorns",
                5,
                qualifier="exact",
                as_of=date(2023, 3, 1),
                quote='=HYPERLINK("http://x") five unicorns',
            ),
        ],
        "test",
    )
    store_document(
        engine,
        make_doc(
            "b.txt", text="Report B " * 20, published_on=date(2024, 9, 1), publisher="The Paper"
        ),
        [
            make_claim("unicorns", 7, qualifier="exact", as_of=date(2024, 9, 1)),
            make_claim("companies", 2200, as_of=date(2024, 9, 1)),
        ],
        "test",
    )
    return engine


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_claims_csv_is_an_attachment_with_the_contract_header(client, stored):
    r = client.get("/export/claims.csv")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/csv")
    assert r.headers["Content-Disposition"] == 'attachment; filename="claims.csv"'
    assert r.is_streamed
    rows = rows_of(r.text)
    assert tuple(rows[0]) == CLAIM_COLUMNS and len(rows) == 4


def test_simple_params_filter(client, stored):
    rows = rows_of(client.get("/export/claims.csv?metric=unicorns&from=2024-01-01").text)
    assert [(r["metric"], r["value"], r["as_of"]) for r in rows] == [
        ("unicorns", "7", "2024-09-01")
    ]


def test_grid_filter_param_gives_exactly_the_grid_rows(client, stored):
    model = {"metric": {"filterType": "text", "type": "equals", "filter": "unicorns"}}
    r = client.get("/export/claims.csv", query_string={"filter": json.dumps(model)})
    got = [int(row["claim_id"]) for row in rows_of(r.text)]
    expected = [row["claim_id"] for row in iter_claims(stored, ClaimFilter(metric="unicorns"))]
    assert got == expected and len(got) == 2


def test_formula_cells_are_neutralised(client, stored):
    rows = rows_of(client.get("/export/claims.csv?metric=unicorns").text)
    quote = next(r["quote"] for r in rows if r["value"] == "5")
    assert quote.startswith("'=HYPERLINK")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2024-13-01", "from: not a YYYY-MM-DD date"),
        ("status=maybe", "status: 'maybe'"),
        ("filter={bad", "filter: not valid JSON"),
        ("colour=red", "unknown parameter(s): colour"),
        ('filter={"nope":{"type":"equals","filter":"x"}}', "unknown column 'nope'"),
        ("from=2024-02-01&to=2024-01-01", "from is after to"),
    ],
)
def test_bad_parameters_are_400_with_one_line(client, stored, query, message):
    r = client.get("/export/claims.csv?" + query)
    assert r.status_code == 400
    assert message in r.text and r.text.count("\n") == 1


def test_unknown_kind_is_400(client):
    assert client.get("/export/passwords.csv").status_code == 400


def test_documents_csv(client, stored):
    rows = rows_of(client.get("/export/documents.csv").text)
    assert {r["document"] for r in rows} == {"a.txt", "b.txt"}
    assert {"document", "sha256", "published_on", "date_source"} <= set(rows[0])
    assert client.get("/export/documents.csv?status=open").status_code == 400


def test_bundle_holds_csv_and_readme_citing_only_the_sources_used(client, stored):
    r = client.get("/export/claims.zip?from=2024-01-01")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/zip"
    assert r.headers["Content-Disposition"] == 'attachment; filename="claims.zip"'
    zf = zipfile.ZipFile(io.BytesIO(r.data))
    assert sorted(zf.namelist()) == ["README.txt", "claims.csv"]
    rows = rows_of(zf.read("claims.csv").decode())
    assert {row["document"] for row in rows} == {"b.txt"} and len(rows) == 2
    readme = zf.read("README.txt").decode()
    assert "b.txt" in readme and "The Paper" in readme and "2024-09-01" in readme
    assert "a.txt" not in readme and "from=2024-01-01" in readme and "(2 rows)" in readme


def test_bundle_param_on_csv_url(client, stored):
    r = client.get("/export/claims.csv?bundle=1&metric=companies")
    zf = zipfile.ZipFile(io.BytesIO(r.data))
    readme = zf.read("README.txt").decode()
    assert "- a.txt | Annual report | Cyberport | 2025-06-05 | https://example.org/a" in readme
    assert "- b.txt |  | The Paper | 2024-09-01 | " in readme


def test_large_export_streams_in_chunks(client, engine, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_BATCH", 1000)
    claims = [
        make_claim(
            "companies", 1000 + i, qualifier="exact", as_of=date(2020, 1, 1), quote=f"Figure {i}."
        )
        for i in range(2500)
    ]
    store_document(engine, make_doc("big.txt", text="y" * 40), claims, "test")
    r = client.get("/export/claims.csv")
    chunks = list(r.response)
    assert len(chunks) >= 3  # header+1000 rows, 1000 rows, the rest: never one big string
    assert (
        len(rows_of(b"".join(c if isinstance(c, bytes) else c.encode() for c in chunks).decode()))
        == 2500
    )


def test_filter_from_args_kinds():
    assert filter_from_args("conflicts", {"status": "open"}).status == "open"
    with pytest.raises(ValueError, match="only the claims export"):
        filter_from_args("series", {"filter": "{}"})


TRICKY = [
    ("=SUM(A1)", 43_400_000_000.0, "HKD", "over"),
    ("-5 firms", 0.5, "percent", "about"),
    ("+cmd", 1e20, "count", "exact"),
    ("@me", 2200.0, "count", "nearly"),
    ("\tTabbed", 7.0, "count", "exact"),
    ("\rReturn", 12.25, "USD", "up_to"),
    ('Plain "quoted", with commas', 3.0, "RMB", "exact"),
]


def test_fast_claims_csv_is_byte_identical_to_the_generic_writer(client, engine):
    from db.csvout import iter_csv
    from db.engine import session_scope
    from db.models import Claim, Conflict, ConflictClaim

    claims = [
        make_claim("companies", v, unit=u, qualifier=q, quote=quote, as_of=date(2024, 1, i + 1),
                   low=v * 0.9, high=v * 1.1, flags=("garbled",) if i % 2 else (),
                   period="P1Y" if i == 3 else None)
        for i, (quote, v, u, q) in enumerate(TRICKY)
    ]  # fmt: skip
    store_document(engine, make_doc("=evil.txt", text="z" * 60), claims, "test")
    with session_scope(engine) as s:
        ids = list(s.scalars(select(Claim.id).order_by(Claim.id)))[:2]
        s.add(Conflict(id=1, uid="c1", entity="Cyberport", metric="companies", kind="disagree",
                       severity="high", explanation="x", claim_uids=""))  # fmt: skip
        s.flush()
        s.add_all([ConflictClaim(conflict_id=1, claim_id=i) for i in ids])
    generic = "".join(iter_csv(CLAIM_COLUMNS, iter_claims(engine)))
    fast = client.get("/export/claims.csv").get_data(as_text=True)
    assert fast.splitlines(keepends=True) == generic.splitlines(keepends=True)
    assert "garbled;conflict" in fast and ",conflict," in fast and "'=SUM(A1)" in fast


def test_candidates_only_when_asked_for(client, stored):
    quote = "=1+1 firms, maybe."
    candidate = make_claim(value=12, quote=quote, status="candidate", unsure=("owner?",))
    store_document(stored, make_doc("c.txt", text=quote), [candidate], "test")
    assert len(rows_of(client.get("/export/claims.csv").text)) == 4
    r = client.get("/export/claims.csv?status=candidate")
    assert r.headers["Content-Disposition"] == 'attachment; filename="claims-candidate.csv"'
    (row,) = rows_of(r.text)
    assert (row["document"], row["status"], row["unsure"], row["quote"]) == (
        "c.txt", "candidate", "owner?", "'=1+1 firms, maybe.")  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(client.get("/export/claims.zip?status=candidate").data)) as z:
        assert (
            "c.txt" in z.read("README.txt").decode()
            and "a.txt" not in z.read("README.txt").decode()
        )


def test_the_export_keeps_the_grids_sort(client, stored):
    sort = json.dumps([{"colId": "value", "sort": "desc"}])
    rows = rows_of(client.get("/export/claims.csv", query_string={"sort": sort}).text)
    assert [r["value"] for r in rows] == ["2200", "2000", "7", "5"]
    assert tuple(rows[0]) == CLAIM_COLUMNS  # the contract columns, as ever
    zipped = client.get("/export/claims.zip", query_string={"sort": sort})
    with zipfile.ZipFile(io.BytesIO(zipped.data)) as zf:
        inside = rows_of(zf.read("claims.csv").decode())
    assert [r["value"] for r in inside] == ["2200", "2000", "7", "5"]


def test_plain_headings_are_a_page_option(client, stored):
    sort = json.dumps([{"colId": "as_of", "sort": "asc"}])
    r = client.get("/export/claims.csv", query_string={"sort": sort, "headings": "plain",
                                                        "metric": "unicorns"})  # fmt: skip
    rows = rows_of(r.text)
    assert list(rows[0])[:5] == ["Date of the figure", "Metric", "Figure as printed", "Sentence",
                                 "Document"]  # fmt: skip
    assert [(x["Metric"], x["Figure as printed"]) for x in rows] == [("Unicorns", "5"),
                                                                     ("Unicorns", "7")]  # fmt: skip
    assert rows[0]["Sentence"].startswith("'=HYPERLINK")  # still formula-safe
    assert rows[0]["Document"] == "Annual report"


@pytest.mark.parametrize(
    "query",
    [
        {"sort": "not json"},
        {"sort": '{"colId": "value"}'},
        {"sort": '[{"colId": "x", "sort": "asc"}]'},
        {"headings": "fancy"},
    ],
)
def test_bad_sort_or_headings_is_a_400(client, stored, query):
    r = client.get("/export/claims.csv", query_string=query)
    assert r.status_code == 400 and r.text.startswith("bad parameter:")
    assert client.get("/export/series.csv", query_string={"sort": "[]"}).status_code == 400
