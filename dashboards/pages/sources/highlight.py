"""A document's text with its claims highlighted, as Dash components holding plain text only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from dash import html

from db.documents import ClaimSpan
from etl.report.words import format_date, format_value

MARK_CLASS = "sources-mark"
MARK_COLOURS = ("#fff3a3", "#ffd166")  # one claim; several claims over the same words


@dataclass(frozen=True)
class Highlight:
    """A stretch [start, end) of the text to mark, with what it says."""

    start: int
    end: int
    claim_id: int
    label: str


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same set of highlights (none for plain text)."""

    start: int
    end: int
    text: str
    claim_ids: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()


def claim_label(span: ClaimSpan) -> str:
    """Tooltip text: "companies: over 1,900 (as of 2023-03-21)"."""
    text = f"{span.metric}: {format_value(span.value, span.unit, span.qualifier)}"
    text += f" (as of {format_date(span.as_of)})"
    if span.entity and span.entity != "Cyberport":
        text = f"{span.entity} · {text}"
    if span.flags:
        text += f" [{span.flags.replace(';', ', ')}]"
    return text


def claim_highlights(spans: Iterable[ClaimSpan]) -> list[Highlight]:
    """One highlight per claim over its figure (the quote when the figure's span is empty)."""
    out = []
    for s in spans:
        start, end = s.mention_start, s.mention_end
        if end <= start:
            start, end = s.char_start, s.char_end
        out.append(Highlight(start, end, s.claim_id, claim_label(s)))
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
            Highlight(max(0, h.start), min(n, h.end), h.claim_id, h.label) for h in highlights
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
        if prev is not None and prev.claim_ids == ids:  # merge runs with the same cover
            segments[-1] = Segment(prev.start, b, prev.text + text[a:b], ids, labels)
        else:
            segments.append(Segment(a, b, text[a:b], ids, labels))
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
        out.append(
            html.Mark(
                seg.text,
                title="\n".join(seg.labels),
                className=MARK_CLASS + (" sources-mark-overlap" if overlap else ""),
                style={"backgroundColor": MARK_COLOURS[overlap], "padding": "0 1px"},
                **props,
            )
        )
    return out


def highlighted_text(text: str, spans: Iterable[ClaimSpan]) -> list[str | html.Mark]:
    """The document's text as components, its claims' figures marked."""
    return render_segments(split_segments(text, claim_highlights(spans)))
