"""The organisation a document is about, the others it names, and whose publication it is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract import default_config
from etl.extract.document_model import build_model
from etl.extract.main_organisation import _alias_groups, _count_plan, _counts, _name_counts

CONFIG = default_config()


def model(text: str, title: str | None = None):
    return build_model(text, CONFIG, title)


def test_the_about_paragraph_states_the_main_organisation() -> None:
    m = model(
        "A new lab opens\n\nThe lab opened today with 40 desks.\n\nAbout Cyberport\n\n"
        "Cyberport is a digital community."
    )
    assert m.main is not None and m.main.tracked
    assert m.main_stated


def test_a_paragraph_that_opens_with_about_and_a_figure_is_no_about_paragraph() -> None:
    m = model("About 70 blockchain companies have signed up, Cyberport said.")
    assert m.main is not None and m.main.tracked
    assert not m.main_stated


def test_a_feature_on_another_park_has_that_park_as_main_organisation() -> None:
    m = model(
        "Science Park breaks ground on its expansion\n\n"
        "Hong Kong Science Park broke ground on Wednesday on its third phase, its managers "
        "said, adding that the park is full. By comparison, Cyberport said it had grown too."
    )
    assert m.main is not None and m.main.entity == "Hong Kong Science Park"
    assert "Hong Kong Science Park" in m.others


@pytest.mark.parametrize(
    ("title", "publisher"),
    [
        ("Members' Newsletter - Cyberport", "Cyberport"),
        ("THE CYBERPORT MONTHLY DIGEST", "Cyberport"),
        ("Partner bulletin from Hong Kong Science Park", "Hong Kong Science Park"),
    ],
)
def test_a_newsletter_or_bulletin_is_its_organisations_own_publication(
    title: str, publisher: str
) -> None:
    m = model(f"{title}\n\nA busy month: our cluster grew and we moved floors.")
    assert m.publisher is not None and m.publisher.entity == publisher


def test_a_bulletin_whose_title_names_no_one_is_its_main_organisations() -> None:
    m = model("Spring Bulletin\n\nCyberport opened a lab. Our members now use it daily.")
    assert m.publisher is not None and m.publisher.tracked


@pytest.mark.parametrize(
    "title",
    ["Cyberport opens a new lab", "Start-ups at Cyberport raise more", "A digest of rules"],
)
def test_no_publisher_without_a_kind_of_own_publication_naming_one(title: str) -> None:
    assert model(f"{title}\n\nThe lab opened with 40 desks.").publisher is None


def _counts_by_lower(text: str) -> dict:
    """The general way: every name counted in `text.lower()`."""
    low = text.lower()
    found = {key: sum(low.count(a) for a in names) for key, names in _alias_groups(CONFIG)}
    return {key: n for key, n in found.items() if n}


_NAME_TEXT = st.lists(
    st.sampled_from(
        [
            *"cyberportHKSTPitcsan -–é",
            "Cyberport",
            "ITC",
            "H\u212a",
            "STP",
            "ASTR\u0130",
            "Hong Kong ",
            "Hong Kong Exchanges and Clearing",
            "hong kong-shenzhen innovation and technology park",
            "Invest Hong Kong",
            "InvestHK",
            "ſ",
            "\ud800",
        ]
    ),
    max_size=30,
).map("".join)


@given(_NAME_TEXT)
def test_names_counted_over_bytes_as_over_the_lower_cased_text(text: str) -> None:
    assert dict(_name_counts(text, CONFIG)) == _counts_by_lower(text)


_NAMES = st.lists(st.text(alphabet="ab ", min_size=1, max_size=5), min_size=1, max_size=4)


@given(st.lists(_NAMES, min_size=1, max_size=3), st.text(alphabet="ab ", max_size=40))
def test_names_that_open_alike_are_counted_as_count_counts_them(
    groups: list[list[str]], text: str
) -> None:
    encoded = tuple((i, tuple(n.encode() for n in names)) for i, names in enumerate(groups))
    low = text.encode()
    plan = _count_plan(encoded)
    assert _counts(low, plan, len(groups)) == [sum(text.count(n) for n in g) for g in groups]


@pytest.mark.parametrize(
    "text",
    ["CYBERPORT – cyberport", "Cyberportcyberport ITC", "H\u212aSTP – x", "ASTR\u0130 – x"],
)
def test_names_counted_in_any_case_and_beside_other_letters(text: str) -> None:
    assert dict(_name_counts(text, CONFIG)) == _counts_by_lower(text)
    assert _name_counts(text, CONFIG)  # each names someone


def test_a_masthead_naming_one_organisation_as_it_publishes_makes_it_the_publisher() -> None:
    body = "A year of change\n\nBy the end of the year we counted 1,650 companies in all."
    m = model("Hong Kong Cyberport Management Company Limited | Published 8 February 2021\n\n"
              + body)  # fmt: skip
    assert m.publisher is not None and m.publisher.tracked
    assert model("Cyberport | 8 February 2021\n\n" + body).publisher is None  # no cue word
    two = model("Cyberport and HKSTP | Published 8 February 2021\n\n" + body)
    assert two.publisher is None  # two organisations: whose is it?


def test_a_feature_on_an_incubator_no_list_knows_has_it_as_main_organisation() -> None:
    text = (
        "FEATURES\n\nThe warehouse that became a start-up engine\n\n"
        "At nine in the morning, the ground floor of Lantern Hub is already loud. Lantern Hub "
        "was founded in 2019. Since opening, the incubator has taken in 310 companies, and "
        "Lantern Hub now runs six cohorts a year. Its founder has visited Cyberport, where the "
        "community numbers some 2,000 companies.\n"
    )
    m = model(text)
    assert m.main is not None and m.main.entity == "Lantern Hub" and not m.main.tracked
    # a name said once or twice (a person, a passing name) does not outvote the organisation
    text = (
        "THE INTERVIEW\n\nCyberport's ecosystem chief Kelvin Ng on the hub\n\n"
        "Kelvin Ng has a habit of answering questions with a story. The Cyberport community "
        "has grown.\n"
    )
    assert model(text).main.tracked
