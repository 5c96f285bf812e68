"""The noun a relative clause describes, and the owner of a programme named after "its"."""

from __future__ import annotations

from etl.config import load_config
from etl.extract.antecedents import owned_name, relative_antecedent
from etl.extract.mentions import find_mentions
from tests.paths import ROOT

CYBERPORT = load_config(ROOT / "etl" / "data" / "tracked.toml")


def _antecedent(text: str, figure: str) -> str | None:
    ms = find_mentions(text, 0, len(text), CYBERPORT)
    m = relative_antecedent(text, 0, text.index(figure), ms)
    return text[m.start : m.end] if m else None


def test_the_name_in_the_noun_a_relative_clause_describes() -> None:
    assert _antecedent("Acme joined a cluster at Cyberport that has 80 firms.", "80") == "Cyberport"
    assert _antecedent("It met Lingang Group, which has 500 firms.", "500") == "Lingang Group"


def test_no_antecedent_for_a_clause_with_its_own_subject_or_a_complement() -> None:
    assert _antecedent("It met Lingang Group, which Cyberport says has 500 firms.", "500") is None
    assert _antecedent("Lingang Group is frank that 500 firms is a lot.", "500") is None
    assert _antecedent("Cyberport has 2,000 companies.", "2,000") is None


def test_a_programme_named_right_after_its_possessor() -> None:
    for text, owned in (
        ("Its Incubation Programme admitted 14 start-ups.", True),
        ("Its Macro Fund invested in 20 start-ups.", False),  # a fund's figures are its own
        ("Its partner, the Acme Programme, admitted 14.", False),  # not right after "its"
    ):
        ms = find_mentions(text, 0, len(text), CYBERPORT)
        pronoun = next(m for m in ms if m.kind == "pronoun")
        names = [m for m in ms if m.kind == "name"]
        assert any(owned_name(text, pronoun, n) for n in names) is owned, text
