"""Figures in table cells: the row's label or the column's heading names the metric and, if
anyone, the owner; a heading that is a date or a year dates the cell ("31 Dec 2020",
"2019", "2021-22").

A table names its owner less often than a sentence does: a table that names no organisation
in its labels, headings or caption is the document's main organisation's ("table" owner in
etl/data/scoring.toml), one that names another organisation in a row or column gives that
row's or column's figures to it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from etl.config import ExtractConfig
from etl.extract.asof import DatePhrase, find_dates
from etl.extract.candidates import context_metric
from etl.extract.document_model import DocumentModel
from etl.extract.figure import Figure
from etl.extract.figure_cues import not_counted
from etl.extract.mentions import find_mentions
from etl.extract.metrics import MetricMatch, classify
from etl.extract.money import currency_in
from etl.extract.owners import read_mentions
from etl.extract.referents import Attribution, referent
from etl.extract.sentence_figures import find_figures
from etl.extract.tables import Row, Table

_YEAR = re.compile(r"\W*((?:19|20)\d\d)\W*")
_FISCAL = re.compile(r"\W*(?:19|20)\d\d\s*[-–/]\s*\d\d(?:\d\d)?\W*")
TIME_TOKEN = re.compile(r"(?<![\w$.,])(?:19|20)\d\d(?:\s*[-–/]\s*\d\d(?:\d\d)?)?(?![\w.,])")


class CellFigure(NamedTuple):
    """A figure in a table cell, with what the table says of it."""

    row: Row
    cell: tuple[int, int]
    figure: Figure  # offsets within the cell's text
    owner: Attribution | None
    when: DatePhrase | None


def table_figures(
    text: str, table: Table, model: DocumentModel, config: ExtractConfig, ref: date | None
) -> list[CellFigure]:
    """The figures of `table` that count a metric, each with its owner and date if known."""
    header = [text[a:b] for a, b in table.header.cells]
    caption_owner = owner_in(_caption(text, table, model), model, config)
    out = []
    for row in table.rows:
        label = text[row.cells[0][0] : row.cells[0][1]]
        for col, cell in enumerate(row.cells[1:], start=1):
            head = header[col] if col < len(header) else ""
            out.extend(_cell(text, row, cell, label, head, model, config, ref, caption_owner))
    return out


def _cell(
    text: str,
    row: Row,
    cell: tuple[int, int],
    label: str,
    head: str,
    model: DocumentModel,
    config: ExtractConfig,
    ref: date | None,
    caption_owner: Attribution | None,
) -> list[CellFigure]:
    raw = text[cell[0] : cell[1]]
    out = []
    for f in find_figures(raw, config.bare_dollar, keep_bare=True):
        unit = f.unit
        if unit == "count" and (code := currency_in(label) or currency_in(head)):
            unit = code  # "Funds raised (HK$) | 25.1 bn"
        kind = "money" if unit not in ("count", "percent") else unit
        metric = _metric(label, head, kind, f.number.value)
        if metric is None:
            continue
        f = replace(f, metric=metric, unit=unit, source="table")
        owner = owner_in(label, model, config) or owner_in(head, model, config) or caption_owner
        # (a heading that says its date among its words dates the column's cells too:
        # "Community companies (as at end-September 2021)")
        when = _date_of(label, ref) or _date_of(head, ref) or label_date(head, ref)
        out.append(CellFigure(row, cell, f, owner, when))
    return out


def _metric(label: str, head: str, kind: str, value: float) -> MetricMatch | None:
    """The metric the row's label names, else the column's heading."""
    for words in (label, head):
        if not words or _YEAR.fullmatch(words) or _FISCAL.fullmatch(words):
            continue
        if not_counted(words.lstrip(" -•*\t")):
            return None  # "Events held on campus": no count of companies, wherever held
        found = classify(words, "", "", kind, value) or classify(words, "", "", kind, value,
                                                                 bare=True)  # fmt: skip
        if found is None:
            ctx = context_metric(words, None, kind, value)
            found = ctx.match if ctx else None
        if found is not None:
            return found
    return None


def owner_in(words: str, model: DocumentModel, config: ExtractConfig) -> Attribution | None:
    """The organisation a label, heading or caption names (the tracked one wins), else the
    place it names ("Singapore-based unicorns", "Start-ups in Hong Kong"): the place's."""
    if not words:
        return None
    words = _BASED.sub(" based", words)  # (a place read as a name: "Hong Kong based")
    ms = read_mentions(words, 0, len(words), find_mentions(words, 0, len(words), config),
                       model, config)  # fmt: skip
    named = [m for m in ms if m.kind == "name" and m.entity]
    if any(m.tracked for m in named):
        return Attribution(config.name, True, "table")
    # A single unknown capitalised word in a label is no organisation ("Funds raised").
    others = [a for m in named if referent(a := Attribution(m.entity, False, "table"))]
    places = [Attribution(m.entity, False, "table") for m in ms
              if m.kind in ("place", "territory") and m.entity and not m.tracked]  # fmt: skip
    return (others or places or [None])[0]


_BASED = re.compile(r"-based\b", re.IGNORECASE)


def describes_main(model: DocumentModel, span: tuple[int, int], named: Attribution) -> bool:
    """Whether a heading at `span` that names `named` (`owner_in`) is a line of the title block
    (the text's first two paragraphs) naming a place only as it describes the tracked main
    organisation ("Hong Kong's digital technology flagship" under "CYBERPORT")."""
    main = model.main
    return (
        main is not None
        and main.tracked
        and not named.tracked
        and len(model.paragraphs) > 1
        and span[0] <= model.paragraphs[1][0]
        and named.entity not in model.others
    )


def _caption(text: str, table: Table, model: DocumentModel) -> str:
    span = model.heading(table.start)
    return text[span[0] : span[1]] if span else ""


def _date_of(words: str, ref: date | None) -> DatePhrase | None:
    """The date a row label or column heading gives: "31 Dec 2020", "2019", "2021-22"."""
    if not words:
        return None
    if _FISCAL.fullmatch(words):
        phrase = f"in {words.strip()}"
    elif _YEAR.fullmatch(words):
        phrase = f"at the end of {words.strip()}"
    else:
        phrase = f"as at {words.strip()}"
    found = [d for d in find_dates(phrase, 0, len(phrase), ref) if d.as_of is not None]
    return found[0] if found else None


def label_date(words: str, ref: date | None) -> DatePhrase | None:
    """The date a label or heading gives anywhere in it: a date phrase that is no event's
    ("in 2019-20", "at the end of last year"), else a year or fiscal year standing alone
    ("Admissions, 2024-25")."""
    found = [d for d in find_dates(words, 0, len(words), ref) if d.as_of and not d.event]
    if found:
        return found[-1]
    if any(d.event for d in find_dates(words, 0, len(words), ref)):
        return None  # "since 2005": the start of a count, not its date
    tokens = TIME_TOKEN.findall(words)
    return _date_of(tokens[-1], ref) if len(tokens) == 1 else None
