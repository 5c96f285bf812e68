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
