"""Other names a document gives the tracked organisation in brackets beside its own name.

"Cyberport (Digital Port)" or "Digital Port (Cyberport)": the bracketed or preceding name is
an alias, unless it is an acronym (a unit's, see programmes.py), a word in lower case such as
"(pictured)", or the name of a known organisation, territory or place.
"""

from __future__ import annotations

import re

from etl.config import ExtractConfig
from etl.extract.lexicon import phrases_re
from etl.extract.name_patterns import cached_patterns

_BRACKETED = re.compile(r"\(\s*[\"“]?([^\W\d_][\w'’&.-]*(?:[ \t]+[\w'’&.-]+){0,3})[\"”]?\s*\)")
_NAME_BEFORE = re.compile(r"([A-Z][\w'’&.-]*(?:[ \t]+[A-Z][\w'’&.-]*){0,3})\s*$")


def find_aliases(text: str, config: ExtractConfig) -> list[str]:
    """Names given the tracked organisation in brackets right after its name ("Cyberport
    (Digital Port)"), or names right before its name in brackets ("Digital Port (Cyberport)").
    Acronyms are left to `find_units`; the names of known organisations are never aliases."""
    p = cached_patterns(config)
    out = []
    for m in _BRACKETED.finditer(text):
        inner = " ".join(m.group(1).split())
        if p.tracked.fullmatch(inner):
            before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
            name = before.group(1) if before else ""
        else:
            before = p.tracked.search(text, max(0, m.start() - 60), m.start())
            adjacent = before is not None and not text[before.end() : m.start()].strip()
            name = inner if adjacent and not inner.isupper() else ""
        if len(name) <= 3 or (" " not in name and name.islower()):
            continue  # "(pictured)"
        if not any(x.search(name) for x in (p.tracked, p.known, p.territory, p.place)):
            out.append(name)
    return sorted(set(out))


def alias_re(aliases: list[str]) -> re.Pattern[str] | None:
    return re.compile(rf"(?<![\w-])(?:{phrases_re(aliases)})(?![\w-])", re.I) if aliases else None
