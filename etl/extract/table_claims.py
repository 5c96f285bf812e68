"""The claims of a table's cells (see table_figures.py): owner and date from the table, or
the document's organisation and a note above the table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from db.records import Section
from etl.extract.asof import DatePhrase
from etl.extract.attribution import Attribution
from etl.extract.claim_record import Found, build_claim
from etl.extract.figure_dates import as_of_parts
from etl.extract.scoring import Evidence, decide
from etl.extract.section_view import SectionView
from etl.extract.sentences import Sentence
from etl.extract.table_figures import table_figures
from etl.extract.tables import Table
from etl.extract.timeline import Timeline


def table_claims(
    view: SectionView, table: Table, section: Section, ref: date | None, timeline: Timeline
) -> list[Found]:
    """The claims of a table's cells (see table_figures.py)."""
    text, config, model = view.text, view.config, view.model
    out: list[Found] = []
    note: list[DatePhrase | None] = []  # the date a note above the table gives, once asked
    for cf in table_figures(text, table, model, config, ref):
        if cf.when is None:
            if not note:
                p = view.sentence_at(table.start)
                note.append(timeline.note_before(p[0]) if p is not None else None)
            cf = cf._replace(when=note[0])
        who = cf.owner
        if who is None and model.main is not None and model.main.tracked:
            who = Attribution(config.name, True, "table_document")
        if who is None or (not who.tracked and config.other_entities != "keep"):
            continue
        f = cf.figure
        as_of, precision, period = as_of_parts(cf.when, ref, f.metric.metric)
        if as_of is None:
            continue
        date_source = "stated" if cf.when is not None else "section"
        evidence = Evidence(who.how, f.source, date_source)
        decision = decide(evidence)
        if decision is None:
            continue
        row = Sentence(cf.row.start, cf.row.end, 0)
        shift = cf.cell[0] - row.start
        f = replace(f, start=f.start + shift, end=f.end + shift, np_end=f.np_end + shift)
        claim = build_claim(f, who, as_of, precision, period, row, text[row.start : row.end],
                       section, config)  # fmt: skip
        if decision.status != "auto":
            claim = replace(claim, status=decision.status, unsure=decision.unsure)
        out.append((claim, f.number.step, evidence))
    return out
