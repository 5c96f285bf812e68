"""Whose words each turn of a transcript is: "IVAN TSE: We now have over 2,000 companies."

A transcript (a panel, a hearing, an interview written as a script) opens each turn with the
speaker's name and a colon. Who the speaker works for is written once, in the list of
panellists or where they are introduced ("Ivan Tse, Chief Public Mission Officer, Cyberport"),
or beside the label itself ("IVAN TSE (Cyberport):"). A turn runs until the next label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.config import ExtractConfig
from etl.extract.speakers import QuoteRegion, speaker_of

# A turn's label: one to four capitalised words (a person's name), an organisation in
# brackets if any, a colon and the words said.
_LABEL = re.compile(
    r"[ \t*_]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"(?:[ \t]*\((?P<org>[^()\n]{2,80})\))?[ \t]*[*_]*:[*_]*[ \t]+(?=\S)"
)
MIN_TURNS = 3  # labelled paragraphs in a section: fewer is no transcript
MIN_SPEAKERS = 2
MAX_ROSTER_LINE = 160  # characters after a name that may say whom they work for


@dataclass(frozen=True)
class Transcript:
    """A section read as a transcript: its paragraphs spoken by a speaker whose organisation is
    known."""

    turns: dict[int, tuple[bool, str | None]]  # paragraph -> (tracked, organisation)
    label_ends: dict[int, int] = field(default_factory=dict)  # paragraph -> end of its label

    def in_label(self, p: int, pos: int) -> bool:
        """Whether `pos` is in the label opening paragraph `p` of a speaker whose organisation
        is known ("ERIC CHAN:"): a name there is who speaks, not whose the figures are."""
        end = self.label_ends.get(p)
        return end is not None and pos < end and p in self.turns

    def region(self, p: int, span: tuple[int, int]) -> QuoteRegion | None:
        """Paragraph `p` (at `span`) as a quotation of its speaker, if they are known."""
        who = self.turns.get(p)
        return None if who is None else QuoteRegion(span[0], span[1], who[0], who[1])


def find_transcript(
    text: str, paragraphs: list[tuple[int, int]], config: ExtractConfig
) -> Transcript | None:
    """The turns of the transcript the section's paragraphs are, or None if they are not one."""
    labels: dict[int, tuple[str, str | None]] = {}
    ends: dict[int, int] = {}
    surnames: dict[str, bool] = {}  # (a one-word label looked for in the text once, not a turn)
    for i, (a, b) in enumerate(paragraphs):
        # (A label ends in a colon: a paragraph with none is not tried.)
        m = (
            _LABEL.match(text, a, b)
            if a < b and text[a].isupper() and text.find(":", a, b) >= 0
            else None
        )
        if m is None or _organisation(m["name"], config):
            continue
        name = m["name"]
        if len(name.split()) < 2 and name not in surnames:
            surnames[name] = _surname(text, name)
        if len(name.split()) >= 2 or surnames[name]:
            labels[i] = (name, m["org"])
            ends[i] = m.end()
    if len(labels) < MIN_TURNS or len({n.lower() for n, _ in labels.values()}) < MIN_SPEAKERS:
        return None
    known: dict[str, tuple[bool, str | None] | None] = {}
    turns: dict[int, tuple[bool, str | None]] = {}
    current: tuple[bool, str | None] | None = None
    for i in range(min(labels), len(paragraphs)):
        if i in labels:
            name, org = labels[i]
            key = name.lower()
            if org is not None:
                found = speaker_of(org, config)
                known[key] = found if found != (False, None) else known.get(key)
            elif key not in known:
                known[key] = _introduced(text, name, config)
            current = known[key]
        if current is not None:
            turns[i] = current
    return Transcript(turns, ends)  # (with no turn known: a transcript, whose "we" is no one's)


def _surname(text: str, name: str) -> bool:
    """Whether a one-word label in capitals ("NAIR:") is a surname the text gives in full
    elsewhere ("Priya Nair, technology correspondent")."""
    if len(name) < MIN_SURNAME or not name.isupper() or not name.isalpha():
        return False
    return re.search(rf"\b[A-Z][a-z]+\s+{name.title()}\b", text) is not None


MIN_SURNAME = 2


def _organisation(name: str, config: ExtractConfig) -> bool:
    """Whether a label names an organisation ("CYBERPORT WEB3"), not a person ("IVAN TSE"): a
    word in capitals is taken for an acronym, so only an organisation known by name counts."""
    tracked, entity = speaker_of(name, config)
    return tracked or (entity is not None and entity not in name.split())


def _introduced(text: str, name: str, config: ExtractConfig) -> tuple[bool, str | None] | None:
    """The organisation the text gives `name` where it introduces them, outside their turns:
    the rest of the line after the name ("Ivan Tse, Chief Public Mission Officer, Cyberport")."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    for m in re.finditer(rf"\b{words}\b", text, re.IGNORECASE):
        line_start = text.rfind("\n", 0, m.start()) + 1
        label = _LABEL.match(text, line_start)
        if label is not None and label.start("name") == m.start():
            continue  # a turn's own label
        line_end = text.find("\n", m.end())
        stop = min(len(text) if line_end < 0 else line_end, m.end() + MAX_ROSTER_LINE)
        found = speaker_of(text[m.end() : stop], config)
        if found != (False, None):
            return found
    return None
