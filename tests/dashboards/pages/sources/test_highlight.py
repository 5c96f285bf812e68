"""The document view's highlighting: plain text pieces, marks over claims, overlaps."""

from __future__ import annotations

from datetime import date

from dash import html
from hypothesis import given
from hypothesis import strategies as st

from dashboards.pages.sources.highlight import (
    Highlight,
    claim_highlights,
    claim_label,
    highlighted_text,
    render_segments,
    split_segments,
)
from db.documents import ClaimSpan


def span(claim_id: int, start: int, end: int, **kw) -> ClaimSpan:
    fields = {
        "metric": "companies",
        "entity": "Cyberport",
        "value": 1900.0,
        "unit": "count",
        "qualifier": "over",
        "as_of": date(2023, 3, 21),
        "char_start": 0,
        "char_end": end,
        "mention_start": start,
        "mention_end": end,
        "flags": "",
    }
    fields.update(kw)
    return ClaimSpan(claim_id=claim_id, **fields)


def flatten(children) -> str:
    """The text a browser would show for a list of components and strings."""
    out = []
    for c in children:
        if isinstance(c, str):
            out.append(c)
        else:
            out.append(flatten(c.children if isinstance(c.children, list) else [c.children]))
    return "".join(out)


def test_label_gives_metric_value_and_date() -> None:
    assert claim_label(span(1, 0, 4)) == "companies: over 1,900 (figure of 2023-03-21)"
    money = span(2, 0, 4, metric="funding_raised", value=43.4e9, unit="HKD", flags="garbled")
    assert claim_label(money) == "funding_raised: over HK$43.4bn (figure of 2023-03-21) [garbled]"


def test_mark_covers_only_the_figure() -> None:
    text = "Cyberport has over 1,900 start-ups."
    start = text.index("over")
    parts = highlighted_text(text, [span(7, start, start + len("over 1,900"))])
    assert parts[0] == "Cyberport has "
    mark = parts[1]
    assert isinstance(mark, html.Mark)
    assert mark.children == "over 1,900"
    assert mark.title == "companies: over 1,900 (figure of 2023-03-21)"
    assert mark.id == "sources-claim-7"
    assert parts[2] == " start-ups."


def test_empty_mention_falls_back_to_the_quote() -> None:
    (h,) = claim_highlights([span(3, 5, 5, char_start=0, char_end=9)])
    assert (h.start, h.end) == (0, 9)


def test_overlapping_claims_split_into_runs() -> None:
    text = "abcdefghij"
    segs = split_segments(text, [Highlight(2, 6, 1, "one"), Highlight(4, 8, 2, "two")])
    assert [(s.text, s.claim_ids) for s in segs] == [
        ("ab", ()),
        ("cd", (1,)),
        ("ef", (1, 2)),
        ("gh", (2,)),
        ("ij", ()),
    ]
    assert segs[2].labels == ("one", "two")
    parts = render_segments(segs)
    ids = [p.id for p in parts if isinstance(p, html.Mark) and getattr(p, "id", None)]
    assert ids == ["sources-claim-1", "sources-claim-2"]  # each anchor once, never repeated
    assert "overlap" in parts[2].className


def test_nested_and_identical_spans() -> None:
    segs = split_segments(
        "0123456789", [Highlight(0, 10, 1, "a"), Highlight(3, 5, 2, "b"), Highlight(3, 5, 3, "c")]
    )
    assert [(s.text, s.claim_ids) for s in segs] == [
        ("012", (1,)),
        ("34", (1, 2, 3)),
        ("56789", (1,)),
    ]


def test_spans_outside_the_text_are_clipped_or_dropped() -> None:
    segs = split_segments(
        "short",
        [
            Highlight(3, 99, 1, "a"),
            Highlight(50, 60, 2, "b"),
            Highlight(-4, 1, 3, "c"),
            Highlight(2, 2, 4, "d"),
        ],
    )
    assert [(s.text, s.claim_ids) for s in segs] == [
        ("s", (3,)),
        ("ho", ()),
        ("rt", (1,)),
    ]


def test_markup_in_the_text_stays_text() -> None:
    text = 'Hi <script>window.__pwned = 1</script> and <img src=x onerror="alert(1)"> 3,100 firms'
    start = text.index("3,100")
    parts = highlighted_text(text, [span(1, start, start + 5)])
    assert parts[0] == text[:start]  # a plain string: React renders it as text
    assert all(isinstance(p, str | html.Mark) for p in parts)
    assert flatten(parts) == text


def test_no_claims_gives_the_text_unchanged() -> None:
    assert highlighted_text("plain", []) == ["plain"]
    assert highlighted_text("", []) == []


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_segments_rebuild_the_text_and_cover_exactly(text, raw) -> None:
    hs = [Highlight(a, b, i, f"claim {i}") for i, (a, b) in enumerate(raw)]
    segs = split_segments(text, hs)
    assert "".join(s.text for s in segs) == text
    for s in segs:
        assert text[s.start : s.end] == s.text
        for pos in range(s.start, s.end):
            expected = tuple(h.claim_id for h in hs if h.start <= pos < h.end)
            assert s.claim_ids == expected
    assert flatten(render_segments(segs)) == text


def test_decisions_show_on_the_marks() -> None:
    text = "over 1,900 and 2000,2018 companies"
    rejected = span(1, 0, 10, status="rejected")
    garbled = span(2, 15, 24, flags="garbled")
    labels = {"companies": "Companies in the community"}
    decisions = {1: "rejected by ana, 2026-02-14 09:30 UTC: “a partner's count”"}
    parts = highlighted_text(text, [rejected, garbled], labels, decisions)
    first, second = (p for p in parts if isinstance(p, html.Mark))
    assert "sources-mark-rejected" in first.className  # struck through (dashboard.css)
    assert first.title == (
        "Companies in the community: over 1,900 (figure of 2023-03-21) — rejected\n"
        "Review: rejected by ana, 2026-02-14 09:30 UTC: “a partner's count”"
    )
    assert "sources-mark-garbled" in second.className and "[garbled]" in second.title
    assert claim_label(span(3, 0, 4, period="P1Y")).startswith(
        "companies: over 1,900 added in one year"
    )
