"""Whose a figure is, in whole documents: "our" in bulletins, another park's community, the
hub a document is about, shorthand subjects, datelines, quotes in profiles, newsletters."""

from __future__ import annotations

from datetime import date

import pytest

from db.records import Claim, ReadDocument
from etl.extract import extract_claims
from etl.extract.attribution import Attribution
from etl.extract.claims import as_part
from tests.etl.extract.test_claims import _text_claims, inline


def test_our_in_a_bulletin_or_an_interview_is_the_organisations() -> None:
    d = date(2024, 5, 2)
    body = "\n\nOur Web3 cluster now counts 140 companies."
    assert inline("Community Bulletin - Cyberport" + body, d) == [
        ("web3_companies", 140, "exact", d, None)
    ]
    assert inline("Market report" + body, d) == []  # whose "our", nobody says
    interview = (
        "A conversation with Leo Chan, Head of Incubation at Cyberport\n\n"
        "Q: Which area grows fastest?\n\nA: Web3 is our fastest-growing cluster, "
        "with about 140 companies.\n\nQ: And next year?\n\nA: More of the same."
    )
    assert [c[:2] for c in inline(interview, d)] == [("web3_companies", 140)]


def test_our_friends_at_another_park_make_the_park_theirs() -> None:
    d = date(2024, 5, 2)
    text = (
        "Community Bulletin - Cyberport\n\n"
        "Our friends at Hong Kong Science Park opened a wet lab. "
        "The park now hosts some 1,900 companies."
    )
    assert inline(text, d) == []
    # A "we" that is the subject still carries to the pronouns after it.
    text = "Community Bulletin - Cyberport\n\nWe welcomed 30 start-ups. They hold 45 patents."
    assert ("ip_rights", 45, "exact", d, None) in inline(text, d)


def test_a_count_said_to_exist_now_counts_what_the_sentences_before_counted() -> None:
    d = date(2021, 3, 9)
    text = (
        'Cyberport has changed a lot, its chairman said. "In 2015 there were about 600 '
        "companies. The lifts were quiet then. Today there are more than 1,900, and I'd "
        'never have guessed it."'
    )
    got = inline(text, d)
    assert ("companies", 1900, "over", d, None) in got
    # Said of the past, or with no count before it, it is no claim of its own.
    past = text.replace("Today there are", "Back then there were")
    assert not any(c[1] == 1900 for c in inline(past, d))
    alone = (
        'Cyberport has changed a lot, its chairman said. "The lifts were quiet then. '
        "Today there are more than 1,900, and I'd never have guessed it.\""
    )
    assert not any(c[1] == 1900 for c in inline(alone, d))


def test_a_members_own_money_is_not_the_communitys() -> None:
    d = date(2024, 5, 2)
    text = "Acme Robotics, one of about 900 firms at Cyberport, raised US$5 million last month."
    assert inline(text, d) == [("companies", 900, "about", d, None)]


def test_there_after_a_figure_is_the_place_the_sentence_before_named() -> None:
    d = date(2019, 9, 3)
    text = (
        "Start-up scene\n\nAt Cyberport, the community has grown to 1,300 companies. "
        "Two of the city's unicorns spent their first years there."
    )
    assert ("unicorns", 2, "exact", d, None) in inline(text, d)
    # Not when the sentence names someone else, nor with an existential "there are".
    other = text.replace("spent their first years there", "moved to Lingang Group there")
    assert not any(c[0] == "unicorns" for c in inline(other, d))
    exist = text.replace(
        "Two of the city's unicorns spent their first years there.",
        "In Shenzhen there are two of the region's unicorns.",
    )
    assert not any(c[0] == "unicorns" for c in inline(exist, d))


def test_an_answer_fragment_after_its_mark_is_the_guests() -> None:
    d = date(2019, 9, 3)
    text = (
        "A conversation with Leo Chan, Head of Incubation at Cyberport\n\n"
        "Q: How big is the community?\n\n"
        "A: About 1,400 companies, counting those on campus and off it.\n\n"
        "Q: And next year?\n\nA: More."
    )
    assert ("companies", 1400, "about", d, None) in inline(text, d)


_HUB_RELEASE = (
    "Cyberport reports a record half year\n\n"
    "Hong Kong, 9 July 2024 - Cyberport today reported its results for the first half.\n\n"
    "{}\n\n"
    "About Cyberport\n\nCyberport is a digital technology community."
)


def _hub_claims(sentence: str) -> list[Claim]:
    text = _HUB_RELEASE.format(sentence)
    doc = ReadDocument(
        "h.txt", "0", "txt", text, None, None, None, None, date(2024, 7, 9), "inline", ()
    )
    return extract_claims(doc)


@pytest.mark.parametrize(
    ("sentence", "metric", "unit", "value"),
    [
        (
            "Across the whole community, members raised US$900 million in the half.",
            "funding_raised",
            "USD",
            9e8,
        ),
        (
            "Community members have secured AED 60 million from regional investors so far.",
            "funding_raised",
            "AED",
            6e7,
        ),
        (
            "FinTech remains the biggest cluster, with about 410 companies.",
            "fintech_companies",
            "count",
            410,
        ),
    ],
)
def test_a_document_about_the_hub_owns_its_unnamed_figures(
    sentence: str, metric: str, unit: str, value: float
) -> None:
    found = {(c.entity, c.metric, c.unit, c.value) for c in _hub_claims(sentence)}
    assert ("Cyberport", metric, unit, value) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "FinTech investment in the city totalled US$70 million last year, a consultancy said.",
        "In the first half, a robotics member closed a funding round of US$9 million.",
    ],
)
def test_the_citys_figure_and_one_companys_round_are_not_the_hubs(sentence: str) -> None:
    assert not [c for c in _hub_claims(sentence) if c.status == "auto"]


def test_a_bare_community_as_a_shorthand_subject_is_the_community_the_text_is_about() -> None:
    text = (
        "HK CYBERPORT FIRMS RAISE HK$2 BLN -- CEO\n\n"
        "HONG KONG, May 4 (Newswire) - Start-ups at Cyberport raised HK$2 bln in 2020.\n\n"
        "* Community now ~1,400 cos, incl 3 unicorns\n"
        "* Fintech firms in community total >300"
    )
    d = date(2021, 5, 4)
    got = {(m, v) for m, v, *_ in inline(text, d)}
    assert {("companies", 1400), ("unicorns", 3), ("fintech_companies", 300)} <= got


def test_another_parks_community_in_shorthand_stays_theirs() -> None:
    text = (
        "SCIENCE PARK TENANTS GROW -- HKSTP\n\n"
        "HONG KONG, May 4 (Newswire) - Hong Kong Science Park said on Tuesday its tenants grew.\n\n"
        "* HKSTP community now ~1,100 cos\n"
        "* Its community totals 1,100 cos"
    )
    assert inline(text, date(2021, 5, 4)) == []


def test_the_place_of_a_dateline_is_no_subject() -> None:
    text = (
        "HONG KONG, 9 March 2019 – The AI cluster at Cyberport has grown to more than 120 "
        "start-ups, Cyberport announced today."
    )
    d = date(2019, 3, 9)
    assert inline(text, d) == [("ai_companies", 120, "over", d, None)]


def test_the_city_in_a_dateline_still_owns_the_citys_figure() -> None:
    text = "HONG KONG, 9 March 2019 – Start-ups across the city raised US$1 billion last year."
    assert inline(text, date(2019, 3, 9)) == []


def test_a_count_there_after_the_sector_its_sentence_opens_with_is_the_sectors() -> None:
    text = (
        "Remarks by Mr Tom Ho, Chief Executive Officer of Cyberport, at the Forum\n\n"
        "Smart living rarely makes the news, but we have about 180 companies there today."
    )
    d = date(2020, 10, 1)
    assert inline(text, d) == [("smart_living_companies", 180, "about", d, None)]


def test_a_count_there_after_a_place_is_no_sectors() -> None:
    text = (
        "Remarks by Mr Tom Ho, Chief Executive Officer of Cyberport, at the Forum\n\n"
        "Fintech is booming in Shenzhen, and we have about 180 companies there today."
    )
    assert all(m != "fintech_companies" for m, *_ in inline(text, date(2020, 10, 1)))


def test_an_unattributed_quote_in_a_profile_of_the_head_is_the_organisations() -> None:
    text = (
        "TECH PEOPLE\n\n"
        "Cyberport's incubation chief on a busy year\n\n"
        "Joan Ng has spent six years at the hub. We asked her how selective it is.\n\n"
        '"Very. Last year we admitted 150 start-ups to the incubation programme."'
    )
    got = inline(text, date(2021, 9, 1))
    assert [(m, v) for m, v, *_ in got] == [("incubatees", 150)]


def test_an_unattributed_quote_in_a_founders_profile_is_not_the_organisations() -> None:
    text = (
        "TECH PEOPLE\n\n"
        "A founder on a busy year\n\n"
        "Joan Ng moved her start-up to Cyberport in 2019. We asked how it went.\n\n"
        '"Very well. Last year we raised US$3 million and hired 40 people."'
    )
    assert inline(text, date(2021, 9, 1)) == []


def test_a_pronoun_opening_an_entry_of_an_own_newsletter_is_the_publishers() -> None:
    text = (
        "# Cyberport Community Newsletter\n\n"
        "Issue 12 · March 2023\n\n"
        "Welcome to the spring issue, with news from across the campus this quarter.\n\n"
        "## Listings\n\n"
        "They now number four. The latest, a payments firm, listed in February."
    )
    doc = ReadDocument("n.md", "0" * 64, "md", text, None, None, None, None,
                       date(2023, 3, 20), "manifest", ())  # fmt: skip
    got = [(c.metric, c.value, c.status) for c in extract_claims(doc) if c.value == 4]
    assert got == [("listed_companies", 4, "auto")]


def test_a_pronoun_under_a_heading_naming_another_organisation_is_not_the_publishers() -> None:
    text = (
        "# Cyberport Community Newsletter\n\n"
        "Issue 12 · March 2023\n\n"
        "Welcome to the spring issue, with news from across the campus this quarter.\n\n"
        "## Hong Kong Science Park listings\n\n"
        "They now number four. The latest, a payments firm, listed in February."
    )
    doc = ReadDocument("n.md", "0" * 64, "md", text, None, None, None, None,
                       date(2023, 3, 20), "manifest", ())  # fmt: skip
    assert [c for c in extract_claims(doc) if c.value == 4 and c.status == "auto"] == []


_HUB_NOTES = (
    "Harbourside Notes: the Cyberport community letter\n\n"
    "Issue 9 · 2 May 2024\n\n"
    "We are now a 2.2k-strong membership, and our members sell into 55 markets."
)


def test_an_unmarked_we_in_a_text_about_the_organisation_is_its_own() -> None:
    d = date(2024, 5, 2)
    assert [(c[0], c[1]) for c in inline(_HUB_NOTES, d)] == [
        ("companies", 2200),
        ("markets", 55),
    ]


def test_an_unmarked_we_under_a_byline_or_in_a_speech_is_nobody_s_we_know() -> None:
    d = date(2024, 5, 2)
    lines = _HUB_NOTES.split("\n\n")
    blog = "\n\n".join([lines[0], "By Mei Tang · 2 May 2024", lines[2]])  # a founder's, say
    speech = "\n\n".join(["Speech by the Chairman at the Harbourside Dinner", *lines[1:]])
    assert inline(blog, d) == []
    assert inline(speech, d) == []


def test_an_interviewers_we_and_a_turn_of_an_unknown_speaker_are_not_the_organisations() -> None:
    d = date(2023, 6, 1)
    interview = (
        "Cyberport's chief executive on its growth\n\n"
        "By Ken Lo\n\n"
        "Mona Lee runs Cyberport. We met her at the campus.\n\n"
        "Q: We counted 30 unicorns in our survey of the region. Is that fair? "
        "A: I can only speak for us. Seven of the city's unicorns grew up with us.\n\n"
        "Q: And money? A: Our companies raised HK$4 billion last year alone."
    )
    got = [(c[0], c[1]) for c in inline(interview, d)]
    assert got == [("funding_raised", 4e9), ("unicorns", 7)]
    panel = (
        "Cyberport Web3 panel, 1 June 2023\n\n"
        "AMY POON: Cyberport now counts 200 Web3 companies.\n\n"
        "KEN WU: We raised US$12 million last year.\n\n"
        "AMY POON: Good to hear.\n\n"
        "KEN WU: Thanks."
    )
    assert [c[:2] for c in inline(panel, d)] == [("web3_companies", 200)]


def test_an_unmarked_we_in_a_quotation_after_the_figure_does_not_own_it() -> None:
    text = (
        "Cyberport's ecosystem chief on alumni\n\n"
        "Jo Ma runs Cyberport's community team.\n\n"
        'One alumnus raised US$90 million this year, "but that is their story, not ours," '
        "she says."
    )
    assert inline(text, date(2021, 8, 2)) == []


def test_between_us_is_a_joint_figure_not_the_speakers_organisations() -> None:
    text = (
        "Cyberport news\n\n"
        '"We have 1,900 companies. Science Park has some 2,000. Between us, over 3,900 '
        'companies," said Ms Ho, chief executive of Cyberport.'
    )
    got = [c[:2] for c in inline(text, date(2026, 1, 22))]
    assert ("companies", 1900) in got and ("companies", 3900) not in got


def test_the_park_in_the_words_of_another_park_s_speaker_is_their_park() -> None:
    text = (
        "Cyberport panel transcript, 2 November 2023\n\n"
        "Panellists:\n"
        "  AMY WONG - Head of Community, Cyberport\n"
        "  RAJ MEHTA - Director, HKSTP\n\n"
        "AMY WONG: Cyberport now counts 200 Web3 companies.\n\n"
        "RAJ MEHTA: Complementary, not competing. The park has over 1,700 companies now, and "
        "our strengths are in deep tech.\n\n"
        "AMY WONG: And the park here has about 1,900.\n\n"
        "RAJ MEHTA: Thank you."
    )
    got = {c[:2] for c in inline(text, date(2023, 11, 2))}
    assert ("web3_companies", 200) in got and ("companies", 1700) not in got


def test_an_unmarked_we_under_a_posted_by_line_is_the_writers_not_the_organisations() -> None:
    text = (
        "# Cyberport by the numbers\n\n"
        "*Posted 9 February 2026 by Mei Tang, Harbour Research*\n\n"
        "We now track 2,400 companies in the Cyberport community for our clients."
    )
    assert [c for c in inline(text, date(2026, 2, 9)) if c[1] == 2400] == []


def test_an_unmarked_we_in_an_interview_by_a_writer_is_the_interviewees() -> None:
    text = (
        "FOUNDER FILES\n\n"
        '"Cyberport gave us a front door": Tidewell Robotics\' Chow Mei-ling\n\n'
        "Interview by Priya Natarajan | 10 March 2026\n\n"
        "Chow Mei-ling co-founded Tidewell Robotics at Cyberport in 2019.\n\n"
        "We raised US$18 million last year, and we're in six markets now. Ten unicorns have "
        "come through this place."
    )
    got = {c[:2] for c in inline(text, date(2026, 3, 10))}
    assert ("unicorns", 10) in got  # this place: where the interview is set
    assert ("funding_raised", 18e6) not in got and ("markets", 6) not in got  # the founder's


def test_short_answers_take_what_the_question_asks_for() -> None:
    text = (
        "Cyberport's community chief on a busy year\n\n"
        "Kim Ho leads the community team at Cyberport. We spoke to her this week.\n\n"
        "Q: Let's start. How many fintech companies does Cyberport have today?\n"
        "A: Roughly 370. A few years ago it was mostly payments.\n\n"
        "Q: How far do your companies reach? How many markets?\n"
        "A: Over 40 now. Southeast Asia is the big one."
    )
    got = {c[:2] for c in _text_claims(text, date(2020, 12, 7))}  # (whoever's they are)
    assert got == {("fintech_companies", 370), ("markets", 40)}


def test_an_answer_to_a_question_about_plans_is_no_count() -> None:
    head = (
        "Cyberport's chief on the years ahead\n\n"
        "Ann Lee is chief executive of Cyberport. We met her on the campus.\n\n"
    )
    plan = head + "Q: What will success look like in 2025?\n\nA: A community of 3,000 companies."
    now = head + "Q: Would you say the hub has grown?\n\nA: Yes, to a community of 1,800 companies."
    assert [c for c in _text_claims(plan, date(2020, 9, 2)) if c[1] == 3000] == []
    assert ("companies", 1800) in {c[:2] for c in _text_claims(now, date(2020, 9, 2))}


def test_a_building_s_number_after_its_name_is_no_count() -> None:
    text = (
        "Cyberport news\n\n"
        "Photo caption: Ms Lee with the 27 newly admitted incubatees at Cyberport 3."
    )
    assert {c[:2] for c in _text_claims(text, date(2011, 9, 20))} == {("incubatees", 27)}


def test_answers_to_marked_questions_without_a_question_mark_or_of_a_part() -> None:
    text = (
        "Cyberport's community head on the year\n\n"
        "By Jo Lam\n\n"
        "Ann Ho runs community development at Cyberport, the Telegraph Bay hub.\n\n"
        "**Q: How many of those are genuinely start-ups, rather than established firms?**\n\n"
        "A: About 1,800. The rest are more mature firms.\n\n"
        "**Q: Everyone asks about unicorns.**\n\n"
        "A: Fourteen. And listings matter as much."
    )
    got = {c[:2] for c in _text_claims(text, date(2026, 1, 9))}
    assert {("startups", 1800), ("unicorns", 14)} <= got


def test_a_count_said_of_the_city_in_a_speech_about_the_organisation_is_the_citys() -> None:
    d = date(2026, 4, 22)
    text = (
        "Speech by Mr Simon Chan, Chairman of Cyberport\n\n"
        "Cyberport is home to over 2,000 companies. Across Hong Kong there are now nearly 5,000 "
        "start-ups. Our city has nurtured around 20 unicorns."
    )
    got = [c[1] for c in inline(text, d)]
    assert 2000 in got
    assert 5000 not in got and 20 not in got
    text = "Cyberport has over 2,000 companies. Its community in Hong Kong has 2,100 companies."
    assert 2100 in [c[1] for c in inline(text, d)]  # the city as where it is: still its


def test_its_after_a_company_the_sentence_opens_on_and_describes_is_that_companys() -> None:
    d = date(2023, 9, 25)
    text = (
        "Tidewave Games, a 35-person studio based at Cyberport, has seen its mobile title "
        "downloaded in 12 markets. Cyberport, a digital hub in Hong Kong, says its companies "
        "have reached 60 markets."
    )
    got = [c[1] for c in inline(text, d)]
    assert 60 in got and 12 not in got


def test_figures_joined_by_and_have_one_owner() -> None:
    d = date(2025, 8, 12)
    s = (
        "Tallyo is the seventh company to list, according to Cyberport, which now counts some "
        "2,300 companies and nine unicorns among its members."
    )
    assert ("unicorns", 9, "exact", d, None) in inline(s, d)
    s = (
        "Cyberport is home to close to 400 AI companies, and ten of the 18 start-ups at VivaTech "
        "are AI-driven."
    )  # a clause of its own after the comma
    assert not any(v == 10 for _, v, *_ in inline(s, d))


@pytest.mark.parametrize(
    "sentence",
    [
        "Together, the two host well over 3,500 technology companies.",
        "Together, our two flagship I&T platforms, the Hong Kong Science Park and Cyberport, "
        "now host more than 4,500 technology companies.",
        "Between them, Hong Kong Science Park and Cyberport host more than 1,500 AI firms, "
        "according to figures the two organisations released.",
    ],
)
def test_a_figure_of_two_parks_together_is_neither_parks(sentence: str) -> None:
    d = date(2024, 5, 2)
    text = (
        "Hong Kong's parks\n\nCyberport is home to more than 1,800 companies, while Hong Kong "
        f"Science Park runs a larger estate in Sha Tin. {sentence}"
    )
    assert inline(text, d) == [("companies", 1800, "over", d, None)]


def test_a_speaker_from_a_member_company_speaks_for_the_company() -> None:
    d = date(2024, 5, 2)
    member = (
        "Cyberport launches a builders programme\n\nMr Daniel Fok, founder of Cyberport "
        'start-up Ledgerlight Labs, said: "We started with four people. Today we have clients '
        'in nine markets."'
    )
    assert inline(member, d) == []
    staff = (
        "Cyberport launches a builders programme\n\nMs Amy Lo, chief executive of Cyberport, "
        'said: "Our companies now sell into more than 60 markets."'
    )
    assert inline(staff, d) == [("markets", 60, "over", d, None)]


def test_an_interview_answer_is_the_speakers_and_it_may_stand_for_the_count() -> None:
    d = date(2024, 4, 18)
    text = (
        "Cyberport's Web3 chief on the cluster\n\nJoanne Wong leads Cyberport's Web3 team.\n\n"
        "Q: How big is the Web3 cluster today?\n\n"
        "A: We now have more than 270 Web3 companies in the Cyberport community. That is on top "
        "of a broader community of over 2,000 start-ups and technology companies, so Web3 is now "
        "a meaningful slice of what we do.\n\n"
        "Q: How fast is it growing?\n\n"
        "A: Very fast. At the end of last year Cyberport had around 140 Web3 companies. Today it "
        "is more than 180."
    )
    got = inline(text, d)
    assert ("companies", 2000, "over", d, None) in got
    assert ("web3_companies", 180, "over", d, None) in got


def test_a_bare_answer_counts_what_was_asked_before_the_last_figure() -> None:
    text = (
        "Cyberport's AI chief\n\nKaren Ho leads Cyberport's AI cluster.\n\n"
        "Q: How big is Cyberport's AI community today?\n\n"
        "A: We have around 450 AI and data science companies now, out of a community of over "
        "2,300. When I joined in 2021 we had roughly 200, so it has more than doubled."
    )
    got = {(c[0], c[1]) for c in inline(text, date(2025, 9, 15))}
    assert {("ai_companies", 450), ("companies", 2300), ("ai_companies", 200)} <= got
    assert ("companies", 200) not in got


def test_the_examples_after_a_figure_name_no_owner() -> None:
    d = date(2009, 7, 16)
    text = (
        "Cyberport incubatees graduate\n\nCyberport today held its graduation ceremony. "
        "Incubatees have so far won 28 local and international awards, including recognition "
        "at the Asia Pacific ICT Alliance Awards and the Hong Kong ICT Awards."
    )
    assert ("awards", 28, "exact", d, None) in inline(text, d)


def test_the_community_in_a_list_under_another_organisations_name_is_theirs() -> None:
    text = (
        "Reply to a question on two parks\n\nAs at end-2024, the figures of HKSTPC and "
        "Cyberport are as follows:\n\nHKSTPC:\n\n- Number of companies in the community: 2,010"
        "\n- Number of unicorns: 12\n\nCyberport:\n\n- Number of companies in the community: "
        "2,268\n- Number of unicorns: 8"
    )
    got = {(c[0], c[1]) for c in inline(text, date(2025, 3, 12))}
    assert ("companies", 2268) in got and ("companies", 2010) not in got


def test_a_set_a_relative_clause_gives_to_another_is_theirs() -> None:
    d = date(2024, 7, 12)
    text = (
        "Cyberport start-up showcase\n\nCyberport hosted its start-up showcase today. Of the "
        "some 20 unicorns that Hong Kong can claim today, seven are members of the Cyberport "
        "community."
    )
    assert 20 not in {c[1] for c in inline(text, d)}


def test_a_part_of_a_set_is_no_surer_than_the_set() -> None:
    """ "..., and that 16 of them were valued at more than US$1 billion": the part's owner is
    the set's, as sure as the set's was and no surer."""
    named = Attribution("Cyberport", True, "name")
    assert as_part(named) == Attribution("Cyberport", True, "set")
    for weak in ("unsure", "document", "voice"):
        unsure = Attribution("Cyberport", True, weak)
        assert as_part(unsure) == unsure


def test_an_ordinal_count_belongs_to_the_set_named_after_it_not_to_the_new_member() -> None:
    d = date(2022, 3, 14)
    text = (
        "The round made Paxlane the sixth unicorn to emerge from Cyberport's community.\n\n"
        "Cyberport today published its quarterly update. In August, ShipGrid became the "
        "community's fifth listed company."
    )
    got = [c[:2] for c in inline(text, d)]
    assert ("unicorns", 6) in got and ("listed_companies", 5) in got
    # Another's set: the city's sixth unicorn is no count of the community's.
    assert inline("Paxlane became Hong Kong's sixth unicorn, Cyberport said.", d) == []


def test_a_clause_with_an_owner_of_its_own_takes_no_its_from_the_clause_before() -> None:
    d = date(2022, 10, 24)
    text = (
        "Cyberport mission to the Gulf\n\nCyberport led 16 start-ups to Dubai.\n\n"
        "The UAE aims to raise the digital economy's share of its GDP to 19.4 per cent, while "
        "Saudi Arabia's central bank reported 147 licensed fintech companies in the kingdom."
    )
    assert all(value != 147 for _, value, *_ in inline(text, d))
    own = "Cyberport mission\n\nCyberport grew its community, and it now counts 1,800 companies."
    assert ("companies", 1800, "exact", d, None) in inline(own, d)


def test_companies_based_elsewhere_in_the_city_are_the_communitys_offsite_members() -> None:
    d = date(2020, 12, 21)
    text = (
        "Cyberport year end\n\nThe community now numbers more than 1,650 companies, with about "
        "700 working on the Cyberport campus and some 950 based elsewhere in Hong Kong."
    )
    assert ("companies_offsite", 950, "about", d, None) in inline(text, d)


def test_a_name_in_a_participle_aside_after_a_network_does_not_own_its_figure() -> None:
    d = date(2021, 12, 15)
    text = (
        "Cyberport Investors Network\n\nThe Cyberport Investors Network (CIN) met today.\n\n"
        "CIN, set up in 2017 to connect Cyberport start-ups with private capital, now has 168 "
        "members, from angel investors to venture capital funds."
    )
    assert all(value != 168 for _, value, *_ in inline(text, d))


def test_funding_a_programme_approved_is_no_funding_raised() -> None:
    d = date(2023, 5, 10)
    text = (
        "LCQ: Cyberport funding\n\nThe funding approved for Cyberport incubatees was HK$41.2 "
        "million in 2022-23, and Cyberport community companies raised HK$3.9 billion."
    )
    assert [(m, v) for m, v, *_ in inline(text, d)] == [("funding_raised", 3.9e9)]


def test_the_cluster_is_the_organisations_but_its_members_figures_are_not() -> None:
    d = date(2025, 5, 12)
    text = (
        "Cyberport's four clusters grew in 2024.\n\n"
        "(d) Digital entertainment: The cluster had 187 companies at end-2024. Among the "
        "cluster's members, Fenrir Arena now serves organisers in nine markets. Start-ups in "
        "the cluster raised HK$25 million last year."
    )
    got = {(c[0], c[1]) for c in inline(text, d)}
    assert got == {("digital_entertainment_companies", 187)}
    other = (
        "Hong Kong Science Park said its fintech cluster keeps growing. The cluster had 120 "
        "fintech companies at the end of 2023, the Science Park said."
    )
    assert inline(other, d) == []  # another park's cluster


def test_a_place_word_run_by_another_organisation_is_theirs() -> None:
    d = date(2013, 4, 9)
    text = (
        "Cyberport is home to 400 companies, its head of entrepreneurship said.\n\n"
        "Across the harbour at Hong Kong Science Park in Sha Tin, the picture is similar. The "
        "park, run by the Hong Kong Science and Technology Parks Corporation (HKSTP), houses "
        "more than 500 companies."
    )
    assert [c[1] for c in inline(text, d)] == [400]


def test_a_description_in_a_sentence_opened_by_another_place_is_that_places() -> None:
    d = date(2014, 10, 6)
    head = "Co-working in Hong Kong\n\nCyberport's incubation programme has 300 companies. "
    got = inline(head + "At Hong Kong Science Park, the incubation programme has 150 companies.", d)
    assert [v for _, v, *_ in got] == [300]
    got = inline(head + "At Cyberport, the incubation programme has 150 companies on its books.", d)
    assert sorted(v for _, v, *_ in got) == [150, 300]


def test_this_programme_is_the_programme_named_before() -> None:
    d = date(2013, 8, 27)
    text = (
        "34 start-ups graduate from the Cyberport Incubation Programme\n\n"
        '"Each year the bar gets higher. This programme has now admitted 291 start-ups, and the '
        'companies that have gone through it have learned to compete," said Ms Wong, Chief '
        "Public Mission Officer of Cyberport."
    )
    assert ("incubatees", 291, "exact", d, None) in inline(text, d)


def test_you_in_a_speech_leaves_the_community_to_the_speaker() -> None:
    d = date(2020, 11, 27)
    text = (
        "Speech by the Chief Executive Officer of Cyberport at the graduation ceremony\n\n"
        "You are graduating into a community of over 1,650 companies."
    )
    assert ("companies", 1650, "over", d, None) in inline(text, d)


def test_its_community_is_the_holders_of_a_community_not_a_start_ups() -> None:
    d = date(2019, 7, 16)
    text = (
        "Payments start-up hits US$1 billion valuation\n\n"
        "Cyberport said on Tuesday that Paxio brings to three the number of unicorns in its "
        "community of more than 1,200 companies."
    )
    assert ("companies", 1200) in {(m, v) for m, v, *_ in inline(text, d)}


def test_a_name_in_a_relative_clause_is_no_antecedent_of_a_pronoun_after_it() -> None:
    d = date(2011, 3, 15)
    text = (
        "App maker expands\n\nThe three-year-old company, which graduated from the Cyberport "
        "Incubation Programme last year, said its apps had been downloaded in 14 markets."
    )
    assert all(v != 14 for _, v, *_ in inline(text, d))


def test_one_tenant_of_the_organisation_named_beside_a_start_up_is_the_start_up() -> None:
    d = date(2015, 11, 3)
    text = (
        "FinTech start-ups\n\nOne Cyberport tenant, the payments start-up Tapfolio, closed a "
        "round in August and now processes payments in 9 markets across Asia."
    )
    assert all(v != 9 for _, v, *_ in inline(text, d))


def test_the_programme_in_a_sentence_opened_by_another_park_is_that_parks() -> None:
    d = date(2024, 3, 5)
    text = (
        "Tech digest\n\nCyberport Incubation Programme admits 90 start-ups\n\n"
        "The Cyberport Incubation Programme admitted 90 start-ups this year.\n\n"
        "Science park figures\n\nHKSTP said it had admitted more than 1,000 start-ups since "
        "the programme began and counted 20 unicorns among current and former tenants."
    )
    got = {(m, v) for m, v, _, status in _text_claims(text, d) if status == "auto"}
    assert ("incubatees", 90) in got
    assert ("unicorns", 20) not in got and ("incubatees", 1000) not in got


def test_a_set_a_founder_was_one_of_is_not_their_companys() -> None:
    text = (
        "OPINION\n\nBy Ada Lam\n\nCyberport gave us our start. In 2022 we were one of about "
        "150 start-ups admitted to its incubation programmes.\n\nAda Lam is co-founder and "
        "chief executive of Hearthly, a start-up based at Cyberport."
    )
    doc = ReadDocument("c.txt", "0" * 64, "txt", text, None, None, None, None,
                       date(2024, 4, 24), "manifest", ())  # fmt: skip
    owners = {(c.entity, c.value) for c in extract_claims(doc)}  # (a candidate, unsure whose)
    assert ("Cyberport", 150) in owners and ("Hearthly", 150) not in owners


def test_a_subject_pointing_back_at_the_set_before_takes_its_owner() -> None:
    d = date(2024, 3, 5)
    text = (
        "Cyberport said its Web3 cluster had reached 210 companies.\n\n"
        "The founders behind these firms come from 25 countries and regions, including Japan, "
        "Kenya and the Mainland."
    )
    assert ("web3_founder_origins", 25, "exact", d, None) in inline(text, d)
    text = (
        "Cyberport said its Web3 cluster had reached 210 companies.\n\n"
        "The founders of Japan's start-ups come from 25 countries and regions."
    )  # someone else named: not Cyberport's
    assert not any(m.endswith("origins") for m, *_ in inline(text, d))


def test_a_member_that_carries_the_number_of_a_set_in_the_community_gives_the_sets_count() -> None:
    d = date(2021, 6, 8)
    text = "Cyberport said that Finlark brings to five the number of unicorns in its community."
    assert ("unicorns", 5, "exact", d, None) in inline(text, d)


def test_names_in_an_opening_phrase_about_an_event_own_nothing_after_it() -> None:
    d = date(2026, 4, 22)
    text = (
        "Following the Main Board debuts of Lumen Pay and Orbit Labs in March, the number of "
        "listed companies in the Cyberport community has risen to 19."
    )
    assert ("listed_companies", 19, "exact", d, None) in inline(text, d)


def test_it_after_a_sentence_about_a_start_up_is_the_start_ups() -> None:
    d = date(2021, 6, 21)
    text = (
        "Cyberport's community has raised HK$29 billion.\n\n"
        "Ferncrest sells scheduling software to clinics. It raised HK$45 million last spring."
    )
    assert not any(v == 4.5e7 for _, v, *_ in inline(text, d))


def test_an_acronym_stands_for_the_name_the_text_defines_it_for() -> None:
    d = date(2019, 4, 2)
    text = (
        "Cyberport today signed a pact with Nordhavn Digital Campus (NDC), a Danish park.\n\n"
        "NDC is home to 300 companies. Companies on the campus have raised €200 million."
    )
    assert not any(v == 2e8 for _, v, *_ in inline(text, d))  # the partner campus's


def test_two_names_after_a_phrase_that_ends_on_combined_are_a_joint_subject() -> None:
    d = date(2022, 11, 11)
    text = "With both hubs combined, Science Park and Cyberport now host about 2,900 firms."
    assert not any(v == 2900 for _, v, *_ in inline(text, d))
