"""The note that says when every figure of a text stands ("Figures are as at 30 June 2024
unless otherwise stated"), wherever in the text it stands."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from etl.calendar import phrase_words, phrases
from etl.extract.asof import DatePhrase, find_dates
from etl.extract.lexicon import may_hold, needed_words
from etl.extract.list_dates import NOTE_CHARS, no_figure, stands_at


@lru_cache(maxsize=4)  # (asked for each undated figure of a text, and each row of its boxes)
def whole_text_note(text: str, ref: date | None) -> DatePhrase | None:
    """The time a note says every figure of the text stands at unless said otherwise ("Figures
    are as at 30 June 2024 unless otherwise stated"), if there is one."""
    if not may_hold(text, 0, len(text), _whole_text_words()):
        return None  # (a plain look for the phrases' words first: most texts have none)
    for m in phrase_words("whole_text_scope").finditer(text):
        a = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()) + 1) + 1
        ends = [e for e in (text.find("\n", m.end()), text.find(". ", m.end())) if e >= 0]
        line = text[a : min(ends) if ends else len(text)]  # the sentence that says it
        dates = find_dates(line, 0, len(line), ref)
        stands = [d for d in dates if stands_at(line, d)]
        if stands and len(line) <= NOTE_CHARS and no_figure(line, dates):
            return stands[0]
    return None


def within_year(found: DatePhrase | None, text: str, ref: date | None) -> DatePhrase | None:
    """`found`, or the whole text's note when `found` gives only the year the note's day is
    in ("## 2019 highlights" under "figures below are as at 30 November 2019")."""
    if found is None or found.precision != "year" or found.as_of is None or found.period:
        return found
    note = whole_text_note(text, ref)
    same_year = note is not None and note.as_of is not None and note.as_of.year == found.as_of.year
    return note if same_year else found


@cache
def _whole_text_words() -> tuple[str, ...] | None:
    return needed_words(phrases("whole_text_scope"))
