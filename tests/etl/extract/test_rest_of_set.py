"""The rest of a set split by place counts the other place: own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from db.records import ReadDocument
from etl.extract import extract_claims
from etl.extract.rest_of_set import (
    is_carried_total,
    is_the_rest,
    opens_with_its_set,
    with_the_rest,
)
from etl.extract.sentence_figures import find_figures
from tests.etl.extract.test_claims import inline


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Some 600 of them are based on our campus; the rest, around 400, work from offices "
            "across the city.",
            ["companies_onsite", "companies_offsite"],
        ),
        (
            "Around 800 of them work on the campus itself, and the remaining 850 or so are "
            "members who operate off-site.",
            ["companies_onsite", "companies_offsite"],
        ),
        # Not after a part at one place: the rest of something else stays as it was.
        ("It admitted 90 start-ups; the rest, around 400, applied too late.", ["incubatees", None]),
    ],
)
def test_the_rest_after_a_part_at_one_place_is_at_the_other(
    sentence: str, expected: list[str | None]
) -> None:
    got = with_the_rest(sentence, find_figures(sentence, keep_bare=True))
    assert [f.metric.metric if f.metric else None for f in got] == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("About 600 are on its campus; the remaining 400 or so are off-site.", "400", True),
        ("About 600 are on its campus, while the other 484 work elsewhere.", "484", True),
        ("Some 600 are on its campus; the rest, around 400, work elsewhere.", "400", True),
        ("About 600 are on its campus; 400 others work elsewhere.", "400", False),
        ("The other day it admitted 40 start-ups.", "40", False),
    ],
)
def test_the_rest_of_a_set_is_told_by_the_words_before_it(
    sentence: str, figure: str, expected: bool
) -> None:
    assert is_the_rest(sentence, sentence.index(figure)) is expected


def test_the_rest_of_a_set_belongs_to_whoever_owns_its_first_part() -> None:
    doc = ReadDocument("t.txt", "0" * 64, "txt", TEXT, None, None, None, None, D, "manifest", ())
    got = {(c.entity, c.metric, c.value, c.status) for c in extract_claims(doc)}
    assert ("Cyberport", "companies_offsite", 400, "auto") in got


D = date(2018, 7, 9)
TEXT = (
    "Desks in demand\n\nHong Kong, 9 July 2018 - Co-working space is scarce in the city.\n\n"
    "Cyberport says its community has passed 1,000 companies, about 600 of them on its campus; "
    "the remaining 400 or so are off-site members.\n"
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Among them are over 450 companies working in AI.", True),
        ("Of these, some 78% are local businesses.", True),
        ("Among those, 30 have listed.", True),
        ("Among the newcomers is a robotics firm with 40 staff.", False),
        ("Of the 897 companies, 413 were on site.", False),
        ("Among them is Lumina Health, a clinic chain serving five markets.", False),
        ("Among them, FinTech firms number 270.", True),
    ],
)
def test_a_sentence_opening_on_the_set_before_it(sentence: str, expected: bool) -> None:
    fig = next(i for i, c in enumerate(sentence) if c.isdigit() or sentence.startswith("five", i))
    assert opens_with_its_set(sentence, fig) is expected


def test_a_sentence_opening_on_the_set_before_it_is_that_sets_owners() -> None:
    text = (
        "Opening of the new wing\n\nHong Kong, 9 July 2018 - The new wing opened today.\n\n"
        "Cyberport's community now exceeds 1,400 companies. Among them are over 250 companies "
        "working in fintech - a number that reflects the pull of the Fintech Centre nearby.\n"
    )
    doc = ReadDocument("t.txt", "0" * 64, "txt", text, None, None, None, None, D, "manifest", ())
    got = {(c.entity, c.metric, c.value, c.status) for c in extract_claims(doc)}
    assert ("Cyberport", "fintech_companies", 250, "auto") in got


def test_a_share_of_them_opening_a_sentence_is_that_sets_owners() -> None:
    text = (
        "Parks grow\n\nHong Kong, 9 July 2018 - Both parks grew this year.\n\n"
        "Companies in the Cyberport community had raised HK$30 billion by June, a spokeswoman "
        "said. About 70 per cent of them are local firms, she added.\n"
    )
    doc = ReadDocument("t.txt", "0" * 64, "txt", text, None, None, None, None, D, "manifest", ())
    got = {(c.entity, c.metric, c.value, c.status) for c in extract_claims(doc)}
    assert ("Cyberport", "local_share_pct", 70, "auto") in got


def test_the_whole_after_a_part_is_the_parts_owners() -> None:
    text = (
        "Cyberport says around 470 fintech companies now belong to its community, out of a "
        "total of about 2,300 start-ups and technology companies."
    )
    got = {(c[0], c[1]) for c in inline(text, date(2025, 9, 15))}
    assert ("companies", 2300) in got and ("fintech_companies", 470) in got


def test_a_total_a_figure_carries_on_to_is_the_figures_owners() -> None:
    s = (
        "Cyberport is home to 2,300 companies. Three community companies went public in 2025, "
        "two on the Main Board and one on Nasdaq, taking the number of listed companies to 14."
    )
    found = {(m, v) for m, v, *_ in inline(s, date(2025, 12, 30))}
    assert ("listed_companies", 14) in found
    t = "taking the number of listed companies in the community to 14"
    assert is_carried_total(t, t.index("14"))
    assert not is_carried_total("Nasdaq listed 14", 14)


@pytest.mark.parametrize(
    ("sentence", "total", "part"),
    [
        (
            "Cyberport said its community had raised over HK$36 billion in total, of which "
            "about HK$5.8 billion came in over the past 12 months.",
            ("funding_raised", 36e9, "over", None),
            ("funding_raised", 5.8e9, "about", "P1Y"),
        ),
        (
            "Some 550 start-ups have been admitted to Cyberport's incubation programmes since "
            "2005, including 78 in the latest 12 months.",
            ("incubatees", 550, "about", None),
            ("incubatees", 78, "exact", "P1Y"),
        ),
    ],
)
def test_a_part_of_a_total_over_a_period_is_the_totals_flow(
    sentence: str, total: tuple, part: tuple
) -> None:
    """The part of a running total that came in over a period counts what the total counts,
    over that period; the total keeps no period of the part's."""
    d = date(2022, 9, 5)
    got = {(m, v, q, p) for m, v, q, _, p in inline(sentence, d)}
    assert total in got
    assert part in got


def test_a_part_with_no_period_is_no_flow() -> None:
    got = inline(
        "Cyberport's community companies have raised HK$36 billion in total, of which about "
        "HK$5.8 billion came from overseas investors.",
        date(2022, 9, 5),
    )
    assert ("funding_raised", 5.8e9, "about", date(2022, 9, 5), "P1Y") not in got
    assert all(p is None for *_, p in got)


@pytest.mark.parametrize(
    ("sentence", "total", "part"),
    [
        (
            "Cyberport's incubatees have won 46 awards since 2005, including 14 in 2009.",
            ("awards", 46, None),
            ("awards", 14, date(2009, 12, 31)),
        ),
        (
            "Cyberport's incubatees have collected 37 awards since 2004, 11 of them in 2009.",
            ("awards", 37, None),
            ("awards", 11, date(2009, 12, 31)),
        ),
        (
            "Four Cyberport companies have reached unicorn status, it said, two of them in the "
            "past 12 months.",
            ("unicorns", 4, None),
            ("unicorns", 2, "P1Y"),
        ),
    ],
)
def test_a_part_in_a_year_or_of_them_in_a_period_counts_what_the_total_counts(
    sentence: str, total: tuple, part: tuple
) -> None:
    got = inline(sentence, date(2010, 1, 20) if "2009" in sentence else date(2020, 11, 4))
    assert any((m, v) == total[:2] and p is None for m, v, _, _, p in got)
    assert any((m, v) == part[:2] and part[2] in (d, p) for m, v, _, d, p in got)


def test_a_part_in_a_year_needs_a_total_that_counts_something() -> None:
    got = inline("Cyberport hosts 300 companies in its community, including 14 in 2009.",
                 date(2010, 1, 20))  # fmt: skip
    assert [m for m, v, *_ in got if v == 14] != ["awards"]
