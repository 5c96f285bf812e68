"""The series checks the dashboard starts: at start-up and after a review, off the callbacks.

A review marks its series dirty in the transaction that records it (db.reviews). A small
series is then checked at once, so the reviewer's next view shows the result; a large one
(tens of thousands of claims) is handed to one background thread per process, so the click
answers at once and its series follows within a second or so. At start the same thread
finishes whatever an interrupted run left.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from sqlalchemy import Engine

from db.claims import ClaimFilter, count_claims

INLINE_CLAIMS = 5_000  # a series this small is checked within the click (a few ms)
log = logging.getLogger(__name__)


class BackgroundChecks:
    """One thread that settles the dirty series whenever asked; requests made while it works
    are served by its next round."""

    def __init__(self) -> None:
        self._wanted = threading.Condition()
        self._engine: Engine | None = None
        self._pending = False
        self._busy = False
        self._thread: threading.Thread | None = None

    def request(self, engine: Engine) -> None:
        with self._wanted:
            self._engine, self._pending = engine, True
            if self._thread is None or not self._thread.is_alive():  # first, or after a fork
                self._thread = threading.Thread(target=self._run, name="series-checks", daemon=True)
                self._thread.start()
            self._wanted.notify()

    def wait_idle(self, timeout: float) -> bool:
        """True once nothing is pending or running (for tests and benchmarks)."""
        with self._wanted:
            return self._wanted.wait_for(lambda: not (self._pending or self._busy), timeout)

    def _run(self) -> None:
        from etl.check import settle

        while True:
            with self._wanted:
                self._wanted.wait_for(lambda: self._pending)
                engine, self._pending, self._busy = self._engine, False, True
            try:
                settle(engine)
            except Exception:  # a database gone away: the marks stay for the next round
                log.exception("checking the dirty series failed")
            finally:
                with self._wanted:
                    self._busy = False
                    self._wanted.notify_all()


background = BackgroundChecks()


def check_touched(engine: Engine, series: Iterable[tuple[str, str]]) -> None:
    """After a review: check the series it touched, each now if small, else in the
    background (never the whole database inside the click)."""
    from etl.check import settle

    small, large = [], False
    for entity, metric in dict.fromkeys(series):
        filt = ClaimFilter(entity=entity, metric=metric)
        if count_claims(engine, filt, at_most=INLINE_CLAIMS + 1) <= INLINE_CLAIMS:
            small.append((entity, metric))
        else:
            large = True
    if small:
        settle(engine, only=small)
    if large:
        background.request(engine)
