"""The organisation a document is about, the others it names, and whose publication it is.

The main organisation is found by weighted votes: how often each organisation is named, the
title or first heading lines, the long lead paragraph, an About paragraph and the writer's
organisation; an About paragraph, or a title calling the text an organisation's own newsletter
or bulletin, makes that organisation its publisher (a "we" outside quotation marks is its own).
The weights and cue words come from etl/data/document.toml.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from etl.config import ExtractConfig
from etl.extract.attribution import Attribution
from etl.extract.headings import is_heading_line
from etl.extract.lexicon import LOWER_TO_ASCII, phrases_re
from etl.extract.lexicon import document_cues as cues
from etl.extract.mentions import find_mentions
from etl.extract.name_patterns import cached_patterns
from etl.extract.prefilter import ascii_lower


def find_main(
    text: str,
    paragraphs: list[tuple[int, int]],
    lines: list[list[tuple[int, int]]],
    config: ExtractConfig,
    title: str | None,
    author: Attribution | None,
) -> tuple[Attribution | None, tuple[str, ...], bool, Attribution | None]:
    """The organisation the document is about, the others it names (most named first),
    whether an About paragraph or the writer names the main one, and the About paragraph's:
    weighted votes of its title, About paragraph,
    writer and the number of times each organisation is named."""
    w = cues()["main"]
    votes: Counter[tuple[str, bool]] = Counter()
    counts = _name_counts(text, config)
    if sum(n for (_, tracked), n in counts.items() if tracked) <= w["few_mentions"]:
        # Named a few times only: perhaps in passing, in a text about an organisation no list
        # knows ("Lantern Hub"), whose names are counted too (reading them all costs more).
        for who, n in Counter(organisations_named(text, config)).items():
            if not who[1] and who not in counts and n >= w["unknown_mentions"]:
                counts[who] = n  # (named once or twice: a person, a passing name)
    for (name, tracked), n in counts.items():
        votes[(name, tracked)] += w["mention_weight"] * n
    heads = [title] if title else []
    heads += [text[a:b] for para in lines[:4] for a, b in para[:1] if is_heading_line(text[a:b])]
    for head in heads[:2]:
        for who in organisations_named(head, config)[:1]:
            votes[who] += w["title_weight"]
    lead = next((text[a:b] for para in lines for a, b in para[:1] if b - a > 120), "")
    for who in organisations_named(lead[:160], config)[:1]:
        votes[who] += w["lead_weight"]
    about = _about_re()
    stated: set[tuple[str, bool]] = set()
    publisher = None
    for para in lines:
        for a, b in para[:1]:
            m = about.match(text, a, b) if b - a < 80 else None  # (a short line only)
            if m and is_heading_line(text[a:b]):
                for who in organisations_named(text[m.end() : b], config)[:1]:
                    votes[who] += w["about_weight"]
                    stated.add(who)
                    publisher = publisher or Attribution(who[0], who[1], "document")
    own = _own_publication(heads, config)
    publisher = publisher or (own if isinstance(own, Attribution) else None)
    publisher = publisher or _masthead(text, lines[:4], config)
    if author is not None:
        votes[(author.entity, author.tracked)] += w["byline_weight"]
        stated.add((author.entity, author.tracked))
    if not votes:
        return None, (), False, None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], not kv[0][1], kv[0][0]))
    (name, tracked), _ = ranked[0]
    others = tuple(n for (n, t), _ in ranked if not t)
    main = Attribution(name, tracked, "document")
    if own is True and publisher is None:  # a bulletin whose title names no one: the main's
        publisher = main
    return main, others, (name, tracked) in stated, publisher


def _name_counts(text: str, config: ExtractConfig) -> Counter[tuple[str, bool]]:
    """How often the tracked organisation and each known one are named (roughly: a name is
    counted wherever its words stand, even inside a longer word)."""
    groups = _alias_groups(config)
    low = _ascii_lower_bytes(text) if _ascii_groups(groups) else None
    if low is None:
        low = text.lower()
        found = [sum(low.count(a) for a in aliases) for _, aliases in groups]
    else:  # the same counts, over one byte per character
        found = _counts(low, _count_plan(_encoded(groups)), len(groups))
    return Counter({key: n for (key, _), n in zip(groups, found, strict=True) if n})


def _counts(low: bytes, plan: tuple, n: int) -> list[int]:
    """Each group's `sum(low.count(a) for a in aliases)`: names that open alike are counted
    in one search for their common opening, as `count` counts (left to right, no overlap)."""
    found = [0] * n
    for opening, names in plan:
        if len(names) == 1:
            found[names[0][0]] += low.count(names[0][1])
            continue
        ends = [0] * len(names)  # where each name's last counted occurrence ends
        i = low.find(opening)
        while i >= 0:
            for k, (group, name) in enumerate(names):
                if i >= ends[k] and low.startswith(name, i):
                    found[group] += 1
                    ends[k] = i + len(name)
            i = low.find(opening, i + 1)
    return found


_OPENING = 3  # names sharing this many first bytes are counted together


@cache
def _count_plan(groups: tuple) -> tuple[tuple[bytes, tuple[tuple[int, bytes], ...]], ...]:
    """The names of `groups` (with their group's index) by their first bytes, under the
    longest opening they share."""
    by_start: dict[bytes, list[tuple[int, bytes]]] = {}
    for i, (_, aliases) in enumerate(groups):
        for a in aliases:
            by_start.setdefault(a[:_OPENING] if a else b"", []).append((i, a))
    # Names alone under their first bytes but sharing one byte fewer ("hkstp", "hkpc") too.
    alone: dict[bytes, list[bytes]] = {}
    for key, names in by_start.items():
        if len(names) == 1 and len(key) == _OPENING:
            alone.setdefault(key[:-1], []).append(key)
    for shorter, keys in alone.items():
        if len(keys) > 1:
            by_start.setdefault(shorter, []).extend(n for k in keys for n in by_start.pop(k))
    plan = []
    for names in by_start.values():
        if not names[0][1] or len(names) == 1:
            plan.extend((a, ((i, a),)) for i, a in names)
            continue
        first, last = min(a for _, a in names), max(a for _, a in names)
        shared = next(
            (k for k, (x, y) in enumerate(zip(first, last, strict=False)) if x != y), len(first)
        )
        plan.append((first[:shared], tuple(names)))
    return tuple(plan)


def _ascii_lower_bytes(text: str) -> bytes | None:
    """`text.lower()` one byte per character, where a name of ASCII characters but "?" is
    found exactly as in `text.lower()`: ASCII letters are lower-cased, other characters are
    a "?" (`ascii_lower`; none of them can become part of an ASCII name); None if one could."""
    if any(c in text for c in LOWER_TO_ASCII):
        return None
    return ascii_lower(text)


@cache
def _ascii_groups(groups: tuple) -> bool:
    return all(a.isascii() and "?" not in a for _, aliases in groups for a in aliases)


@cache
def _encoded(groups: tuple) -> tuple[tuple[tuple[str, bool], tuple[bytes, ...]], ...]:
    return tuple((key, tuple(a.encode() for a in aliases)) for key, aliases in groups)


@cache
def _alias_groups(config: ExtractConfig) -> tuple[tuple[tuple[str, bool], tuple[str, ...]], ...]:
    """Each organisation with its lower-case names that hold none of its other names."""
    p = cached_patterns(config)
    groups: dict[tuple[str, bool], set[str]] = {
        (config.name, True): {a.lower() for a in config.aliases}
    }
    for alias, name in p.known_names.items():
        groups.setdefault((name, False), set()).add(alias)
    # A name that holds another of the same organisation's names is counted through it.
    return tuple(
        (key, tuple(n for n in names if not any(o != n and o in n for o in names)))
        for key, names in groups.items()
    )


def _own_publication(heads: list[str], config: ExtractConfig) -> Attribution | bool:
    """Whether the title or masthead calls the text an organisation's own newsletter or
    bulletin: the organisation it names there, True when it names none, else False."""
    kinds = _own_publication_re()
    for head in heads[:2]:
        if kinds.search(head):
            named = organisations_named(head, config)
            return Attribution(named[0][0], named[0][1], "document") if named else True
    return False


MAX_MASTHEAD_WORDS = 16


def _masthead(
    text: str, lines: list[list[tuple[int, int]]], config: ExtractConfig
) -> Attribution | None:
    """The organisation a short line at the top names as the text's publisher: "<organisation>
    | Published <date>" (the cue words of `publisher_marks`)."""
    marks = _publisher_re()
    for para in lines:
        for a, b in para:
            line = text[a:b]
            if len(line.split()) <= MAX_MASTHEAD_WORDS and marks.search(line):
                named = organisations_named(line, config)
                if len(named) == 1:
                    return Attribution(named[0][0], named[0][1], "document")
    return None


@cache
def _publisher_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(cues()['main']['publisher_marks'])})\b", re.I)


@cache
def _own_publication_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(cues()['main']['own_publications'])})\b", re.I)


@cache
def _about_re() -> re.Pattern[str]:
    return re.compile(rf"[#*_\s]*(?:{phrases_re(cues()['main']['about'])})\s+", re.IGNORECASE)


def organisations_named(s: str, config: ExtractConfig) -> list[tuple[str, bool]]:
    """The organisations named in `s`, in order (tracked or known or named by a suffix)."""
    return [
        (m.entity, m.tracked)
        for m in find_mentions(s, 0, len(s), config)
        if m.kind == "name" and m.entity and (m.tracked or not m.entity.isupper())
    ]
