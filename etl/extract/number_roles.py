"""Numbers in a sentence that are no figure: a year used as a date, a list item's number.

A four-digit year is a date after "in", "since" or a month, after or before a capitalised
name ("Awards Night 2026", "2023 Global Conference"); a number at the start of a line
followed by "." or ")" numbers a list item ("2. Founders go abroad early."). find_figures
drops both before it reads the rest.
"""

from __future__ import annotations

import re
from functools import cache

from etl.calendar import month_re
from etl.extract.numbers import NumberMention

_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|from|of|to|until|till|year|years|and|or|fiscal|FY|during|throughout|like|"
    r"before|after|between|early|late|mid|Q[1-4]|[1-4]Q|H[12]|[12]H|"
    r"clos(?:es|ed|ing)|(?:end|start|enter)(?:s|ed|ing)|begin(?:s|ning)?|began|sees|saw|"
    r"round(?:s|ed)\s+off)"
    r"|[-–/])\s*$",  # ("Q2 2024", "H1 2023": a quarter's or half's year)
    re.IGNORECASE,
)
# A year naming an edition or a cohort: "the 2025 incubation intake", "its 2019 cohort" (not
# "the 2000 companies": a plural after it is what the number counts).
_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|its|our|their|that|an?)\s+$", re.IGNORECASE)
_SINGULAR_AFTER = re.compile(r"\s+[a-z][\w-]*(?<!s)\b(?![\w-])")
_YEAR_AFTER = re.compile(r"\s+[A-Z]|[-–/]\d|\s*[,.):年月]|\s*\([A-Z]")  # ("2011:", "2013 (Jan")
# A year as the subject of what it was: "2025 was the year ...", "2020 saw ...".
_YEAR_AS_SUBJECT = re.compile(
    r"\s+(?:(?:was|is|will\s+be|has\s+been|had\s+been)\s+(?:a|an|the|another)\s+"
    r"(?:[\w-]+\s+){0,2}?year\b|(?:saw|marked|brought|proved)\b)",
    re.IGNORECASE,
)
# The members of a year's cohort: "our 2021 incubatees", "the 2019 graduates".
_COHORT_AFTER = re.compile(
    r"\s+(?:incubatees|graduates|alumni|awardees|winners|cohorts?|intakes?|batch|class)\b",
    re.IGNORECASE,
)
# One cohort or edition right after a year, with no determiner: "(2019 intake)".
_ONE_COHORT_AFTER = re.compile(r"\s+(?:intake|cohort|batch|class|edition)\b(?!-)", re.IGNORECASE)
_LATEST_YEAR = 2099
# A capitalised word of a name right before it: "Awards Night 2026" (not "Cyberport: 2000").
_TITLE_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z][\w-]*\s+$")
# "for 2026" before a verb: the year something is for, not a count.
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
# A few words after it, none a plural, nor the word after them: "for 2026 smart living
# challenge" (not "for 2000 tech companies").
_SINGULAR_PHRASE_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*(?<![sS])\b(?![\w-])){1,3}(?!\s+[a-z][\w-]*s\b)"
)
_VERB_AFTER = re.compile(r"\s+(?:was|is|were|are|will|would|has|had)\b|\s*[,.;:)]")
# A list item's number at the start of a line: "2. **Founders go abroad early.**", "3) Fintech".
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t>]*$")
_LIST_MARKER_AFTER = re.compile(r"[.)][ \t]+\S")


# A telephone number: after a country code in brackets or with a plus, or after "Tel"; and
# what any of them holds, a cheap test first.
_PHONE = re.compile(
    r"(?:\(\+?\d{2,3}\)|\+\d{2,3}|\b(?:tel|fax|phone|telephone|hotline|enquiries)\b\.?:?)"
    r"[ \t]*(?:\(?\+?\d{2,3}\)?[ \t-]*)?\d{4}[ \t-]?\d{4}(?!\d)",
    re.IGNORECASE,
)
_PHONE_HINT = re.compile(
    r"\(\+?\d|\+\d|[Tt]el\b|TEL|[Ff]ax|FAX|[Pp]hone|PHONE|[Hh]otline|[Ee]nquir"
)


def phone_spans(s: str) -> list[tuple[int, int]]:
    """Where `s` writes telephone numbers ("(852) 3166 3800", "Tel: 2345 6789")."""
    if _PHONE_HINT.search(s) is None:  # (a cheap test first: most sentences have none)
        return []
    return [m.span() for m in _PHONE.finditer(s)]


def is_phone_part(n: NumberMention, spans: list[tuple[int, int]]) -> bool:
    """Whether `n` is part of one of the telephone numbers at `spans` (`phone_spans`)."""
    return not n.words and any(a <= n.start and n.end <= b for a, b in spans)


def is_list_marker(s: str, n: NumberMention) -> bool:
    """Whether `n` numbers a list item ("2. Founders want to go abroad early.")."""
    return (
        not n.words
        and s.startswith((".", ")"), n.end)
        and _LIST_MARKER_AFTER.match(s, n.end) is not None
        and _LIST_MARKER.search(s, 0, n.start) is not None
    )


@cache
def _month_before() -> re.Pattern[str]:
    # ("Aug 3, 2021" too: a month, its day and a comma before the year)
    day = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    return re.compile(rf"(?<!\w)(?:{month_re()})\.?{day},?\s+$", re.IGNORECASE)


def is_year_use(s: str, n: NumberMention) -> bool:
    """A four-digit year used as a date ('in 2018', '2023 Global Conference')."""
    if _YEAR_BEFORE.search(s, max(0, n.start - 12), n.start):
        return True
    if _month_before().search(s, max(0, n.start - 16), n.start):
        return True  # "31 March 2021", "June 2021", "Aug 3, 2021"
    if n.value < 1990:
        return False  # (the readings below are of recent years only)
    if _DETERMINER_BEFORE.search(s, max(0, n.start - 8), n.start) and (
        _SINGULAR_AFTER.match(s, n.end) or _COHORT_AFTER.match(s, n.end)
    ):
        return True  # "the 2025 incubation intake", "one of our 2021 incubatees"
    if n.value <= _LATEST_YEAR and _ONE_COHORT_AFTER.match(s, n.end):
        return True  # "graduate (2019 intake)": one cohort, named by its year
    if _TITLE_BEFORE.search(s, max(0, n.start - 30), n.start):
        return True  # "the Start-up Awards Night 2026", an edition's year
    if _FOR_BEFORE.search(s, max(0, n.start - 5), n.start) and (
        _VERB_AFTER.match(s, n.end) or _SINGULAR_PHRASE_AFTER.match(s, n.end)
    ):
        return True  # "the hub's priority for 2026 was ...", "applications for 2026 challenge"
    if _YEAR_AS_SUBJECT.match(s, n.end):
        return True  # "2025 was the year AI moved into production", "2020 saw ..."
    return bool(_YEAR_AFTER.match(s, n.end, n.end + 3))
