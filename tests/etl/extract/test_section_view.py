"""A section read on demand: candidate sentences, and the subject found by looking back."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from db.records import ReadDocument
from etl.extract import default_config, extract_claims
from etl.extract.prefilter import candidate_positions
from etl.extract.section_view import SectionView
from etl.extract.sentences import split_paragraphs
from etl.read.readers import read_document
from tests.paths import ROOT

FILLER = "Guests toured the new studios and met founders from many sectors. "


def _doc(text: str) -> ReadDocument:
    return ReadDocument(
        "long.txt", "0" * 64, "txt", text, None, None, None, None, date(2024, 1, 5), "manifest", ()
    )


def _view(text: str) -> SectionView:
    return SectionView(text, split_paragraphs(text), default_config())


def _found(text: str) -> set[tuple[str, str, float]]:
    return {(c.entity, c.metric, c.value) for c in extract_claims(_doc(text))}


# Longer than Python's recursion limit: the look-back must not recurse per sentence.
LONG = max(1500, sys.getrecursionlimit() + 200)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Cyberport is a digital hub in Hong Kong.", {("Cyberport", "companies", 1800.0)}),
        ("Lingang Group is a development company in Shanghai.", set()),
    ],
)
def test_a_pronoun_after_a_very_long_paragraph_finds_its_subject(opening, expected) -> None:
    text = f"{opening} {FILLER * LONG}It now hosts 1,800 companies."
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Cyberport is a digital hub in Hong Kong.", {("Cyberport", "companies", 1800.0)}),
        ("Lingang Group runs a science park in Shanghai.", set()),  # "the park" is theirs
    ],
)
def test_the_park_after_many_paragraphs_is_the_park_last_named(opening, expected) -> None:
    paragraphs = [opening] + [FILLER.strip()] * LONG + ["The park now hosts 1,800 companies."]
    assert _found("\n\n".join(paragraphs)) == expected


def test_long_look_back_agrees_with_a_short_one() -> None:
    short = "Cyberport is a digital hub. " + FILLER * 3 + "It now hosts 1,800 companies."
    long = "Cyberport is a digital hub. " + FILLER * LONG + "It now hosts 1,800 companies."
    assert _found(short) == _found(long) == {("Cyberport", "companies", 1800.0)}


def test_topic_before_reads_each_sentence_once() -> None:
    text = "Cyberport is a digital hub. " + FILLER * 40 + "It has 9 labs. It has 12 studios."
    view = _view(text)
    assert len(view.paragraph(0)) == 43
    last = (0, 42)
    assert view.topic_before(last).paragraph is not None
    assert len(view.mentions) == 42  # every earlier sentence, each once
    assert view.topic_before((0, 41)) == view.topics[(0, 41)]  # remembered on the way back
    assert view.topic_before((0, 0)).paragraph is None  # nothing before the first sentence


def test_candidates_are_the_sentences_with_a_number_in_order() -> None:
    text = "No figure here. It has 9 labs.\n\nNothing at all.\n\nSeven studios opened. Fine."
    view = _view(text)
    got = [view.sentence(sid) for sid in view.candidates(0, len(text))]
    assert [text[s.start : s.end] for s in got] == ["It has 9 labs.", "Seven studios opened."]


def _candidates_one_by_one(view: SectionView, text: str) -> list[tuple[int, int]]:
    """`candidates` as first written: `sentence_at` for each position, in turn."""
    out: list[tuple[int, int]] = []
    last = -1
    for pos in candidate_positions(text, 0, len(text)) or []:
        sid = view.sentence_at(pos) if pos >= last else None
        if sid is not None:
            last = view.sentence(sid).end
            out.append(sid)
    return out


@given(
    st.lists(st.sampled_from(["Seven", " 12", ". ", "\n\n", " x", "No. 5", "\n- "])).map("".join)
)
def test_candidates_walk_the_paragraphs_as_sentence_at_finds_them(text: str) -> None:
    if candidate_positions(text, 0, len(text)) is not None:
        assert list(_view(text).candidates(0, len(text))) == _candidates_one_by_one(
            _view(text), text
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("InvestHK now serves 500 members.", False),
        ("Lingang Group hosts 300 firms. It added 20 more.", True),  # "it" may continue a subject
        ("Lingang Group hosts 300 firms, including its 20 unicorns.", True),
        ("The park hosts 300 firms.", True),
        ("Our community has 300 firms.", True),
        ("Hong Kong Cyberport hosts 300 firms.", True),
        ("About Cyberport\n\nThe hub hosts 300 firms.", True),  # under a tracked heading
        ("About InvestHK\n\nThe agency serves 300 firms.", False),
        ("Key figures:\n\n- Start-ups: 300", True),  # a list continues its lead-in
    ],
)
def test_may_be_tracked(text: str, expected: bool) -> None:
    view = _view(text)
    last = len(view.paragraphs) - 1
    assert view.may_be_tracked((last, len(view.paragraph(last)) - 1)) is expected


def test_may_be_tracked_reads_the_paragraph_before_the_sentence() -> None:
    view = _view("Cyberport is a hub. The agency serves 300 firms.\n\nInvestHK serves 90 firms.")
    view.paragraph(0), view.paragraph(1)
    assert view.may_be_tracked((0, 1))
    assert not view.may_be_tracked((1, 0))


SUBJECTS = ["Cyberport", "The park", "InvestHK", "Lingang Group", "Hong Kong", "It", "We",
            "Its community", "Our start-ups", "The agency", "", "About Cyberport\n\n",
            "About InvestHK\n\n", "Key figures:\n\n-", '"We', "Over"]  # fmt: skip
PREDICATES = [" has", " hosts", " is home to", " raised", " counts", ":", " said"]
FIGURES = [" over 2,000 start-ups", " 35 members", " seven unicorns", " HK$4.2 billion",
           " 12 listed companies", " 20 markets", " 300 firms in the park", ""]  # fmt: skip
ENDS = [".", " in 2020.", ", Cyberport said.", ", including its 7 unicorns.", '."', ""]
BREAKS = [" ", "\n\n", "\n- "]
sentences = st.tuples(*(st.sampled_from(x) for x in (SUBJECTS, PREDICATES, FIGURES, ENDS, BREAKS)))


def _claims_without_the_gate(doc: ReadDocument) -> list:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(SectionView, "may_be_tracked", lambda self, sid: True)
        return extract_claims(doc)


@settings(max_examples=400)
@given(st.lists(sentences.map("".join), min_size=1, max_size=12).map("".join))
@example(  # a row under a heading that names the tracked organisation, paragraphs above it
    "InvestHK has. About Cyberport\n\n has over 2,000 start-ups. Cyberport has 35 members. The "
    "park has 35 members. InvestHK has over 2,000 start-ups.\n\nOver: over 2,000 start-ups."
    "\n\nCyberport has over 2,000 start-ups. Cyberport: over 2,000 start-ups. "
)
def test_the_tracked_gate_never_drops_a_claim(text: str) -> None:
    doc = _doc(text)
    assert extract_claims(doc) == _claims_without_the_gate(doc)


@pytest.mark.parametrize(
    "path",
    [
        p
        for folder in ("tests/eval/documents", "tests/data/documents", "seeds")
        for p in sorted((ROOT / folder).glob("*.*"))
        if p.suffix != ".csv"
    ],
    ids=lambda p: p.name,
)
def test_the_tracked_gate_changes_nothing_on_the_test_documents(path) -> None:
    doc = read_document(path)
    assert extract_claims(doc) == _claims_without_the_gate(doc)


def test_a_known_speakers_we_ends_the_look_back() -> None:
    text = (
        "Lingang Group is a development company. " + FILLER * 3
        + '"We are growing fast," said Amy Lo, Chairman of Cyberport. It has 300 start-ups.'
    )  # fmt: skip
    assert _found(text) == {("Cyberport", "startups", 300.0)}
    view = _view(text)
    last = (0, len(view.paragraph(0)) - 1)
    assert view.topic_before(last).paragraph.entity == "Cyberport"
    assert (0, 0) not in view.mentions  # the look-back stopped at the speaker's sentence


def test_the_sentences_before_run_back_across_paragraphs_nearest_first() -> None:
    view = _view("One here. Two here.\n\nThree here. Four here.")
    assert list(view.before((1, 1), 2)) == [(1, 0), (0, 1)]
    assert list(view.before((1, 1), 9)) == [(1, 0), (0, 1), (0, 0)]
    assert list(view.before((0, 0), 3)) == []
    assert [view.sentence_text(s) for s in view.before((1, 0), 1)] == ["Two here."]


def test_the_gate_keeps_a_sentence_whose_figure_takes_the_owner_before() -> None:
    doc = _doc(
        "Cyberport has over 2,000 start-ups. The agency raised over 2,000 start-ups.\n\n"
        " has HK$4.2 billion Key figures:\n\n- has over 2,000 start-ups. "
    )
    assert extract_claims(doc) == _claims_without_the_gate(doc)


def test_the_tracked_gate_reads_a_fact_box_row_in_a_document_about_the_organisation() -> None:
    doc = _doc(
        "The agency: over 2,000 start-ups The agency has 35 members.\n\n"
        "Cyberport: over 2,000 start-ups. "
    )
    assert extract_claims(doc) == _claims_without_the_gate(doc)
