"""The plain words around a figure: where the next figure starts, the words before one, and
whether a stretch of text counts something."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from etl.extract.lexicon import lexicon
from etl.extract.number_words import NUMBER_WORD_SET, ORDINAL

WORDS = re.compile(r"[\w'’-]+")


def before_next_figure(text: str) -> str:
    """`text` up to the next count, whose noun is its own ("22 start-ups in the intake;
    graduates have collected 48 awards" says nothing of what the 22 count); an amount after
    a sign stays ("are valued at more than US$1 billion")."""
    for w in WORDS.finditer(text):
        if (
            w.group()[0].isdigit() or w.group().lower() in NUMBER_WORD_SET
        ) and not _SIGN_BEFORE.search(text, 0, w.start()):
            return text[: w.start()]
    return text


_SIGN_BEFORE = re.compile(r"[^\w\s]\s?$")  # "$1 billion", "€ 2 million"


_NARROWING_WORDS = 6
STOP_MARK = re.compile(r"[,;:.!?()]")


def words_before_figure(text: str) -> list[str]:
    """The first few words of `text`, up to a mark that ends a phrase or the next figure."""
    cut = STOP_MARK.search(text, 0, 80)
    out = []
    for w in text[: cut.start() if cut else 80].split()[:_NARROWING_WORDS]:
        if (
            (any(c.isdigit() for c in w) and not _named_alnum(w))
            or w.lower() in NUMBER_WORD_SET
            or _ORDINAL_WORD.fullmatch(w)
        ):
            break  # (a figure, "its eighth unicorn" too; not a name with a digit: "Web3")
        out.append(w)
    return out


_ORDINAL_WORD = re.compile(ORDINAL, re.IGNORECASE)


def _named_alnum(word: str) -> bool:
    """Whether `word` is a name that holds a digit ("Web3", "5G"), not a figure."""
    return word.strip(",.;:()*_").lower() in _known_alnum()


def counts_something(text: str) -> bool:
    """Whether `text` holds a number (another figure, which says what a later bare one counts)."""
    return any(c.isdigit() for c in text) or any(
        w.strip(",.;:").lower() in NUMBER_WORD_SET for w in text.split()
    )


_GLUED = re.compile(r"\b[A-Za-z]+\d[\w.]*|\b\d+[A-Za-z]+\w*")


@cache
def _known_alnum() -> frozenset[str]:
    return frozenset(lexicon()["figures"]["known_alnum"])


@lru_cache(maxsize=4096)
def glued(np: str) -> bool:
    """Whether a noun phrase holds a token glued to digits ("5Gs"); noun phrases recur."""
    return any(t.lower() not in _known_alnum() for t in _GLUED.findall(np))
