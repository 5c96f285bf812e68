"""Short names a text gives another organisation: "the Dongguan Songshan Lake Digital
Economy Park (the Park)" makes "the Park" that park's in this text, not the tracked
organisation's place word."""

from __future__ import annotations

import re

from etl.config import ExtractConfig
from etl.extract.mentions import Mention, clean_name
from etl.extract.name_patterns import cached_patterns
from etl.extract.programmes import NAME_WORDS

# A definite description in brackets right after a name: "(the Park)", ("the Hub").
_DEFINED = re.compile(r"\(\s*[\"“‘']?([^\W\d_]+[ \t]+[^\W\d_]+)[\"”’']?\s*\)")
_REACH = 120  # characters before the bracket a name is read from


def defined_short_names(text: str, config: ExtractConfig) -> dict[str, str]:
    """The tracked organisation's place words the text defines as the short name of another
    organisation named right before them, lower case -> that organisation's name."""
    if "(" not in text:
        return {}
    p = cached_patterns(config)
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        short = m.group(1)
        if not p.place_word.fullmatch(short):
            continue
        before = NAME_WORDS.search(text, max(0, m.start() - _REACH), m.start())
        words = clean_name(before.group(1)).split() if before else []
        while words and not words[0][0].isupper():
            words = words[1:]
        name = " ".join(words)
        if len(words) > 1 and not p.tracked.search(name):  # (its own: "Cyberport (the hub)")
            out.setdefault(" ".join(short.lower().split()), name)
    return out


def as_defined(text: str, m: Mention, short_names: dict[str, str]) -> Mention:
    """`m` as the organisation the text defined it for, when it is such a short name."""
    if m.kind != "place_word" or not short_names:
        return m
    name = short_names.get(" ".join(text[m.start : m.end].lower().split()))
    return m if name is None else m._replace(kind="name", entity=name, tracked=False)
