"""Text translated word by word from another language: the names its translation gives.

A release translated by machine from Chinese calls Cyberport "Digital Port" and its campus
"the garden district". Those renderings are no names in ordinary English, so they are read as
the tracked organisation's only in a text that says near its top that it was translated, or
that gives the organisation's company name as translated there (the marks are in
`etl/data/document.toml`, the names in the tracked organisation's file).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from etl.config import ExtractConfig
from etl.extract.lexicon import document_cues, may_hold, may_hold_all, needed_words, phrases_re


@cache
def _marks() -> tuple[re.Pattern[str], int, tuple[str, ...] | None]:
    cues = document_cues()["translated"]
    marks = re.compile(rf"\b(?:{phrases_re(cues['marks'])})\b", re.IGNORECASE)
    return marks, int(cues["head"]), needed_words(cues["marks"])


def is_translated(text: str) -> bool:
    """Whether the top of `text` says it was translated from another language."""
    marks, head, words = _marks()
    return may_hold(text, 0, head, words) and marks.search(text, 0, head) is not None


def reading_config(config: ExtractConfig, text: str) -> ExtractConfig:
    """`config` with the names a translation gives the organisation, when `text` is translated:
    it says so near its top, or gives the organisation's company name as translated there
    ("Hong Kong Digital Port Management Co., Ltd.")."""
    if not (config.translated_aliases or config.translated_place_words):
        return config
    if not (is_translated(text) or _names_itself(text, config.translated_aliases)):
        return config
    return _with_translated(config)


@cache
def _legal_name(aliases: tuple[str, ...]) -> tuple[re.Pattern[str], list] | None:
    """The pattern of the company name, and the words it needs (`needed_words`): one of its
    names' and one of the words after them."""
    if not aliases:
        return None
    after = document_cues()["translated"]["legal_name_after"]
    pattern = rf"\b(?:{phrases_re(list(aliases))})\s+(?:{phrases_re(after)})\b"
    return re.compile(pattern, re.IGNORECASE), [needed_words(aliases), needed_words(after)]


def _names_itself(text: str, aliases: tuple[str, ...]) -> bool:
    legal = _legal_name(aliases)
    if legal is None:
        return False
    pattern, words = legal
    head = _marks()[1]
    # (a plain look for the words first: the pattern is tried at every character)
    return may_hold_all(text, 0, head, words) and pattern.search(text, 0, head) is not None


@cache
def _with_translated(config: ExtractConfig) -> ExtractConfig:
    aliases = {*config.aliases, *config.translated_aliases}
    return replace(
        config,
        aliases=tuple(sorted(aliases, key=len, reverse=True)),
        place_words=(*config.place_words, *config.translated_place_words),
        translated_aliases=(),
        translated_place_words=(),
    )
