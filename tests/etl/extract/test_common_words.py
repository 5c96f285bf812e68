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
    ],
)
def test_which_capitalised_words_name_no_one(text: str, name: str, none: bool) -> None:
    assert names_no_one(text, text.index(name), name, 0, len(text)) is none
