"""What a sentence's claims take from around them: here, a sentence that is another's."""

from __future__ import annotations

import pytest

from etl.extract import default_config
from etl.extract.claim_context import anothers_sentence
from etl.extract.document_model import build_model
from etl.extract.section_view import SectionView
from etl.extract.sentences import split_paragraphs

LEAD = "Hong Kong, 3 May 2024 – Cyberport signed a pact with Lingang Group.\n\n"


def _anothers(sentence: str) -> bool:
    text = LEAD + sentence
    config = default_config()
    view = SectionView(text, split_paragraphs(text), config, model=build_model(text, config))
    p = len(view.paragraphs) - 1
    view.paragraph(p)
    return anothers_sentence(view, (p, 0))


def test_a_sentence_opening_on_another_organisation_naming_none_of_ours_is_theirs() -> None:
    assert _anothers("Lingang Group has helped its start-ups raise HK$12 billion.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Lingang Group said Cyberport now hosts 2,000 companies.",  # the tracked one named
        "Lingang Group toured the park, which hosts 2,000 companies.",  # a place word of ours
        '"Lingang Group is a fine partner, and we host 2,000 companies," she said.',  # a "we"
        "Fund-raising has held up: they raised HK$6.1 billion.",  # a capitalised word, no name
        "In 2023, Lingang Group hosted 500 firms.",  # (not the sentence's opening subject)
    ],
)
def test_a_sentence_that_may_hold_a_figure_of_ours_is_not(sentence: str) -> None:
    assert not _anothers(sentence)
