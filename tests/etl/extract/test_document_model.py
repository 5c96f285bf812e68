"""The document read as a whole: each part of it found once, offsets into its text."""

from __future__ import annotations

from etl.extract import default_config
from etl.extract.document_model import EMPTY, build_model

CONFIG = default_config()


def model(text: str, title: str | None = None):
    return build_model(text, CONFIG, title)


def test_each_paragraph_knows_the_heading_above_it_and_its_lead_in() -> None:
    text = (
        "Intro text here.\n\nUnicorns\n\nThe community now counts four.\n\n"
        "As at June:\n\n- 6 unicorns"
    )
    m = model(text)
    a, b = m.heading(text.index("The community"))
    assert text[a:b] == "Unicorns"
    a, b = m.lead_ins[text.index("- 6")]
    assert text[a:b] == "As at June:"
    assert m.heading(0) is None


def test_a_text_with_no_paragraph_is_the_empty_model() -> None:
    assert model("") is EMPTY
    assert model("Cyberport said it had 2,000 companies.") is not EMPTY
