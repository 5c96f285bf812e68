"""Money amounts: HK$, HKD, US$, USD, RMB, yuan; a bare "$" in a Hong Kong text is HK$."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from etl.extract.numbers import NumberMention, find_numbers

# Longest first; "HK\$" is a Markdown escape that raw text may still carry.
_PREFIX = re.compile(
    r"(?P<cur>HK\s?\\?\$|US\s?\\?\$|HKD|USD|RMB|CNY|Rmb|¥|\\?\$)\s*$", re.IGNORECASE
)
_SUFFIX = re.compile(
    r"\s*(?P<cur>Hong\s+Kong\s+dollars|HK\s+dollars|US\s+dollars|HKD|USD|RMB|CNY|yuan|renminbi)\b",
    re.IGNORECASE,
)
_SIGN_ENDS = frozenset("$¥DdBbYy")  # "HK$", "US$", "$", "¥", "HKD", "USD", "RMB", "CNY"
_PAREN = re.compile(r"\s*\((?:about|approximately|around|roughly|or|some|i\.e\.)?\s*")


@dataclass(frozen=True)
class MoneyMention:
    """An amount of money: `start`/`end` cover the currency sign and the figure."""

    start: int
    end: int
    currency: str  # HKD, USD or RMB
    number: NumberMention

    @property
    def value(self) -> float:
        return self.number.value


@lru_cache(maxsize=256)
def currency_code(sign: str, bare_dollar: str = "HKD") -> str:
    """'HK$' -> HKD, 'US\\$' -> USD, 'yuan' -> RMB, '$' -> `bare_dollar`."""
    s = re.sub(r"[\s\\]", "", sign).upper()
    if s in ("HK$", "HKD", "HONGKONGDOLLARS", "HKDOLLARS"):
        return "HKD"
    if s in ("US$", "USD", "USDOLLARS"):
        return "USD"
    if s in ("RMB", "CNY", "YUAN", "RENMINBI", "¥"):
        return "RMB"
    return bare_dollar


def money_at(text: str, n: NumberMention, bare_dollar: str = "HKD") -> MoneyMention | None:
    """The amount `n` is part of, when a currency sign or name sits right next to it."""
    if n.percent:
        return None
    lead = text[max(0, n.start - 6) : n.start].rstrip()
    # The last character of every sign or code: a quick test before the search.
    before = _PREFIX.search(text, max(0, n.start - 6), n.start) if lead[-1:] in _SIGN_ENDS else None
    if before:
        return MoneyMention(before.start(), n.end, currency_code(before["cur"], bare_dollar), n)
    after = _SUFFIX.match(text, n.end)
    if after:
        return MoneyMention(n.start, after.end(), currency_code(after["cur"], bare_dollar), n)
    return None


def find_money(text: str, bare_dollar: str = "HKD") -> list[MoneyMention]:
    """Every amount of money in `text`; "US$1 billion (HK$7.8 billion)" is one, in HK$."""
    nums = find_numbers(text)
    found = [m for n in nums if (m := money_at(text, n, bare_dollar))]
    return merge_conversions(text, found)


def merge_conversions(text: str, found: list[MoneyMention]) -> list[MoneyMention]:
    """Fold an amount and its conversion in brackets into one, keeping the HK$ figure."""
    out: list[MoneyMention] = []
    i = 0
    while i < len(found):
        m = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            gap = _PAREN.fullmatch(text, m.end, nxt.start)
            closes = text[nxt.end : nxt.end + 1] == ")"
            if gap and closes and nxt.currency != m.currency:
                keep = nxt if nxt.currency == "HKD" or m.currency != "HKD" else m
                out.append(MoneyMention(m.start, nxt.end + 1, keep.currency, keep.number))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def to_hkd(value: float, currency: str, rates: Mapping[str, float]) -> float | None:
    """The amount in Hong Kong dollars at the configured rates (None for an unknown currency)."""
    if currency == "HKD":
        return value
    rate = rates.get(currency)
    return value * rate if rate else None


def format_money(value: int, currency: str = "HKD", scale: str = "") -> str:
    """Print an amount as a press release would ('HK$43.4 billion'); used in tests."""
    sign = {"HKD": "HK$", "USD": "US$", "RMB": "RMB"}[currency]
    return f"{sign}{value:,}{' ' + scale if scale else ''}"
