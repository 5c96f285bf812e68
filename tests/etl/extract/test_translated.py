from __future__ import annotations

from datetime import date

import pytest

from db.records import ReadDocument
from etl.extract import default_config, extract_claims
from etl.extract.mentions import find_mentions
from etl.extract.numbers import find_numbers
from etl.extract.translated import is_translated, reading_config
from etl.extract.translated_figures import joined_splits, plural

MARKED = "[Machine translation from Chinese]\n\nDigital Port news\n\n"
SENTENCE = "Digital port say, community company financing exceed 80 hundred million HK dollar."


def claims(text: str) -> set[tuple]:
    doc = ReadDocument("mt.txt", "0" * 64, "txt", text, None, None, None, None, date(2020, 5, 4),
                       "manifest", ())  # fmt: skip
    return {(c.entity, c.metric, c.value) for c in extract_claims(doc) if c.status == "auto"}


def test_a_translation_is_known_by_a_mark_at_its_top() -> None:
    assert is_translated("Title\n(automatic translation, original language: Chinese)\n...")
    assert is_translated("[Auto-translated from Traditional Chinese.]\nText")
    assert not is_translated("Cyberport today announced the results of its programme.")
    assert not is_translated("Body text. " * 200 + "This article is machine translated.")


def test_the_organisation_s_translated_name_is_read_only_in_a_translation() -> None:
    config = default_config()
    assert "Digital Port" in reading_config(config, MARKED).aliases
    assert reading_config(config, "An ordinary release.") is config
    other = "Hong Kong Science Park say, the park have 900 company.\n\n"
    assert claims(MARKED + other + SENTENCE) == {("Cyberport", "funding_raised", 8e9)}
    # In ordinary English a "digital port" is no name of the organisation.
    assert claims("Port news\n\n" + other + SENTENCE) == set()


def test_the_translated_place_word_is_the_campus() -> None:
    text = MARKED + (
        "Cyberport say, the garden district resident enterprise approximately 640 family."
    )
    assert claims(text) == {("Cyberport", "companies_onsite", 640)}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("among them about 1,0 00 home is start-up enterprise", 1000),
        ("esports cluster at present have about 1 50 home company", 150),
        ("digital entertainment company about 1 hundred 20 home", 120),
        ("financing amount reach HK$ 55.5 100 million Hong Kong dollar", 5.55e9),
    ],
)
def test_a_number_a_translation_split_is_one_again_and_flagged(sentence: str, value: float) -> None:
    nums = joined_splits(sentence, find_numbers(sentence))
    assert [n.value for n in nums if n.garbled] == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 1 50-seat hall opened.",  # no measure word after it
        "Rooms 1 and 50 home in on the same view.",
        "It raised 55.5 million in 100 days.",
    ],
)
def test_numbers_side_by_side_with_no_sign_of_a_split_stay_apart(sentence: str) -> None:
    nums = find_numbers(sentence)
    assert joined_splits(sentence, nums) == nums


def test_a_place_in_a_currencys_name_is_no_ones_name() -> None:
    s = "They raised 300 million Hong Kong dollars, the company said."
    assert not [m for m in find_mentions(s, 0, len(s), default_config()) if m.kind == "territory"]


def test_a_text_giving_the_company_name_as_translated_is_a_translation() -> None:
    text = (
        "[Hong Kong News] Hong Kong Digital Port Management Co., Ltd. (Digital Port) said the "
        "Digital Port has gathered more than 150 Web3 enterprises."
    )
    assert ("Cyberport", "web3_companies", 150) in claims(text)
    plain = "The Digital Port project in Rotterdam has gathered more than 150 Web3 enterprises."
    assert not any(e == "Cyberport" for e, _, _ in claims(plain))


def test_companies_already_listed_are_listed_companies() -> None:
    text = MARKED + (
        "Digital Port say, the community have 9 home unicorn, and 11 home company already "
        "listed on the market."
    )
    assert ("Cyberport", "listed_companies", 11) in claims(text)


def test_the_noun_before_a_measure_word_past_a_phrase_of_place() -> None:
    text = MARKED + (
        "Digital Port say, smart living companies in the community also have more than 260 home."
    )
    assert claims(text) == {("Cyberport", "smart_living_companies", 260)}


@pytest.mark.parametrize("measure", ["home", "house"])  # 家, as translators give it
def test_the_noun_before_a_figure_and_its_measure_word(measure: str) -> None:
    text = MARKED + (
        f"Digital Port community have 2,200 {measure} companies, among them unicorn enterprise "
        f"9 {measure}, listed company 6 {measure}."
    )
    got = claims(text)
    assert {("Cyberport", "unicorns", 9), ("Cyberport", "listed_companies", 6)} <= got
    assert ("Cyberport", "companies", 9) not in got


def test_start_ups_an_incubation_plan_cultivated_are_incubatees() -> None:
    text = MARKED + (
        "Digital Port incubation plan since 2005 start, has cultivated more than 950 start-ups."
    )
    assert claims(text) == {("Cyberport", "incubatees", 950)}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("start-up company", "start-up companies"),
        ("home", "homes"),
        ("approved", "approved"),  # a participle, no noun: "HK$5.5 billion approved by"
        ("companies", "companies"),
    ],
)
def test_a_translations_singular_noun_is_read_in_the_plural(phrase: str, expected: str) -> None:
    assert plural(phrase) == expected


def test_items_after_a_figure_are_a_measure_word_with_the_noun_before() -> None:
    text = (
        "Cyberport community company this year obtain local and international award more than "
        "180 items, and hold intellectual property more than 2,000 items."
    )
    got = claims(text)
    assert ("Cyberport", "awards", 180) in got and ("Cyberport", "ip_rights", 2000) in got
    english = "Cyberport community companies hold more than 800 items of intellectual property."
    assert ("Cyberport", "ip_rights", 800) in claims(english)  # ("items of": no measure word)
