"""Check the series a change touched, each under its lock, and store what the checks find.

A change (a document stored, a review recorded) marks its series dirty in its own
transaction (db.dirty). `settle` then checks each dirty series on its own: it reads the
series' claims, detects its conflicts, stores them (same conflict, same id and history),
stores its consensus series, and clears the mark, all in one transaction holding the series'
lock. An interrupted run leaves the marks for the next command, which finishes them.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from db.conflict_store import store_series_conflicts
from db.dirty import SeriesKey, all_series, clear_dirty, dirty_series, dirty_token, mark_dirty
from db.locks import series_transaction, write_transaction
from db.metrics import catalogue
from db.series_claims import claim_quotes, series_claims
from db.series_store import read_copies, replace_copies, replace_series
from etl.check.checks import detect, examine
from etl.check.claims import points_from_columns
from etl.check.copies import ClaimKeys, KnownCopies
from etl.check.disputes import set_aside
from etl.check.rules import Thresholds
from etl.check.series import consensus_inputs, consensus_rows

RETRIES = 5
KEY_COLUMNS = ("claim_id", "claim_uid", "document_id")  # copies.ClaimKeys.by_document


@dataclass(frozen=True)
class RefreshSummary:
    claims: int  # claims the checks looked at
    found: int  # conflicts found now
    new: int
    reactivated: int
    deactivated: int
    reopened: int  # resolved by a reviewer, re-created by new claims
    series: int = 0  # series checked

    def line(self) -> str:
        return (
            f"{self.found} conflicts over {self.claims} claims in {self.series} series: "
            f"{self.new} new, {self.reactivated} back, {self.deactivated} gone, "
            f"{self.reopened} reopened"
        )

    def __add__(self, other: RefreshSummary) -> RefreshSummary:
        return RefreshSummary(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


NOTHING = RefreshSummary(0, 0, 0, 0, 0, 0, 0)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: a check makes and keeps some hundred thousand
    small objects, and each collection on the way would walk all of them (and every object
    the program holds) again. Nothing a check makes refers to itself."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def metric_rules() -> dict[str, tuple[str, bool]]:
    return {k: (m.label, m.cumulative) for k, m in catalogue().items()}


def check_series(engine: Engine, key: SeriesKey, th: Thresholds | None = None) -> RefreshSummary:
    """Check one dirty series and store its conflicts and consensus, under its lock; nothing
    when another process has done it meanwhile."""
    with series_transaction(engine, [key]) as conn, paused_gc():
        # What the check made is freed before collection resumes (on return from _check):
        # else the first collection after it would walk every object it still held.
        return _check(conn, key, th or Thresholds())


def _check(conn: Connection, key: SeriesKey, th: Thresholds) -> RefreshSummary:
    entity, metric = key
    label, cumulative = metric_rules().get(metric, (metric.replace("_", " ").capitalize(), False))
    token = dirty_token(conn, key)
    if token is None:
        return NOTHING
    cols = series_claims(conn, entity, metric)
    points, accepted = points_from_columns(cols)  # quotes are read where needed only
    examined = examine(points, cumulative, th) if points else None
    findings = detect(points, label=label, cumulative=cumulative, th=th, examined=examined)
    ids = dict(zip(cols["claim_uid"], cols["claim_id"].tolist(), strict=True))
    stored = store_series_conflicts(conn, entity, metric, findings, ids)
    # The conflicts just stored; the documents' standing from what series_claims read.
    inputs = consensus_inputs(conn, entity, metric, points, cols["signals"])
    copies = KnownCopies(
        read_copies(conn, entity, metric),
        ClaimKeys.by_document(*(points.stored(cols[c]) for c in KEY_COLUMNS), cols["documents"]),
        lambda ids: claim_quotes(conn, ids),
        everything=cols["claim_id"],
    )
    aside = set_aside(
        points, inputs["disputes"], inputs["quality"], accepted,
        cumulative=inputs["cumulative"], witnesses=copies,
        examined=examined if th == Thresholds() else None,
    )  # fmt: skip
    rows = consensus_rows(points, accepted, **inputs, witnesses=copies, aside=aside)
    replace_series(conn, entity, metric, rows)
    replace_copies(conn, entity, metric, copies.used)
    clear_dirty(conn, key, token)
    return RefreshSummary(len(points), stored.found, stored.new, stored.reactivated,
                          stored.deactivated, stored.reopened, 1)  # fmt: skip


def _check_with_retries(engine: Engine, key: SeriesKey, th: Thresholds | None) -> RefreshSummary:
    for attempt in range(RETRIES):
        try:
            return check_series(engine, key, th)
        except OperationalError:  # the database stayed busy past its timeout
            if attempt == RETRIES - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    return NOTHING


def settle(
    engine: Engine, th: Thresholds | None = None, *, only: Iterable[tuple[str, str]] | None = None
) -> RefreshSummary:
    """Check every dirty series (of `only`, when given): what each command runs after a change,
    and what the app runs at start to finish an interrupted run."""
    keys = dirty_series(engine)
    if only is not None:
        wanted = {tuple(k) for k in only}
        keys = [k for k in keys if tuple(k) in wanted]
    total = NOTHING
    for key in keys:
        total += _check_with_retries(engine, key, th)
    return total


def mark_series(engine: Engine, series: Iterable[tuple[str, str]]) -> int:
    """Mark series dirty in a transaction of its own (claims inserted by other means)."""
    with write_transaction(engine) as conn:
        return mark_dirty(conn, series)


def refresh(engine: Engine, th: Thresholds | None = None) -> RefreshSummary:
    """Check every series again: all are marked first (one transaction), so an interrupted run
    leaves the rest to the next command."""
    with write_transaction(engine) as conn:
        mark_dirty(conn, all_series(conn))
    return settle(engine, th)
