"""Searches for a calendar phrase list that first rule out, cheaply, a text holding none of
the words its phrases need."""

from __future__ import annotations

import re
from functools import cache

from etl.calendar import phrase_words, phrases
from etl.extract.lexicon import may_hold, needed_words


@cache
def _words(key: str) -> tuple[str, ...] | None:
    return needed_words(phrases(key))


def find_phrase(key: str, text: str) -> re.Match[str] | None:
    """`phrase_words(key).search(text)`, not run over a text that holds none of the words."""
    if not may_hold(text, 0, len(text), _words(key)):
        return None
    return phrase_words(key).search(text)
