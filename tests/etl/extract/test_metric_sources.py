"""A figure's metric from a label, a table row, "the number of" or the verb after it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.metric_sources import (
    _LABEL,
    intake_verb,
    label_before,
    label_metric,
    members_among,
    number_of,
    number_of_after,
    paired_label,
    row_value,
)
from etl.extract.noun_phrases import noun_phrase
from etl.extract.sentence_figures import find_figures


@pytest.mark.parametrize(
    ("label", "metric"),
    [
        ("Unicorns", "unicorns"),
        ("Start-ups and companies", "companies"),
        ("Of which start-ups", "startups"),
        ("AI & data science", "ai_companies"),
        ("Events held on campus", None),  # what no metric counts
        ("Speakers at FinTech Week", None),  # a noun of its own comes first
        ("(a) Community companies", "companies"),  # a list's letter is no word of the label
        ("(iii) Unicorns", "unicorns"),
    ],
)
def test_the_metric_a_label_names(label: str, metric: str | None) -> None:
    found = label_metric(label, "count", 7)
    assert (found.metric if found else None) == metric


def test_a_row_value_ends_its_line_or_opens_its_columns() -> None:
    row = "Unicorns nurtured 3"
    assert row_value(row, "Unicorns nurtured ", len(row), True)
    assert not row_value(row, "Unicorns nurtured ", len(row), False)  # not the last figure
    columns = "FinTech    400+    27%"
    assert row_value(columns, "FinTech", len("FinTech    400+"), False)


def test_the_number_of_a_noun_is_narrowed_by_the_words_after_it() -> None:
    s = "the number of start-ups the programme has taken in rose to 300"
    found = number_of(s, s.index("start-ups"), s.index("300"), "count", 300)
    assert found is not None and found.metric == "incubatees"


def test_the_verb_after_an_addition_names_an_intake() -> None:
    s = "a further 40 fintech start-ups were admitted to the programme"
    after = s.index("40") + 3
    found = intake_verb(s, after, noun_phrase(s, after, len(s))[1], "count", 40)
    assert found is not None and found.metric == "incubatees"
    s = "a further 40 fintech start-ups held a demo day"
    assert intake_verb(s, after, noun_phrase(s, after, len(s))[1], "count", 40) is None


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("- Number of start-ups admitted: 41", "incubatees"),  # the intake, not the start-ups
        ("The number of start-ups that joined the programme rose to 63", "incubatees"),
        ("- Number of start-ups: 41", "startups"),
        ("The number of companies in the community reached 1,700", "companies"),
        # a list of nouns: the set it names together
        (
            "The number of games, animation and digital media companies has reached 62",
            "digital_entertainment_companies",
        ),
    ],
)
def test_the_number_of_an_intake_counts_the_intake(text: str, metric: str) -> None:
    a = text.lower().index("number of ") + len("number of ")
    q = text.rindex(" ") + 1
    found = number_of(text, a, q, "count", 41)
    assert found is not None and found.metric == metric


@given(st.text(alphabet="ab :-–—•*\n", max_size=20))
def test_a_label_is_found_as_by_its_pattern(before: str) -> None:
    found, plain = label_before(before), _LABEL.fullmatch(before)
    assert (found and found.groups()) == (plain and plain.groups())


def test_a_label_is_read_past_the_letter_that_numbers_its_row() -> None:
    found = label_before("- (b) Community companies (total): ")
    assert found is not None and found.group(1) == "Community companies (total)"
    found = label_before("a) Unicorns: ")
    assert found is not None and found.group(1) == "Unicorns"


@pytest.mark.parametrize(
    ("label", "metric"),
    [
        ("Community companies listed", "listed_companies"),
        ("Community companies that have listed", "listed_companies"),
        ("Community companies (onsite and offsite)", "companies"),  # all of them
        ("The companies listed below", "companies"),
        ("No. of community companies", "companies"),
    ],
)
def test_a_verb_after_the_communitys_noun_in_a_label(label: str, metric: str) -> None:
    assert label_metric(label, "count", 12.0).metric == metric


def test_a_part_opener_with_a_colon_still_opens_a_part() -> None:
    assert label_metric("Of which: start-ups", "count", 1700).metric == "startups"
    assert label_metric("Of which start-ups", "count", 1700).metric == "startups"


def test_a_clusters_name_before_a_noun_no_metric_counts_labels_nothing() -> None:
    assert label_metric("Web3 events co-organised or supported", "count", 12) is None
    assert label_metric("Web3 companies", "count", 270).metric == "web3_companies"
    assert label_metric("AI & data science", "count", 260).metric == "ai_companies"


@pytest.mark.parametrize(
    ("label", "metric"),
    [
        ("of which offsite members", "companies_offsite"),  # where they are, not the members
        ("of which members on campus", "companies_onsite"),
        ("of which members", "companies"),  # a part with nothing more said is still members
    ],
)
def test_a_part_opener_before_where_the_members_are(label: str, metric: str) -> None:
    assert label_metric(label, "count", 900).metric == metric


@pytest.mark.parametrize(
    ("before", "part"),
    [
        ("- Onsite / offsite: ", "Onsite"),
        ("- Onsite / offsite: 688 / ", "offsite"),
        ("- Unicorns/listed: **3**/", "listed"),
        ("- Unicorns / listed / markets: 3 / 2 / ", "markets"),
        ("- Unicorns: ", None),  # one label, no pair
        ("- Onsite / offsite: 688 / 733 / ", None),  # more values than parts
        ("- Onsite / offsite: the total is ", None),  # no value before it
    ],
)
def test_the_part_of_a_paired_label_a_value_stands_under(before: str, part: str | None) -> None:
    assert paired_label(before) == part


def test_a_total_carried_to_a_figure_before_the_number_of_what_it_counts() -> None:
    s = "The listing brings to six the number of its companies that have gone public."
    end = s.index("six") + 3
    found = number_of_after(s, s[: s.index("six")], end, "count", 6)
    assert found is not None and found.metric == "listed_companies"
    t = "It adds six to the number of its companies."  # no total carried to the figure
    assert number_of_after(t, t[: t.index("six")], t.index("six") + 3, "count", 6) is None


def test_members_named_among_a_set_that_counts_nothing_are_no_total() -> None:
    s = "The 26 exhibitors, 19 of them Cyberport incubatees or graduates, will present games."
    assert members_among(s, s.index("19") + 2)
    admitted = "It received 1,480 applications, 52 of which were admitted to the programme."
    assert not members_among(admitted, admitted.index("52") + 2)  # an intake from them
    plain = "Of the exhibitors, 19 come from Cyberport."
    assert not members_among(plain, plain.index("19") + 2)
    assert [f.number.value for f in find_figures(s, keep_bare=True) if f.metric] == []
    assert [(f.number.value, f.metric.metric) for f in find_figures(admitted) if f.metric] == [
        (52.0, "incubatees")
    ]
