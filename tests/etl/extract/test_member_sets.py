"""A figure's subject as one member of a set: the member's figure, or the set's size."""

from __future__ import annotations

from etl.extract.member_sets import member_of_set, named_community, one_member
from etl.extract.mentions import Mention


def test_a_figure_after_one_of_is_the_sets_size() -> None:
    s = "Acme is one of over 900 firms at Cyberport."
    assert member_of_set(s, 0, s.index("900"))
    t = "Acme has 90 staff."
    assert not member_of_set(t, 0, t.index("90"))


def test_one_of_an_organisations_members_is_a_member_not_its_set() -> None:
    s = "One of Cyberport's start-ups raised US$30 million."
    name = Mention(s.index("Cyberport"), s.index("'s"), "Cyberport", True, "name", "possessive")
    assert one_member(s, 0, name, s.index("US$"))
    t = "One of Cyberport's 1,900 companies raised US$30 million."  # the set's size follows
    name = Mention(t.index("Cyberport"), t.index("'s"), "Cyberport", True, "name", "possessive")
    assert not one_member(t, 0, name, t.index("1,900"))


def test_a_name_right_before_a_community_of_a_figure_owns_the_figure() -> None:
    s = "The studio sits within a Cyberport community of about 450 companies."
    name = Mention(s.index("Cyberport"), s.index(" community"), "Cyberport", True, "name", "prep")
    studio = Mention(0, len("The studio"), None, False, "name", "subject")
    assert named_community(s, s.index("450"), [studio, name]) == name
    t = "Cyberport said the studio is part of a community of about 450 companies."
    first = Mention(0, len("Cyberport"), "Cyberport", True, "name", "subject")
    assert named_community(t, t.index("450"), [first]) is None  # no name before "community"
