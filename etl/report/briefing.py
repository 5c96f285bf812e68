"""The management briefing: one printable page of the headline figures, from the same data as
the dashboard (`/briefing`, `python -m etl briefing --out FILE.html`).

Headline cards, a small chart per headline metric, the sources behind each latest figure and
the open disputes in one sentence each, dated. One self-contained HTML file: styles inline,
charts as inline SVG, no script, no link to fetch, so it prints on A4 and opens offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from itertools import pairwise

from sqlalchemy import Engine

from db.claims import ClaimFilter, iter_claims
from db.conflicts import iter_conflicts
from db.metrics import catalogue
from db.records import SEVERITY_ORDER
from etl.report import svg
from etl.report.kpis import BASIS_NOTE, HEADLINE_METRICS, Kpi, make_kpi
from etl.report.words import (
    SEVERITY_WORDS,
    conflict_kind_text,
    day_text,
    figure_text,
    metric_labels,
    row_document_name,
)

MAX_DISPUTES = 12  # one page: the rest are on the Conflicts page
QUOTE_CHARS = 120  # of each source's sentence: enough to recognise it, short enough for a page
BELIEVED, DISPUTED, OUTLIER = "#253494", "#d7301f", "#d7301f"
CLAIM_COLUMNS = (
    "claim_id",
    "as_of",
    "value",
    "value_hkd",
    "unit",
    "qualifier",
    "period",
    "flags",
    "status",
    "quote",
    "document",
    "title",
    "publisher",
    "kind",
    "published_on",
)


@dataclass(frozen=True)
class Headline:
    """One headline metric: its card, its chart and the sources behind its latest figure."""

    kpi: Kpi
    chart: str  # SVG markup
    sources: tuple[str, ...]  # one line each: "Title (Publisher, press release, 5 Jun 2025)"


def _hkd(row: dict) -> float:
    return row["value_hkd"] if row.get("value_hkd") is not None else row["value"]


def small_chart(kpi: Kpi, claims: Sequence[dict]) -> str:
    """The believed series (dashed where disputed) and the figures set aside as disputed."""
    series = kpi.series
    lines = []
    for a, b in pairwise(series):
        bad = bool(a.disputed or b.disputed)
        name, colour = ("Disputed stretch", DISPUTED) if bad else ("Believed", BELIEVED)
        lines.append(svg.Line(name, (a.as_of, b.as_of), (a.value, b.value), colour, dashed=bad))
    believed = {c for p in series for c in p.supporting}
    outliers = [
        r
        for r in claims
        if r["claim_id"] not in believed
        and not r["period"]
        and r["status"] != "rejected"
        and "garbled" not in r["flags"]
        and "conflict" in r["flags"]
    ]
    marks = [
        svg.Marks(
            "Believed",
            tuple(p.as_of for p in series),
            tuple(p.value for p in series),
            "circle",
            BELIEVED,
            7,
        ),
        svg.Marks(
            "Disputed, not believed",
            tuple(r["as_of"] for r in outliers),
            tuple(_hkd(r) for r in outliers),
            "ring",
            OUTLIER,
            6,
        ),
    ]
    unit = "HKD" if kpi.unit in ("USD", "RMB") else kpi.unit
    chart = svg.Chart(tuple(lines), tuple(m for m in marks if m.xs), "", unit)
    return svg.render(chart, 340, 112, legend=bool(outliers))


def source_lines(kpi: Kpi, claims: Sequence[dict]) -> tuple[str, ...]:
    """The documents behind the latest figure, each with the sentence it stands on."""
    if kpi.latest is None:
        return ()
    by_id = {r["claim_id"]: r for r in claims}
    out = []
    for cid in kpi.latest.supporting:
        r = by_id.get(cid)
        if r is None:
            continue
        name = row_document_name(r)
        what = ", ".join(x for x in (r["publisher"], r["kind"], day_text(r["published_on"])) if x)
        quote = (
            r["quote"]
            if len(r["quote"]) <= QUOTE_CHARS
            else (r["quote"][: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "\u2026")
        )
        out.append(f"{name} ({what}): \u201c{quote}\u201d")
    return tuple(dict.fromkeys(out))


def headlines(engine: Engine, entity: str) -> list[Headline]:
    """The headline metrics' cards (from the stored believed series), charts and sources."""
    from etl.check.series import disputes_of, stored_series

    disputes = disputes_of(engine, entity)
    out = []
    for metric in HEADLINE_METRICS:
        info = catalogue().get(metric)
        if info is None:
            continue
        kpi = make_kpi(
            metric,
            info.label,
            info.unit,
            stored_series(engine, entity, metric),
            disputes.get((entity, metric), ()),
        )
        claims = list(
            iter_claims(engine, ClaimFilter(metric=metric, entity=entity), columns=CLAIM_COLUMNS)
        )
        out.append(Headline(kpi, small_chart(kpi, claims), source_lines(kpi, claims)))
    return out


def open_disputes(engine: Engine, entity: str) -> list[dict]:
    """Open conflicts of the entity, the most serious first."""
    rows = [r for r in iter_conflicts(engine, ClaimFilter(status="open", entity=entity))]
    return sorted(rows, key=lambda r: (SEVERITY_ORDER.get(r["severity"], 9), r["conflict_id"]))


def briefing_html(
    engine: Engine,
    entity: str | None = None,
    *,
    today: date | None = None,
) -> str:
    """The briefing as one HTML document."""
    from etl.config import load_config

    entity = entity or load_config().name
    today = today or date.today()
    heads = headlines(engine, entity)
    disputes = open_disputes(engine, entity)
    latest = max((h.kpi.latest.as_of for h in heads if h.kpi.latest), default=None)
    return PAGE.format(
        title=escape(f"{entity}: management briefing, {day_text(today)}"),
        heading=escape(f"{entity}: headline figures"),
        dated=escape(
            f"Briefing of {day_text(today)}"
            + (f" \u00b7 newest figure dated {day_text(latest)}" if latest else "")
        ),
        basis=escape(BASIS_NOTE),
        cards="".join(_card(h.kpi) for h in heads),
        charts="".join(_chart_block(h) for h in heads),
        disputes=_disputes(disputes),
        style=STYLE,
    )


def _card(k: Kpi) -> str:
    tag = (
        f'<p class="tag {escape(k.disputed)}">{escape(k.disputed_text())}</p>' if k.disputed else ""
    )
    return (
        f'<section class="card"><h3>{escape(k.label)}</h3>'
        f'<p class="value">{escape(k.value_text())}</p>'
        f'<p class="small">{escape(k.detail_text())}</p>'
        f'<p class="small muted">{escape(k.change_text())}</p>{tag}</section>'
    )


def _chart_block(h: Headline) -> str:
    sources = "".join(f"<li>{escape(s)}</li>" for s in h.sources) or "<li>No figure yet.</li>"
    latest = (
        figure_text(h.kpi.latest.value, h.kpi.unit, h.kpi.latest.qualifier)
        if h.kpi.latest
        else "no figure yet"
    )
    return (
        f'<section class="metric"><h3>{escape(h.kpi.label)}</h3>{h.chart}'
        f'<p class="small"><b>Behind the latest figure ({escape(latest)}):</b></p>'
        f'<ul class="sources">{sources}</ul></section>'
    )


def _disputes(rows: Sequence[dict]) -> str:
    if not rows:
        return "<p>No open disputes.</p>"
    labels = metric_labels()
    items = []
    for r in rows[:MAX_DISPUTES]:
        found = r["detected_at"]
        when = day_text(found.date() if hasattr(found, "date") else None)
        head = (
            f"#{r['conflict_id']} {labels.get(r['metric'], r['metric'])}, "
            f"{conflict_kind_text(r['kind'])} ({SEVERITY_WORDS.get(r['severity'], r['severity'])}"
            f", found {when})"
        )
        items.append(f"<li><b>{escape(head)}:</b> {escape(r['explanation'])}</li>")
    more = len(rows) - MAX_DISPUTES
    tail = f"<p class='small muted'>And {more} more on the Conflicts page.</p>" if more > 0 else ""
    return f"<ol class='disputes'>{''.join(items)}</ol>{tail}"


STYLE = """
@page { size: A4; margin: 10mm 12mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #212529; font-size: 9.5pt; line-height: 1.25; margin: 0 auto; max-width: 190mm;
       padding: 8mm 0; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 11pt; margin: 3mm 0 1.5mm; border-bottom: 1px solid #dee2e6; }
h3 { font-size: 10pt; margin: 0 0 1mm; color: #495057; }
p { margin: 0 0 1mm; }
.small { font-size: 8.5pt; }
.muted { color: #6c757d; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; }
.card { border: 1px solid #dee2e6; border-radius: 2mm; padding: 2.5mm; break-inside: avoid; }
.value { font-size: 14pt; font-weight: 600; }
.tag { display: inline-block; font-size: 8pt; font-weight: 600; color: white;
       border-radius: 1mm; padding: 0.3mm 1.5mm; margin-top: 1mm; background: #0dcaf0; }
.tag.high { background: #dc3545; } .tag.medium { background: #fd7e14; }
.metrics { display: grid; grid-template-columns: repeat(2, 1fr); gap: 3mm 5mm; }
.metric { break-inside: avoid; }
.metric svg { width: 100%; height: auto; }
.sources { margin: 0; padding-left: 4mm; font-size: 7.5pt; color: #495057; }
.disputes { padding-left: 5mm; margin: 0; font-size: 8.5pt; }
.disputes li { margin-bottom: 1mm; break-inside: avoid; }
footer { margin-top: 4mm; font-size: 8pt; color: #6c757d; }
@media screen { body { padding: 8mm 4mm; } }
@media screen and (max-width: 640px) {
  .cards { grid-template-columns: repeat(2, 1fr); } .metrics { grid-template-columns: 1fr; }
}
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header>
<h1>{heading}</h1>
<p class="muted">{dated}</p>
</header>
<main>
<h2>Headline figures</h2>
<div class="cards">{cards}</div>
<p class="small muted">{basis}</p>
<h2>Over time, and the sources behind each latest figure</h2>
<div class="metrics">{charts}</div>
<h2>Open disputes</h2>
{disputes}
</main>
<footer>Made by the Cyberport Metrics Timeline from the same data as its dashboard. Figures are
given as printed in their sources; the believed line weighs each source's standing, and a figure
disputed by a stronger source is drawn apart from it.</footer>
</body>
</html>
"""
