"""Capitalised words that name no organisation."""

from __future__ import annotations

import pytest

from etl.extract.common_words import names_no_one


@pytest.mark.parametrize(
    ("text", "name", "none"),
    [
        ("It grew fast, so Web3 is now a slice.", "Web3", True),  # a field, anywhere
        ("Four have listed.", "Four", True),  # a number word
        ("Unicorns nurtured 3", "Unicorns", True),  # a metric's word opening a row
        ("It grew fast, so Acme is now a slice.", "Acme", False),
        ("Acme has 40 staff.", "Acme", False),
        # A plural noun opening its sentence, its verb in the plural
        ("Founders now come from 35 countries.", "Founders", True),
        ("Entrepreneurs here have raised HK$2 billion.", "Entrepreneurs", False),  # no verb next
        ("Siemens has 300 staff here.", "Siemens", False),  # a verb in the singular
        ("Funds raised by its companies stood at HK$2 billion.", "Funds", True),
        # a word the text also writes in lower case
        ("Its growth was fast. Growth was strongest in FinTech.", "Growth", True),
        ("Growth was strongest in FinTech.", "Growth", False),  # (alone: may be a name)
    ],
)
def test_which_capitalised_words_name_no_one(text: str, name: str, none: bool) -> None:
    a = text.rindex(name) if name == "Growth" else text.index(name)
    start = text.rfind(". ", 0, a) + 2 if ". " in text[:a] else 0
    assert names_no_one(text, a, name, start, len(text)) is none


def test_a_metric_word_capitalised_after_a_tiles_figure_names_no_one() -> None:
    for line in ("- 7 Unicorns nurtured at Cyberport", "1,850+ Start-ups admitted since 2005"):
        a = line.index("Unicorns") if "Unicorns" in line else line.index("Start-ups")
        name = line[a:].split()[0]
        assert names_no_one(line, a, name, 0, len(line))
    assert not names_no_one("- 7 Lingang Group firms", 4, "Lingang", 0, 23)
