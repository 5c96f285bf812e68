"""The document read as a whole: its main organisation, its writer's, its units, headings."""

from __future__ import annotations

import pytest

from etl.extract import default_config
from etl.extract.document_model import build_model, is_heading_line, unit_of

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
    "text",
    [
        "OPINION\n\nBy Mary Lee\n\nChief Executive Officer, Cyberport\n\nWe have grown a lot.",
        "Start-ups are staying\n\nBy Mary Lee, Head of FinTech, Cyberport\n\nWe have grown.",
        "Start-ups are staying\n\nWe have grown a lot this year.\n\n"
        "Mary Lee is Chief Public Mission Officer of Cyberport.",
        "PODCAST\n\nGuest: Mary Lee, Chief Public Mission Officer, Hong Kong Cyberport "
        "Management Company Limited\n\nQ: How big is it?\n\nWe have 2,000 members now.",
        "Cyberport Day 2015\nWelcome address by Mr Tom Ho, Chief Executive Officer, Cyberport\n\n"
        "Good morning. We have 500 companies.",
        "OPINION\n\nSmall firms will win\n\nBy Mary Lee\nMarch 3, 2025\n\nMary Lee is Chief "
        "Public Mission Officer of Cyberport.\n\nOur community has grown a lot.",
    ],
)
def test_the_writer_or_speaker_names_whose_we_it_is(text: str) -> None:
    m = model(text)
    assert m.author is not None and m.author.tracked
    last = text.rindex("\n\n") + 2
    assert m.speaks(last)


@pytest.mark.parametrize(
    "text",
    [
        "News\n\nBy Staff Reporter\n\nCyberport said it had 2,000 companies.",
        "News\n\nCyberport said it had 2,000 companies.\n\n"
        "FinTech Week runs for five days from 7 November at Cyberport.",
        "Remarks\n\nSpeech by the Secretary for Innovation at Cyberport's Forum\n\nWe launched it.",
    ],
)
def test_no_writer_organisation_without_a_byline_that_names_one(text: str) -> None:
    assert model(text).author is None


def test_an_interviews_answers_are_the_guests_words_and_its_questions_are_not() -> None:
    text = (
        "Guest: Mary Lee, CEO, Cyberport\n\nHow big is the community?\n\n"
        "We have 2,000 members.\n\nAnd unicorns?\n\nSix."
    )
    m = model(text)
    assert m.speaks(text.index("We have")) and m.speaks(text.index("Six"))
    assert not m.speaks(text.index("How big")) and not m.speaks(text.index("And unicorns"))


def test_units_and_their_acronyms() -> None:
    m = model(
        "Cyberport runs the Cyberport Incubation Programme (CIP) and the Cyberport Macro Fund "
        "(CMF). Hong Kong Science and Technology Parks Corporation (HKSTP) runs its own."
    )
    assert m.units["cip"].counts_for_owner and m.units["cip"].tracked_owner
    assert not m.units["cmf"].counts_for_owner and m.units["cmf"].name == "Cyberport Macro Fund"
    assert "hkstp" not in m.units  # a known organisation, not a unit
    assert m.unit_keys is not None and m.unit_keys.search("the CIP admitted 82 start-ups")
    assert not m.unit_keys.search("the CMF invested")


def test_what_a_name_is() -> None:
    assert unit_of("Hong Kong Cyberport Management Company Limited", CONFIG).owner == "Cyberport"
    assert unit_of("Cyberport Investors Network", CONFIG).counts_for_owner is False
    assert unit_of("Acme Incubation Programme", CONFIG).tracked_owner is False
    assert unit_of("Acme Widgets", CONFIG) is None


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Admissions", True),
        ("## Unicorns", True),
        ("**Media enquiries**", True),
        ("Demand for places has not let up.", False),
        ("As at 30 June 2021, the community counted:", False),
        ("- 6 unicorns", False),
        ("| Unicorns | 8 |", False),
        ("2019 was a good year for start-ups in the community", False),
        ("HK$38 billion", False),
        ("Unicorns 8", False),
        ("Cyberport Venture Capital Forum 2017", True),
        ("Growth in smart living was driven partly by the new venture programme today", False),
        ("CLUSTERS (at the end of last year)", True),  # a bracket closes no sentence
        ("(Photo caption)", False),
        ("The hub grew (see below).", False),
    ],
)
def test_heading_lines(line: str, heading: bool) -> None:
    assert is_heading_line(line) is heading


def test_each_paragraph_knows_the_heading_above_it_and_its_lead_in() -> None:
    text = (
        "Intro text here.\n\nUnicorns\n\nThe community now counts four.\n\n"
        "As at June:\n\n- 6 unicorns"
    )
    m = model(text)
    a, b = m.heading(text.index("The community"))
    assert text[a:b] == "Unicorns"
    a, b = m.lead_ins[text.index("- 6")]
    assert text[a:b] == "As at June:"
    assert m.heading(0) is None


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        (
            "Cyberport (Digital Port) announced its latest data. Digital Port said ...",
            "Digital Port",
        ),
        (
            "Digital Harbour (Cyberport) opened a new wing. Digital Harbour said ...",
            "Digital Harbour",
        ),
        ("Hong Kong Cyberport (digital port) held a forum.", "digital port"),
    ],
)
def test_a_name_in_brackets_beside_the_tracked_name_is_its_alias(text: str, alias: str) -> None:
    model = build_model(text, CONFIG)
    assert model.aliases is not None and model.aliases.fullmatch(alias)


@pytest.mark.parametrize(
    "text",
    [
        "Cyberport (Hong Kong) opened.",  # a place
        "Cyberport (pictured) opened.",
        "Cyberport (HKCMCL) opened.",  # an acronym: a unit, not an alias
        "Cyberport (2019) opened.",
        "Cyberport and Science Park (HKSTP) opened.",
        "Cyberport said the Science Park (Sha Tin) grew.",
    ],
)
def test_no_alias(text: str) -> None:
    assert build_model(text, CONFIG).aliases is None


def test_an_interview_without_marks_is_in_the_guests_words() -> None:
    text = (
        "Start-ups learn to survive\n\nReporter: Ann Lo\n\nThis paper visited Ms Eva Kwok, "
        "head of the entrepreneurship department of Cyberport, to talk about the community.\n\n"
        "How many companies are there now?\n\nWe have more than 1,900 companies.\n\n"
        "Which field grows fastest?\n\nWeb3, definitely. We have 100 Web3 companies."
    )
    m = model(text)
    assert m.author is not None and m.author.tracked
    assert m.speaks(text.index("We have more")) and not m.speaks(text.index("Which field"))
    # Questions with no one named above them are no interview.
    other = text.replace("Ms Eva Kwok, head of the entrepreneurship department of Cyberport", "us")
    assert model(other).author is None


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


def test_a_conversation_with_a_guest_makes_their_answers_the_organisations_words() -> None:
    text = (
        "FOUNDER TALK\n\nA conversation with Jane Wu, Head of Partnerships at Cyberport\n\n"
        "Q: How many teams applied?\n\nA: We had 500 applications.\n\n"
        "Q: And next year?\n\nA: More."
    )
    m = model(text)
    assert m.author is not None and m.author.tracked
    assert m.speaks(text.index("A: We had"))
    assert model(text.replace("A conversation with", "A conversation about")).author is None


def test_the_initials_of_a_programme_named_in_full_are_that_programme() -> None:
    m = model(
        "Q: Is the Cyberport Creative Micro Fund Programme busy?\n\n"
        "A: Very. The CCMFP has funded 300 teams."
    )
    assert m.units["ccmfp"].tracked_owner
    # Initials nobody uses, or too short to be a programme's, are no unit.
    assert "ccmfp" not in model("The Cyberport Creative Micro Fund Programme grew.").units
    assert "ap" not in model("The Accelerator Programme grew, the AP said.").units
