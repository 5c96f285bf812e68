"""`python -m etl train`: labels from gold files and corrections, a deterministic fit."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

from etl.cli import main
from etl.extract.scoring import Evidence
from etl.train import LABELLED, ROOT, Label, correction_labels, examples, fit, train
from tests.factories import make_doc


def test_corrections_of_the_tracked_organisation_are_labels() -> None:
    rows = [
        {"document": "a.txt", "entity": "Cyberport", "metric": "unicorns", "value": 7,
         "unit": "count", "char_start": 10, "char_end": 11, "quote": "7 unicorns",
         "as_of": "2024-01-01", "period": None},
        SimpleNamespace(document="b.txt", entity="Hong Kong Cyberport", metric="companies",
                        value=2000.0, unit="count"),
        {"document": "c.txt", "entity": "InvestHK", "metric": "companies", "value": 5,
         "unit": "count"},
        {"document": "d.txt", "entity": "Cyberport", "metric": "", "value": 5, "unit": "count"},
    ]  # fmt: skip
    assert correction_labels(rows, "Cyberport") == [
        Label("a.txt", "unicorns", 7.0, "count"),
        Label("b.txt", "companies", 2000.0, "count"),
    ]


def test_each_claim_found_is_an_example_labelled_by_the_gold() -> None:
    doc = make_doc(text="Cyberport is home to over 2,200 companies and 7 unicorns.")
    got = list(examples([doc], [Label("a.txt", "unicorns", 7, "count")], default()))
    assert sorted((e.metric, right) for e, right in got) == [("noun", False), ("noun", True)]


def default():
    from etl.extract import default_config

    return default_config()


def test_the_fit_is_deterministic_and_keeps_rare_sources_out() -> None:
    data = (
        [(Evidence("name", "noun", "stated"), True)] * 20
        + [(Evidence("document", "noun", "section"), i % 3 == 0) for i in range(9)]
        + [(Evidence("after", "noun", "stated"), True)] * 2
    )
    a, b = fit(data), fit(list(data))
    assert a == b
    assert a["weights"]["owner"]["document"] < a["weights"]["owner"]["name"]
    assert "after" not in a["weights"]["owner"]  # seen twice: its hand weight stays
    assert a["report"]["examples"] == 31


def test_train_writes_the_same_model_from_the_same_data(tmp_path) -> None:
    folder = tmp_path / "tests" / "eval" / "documents"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(
        "Hong Kong, 5 June 2025 – Cyberport is home to over 2,200 companies and 7 unicorns.\n"
    )
    (tmp_path / "tests" / "eval" / "gold.csv").write_text(
        "document,entity,metric,value,unit,qualifier,as_of,period,expect_flags,note\n"
        "a.txt,Cyberport,unicorns,7,count,exact,2025-06-05,,,\n"
    )
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    train(out=one, root=tmp_path)
    train(
        out=two,
        root=tmp_path,
        corrections=[
            SimpleNamespace(
                document="a.txt", entity="Cyberport", metric="companies", value=2200, unit="count"
            )
        ],
    )
    report = json.loads(one.read_text())["report"]
    assert report["sets"] == ["tests/eval/documents"] and report["examples"] == 2
    assert json.loads(two.read_text())["report"]["right"] == 2
    train(out=two, root=tmp_path)
    assert one.read_bytes() == two.read_bytes()


def test_the_command_line_trains_into_the_file_it_is_given(tmp_path, monkeypatch) -> None:
    import etl.train

    monkeypatch.setattr(etl.train, "LABELLED", (("tests/eval/documents", "tests/eval/gold.csv"),))
    err = io.StringIO()
    assert main(["train", "--out", str(tmp_path / "m.json")], err=err) == 0
    assert "examples" in err.getvalue() and (tmp_path / "m.json").is_file()


def test_train_with_a_database_learns_from_its_corrections(db_url, tmp_path, monkeypatch) -> None:
    import etl.train
    from db.claims import ANY_STATUS, ClaimFilter, iter_claims
    from db.engine import open_db
    from db.reviews import add_correction

    text = "Hong Kong, 5 June 2025 – Cyberport said 40 firms joined its programme this year."
    doc = tmp_path / "lab.txt"
    doc.write_text(text, encoding="utf-8")
    assert main(["ingest", str(doc), "--db", db_url, "--no-progress"], err=io.StringIO()) == 0
    engine = open_db(db_url)
    (row,) = iter_claims(engine, ClaimFilter(status=ANY_STATUS))
    add_correction(engine, row["claim_id"], "ana", "start-ups counted apart", metric="startups")
    monkeypatch.setattr(etl.train, "LABELLED", ())  # the corrections alone
    err = io.StringIO()
    out = tmp_path / "m.json"
    assert main(["train", "--db", db_url, "--out", str(out)], err=err) == 0
    report = json.loads(out.read_text())["report"]
    assert report["corrections"] == 1 and report["examples"] >= 1


def test_every_labelled_set_of_the_repository_is_trained_on() -> None:
    golds = {p.relative_to(ROOT).as_posix() for p in ROOT.glob("tests/eval/**/gold.csv")}
    assert len(golds) >= 6 and golds <= {gold for _, gold in LABELLED}
