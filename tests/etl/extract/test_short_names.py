"""A place word the text defines as another organisation's short name is theirs there."""

from __future__ import annotations

from datetime import date

from etl.extract.claims import default_config
from etl.extract.mentions import Mention
from etl.extract.short_names import as_defined, defined_short_names
from tests.etl.extract.test_claims import inline

PARK = "Dongguan Songshan Lake Digital Economy Park"
SIGNED = f"Cyberport today signed an agreement with the {PARK} (the Park). "


def test_a_place_word_in_brackets_after_anothers_name_is_its_short_name() -> None:
    cfg = default_config()
    assert defined_short_names(SIGNED, cfg) == {"the park": PARK}
    quoted = 'It works with the Kalasatama Digital Hub ("the Hub") in Helsinki.'
    assert defined_short_names(quoted, cfg) == {"the hub": "Kalasatama Digital Hub"}


def test_no_short_name_for_the_tracked_organisation_or_for_other_words() -> None:
    cfg = default_config()
    assert defined_short_names("Hong Kong Cyberport (the park) is growing.", cfg) == {}
    assert defined_short_names("The Cyberport Incubation Programme (the Programme)", cfg) == {}
    assert defined_short_names("it was opened by the minister (the park) today", cfg) == {}
    assert defined_short_names("No brackets at all.", cfg) == {}


def test_a_defined_place_word_is_read_as_the_organisation_named() -> None:
    m = Mention(0, 8, "Cyberport", True, "place_word")
    text = "The Park hosts 3,000 companies."
    assert as_defined(text, m, {"the park": PARK}) == m._replace(
        kind="name", entity=PARK, tracked=False
    )
    assert as_defined(text, m, {}) == m
    assert as_defined(text, m, {"the hub": PARK}) == m


def test_the_defined_parks_figures_and_both_together_are_not_the_tracked_ones() -> None:
    d = date(2024, 6, 18)
    text = (
        f"{SIGNED}The Park hosts 3,000 companies. Together, Cyberport and the Park host more "
        "than 5,200 companies. Cyberport itself is home to over 2,100 companies."
    )
    assert inline(text, d) == [("companies", 2100, "over", d, None)]
    # Without the definition, "the park" is the tracked organisation's place word.
    assert inline("The park hosts 3,000 companies.", d) == [("companies", 3000, "exact", d, None)]
