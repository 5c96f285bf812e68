"""Whether a figure is a plan's: its clause's words, the community there is, the set before."""

from __future__ import annotations

from etl.extract.plans import of_a_plan
from tests.etl.extract.test_sentence_figures import figs


def planned(s: str, figure: str, set_planned: bool | None = None) -> bool:
    start = s.index(figure)
    before = s[:start]
    return of_a_plan(s, start + len(figure), before, before, None, set_planned)


def test_a_word_of_plans_in_the_clause_makes_a_plan() -> None:
    assert planned("Cyberport will admit 200 start-ups next year.", "200")
    assert not planned("Cyberport admitted 200 start-ups last year.", "200")
    assert planned("Cyberport aims to build a community of 2,500 companies.", "2,500")


def test_a_hope_an_aim_or_a_wish_makes_a_plan() -> None:
    assert planned("The hub hoped to reach 2,000 member companies by December.", "2,000")
    assert planned("Our aim now is to reach 300 companies this year.", "300")
    assert planned("Personally, I'd like to see 10 unicorns here.", "10")
    assert planned("I'd like the community to reach 1,000 companies.", "1,000")
    assert planned("We want to be in ten markets by 2017.", "ten")
    assert planned("It is the space the hub needs to take its community past 2,000.", "2,000")
    assert not planned("The hub hoped for growth and counted 2,000 member companies.", "2,000")
    # (machine-translated plans: "plan attract", "plans in coming 3 years to cultivate")
    assert planned("Next 3 year, we plan attract 100 family AI enterprises.", "100")
    assert planned("Digital port plans in coming 3 years to cultivate again 100 homes.", "100")
    assert planned("Two thousand companies is now within sight.", "Two thousand")
    assert not planned("Two thousand companies now work here, in sight of the sea.", "Two thousand")


def test_the_community_there_is_or_a_part_of_a_set_no_plan_is_no_plan() -> None:
    s = "The measures will reach Cyberport's community of over 1,500 companies, some 650 of which"
    assert not planned(s, "over 1,500")  # (the words before the qualifier)
    assert not planned(s, "650", set_planned=False)
    assert planned(s, "650", set_planned=True)


def test_both_read_in_a_sentence() -> None:
    got = figs(
        "The measures will reach Cyberport's community of over 1,500 companies, some 650 of "
        "which are on campus."
    )
    assert [(f[4], f[1]) for f in got] == [("companies", 1500), ("companies_onsite", 650)]
