"""The topic from one sentence to the next."""

from __future__ import annotations

from etl.config import load_config
from etl.extract.mentions import find_mentions
from etl.extract.referents import Attribution, Topic
from etl.extract.topics import LazyTopic, next_topic
from tests.paths import ROOT

CYBERPORT = load_config(ROOT / "etl" / "data" / "tracked.toml")
PARK = Attribution("Hong Kong Science Park", False)
NO_TOPIC = Topic()


def after(t: str, topic: Topic = NO_TOPIC) -> Topic:
    return next_topic(find_mentions(t, 0, len(t), CYBERPORT), topic, None, CYBERPORT, t)


def test_the_first_subject_becomes_the_topic_and_the_main_organisation_stays() -> None:
    main = Attribution("Cyberport", True)
    assert after("Hong Kong Science Park opened a lab.", Topic(main=main)) == Topic(
        PARK, PARK, main
    )


def test_our_people_at_a_place_make_the_place_the_subject() -> None:
    assert after("Our neighbours at Hong Kong Science Park unveiled a lab.") == Topic(PARK, PARK)


def test_one_member_of_an_organisations_set_is_someone_else() -> None:
    main = Attribution("Cyberport", True)
    for text in (
        "One of Cyberport's better-known graduates, start-up Tapkey, moved out last year.",
        "Another of the hub's alumni is Pixelglow, a maker of photo apps.",
    ):
        topic = after(text, Topic(main, main, main))
        assert topic.paragraph is not None and not topic.paragraph.tracked, text
        assert topic.main == main
    # The organisation's own set stays its own topic: "one of" names no member of it.
    topic = after("Cyberport's community grew to one of its largest sizes.")
    assert topic.paragraph is not None and topic.paragraph.tracked
    topic = after("Demand makes mentoring one of Cyberport's busiest services.")  # not opening
    assert topic.paragraph is not None and topic.paragraph.tracked


def test_a_sentence_naming_no_one_leaves_the_topic_as_it_was() -> None:
    before = Topic(PARK, PARK)
    assert after("Sales grew last year.", before) == before


def test_a_lazy_topic_is_worked_out_once_and_only_when_asked() -> None:
    calls: list[int] = []

    def make() -> Topic:
        calls.append(1)
        return Topic(PARK, None, None)

    lazy = LazyTopic(make)
    assert calls == []
    assert lazy.paragraph == PARK and lazy.document is None and lazy.main is None
    assert calls == [1]


def test_a_park_named_on_the_way_is_what_a_later_the_park_stands_for() -> None:
    council = Attribution("Town Planning Board", False)
    got = after("The Town Planning Board cleared the Science Park extension.")
    assert got == Topic(council, council, None, PARK)
    # Named as the subject, it is the topic itself: nothing to keep apart.
    assert after("Hong Kong Science Park opened a lab.").place is None


def test_the_place_of_a_dateline_or_a_place_in_brackets_is_no_topic() -> None:
    lead = (
        "HONG KONG, Sept 14, 2022 (TechWire Asia) - Hong Kong's govt-owned Cyberport said on "
        "Wednesday its community now counts 1,800 companies."
    )
    topic = after(lead)
    assert topic.document is not None and topic.document.tracked
    # A place that is the subject of its sentence still is.
    assert after("Hong Kong Science Park opened a lab.").document == PARK


def test_an_organisation_a_later_clause_is_about_is_the_topic_before_the_city() -> None:
    t = "Hong Kong has courted virtual-asset firms, and Cyberport has become their home."
    assert after(t).document == Attribution("Cyberport", True)
    t = "Hong Kong start-up Ledgerline and Cyberport signed a pact."  # one clause: the city's
    assert after(t).document != Attribution("Cyberport", True)
