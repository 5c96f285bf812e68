"""Claims scored by where each part's evidence came from: found, a candidate, or dropped."""

from __future__ import annotations

import json

import pytest

from etl.extract import scoring
from etl.extract.scoring import Decision, Evidence, decide


@pytest.mark.parametrize(
    ("evidence", "status", "unsure"),
    [
        (Evidence("name", "noun", "stated"), "auto", ()),
        (Evidence("pronoun", "predicate", "section"), "auto", ()),
        (Evidence("document", "noun", "section"), "candidate", ("owner?",)),
        (Evidence("document", "noun", "section", owner_sure=True), "auto", ()),
        (Evidence("name", "previous", "section"), "candidate", ("metric?",)),
        (Evidence("name", "noun", "unread_phrase"), "candidate", ("date?",)),
        (Evidence("document", "previous", "unread_phrase"), "candidate",
         ("owner?", "metric?", "date?")),
    ],
)  # fmt: skip
def test_a_part_below_sure_makes_a_candidate_with_its_reason(evidence, status, unsure) -> None:
    d = decide(evidence)
    assert isinstance(d, Decision) and (d.status, d.unsure) == (status, unsure)


def test_a_source_the_weights_do_not_know_drops_the_figure() -> None:
    assert decide(Evidence("a guess", "noun", "stated")) is None


def test_a_trained_model_takes_the_place_of_the_hand_weights(tmp_path, monkeypatch) -> None:
    model = tmp_path / "model.json"
    model.write_text(json.dumps({"weights": {"owner": {"document": 0.95}, "metric": {}}}))
    monkeypatch.setattr(scoring, "MODEL_FILE", model)
    scoring.weights.cache_clear()
    try:
        assert decide(Evidence("document", "noun", "section")).status == "auto"
        with scoring.hand_weights():
            assert decide(Evidence("document", "noun", "section")).status == "candidate"
    finally:
        monkeypatch.undo()
        scoring.weights.cache_clear()


def test_a_trained_model_never_drops_what_the_hand_weights_keep(tmp_path, monkeypatch) -> None:
    model = tmp_path / "model.json"
    weights = {"owner": {"a guess": 0.9}, "metric": {"activity": 0.1, "previous": 0.2}}
    model.write_text(json.dumps({"weights": weights}))
    monkeypatch.setattr(scoring, "MODEL_FILE", model)
    scoring.weights.cache_clear()
    try:  # a kept source stays a candidate; a source the hand weights drop may be learnt
        assert decide(Evidence("name", "activity", "stated")).unsure == ("metric?",)
        assert decide(Evidence("name", "previous", "stated")).status == "candidate"
        assert decide(Evidence("a guess", "noun", "stated")).status == "auto"
    finally:
        monkeypatch.undo()
        scoring.weights.cache_clear()
