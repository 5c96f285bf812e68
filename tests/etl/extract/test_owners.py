"""Names read with the document model: units, acronyms, joint subjects, unnamed sentences."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import default_config
from etl.extract.document_model import build_model
from etl.extract.lexicon import safe_lower
from etl.extract.mentions import find_mentions
from etl.extract.owners import _CAPITALISED, _joint_re, names_no_one, read_mentions
from etl.extract.programmes import programme_ref_re
from etl.extract.regex_parts import literal_tests, may_match

CONFIG = default_config()


def _joint_words():
    return literal_tests(_joint_re().pattern)


def _programme_words():
    return literal_tests(programme_ref_re().pattern)


def names(doc: str, sentence: str) -> list[tuple[str, str | None, bool]]:
    model = build_model(doc, CONFIG)
    a = doc.index(sentence)
    b = a + len(sentence)
    ms = read_mentions(doc, a, b, find_mentions(doc, a, b, CONFIG), model, CONFIG)
    return [(doc[m.start : m.end], m.entity, m.tracked) for m in ms]


DOC = (
    "Cyberport runs the Cyberport Incubation Programme (CIP) and the Cyberport Macro Fund (CMF). "
    "The CIP admitted 82 start-ups. The CMF has invested in 41 companies. "
    "The programme's graduates won 23 awards. The Cyberport Investors Network has 150 members."
)


def test_a_programme_and_its_acronym_are_the_organisations_own() -> None:
    assert names(DOC, "The CIP admitted 82 start-ups.") == [("CIP", "Cyberport", True)]
    assert names(DOC, "The programme's graduates won 23 awards.") == [
        ("The programme", "Cyberport", True)
    ]


def test_a_fund_or_a_network_is_an_entity_of_its_own() -> None:
    assert names(DOC, "The CMF has invested in 41 companies.") == [
        ("CMF", "Cyberport Macro Fund", False)
    ]
    assert names(DOC, "The Cyberport Investors Network has 150 members.") == [
        ("Cyberport Investors Network", "Cyberport Investors Network", False)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Together, the two parks host close to 4,000 companies.",
        "Cyberport and Hong Kong Science Park together host 4,000 companies.",
        "Taken together, the two technology flagships host some 2,550 companies.",
        "Both science parks now host 3,900 firms.",
        "Together, Hong Kong Science Park and Cyberport now host around 3,800 companies.",
        "Together with Hong Kong Science Park, Cyberport hosts 2,000 companies.",
        "Officials said that, together with the Hong Kong Science Park, Cyberport has 2,700.",
        "Cyberport, together with Hong Kong Science Park, is home to 4,000 companies.",
    ],
)
def test_two_organisations_together_are_a_joint_entity(sentence: str) -> None:
    doc = f"Hong Kong Science Park and Cyberport grew. {sentence}"
    (name,) = [n for n in names(doc, sentence) if n[1] and "joint" in n[1]]
    assert name[1] == "Cyberport and Hong Kong Science Park (joint)" and not name[2]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cyberport hosts 2,000 companies.",
        "Together with its partners, Cyberport hosts 2,000 companies.",
        "Cyberport, together with 40 partners, hosts 2,000 companies.",
        "Hong Kong Science Park, together with its tenants, thanked Cyberport for 2,000 chairs.",
        "Both start-ups moved to Cyberport, which hosts 2,000 companies.",
    ],
)
def test_one_organisation_is_no_joint_entity(sentence: str) -> None:
    doc = f"Hong Kong Science Park grew. {sentence}"
    assert not any(n[1] and "joint" in n[1] for n in names(doc, sentence))
    assert ("Cyberport", "Cyberport", True) in names(doc, sentence)


@pytest.mark.parametrize(
    ("sentence", "no_one"),
    [
        ("Fourteen start-ups were admitted in the past six months.", True),
        ("Between April and September, 52 start-ups were admitted.", True),
        ("Cyberport now hosts 2,000 companies.", True),
        ("Lingang Group hosts 2,000 companies.", False),
        ("Hong Kong has 4,000 start-ups.", False),
        ("The company raised US$160 million.", False),
        ("HKSTP admitted 70 start-ups.", False),
    ],
)
def test_names_no_one(sentence: str, no_one: bool) -> None:
    assert names_no_one(sentence, 0, len(sentence), CONFIG) is no_one


def test_a_place_after_a_preposition_names_no_one() -> None:
    s = "Two of them grew into unicorns, and they did it here, in Hong Kong."
    assert names_no_one(s, 0, len(s), CONFIG)
    s = "Two of them grew into unicorns, and Hong Kong did it."
    assert not names_no_one(s, 0, len(s), CONFIG)


def test_a_programme_named_without_an_acronym_is_its_organisations() -> None:
    doc = (
        "Cyberport released its results. Start-ups in the Cyberport Startup Support Scheme did "
        "well. Graduates of the scheme won 14 prizes. The incubation scheme took 30 firms."
    )
    assert names(doc, "Graduates of the scheme won 14 prizes.") == [
        ("the scheme", "Cyberport", True)
    ]
    assert names(doc, "The incubation scheme took 30 firms.") == [
        ("The incubation scheme", "Cyberport", True)
    ]


def test_an_unnamed_programme_in_a_text_about_the_organisation_is_its_own() -> None:
    doc = "CYBERPORT NEWS\n\nCyberport said so. Since the incubation programme began, 70 joined."
    assert names(doc, "Since the incubation programme began, 70 joined.") == [
        ("the incubation programme", "Cyberport", True)
    ]


def test_the_programme_is_the_latest_named_whoever_runs_it() -> None:
    doc = (
        "Cyberport grew. Hong Kong Science Park runs the Park Incu-Grow Programme for "
        "hardware firms. The programme admitted 40 start-ups."
    )
    (m,) = names(doc, "The programme admitted 40 start-ups.")
    assert m[0] == "The programme" and not m[2]


@pytest.mark.parametrize(
    ("text", "no_one"),
    [
        ("Today there are 1,500, and I'd be lying if I said otherwise.", True),
        ("We've grown, and I'm proud of it: 1,500 firms.", True),
        ("The park of Harbourview's group has 1,500 firms, I'd say.", False),
    ],
)
def test_a_contraction_of_i_names_no_one(text: str, no_one: bool) -> None:
    assert names_no_one(text, 0, len(text), CONFIG) is no_one


def test_every_phrase_for_both_is_a_joint_subject() -> None:
    sentence = (
        "He said both parks do not compete: Science Park does hardware, Cyberport does "
        "software, and the two parks together host more than 4,000 companies."
    )
    doc = f"Hong Kong Science Park and Cyberport grew. {sentence}"
    got = names(doc, sentence)
    joint = [n[0] for n in got if n[1] and "joint" in n[1]]
    assert joint == ["both parks", "the two parks"]
    assert got[-1][0] == "the two parks"  # the name nearest the figure is the joint one
    assert ("Cyberport", "Cyberport", True) in got


@pytest.mark.parametrize(
    ("text", "no_one"),
    [
        ("A: About 1,400 companies, on campus and off.", True),  # an answer's first word
        ("Q: How many are there now?", True),
        ("A: About 1,400 companies work with Acme Bank.", False),  # a name after the mark
        ("About 1,400 companies, said Jane Lee.", False),
    ],
)
def test_an_interview_mark_is_no_name(text: str, no_one: bool) -> None:
    assert names_no_one(text, 0, len(text), CONFIG) is no_one


@pytest.mark.parametrize(
    ("sentence", "no_one"),
    [
        ("Across the park, members brought in US$2.4 billion last year.", True),
        ("Its start-ups have drawn S$45 million and AED 30 million so far.", True),
        ("Over 2,000 companies from Malaysia, Thailand and Vietnam to Tokyo joined.", True),
        ("Founders come from Shanghai, Seoul as well as London.", True),
        # A capital after the list that no joiner ties to it is a name again.
        ("Founders come from Shanghai and Seoul, Acme says.", False),
        ("Last year Temasek put 40 start-ups on its books.", False),
        # Fields and acronyms that name no organisation
        ("Across the campus, FinTech members hold 150 registered patents.", True),
        ("The largest group remains Web3, with 200 firms, then GreenTech.", True),
        # A list with no preposition before it is of names, not places.
        ("Acme, Bolt and Crane raised HK$50 million.", False),
    ],
)
def test_currency_signs_and_lists_of_places_name_no_one(sentence: str, no_one: bool) -> None:
    assert names_no_one(sentence, 0, len(sentence), CONFIG) is no_one


# Words the joint and programme descriptions are made of, in any case, with the letters
# lower() or re.IGNORECASE treat apart ("ſ", "İ", the Kelvin sign).
_PIECES = ["the", "The", "THE", "two", "Two", "both", "Both", "pair", "of", "these",
           "parks", "PARKS", "Parks", "campuses", "hubs", "flagship", "flagships",
           "technology", "incubation", "incubator", "programme", "Programmes", "program",
           "scheme", "ſcheme", "İ", "\u212aey", "organisations", "city's", "new", " ", "  ",
           "\n", ",", "-"]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join))
def test_the_cheap_tests_never_rule_out_a_joint_or_programme_description(text: str) -> None:
    low = safe_lower(text)
    if _joint_re().search(text):
        assert may_match(_joint_words(), low), text
    if programme_ref_re().search(text):
        assert may_match(_programme_words(), low), text


def test_the_cheap_tests_rule_out_text_without_the_words() -> None:
    assert not may_match(_joint_words(), "the city has many start-ups.")
    assert not may_match(_programme_words(), "the fund invested in 40 start-ups.")
    assert may_match(_joint_words(), "the two parks together host 2,000 firms.")
    assert may_match(_programme_words(), "the incubation programme admitted 40.")
    assert may_match(_programme_words(), None)  # text lower() cannot stand for: all pass


def test_a_joint_subject_in_capitals_is_still_found() -> None:
    doc = "Cyberport and Science Park signed. BOTH PARKS now host 2,000 companies."
    got = names(doc, "BOTH PARKS now host 2,000 companies.")
    assert [n[0] for n in got if n[1] and "joint" in n[1]] == ["BOTH PARKS"]


@given(st.text(alphabet="AZaz'’-.&1 é\n", max_size=20), st.integers(0, 20))
def test_capitalised_words_are_found_as_by_the_plain_pattern(text: str, pos: int) -> None:
    plain = re.compile(r"(?<![\w'’-])[A-Z][\w'’.&-]*")
    assert [m.span() for m in _CAPITALISED.finditer(text, pos)] == [
        m.span() for m in plain.finditer(text, pos)
    ]


def test_a_we_that_describes_a_name_before_it_is_no_subject() -> None:
    s = "Hong Kong Science Park, our sister organisation in Sha Tin, now houses 700 companies."
    got = names(s, s)
    assert [text for text, *_ in got] == ["Hong Kong Science Park"]
    s = "Hong Kong Science Park is growing, and our community now counts 2,000 companies."
    assert "our" in [text for text, *_ in names(s, s)]  # (the speaker's own subject)


def test_a_place_word_the_tracked_name_qualifies_is_that_name() -> None:
    s = "The digital entertainment cluster at Cyberport now counts more than 150 companies."
    assert names(s, s) == [("The digital entertainment cluster", "Cyberport", True)]
    s = "The digital hub in Pok Fu Lam counts 2,000 members."  # (a district is no name)
    assert names(s, s)[0][0] == "The digital hub"
