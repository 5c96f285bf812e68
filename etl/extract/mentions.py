"""Names of organisations and places in a sentence, and the role each plays there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from etl.config import ExtractConfig
from etl.extract.common_words import names_no_one
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import classify
from etl.extract.name_patterns import Patterns, cached_patterns, key_hits, matches_at
from etl.extract.number_words import NUMBER_WORD_SET


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
    # A description of a cluster ("the Web3 cluster"): any organisation may have one, while
    # only a place may be "the hub" or "the park".
    cluster: bool = False


_OPENING = 6  # characters a clause's opening possessor may stand after its start ("the ")


def possessor_opens(mentions: list[Mention], start: int, end: int) -> bool:
    """Whether the clause from `start` to a figure at `end` opens with someone else's
    possessive ("Saudi Arabia's central bank reported 147 ..."): its subject is theirs."""
    return any(
        start <= m.start <= start + _OPENING
        and m.end <= end
        and m.role == "possessive"
        and not m.tracked
        for m in mentions
    )


def find_mentions(text: str, start: int, end: int, config: ExtractConfig) -> list[Mention]:
    """Non-overlapping names in text[start:end], longest first, tracked names winning ties."""
    p = cached_patterns(config)
    hits = key_hits(p, text, start, end)
    firsts = p.firsts
    # The word lists that may match: those with a key word in the text (or with no key words).
    live = p.lists if hits is None else p.keyless.union(*map(p.key_lists.__getitem__, hits.words))

    def scan(name: str) -> Iterator[re.Match[str]]:
        """The pattern's matches, as `finditer` gives them, found by the words they need."""
        pattern = getattr(p, name)
        first = firsts.get(name)
        if hits is None or first is None:
            return pattern.finditer(text, start, end)
        return matches_at(pattern, text, hits.positions(first), end)

    raw: list[tuple[int, int, int, str | None, bool, str]] = []  # start, end, rank, ...
    clusters: set[int] = set()  # starts of the descriptions of a cluster
    shouting = _shouting(text, start, end)
    if shouting:  # "CYBERPORT COMMUNITY TOPS 1,700 COS": its tracked names, in capitals
        for m in _any_case(p.tracked.pattern).finditer(text, start, end):
            raw.append((m.start(), m.end(), 0, config.name, True, "name"))
    if "tracked" in live:
        for m in scan("tracked"):
            if _describes_another(text, m.start(), m.end(), start, p):
                raw.append((m.start(), m.end(), 0, None, False, "name"))  # "a Cyberport member"
            else:
                raw.append((m.start(), m.end(), 0, config.name, True, "name"))
    if "place_word" in live:
        for m in scan("place_word"):
            if _cluster_aside(text, m, start, p):
                continue  # "one of the cluster's names", "start-ups in the cluster": no owner
            run_by = _operator_after(text, m.end(), end)
            if run_by is not None and not p.tracked.search(run_by):
                raw.append((m.start(), m.end(), 1, None, False, "name"))  # "The park, run by
                continue  # HKSTP, houses more than 500 companies": another's place
            kind = "name" if p.tracked.search(m.group()) else "place_word"  # "the Cyberport ..."
            raw.append((m.start(), m.end(), 0, config.name, True, kind))
    if "described" in live:
        for m in scan("described"):
            known = p.known_name(_strip_the(m.group()))
            if known is not None:  # "the science park": Science Park, in lower case
                raw.append((m.start(), m.end(), 1, known, False, "name"))
                continue
            located = described_owner(m.group("mods"), p)  # "the Pok Fu Lam hub": theirs
            if not located and not _describes_own(m.group("mods"), m.group()):
                continue  # "the robotics cluster": a cluster no metric counts
            entity, tracked = located or (config.name, True)
            kind = "name" if located else "place_word"  # (else whichever the text is about)
            if m.group().split()[-1].lower() in _cluster_heads():
                clusters.add(m.start())
            raw.append((m.start(), m.end(), 0 if tracked else 1, entity, tracked, kind))
    if "community" in live:
        for m in scan("community"):
            if _bare_community(text, m.start(), start):
                raw.append((m.start(), m.end(), 0, config.name, True, "place_word"))
    if "known" in live:
        for m in scan("known"):
            name = p.known_name(m.group()) or m.group()  # "Science  Park"
            raw.append((m.start(), m.end(), 1, name, False, "name"))
    if "generic" in live:
        for m in scan("generic"):
            a, name = _trim_leading(m.start(), m.group())
            tracked = bool(p.tracked.search(name))
            entity = config.name if tracked else clean_name(name)
            raw.append((a, m.end(), 2, entity, tracked, "name"))
    if not shouting and _CAPS.search(text, start, end):
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
            if (held := _ITS_COMMUNITY.match(text, m.start(), end)) is not None:
                # "Paxio brings to three the unicorns in its community": a community's holder
                raw.append((m.start(), held.end(), 5, config.name, True, "place_word"))
                continue
            raw.append((m.start(), m.end(), 5, None, False, _person_kind(m.group())))
    if "proper_subject" in live:
        # A match ends with its verb: no need to read past the last one (nor to look for one
        # when the text has none), one character on for the closing word boundary.
        verbs = p.keys["proper_subject"]
        reach = end if hits is None or verbs is None else hits.reach(verbs)
        for m in p.proper_subject.finditer(text, start, min(end, reach + 1)):
            a, name = _trim_leading(m.start(1), m.group(1))
            if name and not names_no_one(text, a, name, start, end):
                raw.append((a, m.end(1), 6, name, False, "name"))
    if not raw:
        return []
    if len(raw) > 1:
        raw.sort(key=_raw_order)
        raw = _longest_first(raw)
    out: list[Mention] = []
    taken_end = -1
    for a, b, _, entity, tracked, kind in raw:
        if a < taken_end:
            continue
        taken_end = b
        if _currency_tail().match(text, b):
            continue  # "Hong Kong dollars": a currency, no one's name
        r = role(text, a, b, start, p)
        out.append(Mention(a, b, entity, tracked, kind, r, a in clusters))
    return out


@cache
def _currency_tail() -> re.Pattern[str]:
    """The last word of a currency named after a place ("dollars" of "Hong Kong dollars")."""
    names = [n for c in lexicon()["currencies"].values() for n in c["after"] if " " in n]
    return re.compile(rf"\s+(?:{phrases_re([n.split()[-1] for n in names])})\b", re.IGNORECASE)


def described_owner(mods: str, p: Patterns) -> tuple[str, bool] | None:
    """The organisation (and whether it is tracked) whose location the words describing a
    place or cluster name ("the Sha Tin park"), if they name one."""
    low = " ".join(mods.lower().split())
    return next((owner for place, owner in p.locations.items() if place in low), None)


@lru_cache(maxsize=1024)
@cache
def _cluster_heads() -> frozenset[str]:
    return frozenset(lexicon()["organisations"]["described_clusters"])


@cache
def _ranked() -> re.Pattern[str]:
    """Words that describe a cluster by its rank (lexicon: ranked_cluster)."""
    return re.compile(lexicon()["organisations"]["ranked_cluster"], re.IGNORECASE)


def _describes_own(mods: str, phrase: str) -> bool:
    """Whether a description may be of the tracked organisation's own: a place ("the
    waterfront campus"), or a cluster that a metric counts ("the e-sports cluster")."""
    clusters = lexicon()["organisations"]["described_clusters"]
    if phrase.split()[-1].lower() not in clusters:
        return mods == mods.lower()  # "the GBA hub" is no campus of the organisation's
    if _ranked().fullmatch(mods.strip()):
        return True  # "FinTech remains the largest cluster": one of its clusters, by rank
    fig = lexicon()["figures"]
    found = classify(f"{mods} {fig['set_noun']}", "", "", "count", 1.0)
    return found is not None and found.metric not in fig["partitive_generic_metrics"]


def _operator_after(text: str, pos: int, end: int) -> str | None:
    """The words of an aside right after a place word that say who runs it (", run by the Hong
    Kong Science and Technology Parks Corporation (HKSTP),"), if there is one."""
    m = _operator_re().match(text, pos, end)
    return m.group(1) if m else None


@cache
def _operator_re() -> re.Pattern[str]:
    words = phrases_re(lexicon()["organisations"]["place_operators"])
    return re.compile(rf",\s+(?:{words})\s+([^,;.]{{2,120}})", re.IGNORECASE)


def _cluster_aside(text: str, m: re.Match[str], start: int, p: Patterns) -> bool:
    """A place word for a cluster ("the cluster") said as a possessive or after a preposition:
    it owns none of the figures around it ("Among the cluster's members, X ...")."""
    clusters = lexicon()["organisations"]["described_clusters"]
    if m.group().split()[-1].lower() not in clusters:
        return False
    return text.startswith(("'s", "’s"), m.end()) or bool(
        p.prep_before.search(text, max(start, m.start() - 20), m.start())
    )


def _raw_order(r: tuple) -> tuple[int, int, int]:
    return r[0], r[0] - r[1], r[2]


_CAPS = re.compile(r"[A-Z][A-Z&]{2}")  # what every acronym begins with
_SHOUTING_WORDS = 4  # a line of this many words in capitals only is a headline, not acronyms


def _shouting(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is written in capitals throughout (a wire's headline)."""
    if _ASCII_LOWER.search(text, start, end):
        return False  # (the quick test: most sentences have a lower-case letter at once)
    part = text[start:end]
    return not any(c.islower() for c in part) and len(_CAPS_WORD.findall(part)) >= _SHOUTING_WORDS


_ASCII_LOWER = re.compile(r"[a-z]")


_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")


@lru_cache(maxsize=8)
def _any_case(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _longest_first(raw: list) -> list:
    """Drop any name that sits inside a longer one (or an equal one of better rank).

    `raw` is in `_raw_order`, so a name's containers all come before it: those that start
    earlier (and reach as far), and those with the same start that are longer or rank better.
    """
    keep = []
    reach = -1  # the furthest end of the names that start before the current start
    group_start, group_end, group = -1, -1, []  # the current start, the furthest end of its
    for r in raw:  # names so far, and their (end, rank)
        a, b, rank = r[0], r[1], r[2]
        if a != group_start:
            reach = max(reach, group_end)
            group_start, group_end, group = a, -1, []
        inside = reach >= b
        if not inside:  # (loops, not any() over a generator: this runs for every sentence)
            for e, k in group:
                if e > b or (e == b and k < rank):
                    inside = True
                    break
        group.append((b, rank))
        group_end = max(group_end, b)
        if not inside:
            keep.append(r)
    return keep


_ITS_COMMUNITY = re.compile(r"(?:its|their)\s+community\b", re.IGNORECASE)


@cache
def _leading() -> frozenset[str]:
    """Capitalised words that open a sentence or clause but never start a name (lexicon)."""
    return frozenset(w.lower() for w in lexicon()["organisations"]["not_name_openers"])


def _person_kind(word: str) -> str:
    return "pronoun" if word.lower() in _continuing() else "first_person"


@cache
def _continuing() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["attribution"]["continuing"])


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
    while words and words[0].lower() in _leading():
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
    # "Seven community companies", "42 community companies"
    return word[0].islower() or word[0].isdigit() or word.lower() in NUMBER_WORD_SET


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


_ONE_OF_MANY = re.compile(r"\b(?:a|an|one|one\s+of\s+the|another)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]{1,2}s\b")
_OF_AT_END_REVERSED = re.compile(r"\s+(?:eht\s+)?(?:fo|ta)\s")


def role(text: str, a: int, b: int, floor: int, p: Patterns) -> str:
    if _POSSESSIVE.match(text, b, b + 4):
        return "possessive"
    before = text[max(floor, a - 80) : a]
    backwards = before[::-1]  # both cues end right before the name: match them from there
    if _OF_AT_END_REVERSED.match(backwards) and p.title_before.search(before):
        return "title"
    if p.prep_reversed.match(backwards):
        return "prep"
    return "subject"


_DATELINE_AFTER = re.compile(r"\s*,[^.;:!?\n–—]{0,40}?\d[^.;:!?\n–—]{0,40}?(?:[–—]|\s-{1,2}\s)")


def is_dateline_place(text: str, s_start: int, m: Mention) -> bool:
    """Whether mention `m` is the place of a dateline opening its sentence ("HONG KONG, 14
    Sept 2022 -"): where the text was written, nobody's subject."""
    return (
        m.kind in ("territory", "place")
        and not text[s_start : m.start].strip(" \t*_#>")
        and _DATELINE_AFTER.match(text, m.end) is not None
    )


def in_brackets(text: str, pos: int) -> bool:
    """Whether `pos` is inside brackets opened on its line ("(TechWire Asia)")."""
    line = text.rfind("\n", 0, pos) + 1
    return text.rfind("(", line, pos) > text.rfind(")", line, pos)
