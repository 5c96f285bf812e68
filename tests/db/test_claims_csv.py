"""The claims CSV from stored lines is byte for byte the generic writer's, whatever the cells."""

from __future__ import annotations

import csv
import io
import random
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, func, insert, select

from db.claims import CLAIM_COLUMNS, ClaimFilter, ColumnCondition, iter_claims
from db.claims_csv import fill_claim_lines, iter_claim_csv
from db.csvout import iter_csv
from db.documents import store_document
from db.engine import session_scope
from db.models import Claim, ClaimLine, Conflict, ConflictClaim, Document
from db.reviews import add_review
from tests.factories import make_doc

AWKWARD_FLOATS = [
    0.5, -0.5, 12.25, 0.1 + 0.2, 1 / 3, 2.675, 1e-5, 0.0001, 123456789.5, 999999999.999999,
    1e9 + 0.5, 4.34e10, 1e18, 1e20, -1e20, 2.0**53 + 2, 1e15 + 0.5, 7.8 * 1.1, 3.0, -0.0,
]  # fmt: skip
AWKWARD_TEXT = [
    "Cyberport", "Cyber, port", 'say "hi"', "line\nbreak", "cr\rhere", "=SUM(A1)", "+1", "-x",
    "@me", "\ttab", "\rret", "", "plain;flags", "\x01=hidden", "ümlaut – dash",
]  # fmt: skip


def _generic(engine: Engine, filt: ClaimFilter | None = None) -> str:
    return "".join(iter_csv(CLAIM_COLUMNS, iter_claims(engine, filt or ClaimFilter())))


def _fast(engine: Engine, filt: ClaimFilter | None = None, batch: int = 7) -> str:
    return "".join(iter_claim_csv(engine, filt, batch=batch))


def _fill(engine: Engine, n: int = 300, seed: int = 3) -> None:
    rng = random.Random(seed)
    store_document(engine, make_doc("=doc, one.txt", text="x" * 50), [], "t")
    store_document(engine, make_doc("plain.txt", text="y" * 50, published_on=None), [], "t")
    with session_scope(engine) as s:
        doc_ids = list(s.scalars(select(Document.id)))
    rows = []
    for i in range(n):

        def number() -> float:
            r = rng.random()
            if r < 0.4:
                return rng.choice(AWKWARD_FLOATS)
            if r < 0.7:
                return float(rng.randrange(-5000, 5_000_000))
            return rng.uniform(-1e6, 1e10) * rng.choice((1, 1e-6, 7.8))

        def text(plain: str, size: int = 64) -> str:  # within the column's length
            return rng.choice(AWKWARD_TEXT)[:size] if rng.random() < 0.15 else plain

        rows.append({
            "uid": f"u{i:05d}", "document_id": rng.choice(doc_ids), "entity": text("Cyberport"),
            "metric": text("companies"), "value": number(), "unit": text("count", 16),
            "qualifier": text("over", 16), "value_low": number(), "value_high": number(),
            "value_hkd": None if rng.random() < 0.5 else number(), "as_of": date(2024, 1, 1),
            "as_of_precision": text("day", 8),
            "period": None if rng.random() < 0.7 else text("P1Y", 16),
            "quote": text(f"Over {i:,} firms, say \"they\".") if i % 3 else text("Short"),
            "char_start": 0, "char_end": 5, "mention_start": 1, "mention_end": 2,
            "flags": text("garbled") if i % 4 == 0 else "", "extractor_version": text("1.0", 32),
        })  # fmt: skip
    with engine.begin() as conn:
        conn.execute(insert(Claim), rows)


def _open_conflict(engine: Engine, pick) -> list[int]:
    """Put the claims `pick` chooses from all ids into one open conflict; all ids, in order."""
    with session_scope(engine) as s:
        ids = list(s.scalars(select(Claim.id).order_by(Claim.id)))
        s.add(Conflict(id=1, uid="c1", entity="Cyberport", metric="companies", kind="disagree",
                       severity="high", explanation="x", claim_uids=""))  # fmt: skip
        s.flush()
        s.add_all([ConflictClaim(conflict_id=1, claim_id=i) for i in pick(ids)])
    return ids


def test_fast_csv_equals_the_generic_writer_on_awkward_cells(engine: Engine) -> None:
    _fill(engine)
    _open_conflict(engine, lambda ids: ids[::5])
    generic, fast = _generic(engine), _fast(engine)
    assert fast.splitlines(keepends=True) == generic.splitlines(keepends=True)
    assert fast == generic
    assert ",conflict," in fast and "'=SUM(A1)" in fast and '"Cyber, port"' in fast


def test_filters_batches_and_counts(engine: Engine) -> None:
    _fill(engine, n=60)
    filt = ClaimFilter(metric="companies", document="plain.txt")
    seen: list[int] = []
    chunks = list(iter_claim_csv(engine, filt, batch=10, on_rows=seen.append))
    assert "".join(chunks) == _generic(engine, filt)
    assert sum(seen) == len(list(iter_claims(engine, filt))) > 0
    assert all(k <= 10 for k in seen) and len(chunks) == len(seen)


def test_no_rows_still_gives_the_header(engine: Engine) -> None:
    assert _fast(engine) == _generic(engine) == ",".join(CLAIM_COLUMNS) + "\r\n"


def _stored_docs(engine: Engine) -> None:
    from tests.factories import make_claim

    for name, n in (("a.txt", 4), ("b.txt", 3)):
        claims = [
            make_claim(value=100.0 + i, quote=f"Over {i} firms, at {name}.") for i in range(n)
        ]
        store_document(engine, make_doc(name, text=f"text of {name}"), claims, "t")


def _line_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(ClaimLine))


def test_lines_are_written_with_their_claims_and_go_with_them(engine: Engine) -> None:
    _stored_docs(engine)
    assert _line_count(engine) == 7
    assert fill_claim_lines(engine) == 0  # nothing missing
    store_document(engine, make_doc("a.txt", text="a changed text"), [], "t")  # replaces a.txt
    assert _line_count(engine) == 3
    assert _fast(engine) == _generic(engine)


def test_claims_stored_without_lines_get_them_before_an_export(engine: Engine) -> None:
    _fill(engine, n=40)
    assert _line_count(engine) == 0
    assert _fast(engine) == _generic(engine)
    assert _line_count(engine) == 40
    assert fill_claim_lines(engine) == 0


def test_reviews_and_conflicts_show_in_the_stored_lines_export(engine: Engine) -> None:
    _stored_docs(engine)
    ids = _open_conflict(engine, lambda ids: ids[:2])
    add_review(engine, "claim", ids[1], "reject", "rev", "wrong")
    add_review(engine, "claim", ids[5], "accept", "rev", "")
    text = _fast(engine, batch=3)
    assert text == _generic(engine)
    rows = list(csv.DictReader(io.StringIO(text)))
    by_id = {int(r["claim_id"]): r for r in rows}
    assert by_id[ids[0]]["flags"] == "conflict" and by_id[ids[0]]["status"] == "auto"
    assert by_id[ids[1]]["status"] == "rejected" and by_id[ids[5]]["status"] == "accepted"
    # A reviewed claim the filter leaves out stays out.
    filt = ClaimFilter(document="b.txt")
    assert _fast(engine, filt, batch=2) == _generic(engine, filt)
    assert str(ids[1]) not in {
        r["claim_id"] for r in csv.DictReader(io.StringIO(_fast(engine, filt)))
    }


def test_a_quote_text_filter_gives_the_generic_rows(engine: Engine) -> None:
    _fill(engine, n=80)
    for text in ("1,0", "SAY", "cyber, p", "zz"):  # rare, common, awkward, too short to index
        filt = ClaimFilter(conditions=(ColumnCondition("quote", "contains", text),))
        assert _fast(engine, filt) == _generic(engine, filt)
    assert _fast(engine, filt) != _generic(engine)


def test_candidates_and_corrections_in_the_stored_lines_export(engine: Engine) -> None:
    from db.claims import ANY_STATUS
    from db.reviews import add_correction
    from tests.factories import make_claim

    claims = [
        make_claim(value=100.0 + i, quote=f"Over {i} firms.", status="candidate",
                   unsure=("owner?", "metric?")[: 1 + i % 2])
        for i in range(5)
    ] + [make_claim(value=7.0, metric="unicorns", quote="Seven unicorns.")]  # fmt: skip
    store_document(engine, make_doc("c.txt", text="candidates"), claims, "t")
    ids = [r["claim_id"] for r in iter_claims(engine, ClaimFilter(status=ANY_STATUS))]
    add_review(engine, "claim", ids[0], "accept", "rev")
    add_review(engine, "claim", ids[1], "reject", "rev")
    add_correction(engine, ids[2], "rev", "these are incubatees", metric="incubatees")
    add_review(engine, "claim", ids[3], "accept", "rev")
    add_review(engine, "claim", ids[3], "reopen", "rev")
    for filt in (None, ClaimFilter(status="candidate"), ClaimFilter(status="corrected"),
                 ClaimFilter(status=ANY_STATUS), ClaimFilter(metric="incubatees")):  # fmt: skip
        assert _fast(engine, filt, batch=2) == _generic(engine, filt)
    default = {int(r["claim_id"]): r for r in csv.DictReader(io.StringIO(_fast(engine)))}
    assert set(default) == {ids[0], ids[1], ids[5], max(default)}  # + the corrected row
    assert default[max(default)]["metric"] == "incubatees"
    assert default[max(default)]["status"] == "accepted"
    waiting = list(csv.DictReader(io.StringIO(_fast(engine, ClaimFilter(status="candidate")))))
    assert [(int(r["claim_id"]), r["status"], r["unsure"]) for r in waiting] == [
        (ids[3], "candidate", "owner?;metric?"), (ids[4], "candidate", "owner?")]  # fmt: skip
    # The stored line of an unreviewed candidate says so as it was written at ingest.
    with engine.connect() as conn:
        line = conn.scalar(select(ClaimLine.line).where(ClaimLine.claim_id == ids[4]))
    assert ",candidate,owner?," in line


def test_a_sorted_export_is_the_generic_writer_in_that_order(engine: Engine) -> None:
    _fill(engine, n=120)
    ids = _open_conflict(engine, lambda ids: ids[::7])
    add_review(engine, "claim", ids[3], "reject", "rev", "wrong")
    for sort in ((("value", "desc"),), (("status", "desc"), ("quote", "asc")), (("as_of", "asc"),)):
        for filt in (ClaimFilter(), ClaimFilter(metric="companies", document="plain.txt")):
            generic = "".join(iter_csv(CLAIM_COLUMNS, iter_claims(engine, filt, sort=sort)))
            assert "".join(iter_claim_csv(engine, filt, batch=9, sort=sort)) == generic
    rows = list(csv.DictReader(io.StringIO("".join(
        iter_claim_csv(engine, ClaimFilter(), sort=(("value", "desc"),))))))  # fmt: skip
    values = [float(r["value"]) for r in rows]
    assert values == sorted(values, reverse=True) and len(rows) == 120


def test_lines_formatted_at_store_are_what_the_stored_rows_give(engine: Engine) -> None:
    """Lines are written from the claims as stored (ints, awkward floats, formula text, empty
    flag segments, dates): byte for byte what formatting the rows read back gives."""
    from dataclasses import replace

    from db.claims_csv import write_claim_lines
    from tests.factories import make_claim

    rng = random.Random(11)
    claims = []
    for i in range(60):
        low, high = rng.choice(AWKWARD_FLOATS), rng.choice([*AWKWARD_FLOATS, 5, 10**6, 10**20])
        claim = make_claim(value=rng.choice([*AWKWARD_FLOATS, 3, 2200, 10**19]), low=low, high=high,
                           unit=rng.choice(("count", "HKD", "USD", "percent")),
                           quote=rng.choice(AWKWARD_TEXT) + f" {i}", period=rng.choice(
                               (None, "P1Y")), flags=rng.choice(((), ("garbled",), ("", "x"))),
                           entity=rng.choice(("Cyberport", "=cmd", "a, b")))  # fmt: skip
        if i % 5 == 0:
            claim = replace(claim, status="candidate", unsure=("owner?", "date?"))
        claims.append(claim)
    store_document(engine, make_doc("=awkward, one.txt", text="z" * 40), claims, "t")
    store_document(engine, make_doc("undated.txt", text="q" * 40, published_on=None),
                   claims[:7], "t")  # fmt: skip
    with engine.begin() as conn:
        stored = dict(conn.execute(select(ClaimLine.claim_id, ClaimLine.line)).all())
        conn.execute(ClaimLine.__table__.delete())
        assert write_claim_lines(conn, sorted(stored)) == len(stored) > 60
        again = dict(conn.execute(select(ClaimLine.claim_id, ClaimLine.line)).all())
    assert stored == again
    assert _fast(engine) == _generic(engine)


@given(st.lists(st.dictionaries(st.sampled_from(CLAIM_COLUMNS), st.one_of(
    st.none(), st.text(), st.floats(), st.integers(), st.dates())), max_size=5))  # fmt: skip
def test_lines_split_the_writer_output_row_by_row(rows: list[dict]) -> None:
    from db.claims_csv import _lines
    from db.csvout import format_cell

    expected = []
    for row in rows:  # one writer per row: no way for one line to run into the next
        buf = io.StringIO()
        csv.writer(buf).writerow([format_cell(row.get(c)) for c in CLAIM_COLUMNS])
        expected.append(buf.getvalue())
    assert _lines(rows) == expected


_ROW_KEYS = ("uid", "initial_status", "entity", "metric", "value", "unit", "qualifier", "period",
             "value_low", "value_high", "value_hkd", "quote", "char_start", "char_end", "flags",
             "unsure", "as_of", "as_of_precision", "mention_start", "mention_end", "document_id",
             "extractor_version", "section_id")  # fmt: skip
_ROW_VALUES = st.one_of(
    st.none(), st.text(), st.sampled_from([*AWKWARD_TEXT, ";a;;b;", ";;"]), st.integers(),
    st.floats(), st.sampled_from(AWKWARD_FLOATS), st.booleans(), st.dates(), st.datetimes(),
)  # fmt: skip


_NUMBERS = st.one_of(st.none(), st.integers(), st.floats(), st.sampled_from(AWKWARD_FLOATS))
_KEY_VALUES = {"flags": st.one_of(st.none(), st.text(";ab="), st.text()), "value": _NUMBERS,
               "value_low": _NUMBERS, "value_high": _NUMBERS, "value_hkd": _NUMBERS}  # fmt: skip


def _read_back_lines(document: str, published_on, rows: list[dict], ids: list[int]) -> list[str]:
    """The lines `_lines` gives for rows built as the stored columns read back."""
    from datetime import datetime

    from db.claims import finish_row
    from db.claims_csv import _lines

    found = []
    for row, claim_id in zip(rows, ids, strict=True):
        line = {}
        for c, value in row.items():
            if c in ("value", "value_low", "value_high", "value_hkd"):
                value = None if value is None else float(value)
                line[c] = None if value != value else value
            else:
                line[c] = value.date() if isinstance(value, datetime) else value
        if isinstance(published_on, datetime):
            published_on = published_on.date()
        line.update(claim_id=claim_id, document=document, published_on=published_on,
                    claim_uid=row["uid"], status=row["initial_status"])  # fmt: skip
        found.append(finish_row(line))
    return _lines(found)


@given(
    st.text(),
    st.one_of(st.none(), st.dates(), st.datetimes()),
    st.lists(
        st.fixed_dictionaries(
            {"uid": st.text(), "initial_status": st.text()},
            optional={k: _KEY_VALUES.get(k, _ROW_VALUES) for k in _ROW_KEYS[2:]},
        ),
        max_size=4,
    ),
)
def test_lines_of_new_claims_are_the_lines_of_their_rows_read_back(
    document: str, published_on, rows: list[dict]
) -> None:
    from db.claims_csv import claim_line_values

    ids = list(range(1, len(rows) + 1))
    expected = _read_back_lines(document, published_on, rows, ids)
    got = claim_line_values(document, published_on, rows, ids)
    assert got == [{"claim_id": i, "line": line} for i, line in zip(ids, expected, strict=True)]
