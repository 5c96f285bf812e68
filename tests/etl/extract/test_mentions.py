"""Names of organisations and places, and the role each plays in its sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.config import load_config
from etl.extract import mentions
from etl.extract.mentions import _longest_first, _raw_order, clean_name, find_mentions
from tests.paths import ROOT, TESTS

CYBERPORT = load_config(ROOT / "etl" / "data" / "tracked.toml")
SCIENCE_PARK = load_config(TESTS / "data" / "science_park.toml")


def found(text: str, config=CYBERPORT) -> list[tuple[str, str | None, bool, str, str]]:
    return [
        (text[m.start : m.end], m.entity, m.tracked, m.kind, m.role)
        for m in find_mentions(text, 0, len(text), config)
    ]


def test_tracked_aliases_win_over_parts_of_them() -> None:
    got = found("Hong Kong Cyberport Management Company Limited said so.")
    assert got == [
        ("Hong Kong Cyberport Management Company Limited", "Cyberport", True, "name", "subject")
    ]


def test_generic_names_acronyms_and_legal_forms() -> None:
    got = found("Blue Ridge Robotics Group Co., Ltd. met the HKNTAIE and the AI team.")
    assert got[0][:3] == ("Blue Ridge Robotics Group Co., Ltd.", "Blue Ridge Robotics Group", False)
    assert ("HKNTAIE", "HKNTAIE", False, "name", "subject") in got
    assert all(g[0] != "AI" for g in got)


def test_and_the_joins_two_names_but_and_alone_may_stand_inside_one() -> None:
    got = [g[0] for g in found("The Acme Incubation Programme and the Beta Micro Fund met.")]
    assert got == ["Acme Incubation Programme", "Beta Micro Fund"]
    got = [g[0] for g in found("The Hong Kong Science and Technology Parks Corporation met.")]
    assert got == ["Hong Kong Science and Technology Parks Corporation"]


def test_roles() -> None:
    got = {
        g[0]: g[4]
        for g in found(
            "Ann Ho, Chairman of Cyberport, said Hong Kong's start-ups in Shenzhen grew."
        )
    }
    assert got == {"Cyberport": "title", "Hong Kong": "possessive", "Shenzhen": "prep"}


def test_place_words_and_people() -> None:
    kinds = {g[0]: g[3] for g in found("We said the park and its tenants grew.")}
    assert kinds == {"We": "first_person", "the park": "place_word", "its": "pronoun"}


def test_a_bare_capitalised_subject_is_someone() -> None:
    assert ("Zhangjiang", "Zhangjiang", False, "name", "subject") in found(
        "Zhangjiang has 3,000 firms."
    )


def test_known_organisations_switch_sides_with_the_configuration() -> None:
    text = "Hong Kong Science Park and Cyberport"
    assert [(g[1], g[2]) for g in found(text)] == [
        ("Hong Kong Science Park", False),
        ("Cyberport", True),
    ]
    assert [(g[1], g[2]) for g in found(text, SCIENCE_PARK)] == [
        ("Hong Kong Science Park", True),
        ("Cyberport", False),
    ]


def test_clean_name() -> None:
    assert clean_name("Jiangsu SOHO Holdings Group Co., Ltd.") == "Jiangsu SOHO Holdings Group"
    assert clean_name("the Lingang Group") == "Lingang Group"


def test_a_member_described_by_the_tracked_name_is_not_the_tracked_one() -> None:
    for text in (
        "Alpha Robotics Limited, a Cyberport incubatee, ships to 12 markets.",
        "Cyberport start-up Alpha Robotics ships to 12 markets.",
    ):
        assert all(not g[2] for g in found(text)), text
    assert found("Cyberport companies reach 35 markets.")[0][2] is True


NAME_PIECES = ["Hong Kong", "hong kong", "Cyberport", "the park", "The Park", "InvestHK",
               "HKSTP", "the Government", "Beijing", "the Mainland", "We", "our", "It",
               "Blue Ridge Robotics Group", "Co., Ltd.", "Chairman of", "in", "at", "has",
               "Science Park", "Hong Kong-Shenzhen", "Alpha", "'s", ",", ".", " ", "  ", "-",
               "incubatee", "a", "ſ", "MoU", "ASTRI", "Zhangjiang"]  # fmt: skip


@settings(max_examples=200)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16).map(" ".join))
def test_key_word_search_finds_what_a_full_scan_finds(text: str) -> None:
    """Patterns tried only where their words stand give the names a scan of every place gives."""
    fast = found(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mentions, "key_hits", lambda *a: None)  # no key words: scan everywhere
        assert found(text) == fast
        slow_sp = found(text, SCIENCE_PARK)
    assert found(text, SCIENCE_PARK) == slow_sp


def test_a_place_word_holding_the_tracked_name_is_that_name() -> None:
    text = "Last year the Cyberport community grew, and the community thrived."
    kinds = [(m.kind, m.tracked) for m in find_mentions(text, 0, len(text), CYBERPORT)]
    assert kinds == [("name", True), ("place_word", True)]


def test_a_known_name_with_odd_spacing_is_still_known() -> None:
    text = "Hong Kong   Science Park opened."
    ms = find_mentions(text, 0, len(text), CYBERPORT)
    assert ms[0].entity == "Hong Kong Science Park" and not ms[0].tracked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Community start-ups won 40 prizes.", True),
        ("Last year 60% of community firms were hiring.", True),
        ("HKSTP community firms won 40 prizes.", False),
        ("Science Park's community members won 40 prizes.", False),
        ("Its community founders won 40 prizes.", False),
        ("A local community enterprise won 40 prizes.", False),
        ("The community garden drew 400 people.", False),
    ],
)
def test_a_bare_community_before_its_members_is_the_tracked_community(
    text: str, expected: bool
) -> None:
    ms = find_mentions(text, 0, len(text), CYBERPORT)
    got = any(m.kind == "place_word" and text[m.start : m.end].lower() == "community" for m in ms)
    assert got is expected


def _longest_first_by_pairs(raw: list) -> list:
    """The rule itself, pair by pair: a name is dropped if another contains it and beats it."""

    def beats(o: tuple, r: tuple) -> bool:
        lo, lr = o[1] - o[0], r[1] - r[0]
        return lo > lr or (lo == lr and o[2] < r[2])

    return [
        r
        for r in raw
        if not any(o is not r and o[0] <= r[0] and r[1] <= o[1] and beats(o, r) for o in raw)
    ]


spans = st.tuples(st.integers(0, 12), st.integers(1, 6), st.integers(0, 6)).map(
    lambda t: (t[0], t[0] + t[1], t[2])
)


@settings(max_examples=500)
@given(st.lists(spans, max_size=12))
def test_longest_first_keeps_what_the_pairwise_rule_keeps(raw: list) -> None:
    raw = sorted(raw, key=_raw_order)
    assert _longest_first(raw) == _longest_first_by_pairs(raw)


@pytest.mark.parametrize(
    "line",
    [
        "Markets reached: 35",
        "- Unicorns nurtured: 4",
        "Start-ups admitted in the year: 120",
        "Investment raised by member firms: HK$3 billion",
        "Fintech has become the largest cluster on the campus.",
        "Unicorns nurtured 6",
    ],
)
def test_a_common_word_opening_a_label_or_naming_a_metric_is_no_name(line: str) -> None:
    assert [g for g in found(line) if g[3] == "name"] == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Alibaba has 300 engineers in the city.", "Alibaba"),
        ("Zhangjiang has hosted 2,000 firms.", "Zhangjiang"),
        ("Sales at Harbour Robotics reached HK$2 million.", "Harbour Robotics"),
    ],
)
def test_a_name_opening_a_sentence_is_still_a_name(line: str, name: str) -> None:
    assert name in [g[0] for g in found(line) if g[3] == "name"]


@pytest.mark.parametrize(
    ("text", "mention", "entity", "tracked", "kind"),
    [
        ("The Pok Fu Lam hub counted 230 companies.", "The Pok Fu Lam hub", "Cyberport", True,
         "name"),
        ("The Sha Tin park counted 900 companies.", "The Sha Tin park", "Hong Kong Science Park",
         False, "name"),
        ("The digital entertainment and e-sports cluster counts 200 companies.",
         "The digital entertainment and e-sports cluster", "Cyberport", True, "place_word"),
        ("It said the government-owned hub had grown.", "the government-owned hub", "Cyberport",
         True, "place_word"),
    ],
)  # fmt: skip
def test_described_places_and_clusters(text, mention, entity, tracked, kind) -> None:
    assert (mention, entity, tracked, kind) in [g[:4] for g in found(text)]


def test_described_places_for_another_tracked_organisation() -> None:
    got = found("The Sha Tin park counted 900 companies.", SCIENCE_PARK)
    assert ("The Sha Tin park", "Hong Kong Science Park", True, "name") in [g[:4] for g in got]
    got = found("The Pok Fu Lam hub counted 230 companies.", SCIENCE_PARK)
    assert ("The Pok Fu Lam hub", "Cyberport", False, "name") in [g[:4] for g in got]


@pytest.mark.parametrize(
    "text",
    [
        "the companies in the park",  # "in" ends a description
        "the Shenzhen tech park",  # a capitalised word that is no location of anyone known
        "the city's AI cluster",
        "The robotics cluster has 900 companies",  # a cluster no metric counts
    ],
)
def test_no_described_place(text: str) -> None:
    assert not any(g[3] in ("place_word", "name") and len(g[0].split()) > 2 for g in found(text))


@pytest.mark.parametrize("text", ["The Web3 cluster grew.", "The FinTech cluster grew."])
def test_a_cluster_described_by_a_technical_term_is_a_description(text: str) -> None:
    got = find_mentions(text, 0, len(text), CYBERPORT)
    assert [(m.kind, m.cluster) for m in got] == [("place_word", True)]


@pytest.mark.parametrize(
    "text",
    [
        "The GBA hub grew.",  # a capitalised word describes no campus of the organisation's
        "The Shenzhen fintech cluster grew.",  # a city is no word of description
    ],
)
def test_no_description_of_the_organisations_own_from_a_capitalised_place(text: str) -> None:
    assert not any(m.tracked for m in find_mentions(text, 0, len(text), CYBERPORT))


def test_a_possessor_is_no_word_of_description() -> None:
    text = "The hub's Web3 cluster grew."
    got = find_mentions(text, 0, len(text), CYBERPORT)
    assert [(text[m.start : m.end], m.cluster) for m in got] == [("The hub", False)]


@pytest.mark.parametrize(
    "s",
    [
        "A: Three have gone public since then.",
        "Q: And exits? A: Twelve have been acquired.",
        "Nine were admitted last spring.",
    ],
)
def test_a_capitalised_number_word_opening_a_sentence_is_no_name(s: str) -> None:
    assert [m for m in found(s) if m[3] == "name"] == []


def test_a_capitalised_name_opening_a_sentence_is_still_a_name() -> None:
    names = [m[1] for m in found("A: Nimbus Labs have listed in Singapore.") if m[3] == "name"]
    assert "Nimbus Labs" in names


def test_an_opening_there_or_where_is_no_name() -> None:
    config = load_config(ROOT / "etl" / "data" / "tracked.toml")
    for text in ("There are around 180 AI start-ups in the community now.", "Where are 300 firms?"):
        assert [m for m in find_mentions(text, 0, len(text), config) if m.kind == "name"] == []
    named = "Klook has 300 staff."
    assert [m.entity for m in find_mentions(named, 0, len(named), config)] == ["Klook"]


def test_a_capitalised_word_a_bare_figure_is_counted_by_opens_no_name() -> None:
    s = "Admissions have continued through the downturn: a further 14 were admitted."
    assert found(s) == []


def test_a_known_name_written_in_lower_case_is_still_that_organisation() -> None:
    text = "By comparison, the science park has about 1,000 companies."
    ms = find_mentions(text, 0, len(text), CYBERPORT)
    assert [(m.entity, m.tracked) for m in ms] == [("Hong Kong Science Park", False)]
    text = "By comparison, the waterfront park has about 1,000 companies."
    assert [m.tracked for m in find_mentions(text, 0, len(text), CYBERPORT)] == [True]


def test_a_common_word_opening_a_lettered_row_is_no_name() -> None:
    text = "- (b) Start-ups admitted to incubation programmes during the year: 148"
    assert [m for m in find_mentions(text, 0, len(text), CYBERPORT) if m.kind == "name"] == []


def test_a_set_after_a_tracked_name_is_the_set_and_a_field_is_no_name() -> None:
    # "a Cyberport incubatee, ..." is a member; "a wider Cyberport community of 2,300" the set
    assert ("Cyberport", None, False, "name", "subject") in found(
        "She is a Cyberport incubatee, and proud of it."
    )
    assert found("That's within a wider Cyberport community of 2,300 companies.")[0][1:3] == (
        "Cyberport",
        True,
    )
    # A field named as a subject ("so Web3 is now ...") names no organisation.
    assert found("It grew fast, so Web3 is now a meaningful slice.") == [
        ("It", None, False, "pronoun", "subject")
    ]
    assert found("It grew fast, so Acme is now a meaningful slice.")[1][:2] == ("Acme", "Acme")


def test_you_opening_a_sentence_names_no_one() -> None:
    assert found("You are joining a community of 1,650 companies.") == []
    assert found("Your founders come from 40 markets.") == []


def test_clusters_described_together_are_the_organisations_own() -> None:
    got = found("The FinTech and Web3 clusters numbered 470 and 260 companies.")
    assert got == [("The FinTech and Web3 clusters", "Cyberport", True, "place_word", "subject")]


def test_a_capitalised_word_before_a_verb_of_business_is_a_subjects_name() -> None:
    assert ("Quillpay", "Quillpay", False, "name", "subject") in found(
        "Quillpay sells payment software to clinics."
    )
    assert not found("Growth sells growth, and growth sells itself.")  # written in lower case
