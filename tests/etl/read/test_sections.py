"""Splitting a text into dated sections, and telling headings from sentences."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.read.dates import FoundDate
from etl.read.sections import (
    MIN_SECTION_CHARS,
    date_sections,
    first_heading,
    is_heading_like,
    split_sections,
)

BODY = "The campus said its members raised more money this quarter than in any before. " * 3
DIGEST = (
    "Campus Briefing\n\n"
    f"Lab opens for robotics firms\n\nHong Kong, 3 February 2025 – {BODY}\n\n"
    f"Fund closes\n\n4 March 2025 – {BODY}\n\n"
    f"2025年4月7日 {BODY}"
)


def test_digest_sections_start_at_their_headings() -> None:
    spans = split_sections(DIGEST)
    assert [s.found for s in spans] == [
        FoundDate(date(2025, 2, 3), "dateline"),
        FoundDate(date(2025, 3, 4), "dateline"),
        FoundDate(date(2025, 4, 7), "dateline"),
    ]
    assert DIGEST[spans[1].start :].startswith("Fund closes\n\n4 March 2025")
    assert [s.heading for s in spans] == ["Campus Briefing", "Fund closes", None]


def test_document_date_of_a_digest_is_its_newest_report() -> None:
    sections, published_on, source = date_sections(DIGEST)
    assert len(sections) == 3
    assert (published_on, source) == (date(2025, 4, 7), "dateline")


def test_external_date_wins_for_the_document_and_fills_undated_sections() -> None:
    text = f"Campus Briefing\n\n{BODY}\n\nHong Kong, 4 March 2025 – {BODY}"
    sections, published_on, source = date_sections(text, FoundDate(date(2025, 3, 31), "manifest"))
    assert (published_on, source) == (date(2025, 3, 31), "manifest")
    assert [(s.published_on, s.date_source) for s in sections] == [
        (date(2025, 3, 31), "manifest"),
        (date(2025, 3, 4), "dateline"),
    ]


def test_a_single_report_takes_the_external_date() -> None:
    text = f"Hong Kong, 4 March 2025 – {BODY}"
    sections, published_on, source = date_sections(text, FoundDate(date(2025, 3, 5), "html-meta"))
    assert (published_on, source) == (date(2025, 3, 5), "html-meta")
    assert (sections[0].published_on, sections[0].date_source) == (date(2025, 3, 5), "html-meta")


def test_short_dated_entries_are_not_reports() -> None:
    text = (
        f"Hong Kong, 4 March 2025 – {BODY}\n\n1 May 2004 – campus opens\n\n2 May 2014 – 500 firms"
    )
    assert len(text) - text.index("1 May") < 2 * MIN_SECTION_CHARS
    assert len(split_sections(text)) == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Cyberport Opens an AI Lab", True),
        ("Fostering multi-party cooperation between Beijing and Hong Kong", True),
        ("The campus opened a lab.", False),
        ("and technology centre", False),
        ("Hong Kong, 5 June 2025 – text", False),
        ("https://www.example.org/", False),
        ("- a list item", False),
        ("x" * 250, False),
    ],
)
def test_is_heading_like(line: str, expected: bool) -> None:
    assert is_heading_like(line) is expected


def test_first_heading_skips_press_release_boilerplate() -> None:
    text = "Press Release\n\nFor Immediate Release\n\nLab Opens\n\nHong Kong, 5 June 2025 – x"
    assert first_heading(text) == "Lab Opens"
    assert first_heading("the campus opened.\n\n5 June 2025") is None


@settings(max_examples=150)
@given(st.lists(st.sampled_from([BODY, "Fund closes", "4 March 2025 – x", "2025年4月7日", "\n"])))
def test_sections_always_tile_the_text(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    sections, _, _ = date_sections(text)
    assert sections[0].char_start == 0 and sections[-1].char_end == len(text)
    for before, after in itertools.pairwise(sections):
        assert before.char_end == after.char_start and before.char_start < before.char_end


@settings(max_examples=150)
@given(st.lists(st.sampled_from([BODY, "Fund closes", "4 March 2025 – x", "Press Release", "\n"])))
def test_the_heading_of_a_text_of_one_section_is_its_first_heading(parts: list[str]) -> None:
    """What the reader takes for the title of a text of one section, without looking again."""
    text = "\n\n".join(parts)
    sections, _, _ = date_sections(text)
    if len(sections) == 1:
        assert sections[0].heading == first_heading(text)


@settings(max_examples=200)
@given(st.lists(st.sampled_from([BODY, "Fund closes", "4 March 2025 – x", "Press Release", "\n",
                                 " ", "Lab Opens \r", "2025年4月7日", "  Campus Notes"])),
       st.sampled_from(["\n", "\n\n", " \n"]))  # fmt: skip
def test_the_first_section_heading_is_the_first_heading_of_its_text(
    parts: list[str], joiner: str
) -> None:
    """Read from the lines of the whole text: what reading the first section's text gives."""
    text = joiner.join(parts)
    first = split_sections(text)[0]
    assert first.heading == first_heading(text[: first.end])


WEEKLY = (
    "Campus Weekly\n\nShort reports - June 2019\n\n"
    f"Monday, 3 June\n\nLAB OPENS\n{BODY}\n\n"
    f"Friday, 21 June\n\nFUND CLOSES\n{BODY}\n\n"
    f"THURSDAY 27 JUNE | Universities\n{BODY}"
)


def test_digest_sections_dated_by_weekday_and_day_take_the_year_of_the_title() -> None:
    sections, published_on, source = date_sections(WEEKLY)
    assert [s.published_on for s in sections] == [
        date(2019, 6, 3),
        date(2019, 6, 21),
        date(2019, 6, 27),
    ]
    assert (published_on, source) == (date(2019, 6, 27), "dateline")


def test_a_weekday_that_does_not_fit_the_year_starts_no_section() -> None:
    wrong = WEEKLY.replace("Friday, 21 June", "Tuesday, 21 June")  # 21 June 2019 was a Friday
    sections, _, _ = date_sections(wrong)
    assert [s.published_on for s in sections] == [date(2019, 6, 3), date(2019, 6, 27)]


def test_a_month_line_in_the_papers_own_month_is_its_signature() -> None:
    text = (
        f"Panel paper\n\nFor discussion on 14 June 2021\n\n{BODY}\n\nThe Bureau\nJune 2021\n\n"
        f"Annex\n\n{BODY}"
    )
    assert len(split_sections(text)) == 1
    # A later month is a report of its own.
    assert len(split_sections(text.replace("The Bureau\nJune 2021", "Update\nAugust 2021"))) == 2
