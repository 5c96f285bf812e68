"""The word lists the extractor reads by, loaded once from `etl/data/lexicon.toml`."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


@cache
def lexicon() -> dict[str, Any]:
    """The parsed lexicon (qualifiers, scales, organisations, attribution cues, figures)."""
    with (DATA / "lexicon.toml").open("rb") as f:
        return tomllib.load(f)


def phrases_re(phrases: list[str]) -> str:
    """An alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(_esc, p.split())) for p in parts)


def reversed_phrases_re(phrases: list[str]) -> str:
    """`phrases_re` of the phrases spelt backwards, to match them in reversed text."""
    return phrases_re([p[::-1] for p in phrases])


_TOKEN = re.compile(r"\w+")
# Letters that re.IGNORECASE equates with "i" and "s" but lower() leaves as they are.
ODD_CASE = ("ı", "ſ")


def key_words(phrases: list[str]) -> frozenset[str] | None:
    """One lower-case word of each phrase that any match of the phrase has as a whole word.

    The first run of word characters of the phrase's longest word: in a match it starts a
    word (it follows a non-word character) and ends one. None when a phrase has no such run
    or is not plain ASCII (case-insensitive matching of other letters is not lower()).
    """
    out = set()
    for phrase in phrases:
        if not phrase:
            continue
        words = phrase.split()
        runs = [_TOKEN.match(w) for w in words]
        if not phrase.isascii() or not words or not all(runs):
            return None
        out.add(max((r.group() for r in runs), key=len).lower())
    return frozenset(out)


def word_set(text: str, start: int, end: int) -> frozenset[str] | None:
    """The lower-case words of text[start:end]; None when lower() cannot stand for IGNORECASE."""
    low = text[start:end].lower()
    if len(low) != end - start or any(c in low for c in ODD_CASE):
        return None
    return frozenset(_TOKEN.findall(low))


def _esc(word: str) -> str:
    return re.escape(word)
