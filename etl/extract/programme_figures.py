"""Counts in a sentence that names one of the tracked organisation's programmes by its acronym
("Since 2005 the CIP has admitted 112 start-ups"): read as the sentence would be with the
programme described in words, so that an intake is seen as one."""

from __future__ import annotations

import re
from dataclasses import replace

from etl.extract.candidates import is_generic
from etl.extract.document_model import DocumentModel
from etl.extract.figure import Figure
from etl.extract.lexicon import document_cues, phrases_re
from etl.extract.metrics import intake_metrics
from etl.extract.sentence_figures import find_figures


def programme_intakes(sent: str, figures: list[Figure], model: DocumentModel,
                      bare_dollar: str) -> list[Figure]:  # fmt: skip
    """`figures` with each general count ("112 start-ups") that the sentence, read with its
    programme acronyms described, gives as an intake, counted as that intake."""
    if not any(f.metric is not None and is_generic(f.metric) for f in figures):
        return figures
    acronyms = _acronyms(model)
    if acronyms is None or not acronyms.search(sent):
        return figures
    reading = document_cues()["units"]["programme_reading"]
    described = find_figures(acronyms.sub(reading, sent), bare_dollar, keep_bare=True,
                             keep_planned=True)  # fmt: skip
    intakes = [g for g in described if g.metric is not None and g.metric.metric in intake_metrics()]
    out = []
    for f in figures:
        same = next((g for g in intakes if g.number.value == f.number.value), None)
        if (
            same is not None
            and f.metric is not None
            and is_generic(f.metric)
            and not (f.source == "activity" and same.source != "activity")
        ):  # (not "CASP has supported 34 companies", grants read as an intake)
            f = replace(f, metric=same.metric, source=same.source)
        out.append(f)
    return out


def _acronyms(model: DocumentModel) -> re.Pattern[str] | None:
    keys = [
        k for k, u in model.units.items() if u.tracked_owner and u.counts_for_owner and " " not in k
    ]
    return re.compile(rf"\b(?:{phrases_re(keys)})\b", re.IGNORECASE) if keys else None
