"""The turns of a transcript and whose words each is."""

from __future__ import annotations

import re

from etl.extract import default_config
from etl.extract.claims import extract_claims
from etl.extract.sentences import split_paragraphs
from etl.extract.transcripts import find_transcript
from etl.read.readers import read_bytes

PANEL = """Innovation Forum 2023: panel transcript, 2 November 2023

Panellists:
Amy Lo, Head of Community, Cyberport
Ben Wu, Chief Executive, Lingang Group

CHAIR: Welcome, both.

AMY LO: Thank you. We now have over 2,000 companies in the community.

BEN WU: We host 900 companies in the park.

AMY LO: And we admitted 150 start-ups to our incubation programme last year.
"""


def _turns(text: str) -> dict[int, tuple[bool, str | None]]:
    found = find_transcript(text, split_paragraphs(text), default_config())
    return {} if found is None else found.turns


def test_each_turn_is_its_speakers_and_the_roster_says_whom_they_work_for() -> None:
    paragraphs = split_paragraphs(PANEL)
    turns = _turns(PANEL)
    said = {PANEL[paragraphs[p][0] : paragraphs[p][0] + 6]: who for p, who in turns.items()}
    assert said["AMY LO"] == (True, "Cyberport")
    assert said["BEN WU"][0] is False and "Lingang" in (said["BEN WU"][1] or "")
    assert not any(k.startswith("CHAIR") for k in said)  # one word: no person's name


def test_a_speakers_we_and_our_community_are_their_organisations() -> None:
    doc = read_bytes(PANEL.encode(), "panel.txt")
    got = {(c.metric, c.value, c.status) for c in extract_claims(doc)}
    assert ("companies", 2000, "auto") in got
    assert ("incubatees", 150, "auto") in got
    assert not any(v == 900 for _, v, _ in got)  # the other hub's


def test_an_organisation_beside_the_label_names_the_speakers_organisation() -> None:
    text = (
        "AMY LO (Cyberport): We have 2,000 companies.\n\n"
        "BEN WU (Lingang Group): We have 900.\n\n"
        "AMY LO: Thank you."
    )
    assert set(_turns(text).values()) >= {(True, "Cyberport")}
    assert _turns(text)[2] == (True, "Cyberport")  # the same speaker later, unbracketed


def test_headlines_naming_organisations_and_a_few_labels_are_no_transcript() -> None:
    wire = (
        "CYBERPORT: community passes 2,000.\n\nINVESTHK: 500 firms helped.\n\n"
        "CYBERPORT WEB3: cluster at 300."
    )
    assert _turns(wire) == {}
    two = "AMY LO: We have 2,000.\n\nBEN WU: We have 900."  # two turns: too few to tell
    assert _turns(two) == {}


def test_labels_that_are_surnames_in_capitals_take_the_roster_s_organisations() -> None:
    text = (
        "Panellists:\n\nEddie Lam, Chief Officer, Cyberport\n\n"
        "Dr Grace Yeung, Head of Ecosystem, Hong Kong Science and Technology Parks Corporation\n\n"
        "LAM: We have over 2,200 companies.\n\nYEUNG: We have more than 1,800 companies.\n\n"
        "LAM: And we admitted 160 start-ups last year."
    )
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    t = find_transcript(text, paragraphs, default_config())
    assert t is not None
    turns = {text[paragraphs[p][0] : paragraphs[p][0] + 5]: who for p, who in t.turns.items()}
    assert turns["LAM: "][0] is True and turns["YEUNG"][0] is False


def test_one_word_labels_no_full_name_stands_for_are_no_transcript() -> None:
    text = "NOTE: one.\n\nTIP: two.\n\nNOTE: three.\n\nTIP: four."
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    assert find_transcript(text, paragraphs, default_config()) is None


def test_a_known_speakers_label_is_no_name_in_the_answer_and_an_unknown_ones_is() -> None:
    text = PANEL + (
        "\nCHAIR: Amy, how much have your companies raised?\n\n"
        "AMY LO: Cumulatively, over HK$9 billion.\n\n"
        "CHAIR: Cara, the same question for your park?\n\n"
        "CARA NG: The park has 700 companies.\n"
    )
    doc = read_bytes(text.encode(), "panel.txt")
    got = {(c.entity, c.metric, c.value, c.status) for c in extract_claims(doc)}
    assert ("Cyberport", "funding_raised", 9e9, "auto") in got
    assert not any(v == 700 for _, _, v, _ in got)  # whose park, no roster says


def test_a_known_speakers_short_answer_counts_what_the_question_asks() -> None:
    text = PANEL + (
        "\nCHAIR: Amy, how many companies are in the Cyberport community today?\n\n"
        "AMY LO: Just over 2,100. About 900 of them are on our campus.\n\n"
        "CHAIR: And unicorns?\n\nAMY LO: Two so far.\n\n"
        "CHAIR: How many companies have you backed?\n\nAMY LO: About 40.\n"
    )
    doc = read_bytes(text.encode(), "panel.txt")
    got = {(c.metric, c.value, c.status) for c in extract_claims(doc)}
    assert ("companies", 2100, "auto") in got and ("unicorns", 2, "auto") in got
    assert not any(v == 40 for _, v, _ in got)  # no size of the community
