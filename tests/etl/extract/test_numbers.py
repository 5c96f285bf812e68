"""Number parsing: digits, separators, number words, scale words, ranges, percentages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.numbers import (
    _NUMERIC_DATE,
    _digit_matches,
    _digit_re,
    find_numbers,
    format_number,
    is_year,
    parse_digits,
)


def values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("some 2,300 firms", [2300]),
        ("about 2 000 members", [2000]),
        ("HK$43.4 billion", [43.4e9]),
        ("a US$1.5bn round", [1.5e9]),
        ("RMB 20 million", [20e6]),
        ("a 300k grant", [300e3]),
        ("seven unicorns", [7]),
        ("twenty-six countries", [26]),
        ("a dozen awards", [12]),
        ("some two dozen start-ups", [24]),
        ("half a dozen unicorns", [6]),
        ("two hundred and fifty teams", [250]),
    ],
)
def test_values(text: str, expected: list[float]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the number of companies as at 31/03/2015, with a breakdown", []),
        ("figures released on 2021-08-16 show 1,700 companies", [1700]),
        ("on 31.3.2015 there were 538", [538]),
        ("between 01/04/2012 and 31/03/2015, HK$680 million", [680e6]),
        ("from 1.5 to 2.5 billion", [1.5, 2.5e9]),  # decimals are no date
        ("700-800 companies", [700]),  # a range is no date
        ("incubatees admitted since '05: 350+", [350]),  # a year cut short
        ("it's 25 now", [25]),
        ("Cyberport 1, 08: 30 Applications close", [1]),  # a time
        ("at 9:30 am", []),
        ("Phase 2: 30 companies", [2, 30]),  # a label, no time
        ("Awards won in 2019-20: 96", [2019, 20, 96]),  # a fiscal year's end, no hour
    ],
)
def test_a_date_written_in_digits_holds_no_figure(text: str, expected: list[float]) -> None:
    assert values(text) == expected


def test_step_is_the_last_printed_digit() -> None:
    assert parse_digits("2,200") == (2200, 100)
    assert parse_digits("2,000") == (2000, 1000)
    assert parse_digits("36.7") == (36.7, pytest.approx(0.1))
    assert find_numbers("HK$36.7 billion")[0].step == pytest.approx(0.1e9)


def test_ordinals_names_and_glued_digits_are_no_numbers() -> None:
    assert values("the 27th symposium, the 3rd phase, 5G, Web3 and G20") == []
    assert values("the Web190 base") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ShipGrid became the community's fifth listed company.", [5]),
        ("It made Paxlane the sixth unicorn to emerge from the community.", [6]),
        ("Its 12th unicorn, and the twenty-first company to list.", [12, 21]),
        # Not a count: the first (as often one of long ago), "a" (a hope), no set counted.
        ("Its first unicorn was GoGoVan.", []),
        ("He expects a tenth unicorn next year.", []),
        ("The fifth edition of the forum and the third cohort.", []),
    ],
)
def test_an_ordinal_of_a_counted_set_is_its_count(text: str, expected: list[float]) -> None:
    assert values(text) == expected


def test_percent() -> None:
    (n,) = find_numbers("about 45% of them")
    assert n.percent and n.value == 45
    (m,) = find_numbers("12.5 per cent")
    assert m.percent and m.value == 12.5


def test_ranges_join_but_changes_do_not() -> None:
    (r,) = find_numbers("700-800 companies")
    assert (r.value, r.high) == (700, 800)
    (r2,) = find_numbers("2,000 to 2,200 members")
    assert (r2.value, r2.high) == (2000, 2200)
    (r3,) = find_numbers("HK$2-3 billion")
    assert (r3.value, r3.high) == (2e9, 3e9)
    assert values("grew from 70 to 1400") == [70, 1400]


def test_fused_numbers_are_garbled_with_the_first_as_best_reading() -> None:
    (n,) = find_numbers("more than 2000,2018 companies")
    assert n.garbled and n.value == 2000
    assert not find_numbers("more than 2,018 companies")[0].garbled


def test_one_third_is_not_one() -> None:
    assert values("One-third of founders") == []


def test_is_year() -> None:
    text = "in 2018 and 2,018"
    first, second = find_numbers(text)
    assert is_year(first, text) and not is_year(second, text)


@given(st.text())
def test_never_raises(text: str) -> None:
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["comma", "space", "plain"]))
def test_parses_what_it_formats(value: int, style: str) -> None:
    text = f"with {format_number(value, style)} members"
    assert values(text) == [value]


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from([("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("thousand", 1e3)]),
)
def test_parses_scale_words(whole: int, tenth: int, scale: tuple[str, float]) -> None:
    word, mult = scale
    (n,) = find_numbers(f"raised {whole}.{tenth} {word} in total")
    assert n.value == pytest.approx((whole + tenth / 10) * mult)


@given(st.text(alphabet="0123456789,. abKm\u00a0%-٣", max_size=30))
def test_digit_matches_tried_at_runs_are_a_full_scan(text: str) -> None:
    assert [m.span() for m in _digit_matches(text)] == [
        m.span() for m in _digit_re().finditer(text)
    ]


_PLAIN_NUMERIC_DATE = (
    r"(?<![\d/.\-])(?:\d{1,2}([/.\-])\d{1,2}\1(?:19|20)\d\d|(?:19|20)\d\d([/.\-])\d{1,2}\2\d{1,2})"
    r"(?![\d/\-]|\.\d)"
)


_DATE_PARTS = ["1", "2", "3", "19", "20", "2015", "03", "31", "/", ".", "-", " ", "a", "٣"]


@given(st.lists(st.sampled_from(_DATE_PARTS), max_size=12).map("".join))
def test_a_date_in_digits_is_found_as_by_the_plain_pattern(text: str) -> None:
    import re

    plain = re.compile(_PLAIN_NUMERIC_DATE)
    assert [m.span() for m in _NUMERIC_DATE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    for pos in range(len(text)):  # (also from inside the text, as a search from a position)
        assert [m.span() for m in _NUMERIC_DATE.finditer(text, pos)] == [
            m.span() for m in plain.finditer(text, pos)
        ]


@given(st.integers(0, 10**25), st.one_of(st.none(), st.text(alphabet="0123456789", max_size=8)))
def test_plain_digits_parse_as_through_decimal(whole: int, frac: str | None) -> None:
    from decimal import Decimal

    text = str(whole) if frac is None else f"{whole}.{frac}"
    if frac == "":
        return  # "12." is no number the digit pattern prints
    d = Decimal(text)
    step = Decimal(1).scaleb(-len(frac)) if frac is not None else None
    if step is None:
        stripped = text.lstrip("0") or "0"
        zeros = len(stripped) - len(stripped.rstrip("0")) if stripped != "0" else 0
        step = Decimal(10) ** zeros
    assert parse_digits(text) == (float(d), float(step))
    assert parse_digits(f"{whole:,}") == parse_digits(str(whole))


@given(st.text(alphabet="0123456789,. abKmMBIlLIONtnTN\u00a0%-٣PpercentſıK", max_size=30))
def test_lower_cased_digit_pattern_matches_alike(text: str) -> None:
    from etl.extract.lexicon import safe_lower
    from etl.extract.numbers import _digit_re_lower

    low = safe_lower(text)
    if low is None:
        return
    assert [m.span() for m in _digit_re_lower().finditer(low)] == [
        m.span() for m in _digit_re().finditer(text)
    ]
    assert [m.span() for m in _digit_matches(low, lowered=True)] == [
        m.span() for m in _digit_matches(text)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("exceed 140 hundred million Hong Kong dollar", 140e8),
        ("about 3 ten thousand visitors", 3e4),
        ("38 hundred million US dollar", 38e8),
    ],
)
def test_scales_of_translated_text(text: str, value: float) -> None:
    assert values(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("start-up enterprise 700,2019 many home", 700),  # a year fused to a figure
        ("more than 1,200,2019 company", 1200),
        ("admission start-up 65?0 home", 65),  # a digit lost in conversion
    ],
)
def test_a_mangled_figure_is_one_garbled_number(text: str, value: float) -> None:
    (n,) = [n for n in find_numbers(text) if n.value != 2019]
    assert (n.value, n.garbled) == (value, True)


def test_a_grouped_number_before_a_comma_is_whole() -> None:
    assert values("2,000, then 3,100,000.") == [2000, 3100000]


def test_a_number_hyphened_to_a_name_is_part_of_the_name() -> None:
    assert values("despite COVID-19 and Covid\u201119, SARS-2 and Phase-3") == []
    assert values("RMB3-5 billion") == [3e9]  # a range, joined as before
    assert values("up 30-40 per cent") == [30, 40]
    assert values("the 5-year plan and a 24-hectare site") == [5, 24]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("financing reach HK $ 133 100 million", 133e8),  # 133 億, word by word
        ("a total of 47 100 million yuan", 47e8),
        ("28 hundred million US dollar", 28e8),
        ("the park has 2 100 companies", 2100),  # a space-grouped count stays one number
        ("HK$1 100 000", 1_100_000),
    ],
)
def test_chinese_hundred_million_written_word_by_word(text: str, value: float) -> None:
    assert [n.value for n in find_numbers(text)] == [value]


def test_hundred_million_word_by_word_is_flagged_garbled() -> None:
    assert [n.garbled for n in find_numbers("HK $ 133 100 million")] == [True]
    assert [n.garbled for n in find_numbers("HK$ 133 hundred million")] == [False]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Applications for the next intake close on 28 February.", []),
        ("On April 9, 2021, the hub had 70 companies", [2021, 70]),
        ("the 3 Dec. deadline", []),
        ("in March 12 start-ups joined", [12]),  # a month, then a count of something
        ("10 may join later", [10]),  # "may" the verb
        ("14 June Cyberport said", []),
    ],
)
def test_the_day_of_a_date_is_no_number(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == values


def test_a_day_fused_with_a_count_after_a_months_name_is_garbled() -> None:
    assert [(n.value, n.garbled) for n in find_numbers("up to 2023 June 302,100 companies")] == [
        (2023, False),
        (302100, True),
    ]
    for text in ("In June 2,000 visitors came", "June 150,000 visitors", "at 301,800 firms"):
        assert not any(n.garbled for n in find_numbers(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Open to the public from 10:00 am to 6:00 pm.", []),
        ("Doors open at 6.30 pm and 10.30 a.m.", []),
        ("Applications close at 11:59pm on 31 October.", []),
        ("It grew 10.30 per cent to 2,200 companies.", [10.3, 2200]),
        ("A co-investment ratio of 1:8 with 10 funds.", [1, 8, 10]),
    ],
)
def test_a_time_of_day_is_no_number(text: str, expected: list[float]) -> None:
    assert values(text) == expected


@given(st.integers(0, 23), st.integers(0, 59))
def test_no_clock_time_gives_a_number(hour: int, minute: int) -> None:
    assert values(f"The showcase opens at {hour}:{minute:02d} daily.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("4.1 billion", 4.1e9), ("1.15 million", 1_150_000.0), ("HK$0.9 billion", 9e8),
     ("2.3bn", 2.3e9)],
)  # fmt: skip
def test_a_scaled_figure_is_its_decimal_value_with_no_binary_noise(text: str, value: float) -> None:
    (n,) = [m for m in find_numbers(text) if m.value > 100]
    assert n.value == value and repr(n.value) == repr(value)
