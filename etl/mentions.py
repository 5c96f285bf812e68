"""Names of organisations and places in a sentence, and the role each plays there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from etl.config import ExtractConfig
from etl.lexicon import key_words, lexicon, phrases_re, reversed_phrases_re, safe_lower

# Capitalised words that open a sentence or clause but never start a name.
_LEADING = frozenset(
    [
        "at",
        "in",
        "on",
        "the",
        "during",
        "as",
        "with",
        "for",
        "by",
        "from",
        "over",
        "following",
        "after",
        "before",
        "under",
        "since",
        "when",
        "while",
        "and",
        "but",
        "currently",
        "today",
        "recently",
        "meanwhile",
        "also",
        "besides",
        "according",
        "its",
        "our",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "a",
        "an",
        "it",
        "we",
        "they",
        "both",
        "all",
        "each",
        "some",
        "many",
        "most",
    ]
)


class Mention(NamedTuple):
    """A name in the text: who it stands for and the part it plays in its sentence.

    A named tuple, not a frozen dataclass: as immutable, and far cheaper to make.
    """

    start: int
    end: int
    entity: str | None  # None: someone we cannot name ("we" of an unknown speaker)
    tracked: bool
    kind: str  # name, place_word ("the park"), territory, place, first_person, pronoun
    role: str = "subject"  # subject, prep, title, possessive


@dataclass(frozen=True)
class Patterns:
    """Compiled name patterns for one tracked configuration."""

    tracked: re.Pattern[str]
    place_word: re.Pattern[str]
    known: re.Pattern[str]
    known_names: dict[str, str]  # lower-case alias -> canonical name
    generic: re.Pattern[str]
    acronym: re.Pattern[str]
    definite: re.Pattern[str]
    territory: re.Pattern[str]
    place: re.Pattern[str]
    person: re.Pattern[str]
    community: re.Pattern[str]
    proper_subject: re.Pattern[str]
    title_before: re.Pattern[str]
    prep_before: re.Pattern[str]
    descriptor: re.Pattern[str]
    # Whole words (lower case) without one of which a pattern cannot match; None: no such set.
    keys: dict[str, frozenset[str] | None] = field(default_factory=dict)
    # For the word lists: the words a match can start with (it is tried only where they are).
    firsts: dict[str, frozenset[str] | None] = field(default_factory=dict)
    prep_reversed: re.Pattern[str] | None = None  # prep_before, on the text read backwards
    not_acronyms: frozenset[str] = frozenset()
    tracked_words: re.Pattern[str] | None = None  # see `tracked_words`
    # From `keys`: the lists with no key words, every key word, and the lists each one is for.
    keyless: frozenset[str] = frozenset()
    lists: frozenset[str] = frozenset()  # the names of all the word lists
    key_union: frozenset[str] = frozenset()
    lists_of: dict[str, frozenset[str]] = field(default_factory=dict)
    key_words: re.Pattern[str] = re.compile(r"(?!x)x")  # any key or first word, lower case


@cache
def patterns(config: ExtractConfig) -> Patterns:
    """Patterns for the tracked names in `config` and the lexicon's other names."""
    lex = lexicon()
    org, att = lex["organisations"], lex["attribution"]
    tracked_lower = {a.lower() for a in config.aliases}
    tracked_names = list(config.aliases)
    known_names: dict[str, str] = {}
    for group in org["known"]:
        if any(g.lower() in tracked_lower for g in group):
            tracked_names.extend(group)
        else:
            known_names.update({g.lower(): group[0] for g in group})
    cap = r"[A-Z][\w&'’-]*(?:\.(?=\w)[\w]*)*"
    link = r"(?:of|and|for|&|the|on|de|in)"
    suffix = "|".join(re.escape(s) for s in org["suffixes"])
    legal = r"(?:\s+Co\.?,?\s*Ltd\.?|\s+Co\.,?\s*Limited|,?\s+Limited|,?\s+Ltd\.?|,?\s+Inc\.?)?"
    titles = phrases_re(att["titles"], ignore_case=False)
    preps = phrases_re(att["prepositions"])
    verbs = phrases_re(att["subject_verbs"], ignore_case=False)

    def words(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
        alternation = phrases_re(phrases, ignore_case=bool(flags & re.IGNORECASE))
        return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", flags)

    lists = {
        "tracked": tracked_names,
        "place_word": list(config.place_words),
        "known": list(known_names),
        "definite": org["other_definites"],
        "territory": org["territory"],
        "place": org["places"],
        "person": att["first_person"] + att["continuing"],
        "community": ["community"],
    }
    legal_words = ["Limited", "Ltd", "Inc", "Co", "LLC", "GmbH", "PLC", "Corp"]
    keys = {name: key_words(phrases) for name, phrases in lists.items()}
    keys["generic"] = key_words([*org["suffixes"], *legal_words])
    keys["proper_subject"] = key_words(att["subject_verbs"])
    firsts = {name: key_words(phrases, first=True) for name, phrases in lists.items()}
    lists_of: dict[str, set[str]] = {}
    for name, words_ in keys.items():
        for w in words_ or ():
            lists_of.setdefault(w, set()).add(name)
    return Patterns(
        keys=keys,
        tracked_words=_tracked_words(keys),
        keyless=frozenset(name for name, words_ in keys.items() if words_ is None),
        lists=frozenset(keys),
        key_union=frozenset(lists_of),
        lists_of={w: frozenset(names) for w, names in lists_of.items()},
        key_words=_whole_words(set(lists_of).union(*(w for w in firsts.values() if w))),
        firsts=firsts,
        prep_reversed=re.compile(
            rf"\s+(?:eht\s+|a\s+|na\s+)?(?:{reversed_phrases_re(att['prepositions'])})\b",
            re.IGNORECASE,
        ),
        not_acronyms=frozenset(org["not_acronyms"]),
        tracked=words(tracked_names),
        place_word=words(list(config.place_words)) if config.place_words else re.compile("(?!x)x"),
        known=words(list(known_names)) if known_names else re.compile(r"(?!x)x"),
        known_names=known_names,
        generic=re.compile(
            rf"\b(?:{cap}[ \t]+(?:{link}[ \t]+)*|{cap}-)+(?:(?:{suffix})\b{legal}(?!-)"
            rf"|(?:Limited|Ltd\.?|Inc\.?|Co\.,?\s*Ltd\.?|LLC|GmbH|PLC|Corp\.)(?![\w-]))"
        ),
        descriptor=re.compile(
            rf"\s+(?:{phrases_re(att['member_nouns'])})(?:s\b|\b)(?:\s*,|\s+[A-Z])",
            re.IGNORECASE,
        ),
        acronym=re.compile(r"(?<![\w-])[A-Z][A-Z&]{2,}s?(?![\w-])"),
        definite=words(org["other_definites"]),
        territory=words(org["territory"]),
        place=words(org["places"]),
        person=words(
            [w for x in att["first_person"] + att["continuing"] for w in (x, x.capitalize())], 0
        ),
        community=re.compile(
            rf"(?<![\w'’-])community"
            rf"(?=\s+(?:{phrases_re(att['community_members'])})(?![\w-]))",
            re.IGNORECASE,
        ),
        proper_subject=re.compile(rf"\b({cap}(?:[ \t]+{cap})*)[ \t]+(?:{verbs})\b"),
        title_before=re.compile(
            rf"\b(?:{titles})\b(?:[\s,]+(?:for|and|of|&)?\s*{cap})*\s*,?\s+(?:of|at)\s+(?:the\s+)?$"
        ),
        prep_before=re.compile(rf"\b(?:{preps})\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE),
    )


def tracked_words(config: ExtractConfig) -> re.Pattern[str] | None:
    """The words (lower case) a text needs for any of its names to lead to the tracked organisation.

    A tracked name, a place word ("the park"), "community", "we"/"our" (a tracked speaker's)
    and "it"/"its" (a pronoun that continues a tracked subject): in lower-cased text with none
    of these words, no name stands for the tracked organisation. None when some such name
    needs no whole ASCII word (then no text can be ruled out).
    """
    return _patterns(config).tracked_words


def _tracked_words(keys: dict[str, frozenset[str] | None]) -> re.Pattern[str] | None:
    needs = [keys.get(name) for name in ("tracked", "place_word", "community", "person")]
    if any(k is None for k in needs):
        return None
    return _whole_words(set().union(*needs))


def _whole_words(words: set[str]) -> re.Pattern[str]:
    """Any of `words` (lower case, plain ASCII) as a whole word of lower-cased text."""
    return re.compile(rf"\b(?:{phrases_re(sorted(words))})\b") if words else re.compile(r"(?!x)x")


def find_mentions(text: str, start: int, end: int, config: ExtractConfig) -> list[Mention]:
    """Non-overlapping names in text[start:end], longest first, tracked names winning ties."""
    p = _patterns(config)
    hits = _key_hits(p, text, start, end)
    firsts = p.firsts
    # The word lists that may match: those with a key word in the text (or with no key words).
    live = (
        p.lists if hits is None else p.keyless.union(*(p.lists_of.get(w, ()) for w in hits.words))
    )

    def scan(name: str) -> Iterator[re.Match[str]]:
        """The pattern's matches, as `finditer` gives them, found by the words they need."""
        pattern = getattr(p, name)
        first = firsts.get(name)
        if hits is None or first is None:
            return pattern.finditer(text, start, end)
        return _matches_at(pattern, text, hits.positions(first), end)

    raw: list[tuple[int, int, int, str | None, bool, str]] = []  # start, end, rank, ...
    if "tracked" in live:
        for m in scan("tracked"):
            if _describes_another(text, m.start(), m.end(), start, p):
                raw.append((m.start(), m.end(), 0, None, False, "name"))  # "a Cyberport member"
            else:
                raw.append((m.start(), m.end(), 0, config.name, True, "name"))
    if "place_word" in live:
        for m in scan("place_word"):
            kind = "name" if p.tracked.search(m.group()) else "place_word"  # "the Cyberport ..."
            raw.append((m.start(), m.end(), 0, config.name, True, kind))
    if "community" in live:
        for m in scan("community"):
            if _bare_community(text, m.start(), start):
                raw.append((m.start(), m.end(), 0, config.name, True, "place_word"))
    if "known" in live:
        for m in scan("known"):
            name = p.known_names[" ".join(m.group().lower().split())]  # "Science  Park"
            raw.append((m.start(), m.end(), 1, name, False, "name"))
    if "generic" in live:
        for m in scan("generic"):
            a, name = _trim_leading(m.start(), m.group())
            tracked = bool(p.tracked.search(name))
            entity = config.name if tracked else clean_name(name)
            raw.append((a, m.end(), 2, entity, tracked, "name"))
    if _CAPS.search(text, start, end):
        not_acr = p.not_acronyms
        for m in p.acronym.finditer(text, start, end):
            if m.group() not in not_acr and m.group().rstrip("s") not in not_acr:
                raw.append((m.start(), m.end(), 3, m.group(), False, "name"))
    if "definite" in live:
        for m in scan("definite"):
            raw.append((m.start(), m.end(), 3, None, False, "name"))
    if "territory" in live:
        territory_name = lexicon()["organisations"]["territory_name"]
        for m in scan("territory"):
            raw.append((m.start(), m.end(), 4, territory_name, False, "territory"))
    if "place" in live:
        for m in scan("place"):
            raw.append((m.start(), m.end(), 4, _strip_the(m.group()), False, "place"))
    if "person" in live:
        for m in scan("person"):
            raw.append((m.start(), m.end(), 5, None, False, _person_kind(m.group())))
    if "proper_subject" in live:
        # A match ends with its verb: no need to read past the last one (nor to look for one
        # when the text has none), one character on for the closing word boundary.
        verbs = p.keys["proper_subject"]
        reach = end if hits is None or verbs is None else hits.reach(verbs)
        for m in p.proper_subject.finditer(text, start, min(end, reach + 1)):
            a, name = _trim_leading(m.start(1), m.group(1))
            if name:
                raw.append((a, m.end(1), 6, name, False, "name"))
    if not raw:
        return []
    raw.sort(key=_raw_order)
    out: list[Mention] = []
    taken_end = -1
    for a, b, _, entity, tracked, kind in _longest_first(raw):
        if a < taken_end:
            continue
        taken_end = b
        out.append(Mention(a, b, entity, tracked, kind, _role(text, a, b, start, p)))
    return out


class _KeyHits:
    """The key and first words of the word lists in a lower-cased text, and where they stand."""

    def __init__(self, low: str, start: int, pattern: re.Pattern[str]) -> None:
        self.low, self.start = low, start
        self.words = frozenset(pattern.findall(low))

    def positions(self, words: frozenset[str]) -> list[int]:
        """Where any of `words` stands as a whole word (text offsets, in order)."""
        found = self.words & words
        if not found:
            return []
        low, out = self.low, []
        for word in found:
            n, i = len(word), low.find(word)
            while i >= 0:
                if _whole(low, i, i + n):
                    out.append(self.start + i)
                i = low.find(word, i + 1)
        if len(found) > 1:
            out.sort()
        return out

    def reach(self, words: frozenset[str]) -> int:
        """Where the last whole-word `words` ends (a text offset; the start when none does)."""
        low, best = self.low, 0
        for word in self.words & words:
            n, i = len(word), low.rfind(word)
            while i >= 0:
                if _whole(low, i, i + n):
                    best = max(best, i + n)
                    break
                i = low.rfind(word, 0, i + n - 1)
        return self.start + best


def _key_hits(p: Patterns, text: str, start: int, end: int) -> _KeyHits | None:
    """The key and first words in text[start:end] (see `_KeyHits`); None when lower-casing
    cannot stand for the patterns' case-insensitive matching (`safe_lower`)."""
    low = safe_lower(text[start:end])
    return None if low is None else _KeyHits(low, start, p.key_words)


def _whole(low: str, i: int, j: int) -> bool:
    """Whether low[i:j] is a whole word: no word character right before or after it."""
    return not (i and _is_word_char(low[i - 1])) and not (j < len(low) and _is_word_char(low[j]))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _raw_order(r: tuple) -> tuple[int, int, int]:
    return r[0], r[0] - r[1], r[2]


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int], end: int
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, ..., end)` when matches can only begin at `starts` (in order)."""
    taken = -1
    for pos in starts:
        if pos >= taken:
            m = pattern.match(text, pos, end)
            if m:
                taken = m.end()
                yield m


_CAPS = re.compile(r"[A-Z][A-Z&]{2}")  # what every acronym begins with
_LAST: list = [None, None]  # the configuration last asked for and its patterns


def _patterns(config: ExtractConfig) -> Patterns:
    """`patterns(config)`, without hashing the configuration again for every sentence."""
    if _LAST[0] is not config:
        _LAST[:] = [config, patterns(config)]
    return _LAST[1]


def _longest_first(raw: list) -> list:
    """Drop any name that sits inside a longer one (or an equal one of better rank).

    `raw` is in `_raw_order`, so a name's containers all come before it: those that start
    earlier (and reach as far), and those with the same start that are longer or rank better.
    """
    keep = []
    reach = -1  # the furthest end of the names that start before the current start
    group_start, group = -1, []  # the current start, and the (end, rank) of its names so far
    for r in raw:
        a, b, rank = r[0], r[1], r[2]
        if a != group_start:
            reach = max(reach, *(e for e, _ in group)) if group else reach
            group_start, group = a, []
        inside = reach >= b or any(e > b or (e == b and k < rank) for e, k in group)
        group.append((b, rank))
        if not inside:
            keep.append(r)
    return keep


def _beats(o: tuple, r: tuple) -> bool:
    lo, lr = o[1] - o[0], r[1] - r[0]
    return lo > lr or (lo == lr and o[2] < r[2])


def _person_kind(word: str) -> str:
    return "pronoun" if word.lower() in ("it", "its") else "first_person"


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Co\.?,?|Ltd\.?|Limited|Inc\.?|Company\s+Limited))+\s*$")


def clean_name(name: str) -> str:
    """A name without its legal form ('Dark Horse Group Co., Ltd.' -> 'Dark Horse Group')."""
    name = _LEGAL_FORM.sub("", name)
    return _strip_the(name.strip(" ,"))


def _trim_leading(start: int, name: str) -> tuple[int, str]:
    """Drop opening words from a capitalised run ('At the Global Forum' -> 'Global Forum')."""
    words = name.split(" ")
    while words and words[0].lower() in _LEADING:
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


_WORD_BEFORE = re.compile(r"([\w'’.-]+)\s+$")


def _bare_community(text: str, a: int, floor: int) -> bool:
    """'community firms' with nothing naming whose: not after a name or a possessive."""
    m = _WORD_BEFORE.search(text, max(floor, a - 40), a)
    if m is None:
        return True
    word = m.group(1)
    if word.lower() in _community_owners() or word.endswith(("'s", "’s", "s'", "s’")):
        return False
    return word[0].islower()


@cache
def _community_owners() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["attribution"]["community_owners"])


def _describes_another(text: str, a: int, b: int, floor: int, p: Patterns) -> bool:
    """'a Cyberport incubatee,' / 'Cyberport start-up Alpha': a member, not the organisation."""
    m = p.descriptor.match(text, b)
    if not m:
        return False
    if m.group().rstrip()[-1:].isupper():
        return True  # "Cyberport start-up Alpha Robotics"
    before = text[max(floor, a - 24) : a]
    return bool(_ONE_OF_MANY.search(before))


_ONE_OF_MANY = re.compile(r"\b(?:a|an|one\s+of\s+the|another)\s+(?:[\w-]+\s+)?$")
_POSSESSIVE = re.compile(r"\s*['’]{1,2}s\b")
_OF_AT_END_REVERSED = re.compile(r"\s+(?:eht\s+)?(?:fo|ta)\s")


def _role(text: str, a: int, b: int, floor: int, p: Patterns) -> str:
    before = text[max(floor, a - 80) : a]
    if _POSSESSIVE.match(text, b, b + 4):
        return "possessive"
    backwards = before[::-1]  # both cues end right before the name: match them from there
    if _OF_AT_END_REVERSED.match(backwards) and p.title_before.search(before):
        return "title"
    if p.prep_reversed.match(backwards):
        return "prep"
    return "subject"
