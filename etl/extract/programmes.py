"""The programmes, funds and networks a document names, and the organisation each belongs to.

A name defined with an acronym ("Cyberport Incubation Programme (CIP)") or ending in a
programme's word ("the Cyberport IT Incubation Programme") is a unit: a programme's intake is
its organisation's figure, a fund's or network's own figures are no community figures. The
acronyms and other names of the tracked organisation's units, and "the programme" when the
programme spoken of is its own, let a sentence be its own without its name. The cue words come
from etl/data/document.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from etl.config import ExtractConfig
from etl.extract.attribution import Attribution
from etl.extract.lexicon import document_cues as cues
from etl.extract.lexicon import phrases_re
from etl.extract.mentions import clean_name
from etl.extract.name_patterns import cached_patterns


@dataclass(frozen=True)
class Unit:
    """A programme, fund or network the text names, and the organisation it belongs to."""

    name: str
    owner: str
    tracked_owner: bool
    counts_for_owner: bool  # a programme: its intake is its organisation's figure


_ACRONYM = re.compile(r"\(\s*[\"“]?([A-Z][A-Za-z0-9&+]{1,9})[\"”]?\s*\)")
NAME_WORDS = re.compile(  # the capitalised words of a name, up to where the text is read
    r"((?:[A-Z][\w&'’.-]*|of|and|for|the|on|in|&)(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:[A-Z][\w&'’.-]*|"
    r"of|and|for|the|on|in|&)){0,9})\s*$"
)  # (a hard-wrapped name runs on over one line break)


def find_units(
    text: str, config: ExtractConfig
) -> tuple[dict[str, Unit], tuple[tuple[int, Unit], ...]]:
    """Names defined with an acronym ("Cyberport Incubation Programme (CIP)") and names of
    programmes ("the Cyberport IT Incubation Programme"), what each is, and where named."""
    p = cached_patterns(config)
    out: dict[str, Unit] = {}
    order: list[tuple[int, Unit]] = []
    for acronym, name, at in _definitions(text):
        if acronym.lower() not in p.known_names and not config.is_alias(
            acronym
        ):  # ('... Company Limited ("Cyberport")': the organisation itself, no unit of it)
            unit = unit_of(name, config)
            if (
                unit is not None
                and not unit.tracked_owner
                and _owned_by_tracked(text, at, p.tracked)
            ):
                unit = Unit(name, config.name, True, unit.counts_for_owner)
            if unit is not None:
                out[acronym.lower()] = unit
                order.append((at, unit))
    for at in _unit_words_at(text):
        before = _CAPS_BEFORE.search(text, max(0, at - 80), at)
        end = _WORD_END.match(text, at)
        name = (
            clean_name(" ".join((before.group(1) + text[at : end.end()]).split()))
            if (before and end)
            else ""
        )
        unit = unit_of(name, config) if name else None
        if (
            unit is not None
            and not unit.tracked_owner
            and _owned_by_tracked(text, before.start(1), p.tracked)
        ):
            unit = Unit(name, config.name, True, unit.counts_for_owner)
        if before and unit is not None and unit.name != config.name:
            out.setdefault(name.lower(), unit)
            order.append((before.start(1), unit))
            # Its initials, used in the text without being defined ("... the CIP has admitted").
            initials = "".join(w[0] for w in name.split() if w[0].isupper())
            if (
                len(initials) >= _MIN_INITIALS
                and initials.lower() not in p.known_names
                and re.search(rf"(?<![\w-]){initials}(?![\w-])", text)
            ):
                out.setdefault(initials.lower(), unit)
    return out, tuple(sorted(order, key=lambda x: x[0]))


_MIN_INITIALS = 3  # ("IT" or "AI" would be no programme's)


def _definitions(text: str) -> Iterator[tuple[str, str, int]]:
    """Each name defined with an acronym in brackets after it ("Kalasatama Digital Campus
    (KDC)"): the acronym, the name and where the name starts."""
    pos = text.find("(")
    while pos >= 0:
        m = _ACRONYM.match(text, pos)
        before = NAME_WORDS.search(text, max(0, pos - 120), pos) if m else None
        if m and before:
            words = _named_part(clean_name(before.group(1)).split(), m.group(1))
            while words and not words[0][0].isupper():
                words = words[1:]
            if words:
                yield m.group(1), " ".join(words), before.start(1) + before.group(1).find(words[0])
        pos = text.find("(", pos + 1)


def defined_names(text: str, config: ExtractConfig) -> dict[str, str]:
    """The names of several words the text defines an acronym for, no unit of an organisation
    and not the tracked one ("Kalasatama Digital Campus (KDC)"): acronym (lower case) -> name."""
    return {
        acronym.lower(): name
        for acronym, name, _ in _definitions(text)
        if " " in name and not config.is_alias(acronym) and unit_of(name, config) is None
    }


def own_unowned(
    text: str, units: dict[str, Unit], order: tuple[tuple[int, Unit], ...],
    main: Attribution | None, config: ExtractConfig,
) -> tuple[dict[str, Unit], tuple[tuple[int, Unit], ...]]:  # fmt: skip
    """The units with a programme that names no organisation ("the Incubation Programme")
    made the document's main organisation's, unless another's possessive stands before it
    ("the Government's Technology Voucher Programme") or the name holds another's."""
    if main is None:
        return units, order
    p = cached_patterns(config)
    first: dict[str, int] = {}
    for at, u in order:
        first.setdefault(u.name, at)

    def anothers(at: int) -> bool:
        """Whether another organisation is named in the sentence before `at` ("Science Park
        runs the Incu-Grow Programme"), or a possessive stands right before it."""
        head = _SENTENCE_BREAK.split(text[max(0, at - _SUBJECT_REACH) : at])[-1]
        if _POSSESSED.search(head[-_POSSESSOR_REACH:]):
            return True
        return any(not p.tracked.fullmatch(m.group()) for m in p.known.finditer(head))

    mine = {
        u.name: Unit(u.name, main.entity, main.tracked, True)
        for _, u in order
        if u.counts_for_owner and u.owner == u.name and not p.known.search(u.name)
        and not _POSSESSIVE_IN.search(u.name) and not anothers(first[u.name])
    }  # fmt: skip
    if not mine:
        return units, order
    return (
        {k: mine.get(u.name, u) if u.owner == u.name else u for k, u in units.items()},
        tuple((at, mine.get(u.name, u) if u.owner == u.name else u) for at, u in order),
    )


_POSSESSOR_REACH = 40
_POSSESSIVE_IN = re.compile(r"\w['’]s?(?:\s|$)")  # "Government's Technology Voucher Programme"
_POSSESSED = re.compile(r"[\w.)-]['’]s?\s+$|\b(?:by|of|from)\s+(?:the\s+)?$")


def _named_part(words: list[str], acronym: str) -> list[str]:
    """The words of the name an acronym stands for: the last words after an "and" whose
    initials it is ("Hong Kong Cyberport and the Guangzhou Nansha Digital Innovation Park
    (NDIP)" defines the park's, not the two together); all of them otherwise."""
    joins = [k for k, w in enumerate(words) if w.lower() in ("and", "&")]
    if not joins:
        return words
    for k in range(joins[-1] + 1, len(words)):
        initials = "".join(w[0] for w in words[k:] if w[0].isupper())
        if initials.lower() == acronym.lower():
            return words[k:]
    return words


def _owned_by_tracked(text: str, start: int, tracked: re.Pattern[str]) -> bool:
    """Whether the name at `start` is the tracked organisation's by a possessive before it:
    "Cyberport today announced the results of its Digital Entertainment Incubation Programme
    (DEIP)" (the sentence's subject is the tracked name) or "... of Cyberport's ..."."""
    head = text[max(0, start - _SUBJECT_REACH) : start]
    last = _LAST_WORD.search(head)
    if last is None:
        return False
    word = last.group(1)
    owner = _POSSESSIVE_S.sub("", word)
    if owner != word and tracked.fullmatch(owner):
        return True  # "Cyberport's ..."
    if word.lower() not in cues()["units"]["possessors"]:
        return False
    clause = _SENTENCE_BREAK.split(head[: last.start()])[-1]
    return tracked.search(clause) is not None


_SUBJECT_REACH = 160  # how far back the sentence's subject is looked for
_LAST_WORD = re.compile(r"([\w'’-]+)\s+$")
_POSSESSIVE_S = re.compile(r"['’]s?$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")


_CAPS_BEFORE = re.compile(r"(?<![\w'’&.-])((?:[A-Z][\w'’&-]*(?:[ \t]+|[ \t]*\n[ \t]*)){1,5})$")


_WORD_END = re.compile(r"[\w'’&-]+(?![\w-])")


def _unit_words_at(text: str) -> list[int]:
    """Where a programme's capitalised last word ("... Incubation Programme") starts (its
    funds and networks are known by their acronyms and their own names), found by plain
    string search (a regular expression over the whole text costs more)."""
    out = []
    for word in _unit_words():
        i = text.find(word)
        while i >= 0:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-"):
                out.append(i)
            i = text.find(word, i + 1)
    return out


@cache
def _unit_words() -> tuple[str, ...]:
    """A programme's last words, without those another starts ("Program" finds "Programme")."""
    words = cues()["units"]["programme"]
    return tuple(w for w in words if not any(o != w and w.startswith(o) for o in words))


def unit_keys(
    units: dict[str, Unit], order: tuple[tuple[int, Unit], ...], aliases: list[str],
    main: Attribution | None, config: ExtractConfig,
) -> re.Pattern[str] | None:  # fmt: skip
    """The acronyms of the tracked organisation's programmes, its other names, and "the
    programme" when the programme the text speaks of is its own (it names only its own, or
    none in a text about it): a sentence naming them may be its own without its name."""
    keys = [k for k, u in units.items() if u.tracked_owner and u.counts_for_owner and " " not in k]
    programmes = [u for _, u in order if u.counts_for_owner and u.name != config.name]
    own = any(u.tracked_owner for u in programmes) or (
        not programmes and main is not None and main.tracked
    )
    keys += aliases
    alts = [f"(?:{phrases_re(keys)})"] if keys else []
    if own:
        alts.append(programme_ref_re().pattern)
    return re.compile(rf"\b(?:{'|'.join(alts)})\b", re.IGNORECASE) if alts else None


@cache
def programme_ref_re() -> re.Pattern[str]:
    """A description of a programme ("the programme", "the incubation programme")."""
    return re.compile(cues()["units"]["programme_description"], re.IGNORECASE)


def unit_of(name: str, config: ExtractConfig) -> Unit | None:
    """What the organisation name `name` is: the tracked one itself, or one of its units."""
    p = cached_patterns(config)
    u = cues()["units"]
    tracked = p.tracked.search(name)
    last = name.split()[-1] if name.split() else ""
    if tracked and p.tracked.fullmatch(clean_name(name)):
        return Unit(config.name, config.name, True, True)
    if last in u["programme"]:
        return Unit(name, config.name if tracked else name, bool(tracked), True)
    if last in u["own_figures"]:
        return Unit(name, config.name if tracked else name, bool(tracked), False)
    if tracked:  # "Hong Kong Cyberport Management Company Limited"
        return Unit(config.name, config.name, True, True)
    return None
