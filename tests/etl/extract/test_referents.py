"""What a mention stands for: names, pronouns, and which names a description may mean."""

from __future__ import annotations

import pytest

from etl.config import load_config
from etl.extract.mentions import find_mentions
from etl.extract.referents import Attribution, Topic, referent, resolve
from etl.extract.speakers import QuoteRegion
from tests.paths import ROOT

CYBERPORT = load_config(ROOT / "etl" / "data" / "tracked.toml")


@pytest.mark.parametrize(
    ("entity", "tracked", "expected"),
    [
        ("Cyberport", True, True),
        ("Hong Kong Science Park", False, True),
        ("Alpha Capital Group", False, True),
        ("Acme", False, False),  # one unknown word
        ("Innovation Fund", False, False),  # a unit, not an organisation
    ],
)
def test_which_names_a_description_may_stand_for(
    entity: str, tracked: bool, expected: bool
) -> None:
    assert referent(Attribution(entity, tracked)) is expected


def test_a_pronoun_stands_for_the_name_before_it_else_the_paragraphs_subject() -> None:
    t = "Hong Kong Science Park said its 40 staff grew."
    name, its = find_mentions(t, 0, len(t), CYBERPORT)
    assert resolve(its, [name], Topic(), None, CYBERPORT) == Attribution(
        "Hong Kong Science Park", False
    )
    acme = Attribution("Acme", False)
    assert resolve(its, [], Topic(paragraph=acme), None, CYBERPORT) == acme
    assert resolve(its, [], Topic(), None, CYBERPORT) is None


def test_the_park_is_the_tracked_organisation_when_the_text_names_no_other() -> None:
    t = "The park opened a lab."
    (park,) = find_mentions(t, 0, len(t), CYBERPORT)
    found = resolve(park, [], Topic(), None, CYBERPORT)
    assert found == Attribution("Cyberport", True) and found.how == "descriptive"


def test_the_community_after_a_speakers_we_is_the_speakers_organisation() -> None:
    t = "We now have 2,000 companies in the community."
    we, community = find_mentions(t, 0, len(t), CYBERPORT)
    hkstp = Attribution("Hong Kong Science Park", False)
    about_the_park = Topic(document=hkstp, main=hkstp)
    ours = QuoteRegion(0, len(t), True, "Cyberport")
    assert resolve(community, [we], about_the_park, ours, CYBERPORT) == Attribution(
        "Cyberport", True
    )
    # Whose "we" is not known: the community is whichever the text is about, as before.
    assert resolve(community, [we], about_the_park, None, CYBERPORT) == hkstp


def test_the_campus_in_the_tracked_speakers_words_is_theirs() -> None:
    t = "Around 760 are physically here on the campus."
    (campus,) = find_mentions(t, 0, len(t), CYBERPORT)
    hkstp = Attribution("Hong Kong Science Park", False)
    about_the_park = Topic(document=hkstp, main=hkstp)
    ours = QuoteRegion(0, len(t), True, "Cyberport")
    assert resolve(campus, [], about_the_park, ours, CYBERPORT) == Attribution("Cyberport", True)
    # A park named in the same paragraph before it is still the one "the campus" stands for.
    named = Topic(document=hkstp, main=hkstp, place=hkstp)
    assert resolve(campus, [], named, ours, CYBERPORT) == hkstp
