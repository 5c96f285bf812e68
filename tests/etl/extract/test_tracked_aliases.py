"""Other names a document gives the tracked organisation in brackets."""

from __future__ import annotations

import pytest

from etl.extract import default_config
from etl.extract.document_model import build_model

CONFIG = default_config()


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        (
            "Cyberport (Digital Port) announced its latest data. Digital Port said ...",
            "Digital Port",
        ),
        (
            "Digital Harbour (Cyberport) opened a new wing. Digital Harbour said ...",
            "Digital Harbour",
        ),
        ("Hong Kong Cyberport (digital port) held a forum.", "digital port"),
    ],
)
def test_a_name_in_brackets_beside_the_tracked_name_is_its_alias(text: str, alias: str) -> None:
    model = build_model(text, CONFIG)
    assert model.aliases is not None and model.aliases.fullmatch(alias)


@pytest.mark.parametrize(
    "text",
    [
        "Cyberport (Hong Kong) opened.",  # a place
        "Cyberport (pictured) opened.",
        "Cyberport (HKCMCL) opened.",  # an acronym: a unit, not an alias
        "Cyberport (2019) opened.",
        "Cyberport and Science Park (HKSTP) opened.",
        "Cyberport said the Science Park (Sha Tin) grew.",
    ],
)
def test_no_alias(text: str) -> None:
    assert build_model(text, CONFIG).aliases is None
