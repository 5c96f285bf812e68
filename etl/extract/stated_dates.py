"""The dates a sentence or a heading states beyond its own date phrases (etl.extract.asof):
the year a document reports on or reviews ("during the financial year", "by year-end"), the
day a heading opens with, the time of a speaker's arrival ("When I arrived, ..."), and years
named by the time of writing ("last year") in a list under another year's heading."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from etl.calendar import phrase_words
from etl.extract.asof import DatePhrase, find_dates
from etl.extract.phrase_search import find_phrase
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.timeline import Timeline
from etl.extract.year_day import reporting_dates, reporting_year, review_dates, review_year


def with_reporting_year(
    sent: str, dates: list[DatePhrase], year_end: int | None
) -> list[DatePhrase]:
    """`dates` with the phrases that speak of the fiscal year the document reports on."""
    found = [
        DatePhrase(a, b, when, "month", period)
        for a, b, when, period in reporting_dates(sent, year_end)
    ]
    return with_phrases(dates, found)


def with_review_year(sent: str, dates: list[DatePhrase], year: int | None) -> list[DatePhrase]:
    """`dates` with the phrases that speak of the end of the year a review covers."""
    found = [DatePhrase(a, b, when, "month", None) for a, b, when in review_dates(sent, year)]
    return with_phrases(dates, found)


def heading_year(view: SectionView, pos: int) -> DatePhrase | None:
    """The end of the fiscal year reported on, when the heading above names it ("Highlights
    for the financial year" in an annual report's release): the time of the block under it."""
    span = view.model.heading(pos)
    year_end = reporting_year(view.text) if span is not None else None
    if span is None or year_end is None:
        return None
    found = reporting_dates(view.text[span[0] : span[1]], year_end)
    return DatePhrase(0, 0, found[0][2], "month", None) if found else None


def dated_heading(view: SectionView, pos: int) -> DatePhrase | None:
    """The day a heading right above names as it opens ("## 3 June 2024 — Unicorn count"): the
    time of the entry under it, which may be too short to be a section of its own."""
    span = view.model.heading(pos)
    if span is None:
        return None
    found = find_dates(view.text, span[0], span[1], None)
    if not found or found[0].precision != "day" or found[0].event or found[0].period:
        return None
    d = found[0]
    return d if not view.text[span[0] : d.start].strip(" \t#*_>") else None


def with_phrases(dates: list[DatePhrase], found: list[DatePhrase]) -> list[DatePhrase]:
    """`dates` with the phrases `found`, which win over the dates they overlap."""
    if not found:
        return dates
    kept = [d for d in dates if not any(f.start < d.end and d.start < f.end for f in found)]
    return sorted(kept + found, key=lambda d: d.start)


def sentence_dates(
    sent: str, year_ref: date | None, timeline: Timeline, sid: SentenceId, text: str
) -> list[DatePhrase]:
    """The dates and times sentence `sent` (`sid`) states, with those of the year a document
    reports on or reviews and the time of a speaker's arrival ("When I arrived, ...")."""
    anchor = partial(timeline.anchor_at, sid)
    dates = find_dates(sent, 0, len(sent), year_ref, anchor)
    ref = timeline.ref
    if ref is not None and year_ref is not None and year_ref != ref and _relative_year(sent):
        # "last year" in a list under "2025 at a glance" is the year before the writing's
        now = {(d.start, d.end): d for d in find_dates(sent, 0, len(sent), ref, anchor)}
        dates = [now.get((d.start, d.end), d) if _relative_year(sent, d) else d for d in dates]
    dates = with_reporting_year(sent, dates, reporting_year(text))
    dates = with_review_year(sent, dates, review_year(text))  # "By year-end", in a year review
    memory = find_phrase("arrival", sent)  # "When I arrived, ..."
    if memory and (came := timeline.arrival(sid)) is not None:
        dates = with_phrases(dates, [replace(came, start=memory.start(), end=memory.end())])
    return dates


def _relative_year(sent: str, d: DatePhrase | None = None) -> bool:
    """Whether `sent` (or its date `d`) names a year by the time of writing ("last year", "this
    year"): read against the date of writing, not a list's year."""
    words = phrase_words("this_year"), phrase_words("last_year")
    a, b = (d.start, d.end) if d is not None else (0, len(sent))
    return any(w.search(sent, a, b) for w in words)
