"""The compiled name patterns of a tracked configuration, and the quick word tests before them.

`find_mentions` (etl/extract/mentions.py) tries a word list's pattern only where one of its words
stands in the text; the words are found here, in one search of the lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from etl.config import ExtractConfig
from etl.extract.lexicon import (
    is_word_char,
    key_words,
    lexicon,
    phrases_re,
    reversed_phrases_re,
    safe_lower,
)


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
    # "the Pok Fu Lam hub", "the digital entertainment and e-sports cluster": a description
    # of a place or cluster with words before its noun (group "mods"); see `described_owner`.
    described: re.Pattern[str]
    locations: dict[str, tuple[str, bool]]  # lower-case place -> (organisation, tracked)
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
    # From `keys`: the lists with no key words, and the lists each key word is for.
    keyless: frozenset[str] = frozenset()
    lists: frozenset[str] = frozenset()  # the names of all the word lists
    lists_of: dict[str, frozenset[str]] = field(default_factory=dict)
    key_words: re.Pattern[str] = re.compile(r"(?!x)x")  # any key or first word, lower case
    # The words `key_words` finds, when each is a run of ASCII word characters (so that in an
    # ASCII text they can be looked up among its runs of word characters); else None.
    key_set: frozenset[str] | None = None
    # `lists_of` for every word `key_words` finds (a first word only: no list).
    key_lists: dict[str, frozenset[str]] = field(default_factory=dict)

    def known_name(self, words: str) -> str | None:
        """The canonical name of a known organisation `words` write, case and spacing aside
        ("Science  Park", "the science park" without its article)."""
        return self.known_names.get(" ".join(words.lower().split()))


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
    cap_rest = r"[\w&'’-]*(?:\.(?=\w)[\w]*)*"
    cap = rf"[A-Z]{cap_rest}"
    link = r"(?:of|and|for|&|the|on|de|in)"
    # (but "and the" joins two names: "the X Programme and the Y Fund")
    one_link = rf"(?!and[ \t]+the\b){link}"
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
    heads = org["described_heads"]
    keys["described"] = frozenset(h.lower() for h in heads)
    locations: dict[str, tuple[str, bool]] = {}
    for name, *places in org["locations"]:
        tracked = name.lower() in {t.lower() for t in tracked_names}
        owner = config.name if tracked else known_names.get(name.lower(), name)
        locations.update({pl.lower(): (owner, tracked) for pl in places})
    joiner = r"(?:(?:and|&)\s+)?"
    stops = phrases_re(org["described_stops"])
    places = [pl for _, *pls in org["locations"] for pl in pls]
    # A word of description is lower case, a place where organisations are, or a technical
    # term shaped as one ("Web3", "FinTech", "AI"; see `_describes_own` for whose it may be).
    # A possessor is no word of description: "the hub's FinTech cluster" is the hub's.
    term = r"[A-Z][\w'’-]*?(?:\d|[A-Z])[\w'’-]*(?<!['’]s)"
    modifier = (
        rf"(?:(?!(?:{stops})\b)[a-z][\w'’-]*(?<!['’]s)"
        rf"|{phrases_re(places, ignore_case=False)}|{term})"
    )
    firsts = {name: key_words(phrases, first=True) for name, phrases in lists.items()}
    firsts["described"] = None
    lists_of: dict[str, set[str]] = {}
    for name, words_ in keys.items():
        for w in words_ or ():
            lists_of.setdefault(w, set()).add(name)
    all_keys = set(lists_of).union(*(w for w in firsts.values() if w))
    return Patterns(
        keys=keys,
        tracked_words=_tracked_words(keys),
        keyless=frozenset(name for name, words_ in keys.items() if words_ is None),
        lists=frozenset(keys),
        lists_of={w: frozenset(names) for w, names in lists_of.items()},
        key_words=_whole_words(all_keys),
        key_set=_word_set(all_keys),
        key_lists={w: frozenset(lists_of.get(w, ())) for w in all_keys},
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
        # (Its first word's capital, then "\b" before it as a look-behind, as for `acronym`.)
        generic=re.compile(
            rf"[A-Z](?<!\w[A-Z])(?:{cap_rest}[ \t]+(?:{one_link}[ \t]+)*|{cap_rest}-)"
            rf"(?:{cap}[ \t]+(?:{one_link}[ \t]+)*|{cap}-)*(?:(?:{suffix})\b{legal}(?!-)"
            rf"|(?:Limited|Ltd\.?|Inc\.?|Co\.,?\s*Ltd\.?|LLC|GmbH|PLC|Corp\.)(?![\w-]))"
        ),
        # ("a Cyberport incubatee, ...", "Cyberport start-up Alpha"; not "a wider Cyberport
        # community of 2,300": the set itself)
        descriptor=re.compile(
            rf"\s+(?:{phrases_re(att['member_nouns'])})(?:s\b|\b)(?:\s*,|\s+(?!of\b)[A-Z])",
            re.IGNORECASE,
        ),
        # (Each pattern that opens with a look-behind and then a capital opens with the capital
        # instead, the look-behind after it, so that the engine skips to capitals.)
        acronym=re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z&]{2,}s?(?![\w-])"),
        definite=words(org["other_definites"]),
        territory=words(org["territory"]),
        place=words(org["places"]),
        person=words(
            [w for x in att["first_person"] + att["continuing"] for w in (x, x.capitalize())], 0
        ),
        community=re.compile(
            rf"(?<![\w'’-])community"
            rf"(?=\s+(?:{phrases_re([*att['community_members'], *att['community_verbs']])})"
            rf"(?![\w-]))",
            re.IGNORECASE,
        ),
        proper_subject=re.compile(
            rf"([A-Z](?<!\w[A-Z]){cap_rest}(?:[ \t]+{cap})*)[ \t]+(?:{verbs})\b"
        ),
        described=re.compile(
            rf"[Tt](?<![\w-][Tt])he\s+(?P<mods>(?:{modifier}\s+{joiner}){{1,4}}?)"
            rf"(?:{phrases_re(heads)})(?![\w-])"
        ),
        locations=locations,
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
    return cached_patterns(config).tracked_words


def _tracked_words(keys: dict[str, frozenset[str] | None]) -> re.Pattern[str] | None:
    needs = [
        keys.get(name) for name in ("tracked", "place_word", "community", "person", "described")
    ]
    if any(k is None for k in needs):
        return None
    return _whole_words(set().union(*needs))


def _whole_words(words: set[str]) -> re.Pattern[str]:
    """Any of `words` (lower case, plain ASCII) as a whole word of lower-cased text.

    It opens by looking ahead for one of the words' first letters, which lets the regular
    expression engine skip to the places where one may start (a leading `\\b` does not)."""
    if not words:
        return re.compile(r"(?!x)x")
    alts = phrases_re(sorted(words))
    # What each alternative of `phrases_re` opens with: its phrase's first letter after white
    # space, lower-cased as `phrases_re` lower-cases plain ASCII phrases.
    ascii_ = all(w.isascii() for w in words)
    firsts = {(w.lower() if ascii_ else w).lstrip()[:1] for w in words}
    if "" in firsts:  # a blank word matches anywhere
        return re.compile(rf"\b(?:{alts})\b")
    return re.compile(rf"(?=[{''.join(map(re.escape, sorted(firsts)))}])\b(?:{alts})\b")


_LAST: list = [None, None]  # the configuration last asked for and its patterns


def cached_patterns(config: ExtractConfig) -> Patterns:
    """`patterns(config)`, without hashing the configuration again for every sentence."""
    if _LAST[0] is not config:
        _LAST[:] = [config, patterns(config)]
    return _LAST[1]


def _word_set(words: set[str]) -> frozenset[str] | None:
    """`words`, when each is a run of ASCII word characters (see `ascii_words`); else None."""
    return frozenset(words) if all(_ASCII_RUN.fullmatch(w) for w in words) else None


_ASCII_RUN = re.compile(r"[A-Za-z0-9_]+")
# Each byte that is no ASCII word character ("\\w": a letter, a digit or "_") as a space.
_NON_WORD_TO_SPACE = bytes(
    b if b < 128 and (chr(b).isalnum() or b == 95) else 32 for b in range(256)
)


def ascii_words(text: str) -> list[str] | None:
    """The runs of word characters of `text` (what `\\w+` finds), when it is plain ASCII;
    else None. One translation and split: far quicker than a regex over every position."""
    if not text.isascii():
        return None
    return text.encode().translate(_NON_WORD_TO_SPACE).decode().split()


class KeyHits:
    """The key and first words of the word lists in a lower-cased text, and where they stand."""

    def __init__(
        self, low: str, start: int, pattern: re.Pattern[str], keys: frozenset[str] | None = None
    ) -> None:
        self.low, self.start = low, start
        # A key word is a whole word (a run of word characters) of `low`, so when they and
        # the text are plain ASCII, the text's runs can be looked up among them instead.
        runs = ascii_words(low) if keys is not None else None
        self.words = frozenset(pattern.findall(low)) if runs is None else keys.intersection(runs)

    def positions(self, words: frozenset[str]) -> list[int]:
        """Where any of `words` stands as a whole word (text offsets, in order)."""
        found = self.words & words
        return whole_word_positions(self.low, found, self.start) if found else []

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


def whole_word_positions(low: str, words: frozenset[str], start: int = 0) -> list[int]:
    """Where any of `words` stands as a whole word in `low` (offsets plus `start`, in order)."""
    out: list[int] = []
    for word in words:
        n, i = len(word), low.find(word)
        while i >= 0:
            if _whole(low, i, i + n):
                out.append(start + i)
            i = low.find(word, i + 1)
    if len(words) > 1:
        out.sort()
    return out


def matches_at(
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


def tracked_names(text: str, config: ExtractConfig) -> Iterator[re.Match[str]]:
    """`patterns(config).tracked.finditer(text)`, tried only where a tracked name's first
    word stands (as `find_mentions` tries each word list's pattern)."""
    p = cached_patterns(config)
    first = p.firsts.get("tracked")
    low = safe_lower(text)
    if first is None or low is None:
        return p.tracked.finditer(text)
    return matches_at(p.tracked, text, whole_word_positions(low, first), len(text))


def key_hits(p: Patterns, text: str, start: int, end: int) -> KeyHits | None:
    """The key and first words in text[start:end] (see `KeyHits`); None when lower-casing
    cannot stand for the patterns' case-insensitive matching (`safe_lower`)."""
    low = safe_lower(text[start:end])
    return None if low is None else KeyHits(low, start, p.key_words, p.key_set)


def _whole(low: str, i: int, j: int) -> bool:
    """Whether low[i:j] is a whole word: no word character right before or after it."""
    return not (i and is_word_char(low[i - 1])) and not (j < len(low) and is_word_char(low[j]))
