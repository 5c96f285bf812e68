"""The word lists the extractor reads by, loaded once from `etl/data/lexicon.toml`."""

from __future__ import annotations

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


def _esc(word: str) -> str:
    import re

    return re.escape(word)
