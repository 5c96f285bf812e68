"""Money: currency signs and names, the Markdown escape, conversions folded into one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.money import (
    _PREFIX,
    _SIGN_TAILS,
    currency_code,
    find_money,
    format_money,
    money_at,
    to_hkd,
    unit_in_label,
)
from etl.extract.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "currency", "value"),
    [
        ("total financing of HK$43.4 billion", "HKD", 43.4e9),
        ("exceeding HK\\$ 43.4 billion", "HKD", 43.4e9),
        ("HKD 500 million", "HKD", 500e6),
        ("US$10 billion", "USD", 10e9),
        ("USD 2.5m", "USD", 2.5e6),
        ("RMB5 billion", "RMB", 5e9),
        ("3 billion yuan", "RMB", 3e9),
        ("34 billion Hong Kong yuan", "HKD", 34e9),  # 港元, translated word by word
        ("a $200 million fund", "HKD", 200e6),
        ("raised HK$3.7 bln this year", "HKD", 3.7e9),  # wire style
        ("US$12 mln in fees", "USD", 12e6),
    ],
)
def test_currencies(text: str, currency: str, value: float) -> None:
    (m,) = find_money(text)
    assert (m.currency, m.value) == (currency, pytest.approx(value))


def test_bare_dollar_follows_configuration() -> None:
    (m,) = find_money("a $5 million round", bare_dollar="USD")
    assert m.currency == "USD"


def test_a_conversion_in_brackets_is_one_amount_in_hkd() -> None:
    text = "raised US$1 billion (HK$7.8 billion) in total"
    (m,) = find_money(text)
    assert m.currency == "HKD" and m.value == pytest.approx(7.8e9)
    assert text[m.start : m.end] == "US$1 billion (HK$7.8 billion)"
    (r,) = find_money("HK$7.8 billion (about US$1 billion)")
    assert r.currency == "HKD" and r.value == pytest.approx(7.8e9)


def test_counts_and_percentages_are_no_money() -> None:
    assert find_money("2,000 companies and 30% of them") == []


def test_to_hkd() -> None:
    rates = {"USD": 7.8, "RMB": 1.08}
    assert to_hkd(10e9, "USD", rates) == pytest.approx(78e9)
    assert to_hkd(5.0, "HKD", rates) == 5.0
    assert to_hkd(100.0, "RMB", {"USD": 7.8}) is None


def test_currency_code() -> None:
    assert currency_code("HK\\$") == "HKD"
    assert currency_code("US $") == "USD"
    assert currency_code("renminbi") == "RMB"


@given(st.text())
def test_never_raises(text: str) -> None:
    for m in find_money(text):
        assert 0 <= m.start < m.end <= len(text)


@given(
    st.integers(min_value=1, max_value=10**9),
    st.sampled_from(["HKD", "USD", "RMB"]),
    st.sampled_from(["", "million", "billion"]),
)
def test_parses_what_it_formats(value: int, currency: str, scale: str) -> None:
    mult = {"": 1, "million": 1e6, "billion": 1e9}[scale]
    (m,) = find_money(f"start-ups raised {format_money(value, currency, scale)} last year")
    assert m.currency == currency
    assert m.value == pytest.approx(value * mult)


MONEY_PIECES = ["HK$", "HK \\$", "US$", "$", "¥", "HKD", "usd", "RMB", "Rmb", "CNY", "cny", " ",
                "1,200", "3.5", "billion", "yuan", "raised", "(", ")", "Hong Kong dollars",
                "\n", "x", "D", "B", "over ", "JP¥", "Nzd", "EuR", "ſ"]  # fmt: skip


@given(st.lists(st.sampled_from(MONEY_PIECES), max_size=10).map("".join))
def test_quick_sign_test_changes_no_amount(text: str) -> None:
    """money_at looks for a sign only when the text before ends like one: same amounts."""
    for n in find_numbers(text):
        before = _PREFIX.search(text, max(0, n.start - 6), n.start)
        got = money_at(text, n)
        if before and not n.percent:
            assert got is not None and got.start == before.start()
        elif got is not None:
            assert got.start == n.start  # a currency after the figure


def test_signs_last_words_are_ascii_or_caseless() -> None:
    """The test of a sign's last word lower-cases the text: sound only for such letters."""
    assert all(c.isascii() or c.lower() == c.upper() for tail in _SIGN_TAILS for c in tail)


@pytest.mark.parametrize(
    ("text", "currency", "value"),
    [
        ("total funding of more than €5.3 billion", "EUR", 5.3e9),
        ("a round of £20 million", "GBP", 20e6),
        ("S$ 200 million for deep tech", "SGD", 200e6),
        ("a 5 billion yen fund", "JPY", 5e9),
        ("NT$300 million", "TWD", 300e6),
    ],
)
def test_other_currencies_are_amounts_in_their_own_code(text, currency, value) -> None:
    (m,) = find_money(text)
    assert (m.currency, m.value) == (currency, value)


def test_a_label_names_its_cells_currency() -> None:
    from etl.extract.money import currency_in

    assert currency_in("Funds raised, cumulative (HK$)") == "HKD"
    assert currency_in("Funding (US$ m)") == "USD"
    assert currency_in("Companies in the community") is None


def test_other_currencies_convert_at_the_configured_rate() -> None:
    from etl.config import load_config

    rates = load_config().rates
    assert to_hkd(2.0, "EUR", rates) == 2.0 * rates["EUR"]
    assert to_hkd(2.0, "XYZ", rates) is None


def test_unit_in_label_reads_the_currency_and_scale_in_brackets() -> None:
    assert unit_in_label("Funds raised (HK$ bn, cumulative)") == ("HKD", 1e9)
    assert unit_in_label("Capital (US$ million)") == ("USD", 1e6)
    assert unit_in_label("Grants paid (HK$)") == ("HKD", 1.0)
    assert unit_in_label("Unicorns (cumulative)") is None
    assert unit_in_label("Funds raised, HK$ bn") is None  # (not in brackets: not said here)


@pytest.mark.parametrize(
    "text",
    [
        "the members raised about HK$2.4 billion ($308 million) last year",  # wire: bare $ = US$
        "a total of HK$2.4 billion, or about US$308 million, was raised",
        "US$308 million, or HK$2.4 billion, went to fintech",
    ],
)
def test_a_conversion_in_brackets_or_after_or_is_one_amount_in_hkd(text: str) -> None:
    (m,) = find_money(text)
    assert (m.currency, m.value) == ("HKD", pytest.approx(2.4e9))


@pytest.mark.parametrize(
    "text",
    [
        "HK$2.4 billion or HK$2.6 billion, depending on the count",  # two amounts, one currency
        "HK$2.4 billion (HK$900 million of it in fintech)",  # a part in brackets
        "$2.4 billion ($308 million)",  # no sign names the first dollar: not a conversion
    ],
)
def test_amounts_in_one_currency_stay_two(text: str) -> None:
    assert len(find_money(text)) == 2


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("investments totalling AED 45 million", "AED", 45e6),
        ("a deal worth 12 million dirhams", "AED", 12e6),
        ("SAR 3.5 million from Riyadh funds", "SAR", 3.5e6),
        ("NZ$800,000 in grants", "NZD", 8e5),
    ],
)
def test_more_currencies_are_money_in_their_own_unit(text: str, unit: str, value: float) -> None:
    (m,) = find_money(text)
    assert (m.currency, m.value) == (unit, value)


def test_letters_before_a_number_are_no_currency_unless_listed() -> None:
    assert find_money("Form 3 pupils visited; room 12 was full.") == []
