"""Find the numbers in a text: digits, "2 000", number words, scale words, ranges, percentages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from etl.calendar import month_numbers
from etl.extract.lexicon import lexicon, phrases_re, safe_lower
from etl.extract.number_words import (
    HAS_WORD,
    WORD_RE,
    may_have_number_words,
    ordinal_counted,
    parse_ordinal,
    parse_words,
    word_step,
)
from etl.extract.regex_parts import for_lower_case
from etl.extract.shares import find_shares


@dataclass(frozen=True)
class NumberMention:
    """A number as printed: `value` in base units, `step` the place of its last printed digit."""

    start: int
    end: int
    value: float
    step: float
    percent: bool = False
    high: float | None = None  # the upper end of a range ("700-800")
    garbled: bool = False  # "2000,2018": a separator that no style of printing explains
    words: bool = False  # spelt out ("seven")
    mult: float = 1.0  # the scale word's multiplier ("billion" -> 1e9)
    ordinal: bool = False  # a count told by an ordinal ("the fifth listed company")


_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+(?:\.\d+)?"
)
_GARBLED = re.compile(r",\d")
# A digit, a character lost in conversion, a digit: "65?0" (one number, unreadable).
_MANGLED = re.compile(r"\d[?\ufffd]\d")
# The hour before a time's minutes: "08: 30", "9:30" (not "Phase 2: 30", not "2019-20: 96").
_CLOCK_BEFORE = re.compile(r"(?<![\d,.\-–/])(?:[01]\d|2[0-3]):\s?$|(?<![\d,.\-–/])\d:$")
# After the hour of a time: its minutes ("10:00 am", "08: 30" but not "Phase 2: 30 companies"),
# or a time of day ("6.30 pm", "10.30 a.m.", whose hour and minutes read as one number).
_CLOCK_AFTER = (re.compile(r":[0-5]\d(?!\d)"), re.compile(r":\s?[0-5]\d(?!\d)"))  # by hour digits
_DAYTIME_AFTER = re.compile(r"\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)", re.IGNORECASE)
_HOUR_MINUTES = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_VAGUE_BEFORE = re.compile(r"\b(?:few|several|many)\s+$", re.IGNORECASE)
# Written "\d\d*", not "\d+": a pattern that opens with a character class lets the engine
# skip ahead to the next digit far faster.
_DIGIT_RUN = re.compile(r"\d\d*")
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_PERCENT_LOWER = for_lower_case(_PERCENT)
_FROM_BEFORE = re.compile(r"\bfrom\s+\S*\s*$", re.IGNORECASE)
# A capitalised word or acronym right before a hyphen: the number names ("COVID-19").
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*[-\u2011]$")
# A date written in digits ("31/03/2015", "2015-03-31", "31.3.2015"): its parts are no figures.
# Its first digit opens the pattern (the look-behind for what stands before that digit comes
# after it), so that the engine skips straight to digits; it finds what
# r"(?<![\d/.\-])(?:\d{1,2}([/.\-])\d{1,2}\1(?:19|20)\d\d|(?:19|20)\d\d([/.\-])\d{1,2}\2\d{1,2})"
# followed by the same look-ahead finds.
_NUMERIC_DATE = re.compile(
    r"\d(?<![\d/.\-]\d)(?:\d?([/.\-])\d{1,2}\1(?:19|20)\d\d"
    r"|(?:(?<=1)9|(?<=2)0)\d\d([/.\-])\d{1,2}\2\d{1,2})"
    r"(?![\d/\-]|\.\d)"
)
# "133 100 million", a translation of 133 億 (133 x 100 million), not 133,100 million.
_HUNDRED_MILLION = re.compile(r"\d{1,3}[ \u00a0\u202f]100")
_MILLION = 1e6
_RANGE = re.compile(r"\s*(?:-|–|—|to)\s*", re.IGNORECASE)


@cache
def _digit_re() -> re.Pattern[str]:
    scales = sorted(lexicon()["scales"], key=len, reverse=True)
    long_scales = "|".join(s for s in scales if len(s) > 1)
    glued = "|".join(scales)
    return re.compile(
        rf"(?<![\d.,])(?P<num>{_DIGITS})"
        rf"(?:(?P<glued>(?:{glued}))\b|\s?(?P<scale>(?:{long_scales}))\b)?"
        r"(?P<tail>[A-Za-z]+)?",
        re.IGNORECASE,
    )


@cache
def _digit_re_lower() -> re.Pattern[str]:
    """`_digit_re()` for text lower-cased by `safe_lower` (see `for_lower_case`)."""
    return for_lower_case(_digit_re())


def scaled(value: float, mult: float) -> float:
    """`value` times `mult` as written in decimals: "4.1 billion" is 4,100,000,000, not the
    4,099,999,999.9999995 that binary floating point makes of 4.1 * 1e9."""
    return value if mult == 1 else float(Decimal(repr(value)) * Decimal(repr(mult)))


def scale_of(word: str | None) -> float:
    """The multiplier a scale word stands for (1 when there is none)."""
    if not word:
        return 1.0
    return _scale(word)


@lru_cache(maxsize=256)
def _scale(word: str) -> float:
    return float(lexicon()["scales"].get(word.lower(), 1.0))


@lru_cache(maxsize=4096)
def parse_digits(text: str) -> tuple[float, float] | None:
    """'2,200' -> (2200, 100); '43.4' -> (43.4, 0.1); '2 000' -> (2000, 1000)."""
    quick = _parse_plain(text.replace(",", ""))
    if quick is not None:
        return quick
    clean = re.sub(r"[,\s\u00a0\u202f]", "", text)
    try:
        d = Decimal(clean)
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    if "." in clean:
        step = Decimal(1).scaleb(-len(clean.split(".")[1]))
    else:
        stripped = clean.lstrip("0") or "0"
        zeros = len(stripped) - len(stripped.rstrip("0")) if stripped != "0" else 0
        step = Decimal(10) ** zeros
    return float(d), float(step)


def _parse_plain(clean: str) -> tuple[float, float] | None:
    """`parse_digits` of ASCII digits with at most one ".", without Decimal; None otherwise.

    Exact: float() of a decimal string and of an int round correctly, as float(Decimal) does.
    """
    whole, dot, frac = clean.partition(".")
    if not (whole.isascii() and whole.isdigit() and len(clean) <= 30):
        return None
    if dot:
        if not (frac.isascii() and frac.isdigit()):
            return None
        return float(clean), float(f"1e-{len(frac)}")
    stripped = whole.lstrip("0")
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return float(int(whole)), float(10**zeros)


def _day_fused(text: str, start: int, num: str) -> bool:
    """Whether `num`, right after a month's name, is a day fused with a count ("June 301,800"
    for "June 30" and "1,800", as a translation may run them together): a first group of three
    digits whose first two are a day, and a thousands group after it."""
    head, _, rest = num.partition(",")
    if len(head) != 3 or len(rest) != 3 or head[2] == "0" or not 1 <= int(head[:2]) <= 31:
        return False
    words = text[max(0, start - _MONTH_REACH) : start].split()
    return bool(words) and words[-1].rstrip(".").lower() in month_numbers()


_MONTH_REACH = 12


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in `text` that could be a figure (not ordinals, not 'Web3', not '5G')."""
    found: list[NumberMention] = []
    # Case-blind patterns run far quicker on lower-cased text (same offsets, same matches).
    low = safe_lower(text)
    hay, percent = (text, _PERCENT) if low is None else (low, _PERCENT_LOWER)
    dates = [d.span() for d in _NUMERIC_DATE.finditer(text)]
    for m in _digit_matches(hay, lowered=low is not None):
        start = m.start()
        if dates and any(a <= start < b for a, b in dates):
            continue  # a part of a date written in digits
        if start and text[start - 1].isalpha() and not _currency_glue(text, start):
            continue  # part of a name such as "Web190" or "G20"
        if start and text[start - 1] in "'’" and m.end() - start == 2 == len(m.group("num")):
            continue  # a year cut short: "since '05"
        if (
            m.end() - start == 2
            and text[start] in "012345"
            and _CLOCK_BEFORE.search(text, max(0, start - 5), start)
        ):
            continue  # the minutes of a time: "08:30", "08: 30" (as a PDF may space it)
        if m.end() - start <= 2 and _CLOCK_AFTER[m.end() - start - 1].match(text, m.end()):
            continue  # the hour of a time: "from 10:00 am to 6:00 pm"
        if _HOUR_MINUTES.fullmatch(m.group()) and _DAYTIME_AFTER.match(text, m.end()):
            continue  # "at 6.30 pm"
        if (
            start >= 2
            and text[start - 1] in "-\u2011"
            and _NAME_BEFORE.search(text, max(0, start - 24), start)
        ):
            continue  # part of a name such as "COVID-19" or "Covid-19"
        if start >= 2 and text[start - 1] in "?\ufffd" and _MANGLED.match(text, start - 2):
            continue  # the tail of "65?0": the mangled number is the one before
        num, glued, scale, tail = m.group("num", "glued", "scale", "tail")
        if tail:
            continue  # "27th", "5G", "3D", "10x"
        if len(num) <= 2 and not (glued or scale) and _is_day(text, start, m.end()):
            continue  # "closes on 31 January", "on March 5, 2024": a day of a date
        parsed = parse_digits(num)
        if parsed is None:
            continue
        value, step = parsed
        mult = scale_of(glued or scale)
        end = m.end()
        garbled = (
            (text.startswith(",", end) and _GARBLED.match(text, end) is not None)
            or (text.startswith("?", end) and _MANGLED.match(text, end - 1) is not None)
            or _day_fused(text, start, num)
        )
        if mult == _MILLION and _HUNDRED_MILLION.fullmatch(num):
            # "133 100 million": 133 億 word by word, a figure no style of printing gives
            (value, step), mult, garbled = parse_digits(num[:-4]), _MILLION * 100, True
        pct = percent.match(hay, end) if mult == 1 else None  # no percent after a scale word
        found.append(
            NumberMention(
                start,
                pct.end() if pct else end,
                scaled(value, mult),
                scaled(step, mult),
                bool(pct),
                None,
                garbled,
                False,
                mult,
            )
        )
    if may_have_number_words(text) and HAS_WORD.search(text):
        found.extend(_find_words(text, found))
    shares = find_shares(text, low)  # (the text lower-cased once: `low`, when it could be)
    if shares:  # "three-quarters of them", "three in four": one share, not its number words
        found = [n for n in found if not any(a < n.end and n.start < b for a, b, _ in shares)]
        found.extend(NumberMention(a, b, v, 1.0, percent=True, words=True) for a, b, v in shares)
    found = _with_ordinal_counts(text, low, found)
    if len(found) < 2:
        return found  # nothing to order or join
    found.sort(key=lambda n: n.start)
    return _join_ranges(text, found)


@cache
def _months() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = phrases_re(list(month_numbers()))
    return (
        re.compile(
            rf"[ \t]+(?:{names})\b\.?(?![ \t]*(?:(?-i:[a-z])|\d{{1,2}}(?!\d)))",
            re.IGNORECASE,
        ),
        re.compile(rf"\b(?:{names})\.?[ \t]+$", re.IGNORECASE),
    )


def _is_day(text: str, start: int, end: int) -> bool:
    """Whether the one- or two-digit number text[start:end] is the day of a date: before a
    month's name ("31 January", "12 May 2024"; not "10 may join") or after one and
    before no word ("March 5, 2024", not "in March 12 start-ups joined")."""
    if not 1 <= int(text[start:end]) <= 31:
        return False
    after, before = _months()
    if after.match(text, end):
        return True
    return bool(before.search(text, max(0, start - 12), start)) and not re.match(
        r"[ \t]*[A-Za-z]", text[end : end + 3]
    )


def _digit_matches(text: str, lowered: bool = False) -> list[re.Match[str]]:
    """`_digit_re().finditer(text)`, tried only where a run of digits starts (much quicker).

    `lowered`: `text` is lower-cased by `safe_lower`, and `_digit_re_lower()` is used.

    After a match the next run is sought from its end; when that falls inside a run of
    digits, the pattern's look-behind fails there, as finditer would never start there.
    """
    pattern = _digit_re_lower() if lowered else _digit_re()
    find_run, pos, out = _DIGIT_RUN.search, 0, []
    while run := find_run(text, pos):
        m = pattern.match(text, run.start())
        if m:
            out.append(m)
            pos = m.end()
        else:
            pos = run.end()
    return out


def _currency_glue(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].upper()
    return before.endswith(("RMB", "HKD", "USD", "CNY", "HK", "US"))


def _find_words(text: str, taken: list[NumberMention]) -> list[NumberMention]:
    out = []
    spans = [(n.start, n.end) for n in taken]
    for m in WORD_RE.finditer(text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in spans):
            continue
        if re.match(r"-(?:third|half|quarter|fifth|tenth)", text[e : e + 8], re.IGNORECASE):
            continue  # "one-third" is a share, not a count
        if _VAGUE_BEFORE.search(text, max(0, s - 12), s):
            continue  # "a few dozen", "several hundred": no figure anyone stated
        value = parse_words(m.group())
        if value is None:
            continue
        mult = 1.0
        sm = re.match(r"\s+(billion|million|thousand)\b", text[e:], re.IGNORECASE)
        if sm:
            mult, e = scale_of(sm.group(1)), e + sm.end()
        pct = _PERCENT.match(text, e)
        out.append(
            NumberMention(
                s,
                pct.end() if pct else e,
                scaled(value, mult),
                scaled(word_step(value), mult),
                percent=bool(pct),
                words=True,
                mult=mult,
            )
        )
    return out


def _with_ordinal_counts(
    text: str, low: str | None, found: list[NumberMention]
) -> list[NumberMention]:
    """`found` with the counts ordinals tell ("the community's fifth listed company": 5), in
    place of a number read inside one ("twenty" of "twenty-first"). Not after "a": "a tenth
    unicorn" is as often a hope as a count."""
    for m in ordinal_counted(text, low):
        value = parse_ordinal(m.group("ord"))
        if value is None:
            continue
        a, b = m.span("ord")
        found = [n for n in found if not (n.start < b and a < n.end)]
        found.append(NumberMention(a, b, float(value), 1.0, words=True, ordinal=True))
    return found


def _join_ranges(text: str, nums: list[NumberMention]) -> list[NumberMention]:
    """'700-800' and '2,000 to 2,200' become one mention; 'from 70 to 1400' stays two."""
    out: list[NumberMention] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        if i + 1 < len(nums):
            nxt = nums[i + 1]
            is_range = _RANGE.fullmatch(text, n.end, nxt.start) and not _FROM_BEFORE.search(
                text[max(0, n.start - 12) : n.start]
            )
            if is_range and n.mult == 1 and nxt.mult > 1:
                n = _scaled_like(n, nxt)  # "HK$2-3 billion"
            if is_range and nxt.value > n.value and nxt.percent == n.percent and not n.garbled:
                out.append(
                    NumberMention(
                        n.start,
                        nxt.end,
                        n.value,
                        n.step,
                        n.percent or nxt.percent,
                        nxt.value,
                        False,
                        n.words,
                        n.mult,
                    )
                )
                i += 2
                continue
        out.append(n)
        i += 1
    return out


def _scaled_like(n: NumberMention, other: NumberMention) -> NumberMention:
    m = other.mult
    return NumberMention(n.start, n.end, scaled(n.value, m), scaled(n.step, m), n.percent, None,
                         n.garbled, n.words, m)  # fmt: skip


def format_number(value: int, style: str = "comma") -> str:
    """Print an integer the ways documents do ('2,000', '2 000', '2000'); used in tests."""
    if style == "comma":
        return f"{value:,}"
    if style == "space":
        return f"{value:,}".replace(",", " ")
    return str(value)


def is_year(n: NumberMention, text: str) -> bool:
    """A bare four-digit number from 1900 to 2099 with no separator: most likely a year."""
    raw = text[n.start : n.end]
    return raw.isdigit() and len(raw) == 4 and 1900 <= n.value <= 2099
