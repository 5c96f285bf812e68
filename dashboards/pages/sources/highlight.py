"""A document's text with its claims highlighted, as Dash components holding plain text only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from dash import html

from db.documents import ClaimSpan
from etl.report.words import STATUS_WORDS, format_date, format_value, period_text

MARK_CLASS = "sources-mark"
MARK_COLOURS = ("#fff3a3", "#ffd166")  # one claim; several claims over the same words


@dataclass(frozen=True)
class Highlight:
    """A stretch [start, end) of the text to mark, with what it says."""

    start: int
    end: int
    claim_id: int
    label: str
    look: str = ""  # "rejected" (struck through) or "garbled" (wavy underline)


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same set of highlights (none for plain text)."""

    start: int
    end: int
    text: str
    claim_ids: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()
    looks: tuple[str, ...] = ()  # every claim over the run rejected or garbled: so marked


def claim_label(
    span: ClaimSpan, labels: Mapping[str, str] | None = None, decision: str = ""
) -> str:
    """Tooltip text: "Companies in the community: over 1,900 (figure of 2023-03-21)", then what a
    reviewer decided and why."""
    metric = (labels or {}).get(span.metric, span.metric)
    text = f"{metric}: {format_value(span.value, span.unit, span.qualifier)}"
    if span.period:
        text += f" added {period_text(span.period)}"
    text += f" (figure of {format_date(span.as_of)})"
    if span.entity and span.entity != "Cyberport":
        text = f"{span.entity} · {text}"
    if span.flags:
        text += f" [{span.flags.replace(';', ', ')}]"
    if span.status != "auto":
        text += f" — {STATUS_WORDS.get(span.status, span.status)}"
    if decision:
        text += f"\nReview: {decision}"
    return text


def look_of(span: ClaimSpan) -> str:
    if span.status == "rejected":
        return "rejected"
    return "garbled" if "garbled" in span.flags.split(";") else ""


def claim_highlights(
    spans: Iterable[ClaimSpan],
    labels: Mapping[str, str] | None = None,
    decisions: Mapping[int, str] | None = None,
) -> list[Highlight]:
    """One highlight per claim over its figure (the quote when the figure's span is empty)."""
    out = []
    for s in spans:
        start, end = s.mention_start, s.mention_end
        if end <= start:
            start, end = s.char_start, s.char_end
        label = claim_label(s, labels, (decisions or {}).get(s.claim_id, ""))
        out.append(Highlight(start, end, s.claim_id, label, look_of(s)))
    return out


def split_segments(text: str, highlights: Sequence[Highlight]) -> list[Segment]:
    """Cut `text` at every highlight edge; overlapping highlights share the runs they overlap.

    Spans outside the text are clipped, empty ones dropped; joining the segments' text gives
    back `text` exactly.
    """
    n = len(text)
    clipped = [
        h
        for h in (
            Highlight(max(0, h.start), min(n, h.end), h.claim_id, h.label, h.look)
            for h in highlights
        )
        if h.start < h.end
    ]
    cuts = sorted({0, n, *(h.start for h in clipped), *(h.end for h in clipped)})
    segments: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = sorted(
            (h for h in clipped if h.start <= a and b <= h.end), key=lambda h: h.claim_id
        )
        ids = tuple(dict.fromkeys(h.claim_id for h in covering))
        labels = tuple(dict.fromkeys(h.label for h in covering))
        prev = segments[-1] if segments else None
        looks = tuple(dict.fromkeys(h.look for h in covering if h.look))
        if prev is not None and prev.claim_ids == ids:  # merge runs with the same cover
            segments[-1] = Segment(prev.start, b, prev.text + text[a:b], ids, labels, looks)
        else:
            segments.append(Segment(a, b, text[a:b], ids, labels, looks))
    return segments


def render_segments(segments: Sequence[Segment]) -> list[str | html.Mark]:
    """Plain strings for unmarked text, `html.Mark` (with a title) for highlighted runs.

    Each claim's first run carries the anchor id `sources-claim-<id>`.
    """
    out: list[str | html.Mark] = []
    anchored: set[int] = set()
    for seg in segments:
        if not seg.claim_ids:
            out.append(seg.text)
            continue
        new = [c for c in seg.claim_ids if c not in anchored]
        anchored.update(new)
        overlap = len(seg.claim_ids) > 1
        props = {"data-claims": " ".join(map(str, seg.claim_ids))}
        if new:
            props["id"] = f"sources-claim-{new[0]}"
        looks = "".join(f" sources-mark-{x}" for x in seg.looks)
        out.append(
            html.Mark(
                seg.text,
                title="\n".join(seg.labels),
                className=MARK_CLASS + (" sources-mark-overlap" if overlap else "") + looks,
                style={"backgroundColor": MARK_COLOURS[overlap], "padding": "0 1px"},
                **props,
            )
        )
    return out


def highlighted_text(
    text: str,
    spans: Iterable[ClaimSpan],
    labels: Mapping[str, str] | None = None,
    decisions: Mapping[int, str] | None = None,
) -> list[str | html.Mark]:
    """The document's text as components, its claims' figures marked (rejected ones struck
    through, garbled ones underlined), each mark's title saying what a reviewer decided."""
    return render_segments(split_segments(text, claim_highlights(spans, labels, decisions)))
