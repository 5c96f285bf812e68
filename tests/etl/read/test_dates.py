"""Finding publication dates: date lines, inline dates, and what is not a date."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.read.dates import (
    FoundDate,
    date_lines,
    full_dates,
    parse_date_line,
    parse_date_phrase,
    parse_yearless_line,
)
from etl.read.publication import find_date, find_publication_date
from tests.paths import ROOT

SEEDS = ROOT / "seeds"
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("23 September 2024", date(2024, 9, 23)),
        ("21 Oct 2025", date(2025, 10, 21)),
        ("21st of Sept. 2025", date(2025, 9, 21)),
        ("October 21, 2025", date(2025, 10, 21)),
        ("2023-03-21", date(2023, 3, 21)),
        ("2023年3月21日", date(2023, 3, 21)),
        ("05/06/2025", date(2025, 6, 5)),  # day first, as in Hong Kong
        ("5.6.2025", date(2025, 6, 5)),
        ("31/02/2024", None),
        ("二〇二三年十月三十日", date(2023, 10, 30)),
        ("二〇二三年二月三十日", None),
        ("13/13/2025", None),
        ("4 June", None),
        ("2023", None),
        ("", None),
    ],
)
def test_parse_date_phrase(phrase: str, expected: date | None) -> None:
    assert parse_date_phrase(phrase) == expected


@pytest.mark.parametrize(
    ("line", "expected", "precision"),
    [
        ("Hong Kong, 23 September 2024 — The 27th symposium", date(2024, 9, 23), "day"),
        ("5 June 2025 – The branch opened", date(2025, 6, 5), "day"),
        (" date 2023-03-21 The two sides signed", date(2023, 3, 21), "day"),
        ("21 Oct 2025", date(2025, 10, 21), "day"),
        ("Date: 05/06/2025", date(2025, 6, 5), "day"),
        ("Published on March 21, 2023 by the newsroom", date(2023, 3, 21), "day"),
        ("HONG KONG, Oct. 21, 2025 /PRNewswire/ -- A company said", date(2025, 10, 21), "day"),
        ("Hong Kong, Tuesday, 21 March 2023 (Xinhua) – text", date(2023, 3, 21), "day"),
        ("2023年3月21日 上海臨港與數碼港簽署合作備忘錄", date(2023, 3, 21), "day"),
        ("香港，2023年3月21日 — 消息", date(2023, 3, 21), "day"),
        ("2023年3月21日（星期二） 消息", date(2023, 3, 21), "day"),
        ("二〇二三年三月二十一日（星期二）", date(2023, 3, 21), "day"),
        ("香港，二零二五年十二月九日 — 消息", date(2025, 12, 9), "day"),
        ("June 2025", date(2025, 6, 1), "month"),
        ("Issue: June 2025", date(2025, 6, 1), "month"),
        ("June 2025 edition", date(2025, 6, 1), "month"),
        ("=== 18/10/2023 ===", date(2023, 10, 18), "day"),
        ("--- Mon 4 Sep 2023 ---", date(2023, 9, 4), "day"),
        ("## 2023-11-30", date(2023, 11, 30), "day"),
    ],
)
def test_date_lines(line: str, expected: date, precision: str) -> None:
    mention = parse_date_line(line)
    assert mention is not None
    assert (mention.value, mention.precision) == (expected, precision)


@pytest.mark.parametrize(
    "line",
    [
        "were held in Beijing on 20-21 September. Cyberport signed an MoU.",
        "On 5 June 2025, Cyberport opened a branch.",
        "=== On 5 June 2025, Cyberport opened a branch.",
        "** 5 June 2025 was a busy day **",
        "5 June 2025 was a busy day for the campus.",
        "Tel: (852) 3166 3881 Tel: (852) 2864 4885",
        "2023 Global Digital Business Conference",
        "The programme will start in April of this year.",
        "BEIJING, June 5 (Xinhua) -- no year here",
        "June 2025 edition of the newsletter was a big one",
        "",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_dateline_beats_a_release_mentioning_yesterday() -> None:
    text = (
        "Press Release\n\nHong Kong, 5 June 2025 – The branch held its opening ceremony at "
        "the campus yesterday (4 June), said the operator."
    )
    assert find_date(text) == FoundDate(date(2025, 6, 5), "dateline")


def test_inline_date_when_no_date_line() -> None:
    text = "Cyberport said the fund closed.\n\nThe deal was signed on 3 May 2024 in Shenzhen."
    assert find_date(text) == FoundDate(date(2024, 5, 3), "inline")


def test_month_and_year_on_a_date_line_are_inferred() -> None:
    text = "Community newsletter\nJune 2025\n\nThe campus welcomed a new cohort on 3 May 2025."
    assert find_date(text) == FoundDate(date(2025, 6, 1), "inferred")


def test_a_date_line_far_into_the_body_is_not_a_dateline() -> None:
    body = "\n".join(f"Paragraph {n} says nothing dated." for n in range(12))
    found = find_date(body + "\n21 Oct 2025\nLater text.")
    assert found == FoundDate(date(2025, 10, 21), "inline")


@pytest.mark.parametrize(
    "text",
    [
        "Call us on 2864 4885 or (852) 3166 3881, fax 3166-2025.",
        "The 2023 Global Digital Business Conference, held at the end of November, was big.",
        "yesterday (4 June) the branch opened; in April of this year more will follow.",
        "See https://example.org/2024/03/05/story for more.",
        "",
    ],
)
def test_no_date_at_all(text: str) -> None:
    assert find_publication_date(text) is None
    assert find_date(text) is None


def test_full_dates_lists_every_full_date_in_order() -> None:
    found = full_dates("From 1 March 2024 to 2024-04-30 and then 05/06/2025; not 4 June.")
    assert [m.value for m in found] == [date(2024, 3, 1), date(2024, 4, 30), date(2025, 6, 5)]


def test_search_is_fast_on_a_long_undated_text() -> None:
    text = "Cyberport hosts 2,000 companies and 7 unicorns, call 3166 3881. " * 4000
    started = time.perf_counter()
    assert find_publication_date(text) is None
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("name", "expected", "source"),
    [
        ("000_", date(2024, 9, 23), "dateline"),
        ("001_", date(2025, 6, 5), "dateline"),
        ("002_", None, None),
        ("003_", date(2025, 10, 21), "dateline"),
        ("004_", date(2023, 3, 21), "dateline"),
    ],
)
def test_seed_dates_without_the_manifest(
    name: str, expected: date | None, source: str | None
) -> None:
    (path,) = SEEDS.glob(f"{name}*.txt")
    found = find_date(path.read_text(encoding="utf-8"))
    assert found == (FoundDate(expected, source) if expected else None)


@settings(max_examples=300)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    result = find_publication_date(text)
    assert result is None or isinstance(result, date)


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("0123456789/-.年月日 ,–JuneMarchOct\n")))
def test_never_raises_on_date_like_noise(text: str) -> None:
    find_date(text)
    for line in text.splitlines():
        parse_date_line(line)


@settings(max_examples=200)
@given(DATES)
def test_parses_the_dates_it_formats_in_words(d: date) -> None:
    assert find_publication_date(f"Hong Kong, {d:%-d %B %Y} – Something happened.") == d
    assert find_publication_date(f"{d:%-d %b %Y}") == d


@settings(max_examples=200)
@given(DATES)
def test_parses_numeric_dates_day_first(d: date) -> None:
    assert find_publication_date(f"Hong Kong, {d:%d/%m/%Y} – Something happened.") == d
    assert find_publication_date(f"date {d:%Y-%m-%d} Something happened.") == d


@settings(max_examples=200)
@given(DATES)
def test_parses_chinese_format_dates(d: date) -> None:
    assert find_publication_date(f"{d.year}年{d.month}月{d.day}日 消息") == d
    assert find_publication_date(f"The deal closed on {d.year}年{d.month}月{d.day}日.") == d


@given(st.text(alphabet=st.sampled_from("ab \n\r\x0c\x85\u2028\t"), max_size=40), st.integers(0, 6))
def test_first_lines_are_the_first_non_blank_lines(text: str, count: int) -> None:
    from etl.read.dates import first_lines

    assert list(first_lines(text, count)) == [ln for ln in text.splitlines() if ln.strip()][:count]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wednesday, 15 June", (6, 15, 2)),
        ("MONDAY 3 JUNE | InvestHK", (6, 3, 0)),
        ("June 15 – The campus opened", (6, 15, None)),
        ("15th of June (Wednesday)", (6, 15, 2)),
        ("3月21日（星期二） 消息", (3, 21, 1)),
        ("=== MON 10 MAR ===", (3, 10, 0)),  # a rule drawn around it
    ],
)
def test_yearless_date_lines(line: str, expected: tuple) -> None:
    found = parse_yearless_line(line)
    assert found is not None and found[:3] == expected


@pytest.mark.parametrize(
    "line",
    [
        "15 June 2011",  # a full date: parse_date_line reads it
        "On 15 June, the campus opened.",
        "15 June was a busy day.",
        "May the new campus open soon",
        "Wednesday was busy",
        "== 2,000 companies ==",
    ],
)
def test_not_yearless_date_lines(line: str) -> None:
    assert parse_yearless_line(line) is None


def test_a_yearless_date_line_takes_the_year_of_the_title_above() -> None:
    lines = ["Entrepreneurs Day 2011", "Speech by the Chief Executive", "Wednesday, 15 June"]
    assert [m and m.value for m in date_lines(lines)] == [None, None, date(2011, 6, 15)]


def test_a_weekday_that_contradicts_the_title_year_leaves_the_line_undated() -> None:
    lines = ["Entrepreneurs Day 2011", "Thursday, 15 June"]  # 15 June 2011 was a Wednesday
    assert date_lines(lines) == [None, None]


def test_a_yearless_date_line_without_a_year_above_is_undated() -> None:
    assert date_lines(["Speech by the Chief Executive", "Wednesday, 15 June"]) == [None, None]


def test_a_year_in_a_body_sentence_far_down_does_not_date_the_lines_below() -> None:
    body = [f"Paragraph {n} says nothing dated." for n in range(12)]
    lines = [*body, "The programme began in 2005 and grew every year since then.", "15 June"]
    assert date_lines(lines)[-1] is None


def test_later_yearless_lines_take_the_year_of_the_date_line_before() -> None:
    lines = ["Monthly digest - June 2019", "Monday, 3 June", "Report.", "Friday, 21 June"]
    found = [m and m.value for m in date_lines(lines)]
    assert found == [None, date(2019, 6, 3), None, date(2019, 6, 21)]


def test_a_document_dated_by_weekday_and_day_under_its_title() -> None:
    text = "Press releases 2014\n\nTuesday, 14 October\n\nCyberport celebrates ten years."
    assert find_date(text) == FoundDate(date(2014, 10, 14), "dateline")


def test_a_weekday_the_datelines_paragraph_names_checks_the_headlines_year() -> None:
    # The headline's year is the one its figures are of: the wire ran the next January, on
    # the Tuesday the paragraph names (20 January 2025 was a Monday).
    lines = [
        "Cyberport community grew 9% in 2025",
        "HONG KONG, Jan 20 (Newswire) - Cyberport said on Tuesday its community grew.",
    ]
    assert date_lines(lines)[1].value == date(2026, 1, 20)
    monday = [lines[0], lines[1].replace("Tuesday", "Monday")]
    assert date_lines(monday)[1].value == date(2025, 1, 20)
    lower = [lines[0], lines[1].replace("on Tuesday", "on sun")]  # no weekday named
    assert date_lines(lower)[1].value == date(2025, 1, 20)


def test_an_inline_date_that_opens_a_range_gives_the_range_end() -> None:
    text = "Figures are for the year 1 April 2019 to 31 March 2020 unless stated otherwise."
    assert find_date(text) == FoundDate(date(2020, 3, 31), "inline")
    assert find_date("Held on 3 May 2024 and opened to all.") == FoundDate(
        date(2024, 5, 3), "inline"
    )


def test_a_yearless_dateline_after_a_place_takes_the_year_of_the_title() -> None:
    lines = ["MEDIA RELEASE", "Games Forum 2024 opens", "HONG KONG, Friday, 15 March – It opened."]
    assert date_lines(lines)[2].value == date(2024, 3, 15)
    wrong_day = [*lines[:2], "HONG KONG, Thursday, 15 March – It opened."]
    assert date_lines(wrong_day)[2] is None
    assert parse_yearless_line("Hong Kong, 15 March – text")[:2] == (3, 15)
    assert parse_yearless_line("Hong Kong, a city of 15 March events") is None


def test_a_labelled_date_at_the_foot_dates_an_undated_text() -> None:
    body = "Grow with us\n\n" + "\n".join(f"Line {i} of the brochure." for i in range(15))
    assert find_date(body + "\nEdition: September 2023. Figures may change.") == FoundDate(
        date(2023, 9, 1), "inferred"
    )
    assert find_date(body + "\nSeptember 2023 was a good month.") is None  # no label


def test_a_publication_line_of_its_own_dates_the_text_wherever_it_stands() -> None:
    body = "\n".join(f"Line {i} of the review." for i in range(14))
    head = "# Yearbook 2021/22\n\n## Part 2\n\n_Extract. Published October 2022._\n\n"
    assert find_date(head + body) == FoundDate(date(2022, 10, 1), "inferred")
    middle = "Review\n\n" + body + "\nIssued: 14 May 2019\n" + body
    assert find_date(middle) == FoundDate(date(2019, 5, 14), "dateline")


def test_a_sentence_that_mentions_publishing_is_no_publication_line() -> None:
    body = "Review\n\n" + "\n".join(f"Line {i} of the review." for i in range(14))
    assert (
        find_date(body + "\nThe board published its report in October 2022 and more.\n" + body)
        is None
    )
    assert (
        find_date(
            body + "\nPublished October 2022 by the board, the guide lists 40 firms.\n" + body
        )
        is None
    )


def test_the_dated_sign_off_of_a_government_release_dates_it() -> None:
    body = "Reply to a question\n\nThe reply (June 3):\n\n" + "\n".join(
        f"Paragraph {i}, with 1 April 2016 in it." for i in range(12)
    )
    assert find_date(body + "\n\nEnds/Friday, June 3, 2016\nIssued at HKT 11:02") == FoundDate(
        date(2016, 6, 3), "dateline"
    )
    assert find_date(body + "\n\n- Ends -") == FoundDate(date(2016, 4, 1), "inline")


_DATE_BITS = st.sampled_from(
    ["2019", "20", "19", "1", "2023年", "二〇二三年", "3月", "21日", "June", "Oct.", "5", " ",
     ", ", "–", "Date: ", "Hong Kong, ", "Monday ", "/", "-", ".", "x", "\n"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_DATE_BITS, max_size=12).map("".join))
def test_the_quick_year_test_lets_every_date_through(text: str) -> None:
    """Every date the date patterns find holds what `_may_hold_year` looks for."""
    from etl.read.dates import FULL_DATE_RE, MONTH_YEAR_RE, YEAR_IN_RE, _may_hold_year

    for pattern in (FULL_DATE_RE, MONTH_YEAR_RE, YEAR_IN_RE):
        for match in pattern.finditer(text):
            assert _may_hold_year(match.group()), (pattern, match.group())


def test_the_quick_year_test_turns_away_lines_without_a_year() -> None:
    from etl.read.dates import _may_hold_year

    assert not _may_hold_year("Cyberport has 1,800 start-ups")
    assert _may_hold_year("二〇二三年三月二十一日")
    assert parse_date_line("二〇二三年三月二十一日（星期二）").value == date(2023, 3, 21)
    assert parse_date_line("Hong Kong, 5 June 2025 – a release").value == date(2025, 6, 5)


@settings(max_examples=300)
@given(st.lists(st.lists(_DATE_BITS, max_size=8).map("".join), max_size=14), st.integers(0, 14))
def test_find_date_with_lines_read_before_is_find_date(lines: list[str], cut: int) -> None:
    """Dates of lines read before are used only when those lines open the text."""
    text = "\n".join(lines)
    read = [line for line in text.split("\n") if line.strip()]
    mentions = date_lines(read)
    assert find_date(text, read=(read, mentions)) == find_date(text)
    assert find_date(text, read=(read[cut:], mentions[cut:])) == find_date(text)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40))
def test_the_ascii_digit_test_is_the_general_one(text: str) -> None:
    from etl.read.dates import _DIGIT_NEAR_START_RE, _digit_near_start

    assert _digit_near_start(text) == (_DIGIT_NEAR_START_RE.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Monday 3 June", True), ("no figure", False), ("二〇二三年", True), ("٣ يونيو", True),
     ("June – soon", False)],
)  # fmt: skip
def test_digit_near_start(text: str, expected: bool) -> None:
    from etl.read.dates import _digit_near_start

    assert _digit_near_start(text) is expected


def _date_lines_one_by_one(lines: list[str]) -> list:
    """`date_lines` as its docstring defines it: each line read by the two public parsers."""
    from etl.read.dates import (
        YEAR_IN_RE,
        DateMention,
        _names_years,
        named_weekday,
        same_day,
        year_for,
    )

    years: list[int] = []
    out = []
    for k, line in enumerate(lines):
        mention = parse_date_line(line)
        if mention is None and years:
            found = parse_yearless_line(line)
            if found:
                month, day, weekday, start, end = found
                if weekday is None:
                    weekday = named_weekday(line[end:])
                value = same_day(out, month, day, weekday) or year_for(month, day, weekday, years)
                mention = DateMention(value, start, end) if value else None
        out.append(mention)
        if mention is not None:
            years.insert(0, mention.value.year)
        elif _names_years(line, k):
            years[:0] = [int(y) for y in reversed(YEAR_IN_RE.findall(line))]
    return out


_YEARLESS_BITS = st.sampled_from(
    ["Wednesday, ", "15 June", "June 15", "MONDAY 3 JUNE", " | InvestHK", "3月21日", "（星期二）",
     "Cyberport Day 2011", "=== ", "x" * 130, "٣"]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.lists(st.one_of(_DATE_BITS, _YEARLESS_BITS), max_size=8).map("".join),
                max_size=14))  # fmt: skip
def test_date_lines_is_each_line_read_by_the_parsers(lines: list[str]) -> None:
    """The one figure test `date_lines` shares between its two parsers changes no date."""
    lines = [part for line in lines for part in line.split("\n")]
    assert date_lines(lines) == _date_lines_one_by_one(lines)


def test_date_lines_reads_yearless_lines_after_a_year() -> None:
    lines = ["Cyberport Day 2011", "Wednesday, 15 June", "x" * 130 + " 15 June", "June 2019"]
    assert date_lines(lines) == _date_lines_one_by_one(lines)
    assert [m and m.value for m in date_lines(lines)] == [None, date(2011, 6, 15), None,
                                                          date(2019, 6, 1)]  # fmt: skip


def test_a_yearless_dateline_on_the_day_a_full_date_above_gives_takes_its_year() -> None:
    lines = [
        "03/03/2017",
        "",
        "HK Cyberport cos raised HK$4.8 bln in 2016 -- CEO",
        "",
        "HONG KONG, March 3 (HKWire) - Start-ups raised HK$4.8 bln in 2016.",
    ]
    found = date_lines(lines)
    assert found[4] is not None and found[4].value == date(2017, 3, 3)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("it said on Wednesday.", date(2021, 7, 14)),  # 14 July 2021 was a Wednesday
        ("it said on Thursday.", date(2022, 7, 14)),  # the year after fits the weekday
        ("it said on Sunday.", None),  # no year near the one named fits it
        ("it said.", date(2021, 7, 14)),  # no weekday: the latest year named
    ],
)
def test_a_dateline_without_a_year_takes_the_year_the_text_names(
    said: str, expected: date | None
) -> None:
    text = (
        "Hub members raised HK$9 bln\n\nHONG KONG, July 14 (Wire) - Members raised HK$9 "
        f"billion in the 12 months to March 2021, {said}\n\nThe hub opened in 2004."
    )
    found = find_date(text)
    assert (found.value if found else None) == expected
    assert find_date(text.replace("March 2021", "the spring")) is None  # no year at all


def test_a_date_translated_word_by_word_from_chinese_is_a_full_date() -> None:
    text = "(Hong Kong, 2024 October 30 day) The company today published its report."
    assert find_date(text) == FoundDate(date(2024, 10, 30), "inline")
    assert parse_date_phrase("2024 year 3 month 31 day") == date(2024, 3, 31)
    assert parse_date_phrase("2024 year 13 month 31 day") is None
    assert full_dates("over 2024 March 5 days") == []  # "days": a duration's word


def test_a_wire_dateline_without_a_year_takes_a_year_gone_by_its_weekday_fits() -> None:
    text = (
        "Tech hub says community tops 2,300 firms\n\n"
        "HONG KONG, March 12 (Newswire) - The government-owned hub\n"
        "said on Wednesday its community had grown to more than 2,300 firms.\n\n"
        "Companies there raised HK$5.1 billion in 2024, it said, and aims for 3,000 by 2030.\n"
    )
    assert find_publication_date(text) == date(2025, 3, 12)  # a Wednesday, after 2024
    half = text.replace("in 2024", "in the first half of 2024")
    assert find_publication_date(half) == date(2025, 3, 12)
    # No weekday to check a bare year against, or only a target's year: no date.
    assert find_publication_date(text.replace("on Wednesday ", "")) is None
    assert find_publication_date(text.replace("in 2024", "lately")) is None


def test_a_wire_years_figure_may_stand_further_back_past_an_abbreviation() -> None:
    text = (
        "Tech hub's listed companies rise to eight\n\n"
        "HONG KONG, Jan. 22 (Xinhua) -- The hub said on Thursday its community had grown.\n\n"
        "Companies there had raised a cumulative 44.6 billion HK dollars (about 5.7 billion "
        "U.S. dollars) in financing as of the end of 2025, it said.\n"
    )
    assert find_publication_date(text) == date(2026, 1, 22)  # a Thursday, after 2025


def test_a_wire_dateline_may_stand_two_years_after_the_latest_year_named() -> None:
    text = (
        "Lender hits unicorn status\n\n"
        "HONG KONG, May 11 (Asia Tech Wire) - Lendora said on Tuesday it had raised US$210 "
        "million.\n\nIts valuation is four times the US$320 million of its round in 2019.\n"
    )
    assert find_publication_date(text) == date(2021, 5, 11)  # a Tuesday, two years on
    before = text.replace("on Tuesday", "on Friday")  # 2018, the year before the one named
    assert find_publication_date(before) == date(2018, 5, 11)
    far = text.replace("on Tuesday", "on Wednesday")  # only 2022 (three years on) fits
    assert find_publication_date(far) is None


def test_a_numbered_item_line_of_a_place_and_a_date_parted_by_a_bar_is_a_date_line() -> None:
    assert parse_date_line("5. HONG KONG | 19 September 2018") is not None
    assert parse_date_line("SINGAPORE | 3 September 2018").value == date(2018, 9, 3)
    for line in (
        "Issue 41 | September 2018 edition of our digest.",
        "5. The park admitted 30 in 2018.",
    ):
        assert parse_date_line(line) is None


def test_a_yearless_dateline_takes_the_year_between_those_named_that_a_later_weekday_fits() -> None:
    text = (
        "Tech hubs race to sign up AI start-ups\n\n"
        "HONG KONG, Nov 14 (Newswire) - The city's two technology parks are competing hard.\n\n"
        "The hub said on Thursday its AI cluster had grown by 60 per cent since early 2023.\n\n"
        "Its supercomputing centre is due to reach 3,000 petaflops by 2026."
    )
    assert find_publication_date(text) == date(2024, 11, 14)  # a Thursday, between the two
    # One year named (a founding year): any year after it may be the one, so no date.
    one = text.replace("since early 2023", "since it opened").replace("by 2026", "soon")
    assert find_publication_date(one + " It was founded in 2017.") is None
    # A weekday said of something else, not of the telling, is no check.
    assert find_publication_date(text.replace("said on Thursday", "opened on Thursday")) is None


def test_a_posts_header_of_its_platform_and_account_is_a_date_line() -> None:
    assert parse_date_line("[LinkedIn] Cyberport Hong Kong · 6 January 2025").value == date(
        2025, 1, 6
    )
    assert parse_date_line("[X] @CyberportHK · 8 April 2025").value == date(2025, 4, 8)
    assert parse_date_line("Cyberport 數碼港 · 3 June 2025").value == date(2025, 6, 3)
    # A figure before the date: a sentence, no header.
    assert parse_date_line("[LinkedIn] Members raised HK$40 billion · 6 January 2025") is None


def test_a_yearless_dateline_is_of_a_year_on_or_after_one_the_text_counts_from() -> None:
    text = (
        "Hub and university sign pact\n\n"
        "HONG KONG, May 21 (Business Wire) - The hub signed a pact with a university on Tuesday."
        "\n\nThe hub has admitted about 760 start-ups since 2005. The two have supported more "
        "than 90 student start-ups since 2014.\n"
    )
    assert find_publication_date(text) == date(2019, 5, 21)  # a Tuesday, not 2013's
    assert find_publication_date(text.replace("since 2014", "since 2012")) == date(2013, 5, 21)
    # 2013 and 2019 both fit: the year stays open.
    assert find_publication_date(text.replace("since 2014", "since 2013")) is None


def test_a_publication_line_read_as_a_tables_row_still_dates_the_text() -> None:
    text = "Year in Numbers\n\n- Annual Report 2019/20: Published September 2020\n"
    assert find_date(text) == FoundDate(date(2020, 9, 1), "inferred")
    assert find_date("Year in Numbers\n\n- Reports published: 12\n") is None


def test_a_date_line_may_end_in_the_time_of_day() -> None:
    assert parse_date_line("Fri Oct 14, 2022 9:42am HKT").value == date(2022, 10, 14)
    assert parse_date_line("2022-08-16 08:45").value == date(2022, 8, 16)
    assert parse_date_line("14 October 2022, 10.30 a.m.").value == date(2022, 10, 14)
    assert parse_date_line("3 May 2021 2021 people came") is None
