"""The dates find_dates reads in a sentence, as tuples the tests compare."""

from __future__ import annotations

from datetime import date

from etl.extract.asof import find_dates

REF = date(2022, 10, 20)  # the section's date


def dates(text: str, ref: date | None = REF, anchor=None) -> list[tuple]:
    """(phrase, as_of, precision, period, kind) of each date read; `anchor`: the time in force."""
    held = (lambda point=False: anchor) if anchor is not None else None
    return [
        (text[d.start : d.end], d.as_of, d.precision, d.period, d.kind)
        for d in find_dates(text, 0, len(text), ref, held)
    ]
