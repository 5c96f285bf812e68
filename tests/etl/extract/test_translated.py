from __future__ import annotations

from datetime import date

from db.records import ReadDocument
from etl.extract import default_config, extract_claims
from etl.extract.translated import is_translated, reading_config

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
