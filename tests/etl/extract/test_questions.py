"""What a question in an interview asks for."""

from __future__ import annotations

from etl.extract.questions import asked_metric


def _asked(question: str, kind: str = "count", value: float = 300.0) -> str | None:
    found = asked_metric(question, kind, value)
    return found.metric if found else None


def test_how_many_names_the_metric_it_asks_for() -> None:
    assert _asked("How many of those are genuinely start-ups?") == "startups"
    assert _asked("How many companies are in the community today?") == "companies"
    assert _asked("How many companies have you backed?") is None  # the set's noun alone


def test_a_question_naming_a_cluster_asks_for_its_size() -> None:
    assert _asked("And Web3, the big theme a couple of years ago?") == "web3_companies"
    assert _asked("Is fintech a real thing yet?", value=1.0) is None  # "one of a handful"
    assert _asked("What keeps you here?") is None
