"""Attribution: a figure is the tracked organisation's only when the sentence says so."""

from __future__ import annotations

import pytest

from etl.config import load_config
from etl.extract.attribution import Attribution, Topic, attribute, quote_regions
from etl.extract.mentions import find_mentions
from etl.extract.noun_phrases import noun_phrase
from tests.paths import ROOT

CYBERPORT = load_config(ROOT / "etl" / "data" / "tracked.toml")


NO_TOPIC = Topic()


def owner(text: str, figure: str, topic: Topic = NO_TOPIC, config=CYBERPORT) -> Attribution | None:
    start = text.index(figure)
    end = start + len(figure)
    np_end = noun_phrase(text, end, len(text))[1]
    ms = find_mentions(text, 0, len(text), config)
    quotes = quote_regions(text, 0, len(text), config)
    quote = next((q for q in quotes if q.start <= start < q.end), None)
    return attribute(text, (0, len(text)), (start, end), np_end, ms, topic, quote, config)


TRACKED = Attribution("Cyberport", True)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Cyberport now hosts 1,650 start-ups.", "1,650"),
        ("The park gathers more than 800 companies.", "800"),
        ("Hong Kong Cyberport's incubation scheme admitted 95 incubatees.", "95"),
        ("Cyberport companies have expanded to 28 markets.", "28"),
        ("Lingang Group signed a pact with Cyberport, a hub with 1,500 members.", "1,500"),
        ("Cyberport, which has 1,500 members, signed a pact.", "1,500"),
        ("Cyberport, with Hong Kong's biggest AI Lab as its engine, hosts 300 AI firms.", "300"),
        ("At present, 80% of the companies in the park are local.", "80%"),
        ("Cyberport grew, and in 2019 it counted 1,100 firms.", "1,100"),
        # The city before the figure, but the tracked organisation its place or its subject.
        ("In Hong Kong, more than 400 FinTech firms have set up at Cyberport.", "400"),
        ("In Hong Kong, Cyberport hosts 400 FinTech firms.", "400"),
        # A place where the organisation is, named after it, is no other organisation.
        (
            "Elsewhere, Cyberport in Pok Fu Lam now counts some 700 companies in its community.",
            "700",
        ),
        # No closing comma: "our community" is the clause's subject, not an aside.
        ('Amy Lo, CEO of Cyberport, said: "Today, our community has 2,100 members."', "2,100"),
        # What names no one, after a preposition ("among its"), is nobody else to own a figure.
        (
            "Cyberport counts nine unicorns among its members, alongside more than 20 listed "
            "companies.",
            "20",
        ),
        # An organisation in a phrase after a preposition that cannot be a place is no
        # community's: "the community" is still the one the text is about.
        (
            "Two members listed on the Main Board of the Hong Kong Stock Exchange, and the "
            "community now includes 11 listed companies.",
            "11",
        ),
    ],
)
def test_tracked(text: str, figure: str) -> None:
    assert owner(text, figure) == TRACKED


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        (
            "Blue Ridge Group Co., Ltd., a Cyberport community firm, has served 9,000 clients.",
            "9,000",
            "Blue Ridge Group",
        ),
        (
            "The HKNTAIE has brought approximately 55 companies to the Cyberport Campus.",
            "55",
            "HKNTAIE",
        ),
        (
            "Cyberport signed a pact with Lingang Group, which hosts 4,000 firms.",
            "4,000",
            "Lingang Group",
        ),
        ("There are 4,000 start-ups in Hong Kong.", "4,000", "Hong Kong"),
        # The city opening the clause as its place: the figures in it are the city's, even
        # when the tracked organisation is named after them.
        (
            "Across the city there are some 600 FinTech firms, which means that roughly two "
            "in every three have chosen Cyberport as their home.",
            "600",
            "Hong Kong",
        ),
        ("In Hong Kong, 60% of start-ups are local, Cyberport said.", "60%", "Hong Kong"),
        ("In Hong Kong, there are 4,000 start-ups.", "4,000", "Hong Kong"),
        ("Cyberport has 2,000 firms, while Shenzhen has 9,000 firms.", "9,000", "Shenzhen"),
        # An aside that opens with "our"/"its" describes the name before it: not the subject.
        (
            'Lo said: "The Science Park, our sister organisation, reports 2,000 companies."',
            "2,000",
            "Hong Kong Science Park",
        ),
        ("Lingang Group, its parent, has 6,000 tenants.", "6,000", "Lingang Group"),
        # A park named after a preposition is still the one "the park" stands for.
        (
            "Delegates toured labs at Hong Kong Science Park, and the park now houses over "
            "1,700 companies.",
            "1,700",
            "Hong Kong Science Park",
        ),
    ],
)
def test_someone_else(text: str, figure: str, entity: str) -> None:
    assert owner(text, figure) == Attribution(entity, False)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Over 300 firms joined the fair.", "300"),
    ],
)
def test_nobody_we_can_name(text: str, figure: str) -> None:
    assert owner(text, figure) is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Cyberport said Science Park in Sha Tin now counts 900 companies.", "900"),
        ("Cyberport met the HKAABJU and 100 firms signed.", "100"),
        ("Cyberport hosted a fair where 700 Jiangsu enterprises met.", "700"),
        ("Onsite founders at HKSTP come from 24 countries.", "24"),
    ],
)
def test_never_the_tracked_one_when_another_is_closer(text: str, figure: str) -> None:
    got = owner(text, figure, Topic(TRACKED, TRACKED))
    assert got is None or not got.tracked


def test_first_person_follows_the_speaker() -> None:
    ours = '"We now have 1,400 members," said Amy Lo, CEO of Cyberport.'
    theirs = '"We now have 1,400 members," said Bo Li, head of the Lingang Group.'
    unknown = '"We now have 1,400 members."'
    assert owner(ours, "1,400") == TRACKED
    assert owner(theirs, "1,400") == Attribution("Lingang Group", False)
    assert owner(unknown, "1,400") is None


def test_topic_carries_only_when_nothing_else_is_named() -> None:
    topic = Topic(TRACKED, TRACKED)
    assert owner("Onsite founders come from 24 countries.", "24", topic) == TRACKED
    assert owner("Onsite founders come from 24 countries.", "24", Topic()) is None


def test_the_park_is_whichever_park_the_text_is_about() -> None:
    other = Attribution("Hong Kong Science Park", False)
    assert owner("The park has 900 companies.", "900", Topic(None, other)) == other
    assert owner("The park has 900 companies.", "900", Topic()) == TRACKED


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The delegation, which included 18 start-ups from Cyberport, met investors.", "18"),
        ("Cyberport opened its pavilion at the fair today, with 60 start-ups presenting.", "60"),
        ("Cyberport led a trip of some 25 start-ups to Shenzhen.", "25"),
        ("One of the community's fintech start-ups closed a US$30 million round.", "US$30"),
        ("One of Cyberport's start-ups raised HK$80 million last year.", "HK$80"),
    ],
)
def test_a_group_or_a_member_is_not_the_organisation(text: str, figure: str) -> None:
    got = owner(text, figure, Topic(TRACKED, TRACKED, TRACKED))
    assert got is None or not got.tracked


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Cyberport hosted an exhibition, and its community of 1,900 companies came.", "1,900"),
        ("Cyberport, one of the city's hubs, has 1,900 companies.", "1,900"),
        ("Alpha is one of Cyberport's 1,900 companies.", "1,900"),
    ],
)
def test_the_organisations_own_figure_beside_a_group_or_a_member(text: str, figure: str) -> None:
    assert owner(text, figure, Topic(TRACKED, TRACKED, TRACKED)) == TRACKED


@pytest.mark.parametrize(
    ("text", "figure", "owned"),
    [
        ("Singapore's fintech companies raised US$1.8 billion this year.", "US$1.8", False),
        ("Shenzhen's start-up parks now host some 4,000 companies.", "4,000", False),
        ("Asia's busiest digital hub, Cyberport, now hosts 1,900 companies.", "1,900", True),
        ("In Singapore's view, Cyberport has 1,900 companies.", "1,900", True),
    ],
)
def test_a_place_whose_possessive_opens_the_clause_owns_it(
    text: str, figure: str, owned: bool
) -> None:
    got = owner(text, figure, Topic(TRACKED, TRACKED, TRACKED))
    assert (got is not None and got.tracked) is owned


def test_a_programme_named_after_its_possessor_is_the_possessors() -> None:
    topic = Topic(TRACKED, TRACKED, TRACKED)
    text = "Its Incubation Programme has so far admitted 14 start-ups."
    assert owner(text, "14", topic) == Attribution("Cyberport", True, "pronoun")
    got = owner("Its Macro Fund has invested in 20 start-ups.", "20", topic)
    assert got is None or not got.tracked  # a fund's own figures are the fund's


@pytest.mark.parametrize(
    ("text", "figure", "owned"),
    [
        ("Acme joined a FinTech cluster at Cyberport that has grown to 80 companies.", "80", True),
        ("Cyberport signed a pact with a Shenzhen park that has 500 companies.", "500", False),
        ("Cyberport signed a pact with Lingang Group, which has 500 companies.", "500", False),
        ("She said that one of 1,650 companies in the Cyberport community won.", "1,650", True),
    ],
)
def test_a_relative_clause_with_no_subject_is_its_nouns(
    text: str, figure: str, owned: bool
) -> None:
    got = owner(text, figure, Topic(TRACKED, TRACKED, TRACKED))
    assert (got is not None and got.tracked) is owned


def test_the_campus_is_never_two_organisations_together() -> None:
    joint = Attribution("Cyberport and Hong Kong Science Park (joint)", False)
    got = owner("The campus has 230 companies.", "230", Topic(None, joint, TRACKED))
    assert got is not None and got.tracked


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for block in text.split("\n\n"):
        out.append((pos, pos + len(block)))
        pos += len(block) + 2
    return out


def test_section_voice_of_a_speech_and_of_an_interview() -> None:
    from etl.extract import default_config
    from etl.extract.attribution import section_voice

    cfg = default_config()
    speech = "Keynote by Dr Lee, CEO of Cyberport, at the Summit\n\nWe are growing.\n\nThank you."
    v = section_voice(speech, _paragraphs(speech), cfg)
    assert v is not None and v.speaker_tracked and v.paragraphs == {1, 2}
    guest = "Speech by the Mayor, at the Cyberport Summit\n\nWe are growing."
    assert section_voice(guest, _paragraphs(guest), cfg) is None
    talk = "Ann Ko, Cyberport's chief, spoke to us.\n\nQ: Busy?\n\nA: Very.\n\nStill.\n\nQ: Why?"
    v2 = section_voice(talk, _paragraphs(talk), cfg)
    assert v2 is not None and v2.paragraphs == {2, 3}
    plain = "Q: Busy?\n\nA: Very."
    assert section_voice(plain, _paragraphs(plain), cfg) is None


def test_a_pronoun_does_not_stop_the_topic_from_carrying() -> None:
    """'its' and 'it' name nobody new: the paragraph's subject still owns the figure."""
    ours = Topic(TRACKED, TRACKED)
    other = Attribution("Hong Kong Science Park", False)
    text = "Home to some 900 member firms, it runs its own seed fund."
    assert owner(text, "900", ours) == TRACKED
    assert owner(text, "900", Topic(other, other)) in (None, other)
    assert owner(text, "900", Topic()) is None
    # A name among them still blocks it.
    named = "Home to some 900 member firms, Lingang Group runs its own seed fund."
    assert owner(named, "900", ours) != TRACKED


def test_a_closing_report_clause_names_the_owner_despite_a_pronoun() -> None:
    said = (
        "More than 250 health-tech firms now belong to the Cyberport community, "
        "the park said, making health tech its second-largest cluster."
    )
    assert owner(said, "250") == TRACKED
    elsewhere = "More than 250 health-tech firms joined, HKSTP said, making it its best year."
    got = owner(elsewhere, "250", Topic(TRACKED, TRACKED))
    assert got is None or not got.tracked


def test_with_after_a_place_in_a_phrase_is_the_clauses_not_the_places() -> None:
    ours = (
        '"Our health-tech cluster is the biggest in Asia, with roughly 180 firms," '
        "said Cyberport spokeswoman Mia Chan."
    )
    assert owner(ours, "180") == TRACKED
    city = "Our fair is the biggest in the city, with 600 firms."
    assert owner(city, "600") is None  # nobody we can name said it
    theirs = "Cyberport partnered with HKSTP, with 1,000 firms between them."
    got = owner(theirs, "1,000")
    assert got is None or not got.tracked
    assert owner("Lingang Group, with 4,000 firms, signed.", "4,000") == Attribution(
        "Lingang Group", False
    )


def test_the_park_after_a_dateline_naming_the_city_is_the_tracked_one() -> None:
    city = Attribution("Hong Kong", False)
    assert owner("The park has 900 companies.", "900", Topic(city, city)) == TRACKED


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("More than 1,000 start-ups have now set up at Cyberport.", "1,000"),
        ("In 2025, 160 start-ups were admitted to Cyberport's incubation programmes.", "160"),
        ("Six of Hong Kong's unicorns grew up at Cyberport.", "Six"),
    ],
)
def test_an_organisation_named_after_the_figure_owns_it(text: str, figure: str) -> None:
    got = owner(text, figure)
    assert got == TRACKED and got.how == "after"


def test_the_park_after_a_named_park_in_its_sentence_is_that_park() -> None:
    text = "Hong Kong Science Park's operator said the park now houses about 650 companies."
    assert owner(text, "650") == Attribution("Hong Kong Science Park", False)


def test_a_pronoun_skips_the_places_named_on_the_way() -> None:
    text = (
        "Cyberport firms come from the mainland and overseas, "
        "and together they hold 2,100 IP rights."
    )
    got = owner(text, "2,100")
    assert got is None or got.tracked


def test_the_city_as_a_possessor_does_not_own_the_figure() -> None:
    text = (
        "Cyberport is Hong Kong's digital flagship, with 1,900 companies, "
        "seven of which are unicorns."
    )
    assert owner(text, "seven") == TRACKED
    assert owner("Hong Kong has 4,000 start-ups.", "4,000") == Attribution("Hong Kong", False)


def test_a_pronoun_prefers_a_named_organisation_to_the_city() -> None:
    text = "Cyberport, the city's other hub, says its own community has grown to 1,400 companies."
    assert owner(text, "1,400") == TRACKED


@pytest.mark.parametrize(
    "text",
    [
        "Nimbus Labs is one of more than 2,100 companies in the Cyberport community.",
        "Kestrel Bio is one of about 640 firms at Cyberport.",
        "The firm, which joined a programme in 2019, is one of 1,700 members of the Cyberport"
        " community.",
        "The company is one of 88 start-ups admitted to Cyberport's incubation programme.",
        "The firm is part of a Cyberport community of about 450 companies.",
        "TerraLedger is one of nine Cyberport community companies that are now listed.",
    ],
)
def test_the_set_a_member_is_one_of_is_the_places(text: str) -> None:
    marks = ("2,100", "640", "1,700", "88", "450", "nine")
    found = owner(text, next(x for x in marks if x in text))
    assert found is not None and (found.entity, found.tracked) == ("Cyberport", True)


def test_the_set_a_member_is_one_of_elsewhere_is_not_ours() -> None:
    found = owner("Nimbus Labs is one of 70 start-ups in the Science Park's programme.", "70")
    assert found is None or not found.tracked
    found = owner("The firm is one of 300 members of the Science Park's network.", "300")
    assert found is None or not found.tracked
    found = owner("The studio sits within a Science Park community of about 450 firms.", "450")
    assert found is None or not found.tracked
    # A member's own figure stays its own: no set is named.
    found = owner("Nimbus Labs, one of our tenants, hired 35 engineers at Cyberport.", "35")
    assert found is None or found.entity != "Nimbus Labs" or not found.tracked


@pytest.mark.parametrize(
    "other",
    ["Securities and Futures Commission", "InvestHK", "Hong Kong Productivity Council"],
)
def test_the_hub_is_no_organisation_that_cannot_be_a_place(other: str) -> None:
    """An organisation named in passing before ("opened by the regulator") is no hub."""
    named = Attribution(other, False)
    got = owner("The hub's robotics cluster has grown to 75 firms.", "75", Topic(named, named))
    assert got == TRACKED
    got = owner("The hub now has 75 firms.", "75", Topic(named, named, named))
    assert got == TRACKED  # not even when the document is mostly about it


@pytest.mark.parametrize(
    "place",
    ["Hong Kong Science Park", "Zhongguancun", "Qianhai Shenzhen-Hong Kong Youth Innovation Hub"],
)
def test_the_park_is_still_a_park_named_before(place: str) -> None:
    named = Attribution(place, False)
    got = owner("The park now hosts 410 companies.", "410", Topic(named, named))
    assert got == named


@pytest.mark.parametrize(
    "text",
    [
        "Since the scheme opened in 2012, 420 start-ups have been admitted to Cyberport.",
        "When the fund was set up, 35 firms were already based at Cyberport.",
    ],
)
def test_a_leading_subordinate_clause_is_a_clause_of_its_own(text: str) -> None:
    figure = text.split(", ")[1].split()[0]
    got = owner(text, figure)
    assert got == TRACKED and got.how == "after"


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        # Its own subject still owns the figure's clause.
        ("Since the pandemic began, Lingang Group has admitted 40 start-ups.", "40", "Lingang"),
        # And with no owner after the figure, the lead clause's subject is still the owner.
        ("After Lingang Group opened its park, 300 firms joined.", "300", "Lingang"),
    ],
)
def test_a_leading_clause_leaves_a_subject_or_nothing_after_as_it_was(
    text: str, figure: str, entity: str
) -> None:
    got = owner(text, figure)
    assert got is not None and got.entity.startswith(entity)


def test_a_cluster_may_be_any_organisations_but_a_hub_only_a_places() -> None:
    named = Attribution("Lingang Group", False)
    topic = Topic(named, named)
    assert owner("The Web3 cluster has 70 companies.", "70", topic) == named
    assert owner("The hub has 70 companies.", "70", topic) == TRACKED


@pytest.mark.parametrize(
    ("text", "figure", "member"),
    [
        (
            "Acme Robotics, one of about 900 firms at Cyberport, raised US$5 million.",
            "US$5",
            "Acme",
        ),
        ("Last year, Blue Kite, one of 40 incubatees of Cyberport, hired 30 staff.", "30", "Blue"),
        ("The start-up, one of 120 in the community, won 3 awards.", "3 awards", "The start-up"),
    ],
)
def test_the_member_an_apposition_makes_one_of_a_set_owns_the_main_verbs_figure(
    text: str, figure: str, member: str
) -> None:
    got = owner(text, figure)
    assert got is not None and not got.tracked and got.entity.startswith(member)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # The set's own size stays the set's owner's.
        ("Acme Robotics, one of about 900 firms at Cyberport, raised US$5 million.", "900"),
        # The tracked organisation as the member keeps its own figures.
        ("Cyberport, one of the city's two tech hubs, now has 2,000 companies.", "2,000"),
        # An apposition to no subject changes nothing.
        ("Cyberport has 2,000 companies, one of the largest communities, and 40 unicorns.", "40"),
    ],
)
def test_no_member_owner_for_the_sets_size_or_the_tracked_member(text: str, figure: str) -> None:
    assert owner(text, figure) == TRACKED


def test_a_name_in_an_aside_between_dashes_owns_no_figure_outside_it() -> None:
    text = (
        "Science Park is bigger by floor space – 400,000 square metres against Cyberport's "
        "119,000 – and houses over 800 technology companies."
    )
    found = owner(text, "800")
    assert found is not None and not found.tracked
    inside = "The hub – home to 1,900 Cyberport companies – opened in 2004."
    found = owner(inside, "1,900")
    assert found is not None and found.tracked  # the figure is in the aside: its name counts


@pytest.mark.parametrize(
    "text",
    [
        "Cyberport, the hub where Lumio Pay was incubated, says its community has 2,000 members.",
        "Cyberport, which backed Lumio Pay early, said its 2,000 members raised HK$40 billion.",
    ],
)
def test_a_name_in_an_aside_is_no_antecedent_for_a_pronoun_after_it(text: str) -> None:
    assert owner(text, "2,000") == TRACKED


def test_a_pronoun_after_an_aside_keeps_the_only_name_there_is() -> None:
    # No name outside the aside to stand for: the one inside stays the antecedent.
    text = "Block71, the symbol of Singapore's boom, and its neighbours house about 800 start-ups."
    found = owner(text, "800")
    assert found is None or not found.tracked
