"""Money amounts: HK$, US$, RMB, €, £, S$ ... (etl/data/lexicon.toml); a bare "$" is HK$."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from etl.extract.lexicon import lexicon, phrases_re, safe_lower
from etl.extract.numbers import NumberMention, find_numbers, scale_of, scaled


def _currencies() -> dict[str, dict[str, list[str]]]:
    return lexicon()["currencies"]


def _signs(where: str) -> list[str]:
    return [sign for c in _currencies().values() for sign in c[where]]


# Longest first; "HK\$" is a Markdown escape that raw text may still carry. The signs and
# names of each currency come from etl/data/lexicon.toml ([currencies]).
_PREFIX = re.compile(rf"(?P<cur>{phrases_re(_signs('before'))}|\\?\$)\s*$", re.IGNORECASE)
_SUFFIX = re.compile(rf"\s*(?P<cur>{phrases_re(_signs('after'))})\b", re.IGNORECASE)
# The last character of every sign or code (either case): "HK$", "$", "€", "HKD", "RMB" ...
_SIGN_ENDS = frozenset(
    c for sign in [*_signs("before"), "$"] for c in (sign[-1].lower(), sign[-1].upper())
)
# The last word of every sign (lower case): where _PREFIX finds one, the text ends in it.
_SIGN_TAILS = tuple(sorted({sign.split()[-1].lower() for sign in [*_signs("before"), "$"]}))
_PAREN = re.compile(r"\s*\((?:about|approximately|around|roughly|or|some|i\.e\.)?\s*")
# "HK$3.7 billion, or about US$474 million": a conversion after "or", with no brackets.
_OR = re.compile(r",?\s+(?:or|i\.e\.,?)\s+(?:about|approximately|around|roughly|some)?\s*")


@dataclass(frozen=True)
class MoneyMention:
    """An amount of money: `start`/`end` cover the currency sign and the figure."""

    start: int
    end: int
    currency: str  # a currency code of the lexicon: HKD, USD, RMB, EUR ...
    number: NumberMention

    @property
    def value(self) -> float:
        return self.number.value


@lru_cache(maxsize=256)
def currency_code(sign: str, bare_dollar: str = "HKD") -> str:
    """'HK$' -> HKD, 'US\\$' -> USD, 'yuan' -> RMB, '€' -> EUR, '$' -> `bare_dollar`."""
    return _codes().get(_key(sign), bare_dollar)


def _key(sign: str) -> str:
    return re.sub(r"[\s\\]", "", sign).upper()


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Each sign or name (without spaces or backslashes, upper case) and its currency code."""
    return {
        _key(sign): code
        for code, c in _currencies().items()
        for sign in [*c["before"], *c["after"]]
    }


def currency_in(text: str, bare_dollar: str = "HKD") -> str | None:
    """The currency a label names anywhere in it ("Funds raised (HK$)"), if one."""
    m = _ANY_SIGN.search(text)
    return currency_code(m["cur"], bare_dollar) if m else None


_ANY_SIGN = re.compile(rf"(?<![\w$])(?P<cur>{phrases_re(_signs('before'))})(?![\w])", re.IGNORECASE)


def money_at(text: str, n: NumberMention, bare_dollar: str = "HKD") -> MoneyMention | None:
    """The amount `n` is part of, when a currency sign or name sits right next to it."""
    if n.percent:
        return None
    lead = text[max(0, n.start - 6) : n.start].rstrip()
    # The last character, then the last word, of every sign or code: tests before the search.
    before = (
        _PREFIX.search(text, max(0, n.start - 6), n.start)
        if lead[-1:] in _SIGN_ENDS and _may_end_in_sign(lead)
        else None
    )
    if before:
        return MoneyMention(before.start(), n.end, currency_code(before["cur"], bare_dollar), n)
    after = _SUFFIX.match(text, n.end)
    if after:
        return MoneyMention(n.start, after.end(), currency_code(after["cur"], bare_dollar), n)
    return None


def _may_end_in_sign(lead: str) -> bool:
    """False only when `lead` (stripped) does not end in the last word of a sign, in any case
    (the signs' letters are ASCII, the rest have no case)."""
    low = safe_lower(lead)
    return low is None or low.endswith(_SIGN_TAILS)


def find_money(text: str, bare_dollar: str = "HKD") -> list[MoneyMention]:
    """Every amount of money in `text`; "US$1 billion (HK$7.8 billion)" is one, in HK$."""
    nums = find_numbers(text)
    found = [m for n in nums if (m := money_at(text, n, bare_dollar))]
    return merge_conversions(text, found)


def merge_conversions(text: str, found: list[MoneyMention]) -> list[MoneyMention]:
    """Fold an amount and its conversion (in brackets or after "or") into one, keeping the HK$
    figure."""
    out: list[MoneyMention] = []
    i = 0
    while i < len(found):
        m = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            gap = (
                _PAREN.fullmatch(text, m.end, nxt.start) and text[nxt.end : nxt.end + 1] == ")"
            ) or _OR.fullmatch(text, m.end, nxt.start)
            if gap and _converted(text, m, nxt):
                keep = m if nxt.currency == m.currency or m.currency == "HKD" else nxt
                closing = int(text[nxt.end : nxt.end + 1] == ")")
                out.append(MoneyMention(m.start, nxt.end + closing, keep.currency, keep.number))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _converted(text: str, m: MoneyMention, nxt: MoneyMention) -> bool:
    """Whether `nxt` can be `m` in another currency: another code, or a bare "$" after a sign
    that names its dollar ("HK$3.7 billion ($474 million)": the wire's US dollars)."""
    if nxt.currency != m.currency:
        return True
    return text[nxt.start : nxt.start + 1] == "$" and text[m.start : m.start + 1] != "$"


def to_hkd(value: float, currency: str, rates: Mapping[str, float]) -> float | None:
    """The amount in Hong Kong dollars at the configured rates (None for an unknown currency)."""
    if currency == "HKD":
        return value
    rate = rates.get(currency)
    return scaled(value, rate) if rate else None


def format_money(value: int, currency: str = "HKD", scale: str = "") -> str:
    """Print an amount as a press release would ('HK$43.4 billion'); used in tests."""
    sign = _currencies()[currency]["before"][0]
    return f"{sign}{value:,}{' ' + scale if scale else ''}"


_BRACKETS = re.compile(r"\(([^()]{1,40})\)")


def unit_in_label(label: str, bare_dollar: str = "HKD") -> tuple[str, float] | None:
    """The currency and scale a row's label gives its bare figures in brackets ("Funds raised
    (HK$ bn, cumulative)" -> ("HKD", 1e9); "(US$ million)" -> ("USD", 1e6)), if any."""
    for m in _BRACKETS.finditer(label):
        code = currency_in(m.group(1), bare_dollar)
        if code is None:
            continue
        words = re.findall(r"[^\W\d_]+", m.group(1))
        return code, max((scale_of(w) for w in words), default=1.0)
    return None
