"""Headline figures: each metric's latest believed figure against the one about a year earlier.

One comparison basis for every card, named on it: a card compares its newest believed point
with the believed point nearest to one year before it, if one lies within three months of that
day (9 to 15 months before). Press offices restate figures at irregular times; "since the last
statement" would compare a card over five months with another over two years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from etl.check.consensus import SeriesPoint
from etl.check.disputes import Dispute, worst_severity
from etl.report.words import SEVERITY_WORDS, day_text, figure_text, format_amount, interval_text

HEADLINE_METRICS = ("companies", "listed_companies", "unicorns", "funding_raised")
YEAR = timedelta(days=365)
YEAR_SLACK = timedelta(days=92)  # "about a year earlier": 9 to 15 months before
BASIS = "against about a year earlier"
BASIS_NOTE = (
    "Each card shows the latest believed figure as printed (\u201cover\u201d, \u201cabout\u201d) "
    "and compares it with the believed figure about a year earlier (9 to 15 months before)."
)


@dataclass(frozen=True)
class Kpi:
    """One headline card: the latest believed point, the one a year earlier, and disputes."""

    metric: str
    label: str
    unit: str
    latest: SeriesPoint | None = None
    earlier: SeriesPoint | None = None
    series: tuple[SeriesPoint, ...] = ()
    disputed: str = ""  # severity of the worst open conflict over either point
    conflict_ids: tuple[int, ...] = field(default=())

    @property
    def change(self) -> float | None:
        if self.latest is None or self.earlier is None:
            return None
        return self.latest.value - self.earlier.value

    def value_text(self) -> str:
        """'over 2,300', or '–' without data."""
        if self.latest is None:
            return "–"
        return figure_text(self.latest.value, self.unit, self.latest.qualifier)

    def detail_text(self) -> str:
        """'2,300 to 2,400 · figure of 21 Oct 2025'."""
        p = self.latest
        if p is None:
            return "no figure yet"
        span = interval_text(p.value_low, p.value_high, self.unit)
        return f"{span} · figure of {day_text(p.as_of)}"

    def change_text(self) -> str:
        """'+300 against about a year earlier (over 2,000 on 23 Sep 2024)'."""
        if self.latest is None:
            return ""
        if self.earlier is None:
            return "no figure from about a year earlier"
        change = self.change or 0.0
        sign = "+" if change > 0 else "−" if change < 0 else "±"
        amount = format_amount(abs(change), self.unit)
        then = figure_text(self.earlier.value, self.unit, self.earlier.qualifier)
        return f"{sign}{amount} {BASIS} ({then} on {day_text(self.earlier.as_of)})"

    def disputed_text(self) -> str:
        """'Disputed · high severity', or ''."""
        if not self.disputed:
            return ""
        return f"Disputed · {SEVERITY_WORDS.get(self.disputed, self.disputed)}"


def year_earlier(series: Sequence[SeriesPoint], latest: SeriesPoint) -> SeriesPoint | None:
    """The point nearest to one year before `latest`, within YEAR_SLACK of that day."""
    target = latest.as_of - YEAR
    near = [p for p in series if abs(p.as_of - target) <= YEAR_SLACK and p.as_of < latest.as_of]
    return min(near, key=lambda p: (abs(p.as_of - target), p.as_of), default=None)


def make_kpi(
    metric: str,
    label: str,
    unit: str,
    series: Sequence[SeriesPoint],
    disputes: Sequence[Dispute] = (),
) -> Kpi:
    """The card of one metric from its believed stock series (flows left out) and its open
    conflicts."""
    stock = tuple(sorted((p for p in series if not p.period), key=lambda p: p.as_of))
    if not stock:
        return Kpi(metric, label, unit)
    latest = stock[-1]
    earlier = year_earlier(stock, latest)
    shown = {*latest.supporting, *(earlier.supporting if earlier else ())}
    hit = [d for d in disputes if shown & set(d.claim_ids)]
    severity = worst_severity(
        [d.severity for d in hit] + [latest.disputed] + [earlier.disputed if earlier else ""]
    )
    ids = tuple(sorted({d.conflict_id for d in hit}))
    return Kpi(metric, label, unit, latest, earlier, stock, severity, ids)
