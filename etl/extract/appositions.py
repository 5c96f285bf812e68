"""Shapes of a sentence that set a clause or a phrase apart from its subject: a subordinate
clause opening it ("Since the programme began, ..."), an apposition that makes the subject
one member of a set ("Acme Robotics, one of about 900 firms at Cyberport, raised ...") and one
that describes a named place whose own figure follows ("..., with Station F, a Paris campus
that is home to over 1,000 start-ups"); a place opening the clause that scopes its figures
("Across the city, there are some 600 FinTech firms"); and a closing report clause ("..., the
park said")."""

from __future__ import annotations

import re
from functools import cache

from etl.config import ExtractConfig
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.mentions import Mention
from etl.extract.number_words import NUMBER_WORD_SET


def lead_clause_end(text: str, s_start: int, f_start: int) -> int:
    """Where a subordinate clause opening the sentence ends, if it ends before the figure."""
    m = _lead_clause_re().match(text, s_start, f_start)
    return m.end() if m else s_start


@cache
def _lead_clause_re() -> re.Pattern[str]:
    lead = (
        lexicon()["attribution"]["lead_subordinators"] + lexicon()["figures"]["event_prepositions"]
    )
    return re.compile(rf"[\s\"“‘'(]*(?:{phrases_re(lead)})\b[^,;:.!?]*,", re.IGNORECASE)


def member_apposition(
    text: str, s_start: int, f_start: int, mentions: list[Mention]
) -> tuple[Mention | None, int, int] | None:
    """The sentence's subject, when an apposition before the figure makes it one member of a
    set: its mention (None when no name is found for it), where it starts and its comma."""
    m = _apposition_re().search(text, s_start, f_start)
    if m is None:
        return None
    comma = m.start()
    named = next((x for x in mentions if x.end == comma and x.kind != "pronoun"), None)
    words = None if named else _APPOSITION_HEAD.search(text, s_start, comma)
    if named is None and words is None:
        return None
    a = named.start if named else words.start()
    lead = text[s_start:a]
    if _DIGIT.search(lead) or len(lead.split()) > _APPOSITION_LEAD_WORDS:
        return None  # the apposition is not to the sentence's subject
    return named, a, comma


_APPOSITION_HEAD = re.compile(r"(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z0-9][\w&'’.-]*$|[\w-]+$")
_APPOSITION_LEAD_WORDS = 3  # words before the subject ("Last month, Acme, one of ...")
_DIGIT = re.compile(r"\d")


@cache
def _apposition_re() -> re.Pattern[str]:
    att = lexicon()["attribution"]
    words, conj = phrases_re(att["one_member"]), phrases_re(att["occasion_breaks"])
    # (The comma opens the pattern, the look-behind for the word before it after it: the
    # engine skips to commas.)
    return re.compile(rf",(?<=\w,)\s+(?:{words})\s[^,;:.!?]*?,\s+(?!(?:{conj})\b)(?=[a-z])")


def described_place(text: str, s_start: int, f_start: int, config: ExtractConfig) -> str | None:
    """The name of another organisation's place that an apposition holding the figure describes
    ("Station F, a Paris campus which hosts over 1,000 start-ups"), if the figure is in one."""
    m = _place_apposition_re().search(text, s_start, f_start)
    if m is None:
        return None
    name = _APPOSITION_HEAD.search(text, s_start, m.start())
    if name is None or not name.group()[:1].isupper() or config.is_alias(name.group()):
        return None
    return name.group()


@cache
def _place_apposition_re() -> re.Pattern[str]:
    att = lexicon()["attribution"]
    heads, relatives = phrases_re(att["place_heads"]), phrases_re(att["relatives"])
    return re.compile(
        rf",\s+(?:an?)\s+(?:[\w-]+\s+){{0,4}}?(?:{heads})\s+(?:{relatives})\b[^,;:()]*$",
        re.IGNORECASE,
    )


_WORD = re.compile(r"[^\W\d_]+")


def place_scope(text: str, mentions: list[Mention], lo: int, f_start: int) -> Mention | None:
    """The city opening a figure's clause as a place ("Across the city there are some 600
    FinTech firms", "In Hong Kong, 60 per cent of start-ups ..."): no one else named between it
    and the figure, nothing but a preposition before it. Its figure is the city's."""
    for m in mentions:
        if m.start < lo or m.end > f_start:
            continue
        if m.kind != "territory" or m.role != "prep":
            return None  # (someone named first: theirs, or the clause's subject)
        words = _WORD.findall(text, lo, m.start)
        if len(words) > 2:  # (a preposition, "all over": no clause before it)
            return None
        if any(o.start >= m.end and o.end <= f_start for o in mentions):
            return None
        return m
    return None


def figure_between(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] holds a number, in digits or in words."""
    if any(c.isdigit() for c in text[a:b]):
        return True
    return any(w.lower() in NUMBER_WORD_SET for w in _WORD.findall(text, a, b))


def reported_by_tracked(text: str, after: int, ms: list[Mention]) -> bool:
    """A closing report clause names the tracked organisation: '..., the park said.'"""
    for m in ms:
        if (
            m.start >= after
            and m.tracked
            and m.kind in ("name", "place_word")
            and _REPORT_AFTER.match(text, m.end)
            and _REPORT_BEFORE.search(text, max(0, m.start - 8), m.start)
        ):
            return True
    return False


_REPORT_BEFORE = re.compile(r",\s*(?:the\s+)?$", re.IGNORECASE)
_REPORT_AFTER = re.compile(
    r"\s+(?:said|says|stated|reported|announced|noted|added)\s*[.,;!]", re.IGNORECASE
)
