"""`python -m etl review` and the review/conflict/series exports, through etl.cli.main."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from db.documents import store_document
from db.engine import open_db
from etl.check.consistency import refresh
from etl.cli import main
from tests.factories import make_claim, make_doc


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(db_url: str) -> str:
    engine = open_db(db_url)
    for name, value, day in (("a.txt", 1900, 1), ("b.txt", 2300, 5)):
        d = date(2024, 1, day)
        claim = make_claim(value=value, low=value - 50, high=value + 50, as_of=d,
                           quote=f"It counts {value} companies.")  # fmt: skip
        store_document(engine, make_doc(name, claim.quote, d, kind="press release"), [claim], "t")
    refresh(engine)
    return db_url


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_review_a_claim_and_see_it_in_the_exports(db: str) -> None:
    _, out, _ = run("export", "conflicts", "--db", db)
    (conflict,) = rows(out)
    assert (conflict["kind"], conflict["status"]) == ("disagree", "open")
    first = conflict["claim_ids"].split(";")[0]
    code, _, err = run("review", "--db", db, "--claim", first, "--action", "reject",
                       "--reviewer", "ana", "--note", "old count")  # fmt: skip
    assert code == 0 and "reject by ana" in err
    _, out, _ = run("export", "conflicts", "--db", db, "--status", "resolved")
    assert [r["conflict_id"] for r in rows(out)] == [conflict["conflict_id"]]
    _, out, _ = run("export", "claims", "--db", db, "--status", "rejected")
    assert [r["claim_id"] for r in rows(out)] == [first]
    _, out, _ = run("export", "reviews", "--db", db)
    (review,) = rows(out)
    assert (review["target_type"], review["target_id"], review["action"], review["reviewer"],
            review["note"]) == ("claim", first, "reject", "ana", "old count")  # fmt: skip
    _, out, _ = run("export", "series", "--db", db, "--metric", "companies")
    series = rows(out)
    assert [r["value"] for r in series] == ["2300"]  # the rejected claim no longer counts
    assert series[0]["method"] == "single"


def test_review_a_conflict(db: str) -> None:
    code, _, _ = run("review", "--db", db, "--conflict", "1", "--action", "resolve",
                     "--reviewer", "bo")  # fmt: skip
    assert code == 0
    _, out, _ = run("export", "conflicts", "--db", db)
    assert rows(out)[0]["status"] == "resolved"
    _, out, _ = run("export", "claims", "--db", db)
    assert all("conflict" not in r["flags"] for r in rows(out))


def test_review_errors_are_one_line(db: str) -> None:
    code, _, err = run("review", "--db", db, "--claim", "999", "--action", "accept",
                       "--reviewer", "ana")  # fmt: skip
    assert code == 2 and err.strip() == "error: no claim with id 999"
    code, _, err = run("review", "--db", db, "--conflict", "1", "--action", "accept",
                       "--reviewer", "ana")  # fmt: skip
    assert code == 2 and "cannot be given 'accept'" in err
    code, _, err = run("review", "--db", db, "--claim", "1", "--action", "accept",
                       "--reviewer", " ")  # fmt: skip
    assert code == 2 and "reviewer is empty" in err


@pytest.fixture
def with_candidate(db: str) -> tuple[str, str]:
    """The database with one more document holding a candidate; its claim id."""
    quote = "Harbour Lab now counts 40 companies."
    claim = make_claim(value=40, qualifier="exact", quote=quote, as_of=date(2024, 2, 1),
                       status="candidate", unsure=("owner?", "metric?"), figure="40")  # fmt: skip
    store_document(open_db(db), make_doc("lab.txt", quote, date(2024, 2, 1)), [claim], "t")
    _, out, _ = run("export", "claims", "--db", db, "--status", "candidate")
    (row,) = rows(out)
    return db, row["claim_id"]


def test_candidates_export_apart_and_a_correction_counts(with_candidate) -> None:
    db, claim_id = with_candidate
    _, out, _ = run("export", "claims", "--db", db)
    assert claim_id not in {r["claim_id"] for r in rows(out)}  # not in the default export
    _, out, _ = run("export", "claims", "--db", db, "--status", "candidate")
    (row,) = rows(out)
    header = out.splitlines()[0].split(",")
    assert header.index("unsure") == header.index("status") + 1
    assert (row["status"], row["unsure"], row["metric"], row["value"]) == (
        "candidate", "owner?;metric?", "companies", "40")  # fmt: skip
    code, _, err = run("review", "--db", db, "--claim", claim_id, "--action", "correct",
                       "--metric", "incubatees", "--entity", "Harbour Lab",
                       "--as-of", "2024-01-31", "--reviewer", "ana",
                       "--note", "its incubation count")  # fmt: skip
    assert code == 0, err
    assert err.strip() == (
        f"claim {claim_id}: correct by ana (metric companies -> incubatees; "
        "entity Cyberport -> Harbour Lab; as of 2024-02-01 -> 2024-01-31)"
    )
    _, out, _ = run("export", "claims", "--db", db, "--metric", "incubatees")
    (fixed,) = rows(out)
    assert (fixed["entity"], fixed["as_of"], fixed["status"]) == (
        "Harbour Lab", "2024-01-31", "accepted")  # fmt: skip
    assert fixed["quote"] == "Harbour Lab now counts 40 companies."
    _, out, _ = run("export", "claims", "--db", db, "--status", "corrected")
    assert [r["claim_id"] for r in rows(out)] == [claim_id]
    _, out, _ = run("export", "series", "--db", db, "--metric", "incubatees")
    assert [(r["entity"], r["value"], r["method"]) for r in rows(out)] == [
        ("Harbour Lab", "40", "accepted")]  # fmt: skip
    _, out, _ = run("export", "reviews", "--db", db)
    (review,) = rows(out)
    assert (review["action"], review["reviewer"], review["note"]) == (
        "correct", "ana", "its incubation count")  # fmt: skip
    assert review["correction"].startswith("metric companies -> incubatees;")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--action", "correct", "--metric", "unicorns"), "needs a note saying why"),
        (("--action", "correct", "--note", "why"), "needs --metric, --entity or --as-of"),
        (("--action", "accept", "--metric", "unicorns"), "go with --action correct"),
        (("--action", "correct", "--metric", "nope", "--note", "x"), "unknown metric 'nope'"),
        (("--action", "correct", "--metric", "funding_raised", "--note", "x"), "counted in HKD"),
    ],
)
def test_correction_errors_are_one_line(with_candidate, argv, message) -> None:
    db, claim_id = with_candidate
    code, _, err = run("review", "--db", db, "--claim", claim_id, "--reviewer", "ana", *argv)
    assert code == 2 and err.startswith("error: ") and message in err
    assert len(err.strip().splitlines()) == 1
    _, out, _ = run("export", "reviews", "--db", db)
    assert rows(out) == []


def test_a_conflict_cannot_be_corrected(db: str) -> None:
    code, _, err = run("review", "--db", db, "--conflict", "1", "--action", "correct",
                       "--metric", "unicorns", "--reviewer", "ana", "--note", "x")  # fmt: skip
    assert code == 2 and "only a claim can be corrected" in err
