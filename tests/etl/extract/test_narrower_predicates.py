"""The narrower set the words after a general noun make a count of companies."""

from __future__ import annotations

from etl.extract.narrower_predicates import narrower_predicate


def test_a_narrower_predicate_after_a_general_noun() -> None:
    s = "Seven community companies are now listed on exchanges in Hong Kong."
    found = narrower_predicate(s, s.index(" are"), "count", 7)
    assert found is not None and found.match.metric == "listed_companies"
    s = "Over 150 companies are now building Web3 and blockchain solutions."
    found = narrower_predicate(s, s.index(" are"), "count", 150)
    assert found is not None and found.match.metric == "web3_companies"
    s = "More than 1,000 companies have set up at the hub or joined it as off-site members."
    assert narrower_predicate(s, s.index(" have"), "count", 1000) is None
    s = "Over 2,000 companies are now based in Hong Kong."
    assert narrower_predicate(s, s.index(" are"), "count", 2000) is None
    s = "Five companies that grew up with the hub are now unicorns."
    found = narrower_predicate(s, s.index(" that"), "count", 5)
    assert found is not None and found.match.metric == "unicorns"
    s = "Five companies that moved here in 2019 have raised money since."
    assert narrower_predicate(s, s.index(" that"), "count", 5) is None
    s = "By March, five companies in the Cyberport community had attained unicorn status."
    found = narrower_predicate(s, s.index(" in the"), "count", 5)
    assert found is not None and found.match.metric == "unicorns"  # (past the place)
    s = "Five companies in the Cyberport community had moved to larger offices."
    assert narrower_predicate(s, s.index(" in the"), "count", 5) is None
    # Another clause after the noun says nothing of the figure's companies.
    s = "Cyberport community passes 1,250 companies as second unicorn emerges"
    assert narrower_predicate(s, s.index(" as"), "count", 1250) is None
    s = "It is home to 140 companies and has admitted 88 start-ups since 2005."
    assert narrower_predicate(s, s.index(" and"), "count", 140) is None


def test_the_places_a_count_of_companies_points_to_are_no_narrower_set() -> None:
    s = "The cluster's 300 companies were founded by entrepreneurs from 25 countries and regions."
    assert narrower_predicate(s, s.index(" were"), "count", 300) is None


def test_companies_developing_a_field_named_with_a_digit_are_that_clusters() -> None:
    s = "More than 100 companies in the community were developing Web3 applications."
    found = narrower_predicate(s, s.index(" in the"), "count", 100)
    assert found is not None and found.match.metric == "web3_companies"
    s = "More than 100 companies in the community were developing new offices."
    assert narrower_predicate(s, s.index(" in the"), "count", 100) is None


def test_what_a_count_of_companies_won_is_no_narrower_set_but_items_of_it_are() -> None:
    s = "Fifteen start-ups in the community won awards across five categories."
    assert narrower_predicate(s, s.index(" in the"), "count", 15) is None
    s = "Cyberport companies hold more than 800 items of intellectual property rights."
    found = narrower_predicate(s, s.index(" of intellectual"), "count", 800)
    assert found is not None and found.match.metric == "ip_rights"
