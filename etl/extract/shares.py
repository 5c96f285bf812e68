"""Shares told in words ("three-quarters of", "three in four", a translation's "7 into"), as
per cent: each with its span, for the number finder to read as it reads "75%"."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.number_words import NUMBER_WORD_SET, NUMBER_WORDS, parse_words

_SMALL = rf"(?:{'|'.join(NUMBER_WORDS[1:11])}|\d{{1,2}})"  # "one" to "ten", or digits
_LEAD_REACH = 60  # characters before a translation's tenths where its word of share may stand
_N_REACH = 8  # characters before " in four" where its "three" may stand


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    fig = lexicon()["figures"]
    fractions = phrases_re(list(fig["share_fractions"]))
    every = phrases_re(fig["share_of_every"])
    return (
        re.compile(rf"(?<![\w-])(?:{fractions})(?=\s+of\b)", re.I),
        # " in four" first (a space opens it, so the engine skips to spaces), then what stands
        # before it: "three"
        re.compile(rf"\s(?:{every})\s+(?P<d>{_SMALL})(?![\w-])", re.I),
        re.compile(rf"(?<![\w-])(?P<n>{_SMALL})\s*\Z", re.I),
        re.compile(rf"(?<![\w.,])(?P<n>\d)\s+(?:{phrases_re(fig['tenths'])})\b", re.I),
        re.compile(rf"\b(?:{phrases_re(fig['tenths_after'])})\b", re.I),
    )


@cache
def _fraction_values() -> dict[str, float]:
    return {k.lower(): float(v) for k, v in lexicon()["figures"]["share_fractions"].items()}


@cache
def _opening_words() -> tuple[str, ...]:
    """The words of the fractions that are no number words ("half", "quarter"), lower-cased."""
    words = {w.lower() for k in _fraction_values() for w in re.split(r"[\s-]+", k)}
    return tuple(sorted(w for w in words - NUMBER_WORD_SET if len(w) > 1))


@cache
def _tenths_words() -> tuple[str, ...]:
    return tuple(lexicon()["figures"]["tenths"])


@cache
def share_openers() -> tuple[bytes, ...]:
    """The words a share told in words may open with that are no number words, each after a
    space, as bytes for a quick search of a text's byte copy."""
    return tuple(b" " + w.encode() for w in _opening_words())


def _small(word: str) -> float | None:
    return float(word) if word.isdigit() else parse_words(word)


def find_shares(text: str, low: str | None = None) -> list[tuple[int, int, float]]:
    """(start, end, per cent) of each share `text` tells in words, in order (`low`: `text`
    lower-cased, when the caller has it)."""
    fraction, every, every_n, tenths, lead = _patterns()
    low = text.lower() if low is None else low
    out = []
    if any(w in low for w in _opening_words()):
        values = _fraction_values()
        out += [(m.start(), m.end(), values[" ".join(m.group().lower().split())])
                for m in fraction.finditer(text)]  # fmt: skip
    for m in every.finditer(text):
        before = every_n.search(text, max(0, m.start() - _N_REACH), m.start())
        n, d = (_small(before.group("n")), _small(m.group("d"))) if before else (None, None)
        if n and d and n < d and (100 * n) % d == 0:  # "three in four": 75; not "one in three"
            out.append((before.start(), m.end(), 100 * n / d))  # type: ignore[union-attr]
    if any(w in low for w in _tenths_words()):
        for m in tenths.finditer(text):
            if lead.search(text, max(0, m.start() - _LEAD_REACH), m.start()):
                out.append((m.start(), m.end(), 10 * float(m.group("n"))))
    return sorted(out)
