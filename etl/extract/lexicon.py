"""The word lists the extractor reads by, loaded once from `etl/data/lexicon.toml`."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def lexicon() -> dict[str, Any]:
    """The parsed lexicon (qualifiers, scales, organisations, attribution cues, figures)."""
    with (DATA / "lexicon.toml").open("rb") as f:
        return tomllib.load(f)


@cache
def _shorthand_re() -> re.Pattern[str] | None:
    short = lexicon().get("shorthand", {})
    if not short:
        return None
    return re.compile(r"(?<![\w$.])(?:" + phrases_re(list(short)) + r")(?![\w'’(-])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def expand_shorthand(words: str) -> str:
    """`words` with each wire-style shorthand written out ("~700 cos" -> "~700 companies")."""
    pattern = _shorthand_re()
    if pattern is None:
        return words
    short = lexicon()["shorthand"]
    return pattern.sub(lambda m: short[m.group().lower()], words)


@cache
def document_cues() -> dict[str, Any]:
    """The parsed `etl/data/document.toml`: the cues a whole document is read by."""
    with (DATA / "document.toml").open("rb") as f:
        return tomllib.load(f)


def phrases_re(phrases: list[str], ignore_case: bool = True) -> str:
    """An alternation of literal phrases, longest first, spaces matching any whitespace.

    Written as a tree of shared beginnings ("hong kong(?:\\s+sar|)" for "Hong Kong SAR" and
    "Hong Kong"), which the regular-expression engine tries far faster than a flat list, with
    the same result: at each point only one branch can go on, and within it longer phrases are
    still tried first. `ignore_case` says the pattern is compiled with re.IGNORECASE (so "The"
    and "the" share a branch); phrases that are not plain ASCII get the flat list.
    """
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not all(p.isascii() for p in parts):
        return "|".join(r"\s+".join(map(_esc, p.split())) for p in parts)
    root: dict = {}
    for i, phrase in enumerate(parts):
        node = root
        for unit in " ".join(phrase.split()):  # a space stands for any run of white space
            node = node.setdefault(unit.lower() if ignore_case else unit, {})
        node.setdefault("", i)
    return _tree_re(root)


def _tree_re(node: dict) -> str:
    alts = [
        "" if not unit else (r"\s+" if unit == " " else _esc(unit)) + _tree_re(child)
        for unit, child in node.items()
    ]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def reversed_phrases_re(phrases: list[str], ignore_case: bool = True) -> str:
    """`phrases_re` of the phrases spelt backwards, to match them in reversed text."""
    return phrases_re([p[::-1] for p in phrases], ignore_case)


_TOKEN = re.compile(r"\w+")
# Letters that re.IGNORECASE equates with "i" and "s" but lower() leaves as they are.
ODD_CASE = ("ı", "ſ")
# The only characters that lower() turns into (or into something holding) an ASCII letter.
LOWER_TO_ASCII = ("\u0130", "\u212a")  # "İ" -> "i̇", Kelvin sign -> "k"


def key_words(phrases: list[str], first: bool = False) -> frozenset[str] | None:
    """One lower-case word of each phrase that any match of the phrase has as a whole word.

    The first run of word characters of the phrase's longest word, not a common one ("the")
    if it has another (of its first word when `first`, so that a match starts where that
    word does): in a match it starts a word (it
    follows white space, or a non-word character for the first word of a pattern made with
    a "(?<![\\w-])" before the phrases) and ends one. None when a phrase has no such run or
    is not plain ASCII (case-insensitive matching of other letters is not lower()).
    """
    out = set()
    for phrase in phrases:
        if not phrase:
            continue
        words = phrase.split()
        runs = [_TOKEN.match(w) for w in words]
        if not phrase.isascii() or not words or not all(runs):
            return None
        runs = [r.group() for r in runs]
        out.add((runs[0] if first else max(runs, key=_rarity)).lower())
    return frozenset(out)


# Words too common to rule a sentence out: a key word is taken from the others if it can be.
_COMMON_WORDS = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "by"])


def _rarity(word: str) -> tuple[bool, int]:
    return word.lower() not in _COMMON_WORDS, len(word)


def is_word_char(c: str) -> bool:
    """What `\\w` matches: a letter or digit of any script, or "_"."""
    return c.isalnum() or c == "_"


def needed_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """A word that each of `phrases` holds (its longest, lower case), for a cheap test before
    a case-insensitive search for them (`may_hold`); None when a phrase is neither plain ASCII
    nor one caseless word (as "去年同期"), so that no text can be ruled out."""
    words = set()
    for p in phrases:
        if not p.strip():
            return None
        if p.isascii():
            words.add(max(p.lower().split(), key=len))
        elif p.split() == [p] and p.lower() == p == p.upper():
            words.add(p)
        else:
            return None
    return tuple(sorted(words, key=len, reverse=True))


def may_hold(text: str, start: int, end: int, words: tuple[str, ...] | None) -> bool:
    """False only when text[start:end] holds none of `words` (see `needed_words`) in any
    case: then no pattern of the phrases they come from can match there."""
    if words is None:
        return True
    part = text[start:end]
    # lower() is slow on text that is not ASCII (a whole document's, here): ASCII words can
    # only stand in its runs of ASCII letters, which bytes lower alike, unless a letter that
    # lower-cases to ASCII ("K" Kelvin, "İ") or that safe_lower refuses is there.
    if (
        not part.isascii()
        and (ascii_words := _ascii_words(words)) is not None
        and not any(c in part for c in _NOT_FOR_BYTES)
    ):
        low_bytes = part.encode("ascii", "replace").lower()  # (one byte for each character)
        return any(w in low_bytes for w in ascii_words)
    low = safe_lower(part)
    if low is None:
        return True
    for w in words:  # noqa: SIM110 (a loop: any() over a generator costs more, per sentence)
        if w in low:
            return True
    return False


# The letters whose lower case is ASCII, or that `safe_lower` refuses.
_NOT_FOR_BYTES = (*LOWER_TO_ASCII, *ODD_CASE)


@lru_cache(maxsize=256)
def _ascii_words(words: tuple[str, ...]) -> tuple[bytes, ...] | None:
    """`words` as bytes when all are ASCII with no "?" (which stands for any other letter in
    text encoded with errors="replace"); else None."""
    if all(w.isascii() and "?" not in w for w in words):
        return tuple(w.encode() for w in words)
    return None


def phrase_words_by_longest(
    phrases: Iterable[str],
) -> dict[str, tuple[tuple[str, ...], ...]] | None:
    """The words of each of `phrases` (lower case) under its longest (`needed_words`), for a
    test that a text may hold one of them (`may_hold_phrase`); None as `needed_words`."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if needed_words([p]) is None:
            return None
        words = p.lower().split() if p.isascii() else [p]
        longest = max(words, key=len)
        out.setdefault(longest, []).append(tuple(w for w in words if w != longest))
    return {word: tuple(rests) for word, rests in out.items()}


def may_hold_phrase(
    text: str, start: int, end: int, words: dict[str, tuple[tuple[str, ...], ...]] | None
) -> bool:
    """False only when text[start:end] lacks a word of each phrase of `words` (from
    `phrase_words_by_longest`) in any case: stronger than `may_hold` when phrases share
    common words ("over the year", "that year")."""
    if words is None:
        return True
    low = safe_lower(text[start:end])
    if low is None:
        return True
    for word, others in words.items():  # (loops, not any() and all() over generators)
        if word not in low:
            continue
        for rest in others:
            for w in rest:
                if w not in low:
                    break
            else:
                return True
    return False


def may_hold_all(text: str, start: int, end: int, groups: Iterable[tuple[str, ...] | None]) -> bool:
    """`all(may_hold(text, start, end, words) for words in groups)`, lower-casing once."""
    needs = [words for words in groups if words is not None]
    if not needs:
        return True
    low = safe_lower(text[start:end])
    if low is None:
        return True
    for words in needs:  # (loops, not all() and any() over generators)
        for w in words:
            if w in low:
                break
        else:
            return False
    return True


def safe_lower(text: str) -> str | None:
    """`text.lower()`, offset for offset, when it can stand for re.IGNORECASE; else None.

    Not when lower() changes the length ("İ") or leaves letters that re.IGNORECASE equates
    with a Latin one ("ſ" with "s"): then a search of the lower-cased text could miss a match.
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:  # ODD_CASE
        return None
    return low


def _esc(word: str) -> str:
    return re.escape(word)
