"""The Sources page's components: documents table, upload card and result, document view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from dash import dcc, html

from dashboards.pages.sources import layout as sources_layout
from dashboards.pages.sources.actions import MAX_UPLOAD_BYTES, UploadedClaim, UploadResult
from dashboards.pages.sources.layout import (
    claims_table,
    document_view,
    documents_view,
    safe_url,
    upload_card,
    upload_result_view,
)
from db.documents import ClaimSpan, DocumentDetail, DocumentSummary
from tests.layout_tools import components, text_of

TEXT = "HONG KONG, 3 March 2026 – Over 3,100 start-ups now call the park home."


def summary(i: int = 1, url: str | None = None, published_on: date | None = date(2026, 3, 3)):
    return DocumentSummary(i, f"doc{i}.txt", f"Title {i}", "Cyberport", "press release", url,
                           published_on, "dateline", 2)  # fmt: skip


CLAIM = UploadedClaim(7, "companies", "over 3,100", "2026-03-03", TEXT)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>x</script>", None),
        ("/relative/path", None),
        (None, None),
    ],
)
def test_safe_url(url, expected) -> None:
    assert safe_url(url) == expected


def test_documents_table_rows_and_links() -> None:
    tree = documents_view([summary(1), summary(2, published_on=None)])
    rows = [c for c in components(tree) if isinstance(c, html.Tr)][1:]
    assert len(rows) == 2
    assert "2026-03-03" in text_of(rows[0]) and "dateline" in text_of(rows[0])
    assert "undated" in text_of(rows[1])
    links = [c for c in components(tree) if isinstance(c, dcc.Link)]
    assert [link.href for link in links] == ["/sources/1", "/sources/2"]


def test_documents_view_caps_the_table(monkeypatch) -> None:
    monkeypatch.setattr(sources_layout, "MAX_ROWS", 2)
    tree = documents_view([summary(i) for i in range(1, 6)])
    rows = [c for c in components(tree) if isinstance(c, html.Tr)][1:]
    assert len(rows) == 2
    assert "Showing the newest 2 of 5" in text_of(tree)


def test_no_documents() -> None:
    assert "No documents yet." in text_of(documents_view([]))


def test_claims_table_beside_the_text_links_to_the_marks() -> None:
    beside = claims_table([CLAIM], in_text=True)
    assert "Sentence" not in text_of(beside)
    assert [a.href for a in components(beside) if isinstance(a, html.A)] == ["#sources-claim-7"]
    full = claims_table([CLAIM])
    assert TEXT in text_of(full) and "Sentence" in text_of(full)
    rejected = claims_table([replace(CLAIM, status="rejected", notes="garbled")], in_text=True)
    (row,) = [c for c in components(rejected) if getattr(c, "className", None) == (
        "sources-row-rejected")]  # fmt: skip
    assert isinstance(row, html.Tr) and "rejected; garbled" in text_of(row)
    assert "No claims found" in text_of(claims_table([]))


def test_upload_card_only_offers_the_drop_zone_to_reviewers() -> None:
    anon = upload_card(False)
    assert not any(isinstance(c, dcc.Upload) for c in components(anon))
    assert "Log in" in text_of(anon)
    (drop,) = [c for c in components(upload_card(True)) if isinstance(c, dcc.Upload)]
    assert drop.id == "sources-upload"
    # every size goes on to the page's check, which says when a file is over the limit
    assert getattr(drop, "max_size", -1) == -1
    assert f"up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB" in text_of(upload_card(True))
    assert any(
        getattr(c, "id", None) == "sources-upload-checked" for c in components(upload_card(True))
    )
    assert set(drop.accept.split(",")) == {".txt", ".md", ".html", ".htm", ".pdf"}


def test_upload_result_view() -> None:
    bad = upload_result_view(UploadResult(False, "x.pdf: not a PDF"))
    assert len(bad) == 1 and bad[0].color == "danger" and bad[0].children == "x.pdf: not a PDF"
    good = upload_result_view(UploadResult(True, "doc.txt: added; 1 claim.", 3, (CLAIM,)))
    assert good[0].color == "success"
    assert any(getattr(c, "href", None) == "/sources/3" for c in components(good))
    assert "over 3,100" in text_of(good)


def test_document_view_marks_the_text_and_never_links_a_script_url() -> None:
    start = TEXT.index("Over 3,100")
    span = ClaimSpan(7, "companies", "Cyberport", 3100.0, "count", "over", date(2026, 3, 3), 0,
                     len(TEXT), start, start + len("Over 3,100"), "")  # fmt: skip
    detail = DocumentDetail(summary(1, url="javascript:alert(1)"), TEXT, (span,))
    tree = document_view(detail, [CLAIM])
    (body,) = [c for c in components(tree) if getattr(c, "id", None) == "sources-document-text"]
    assert text_of(body) == TEXT
    (mark,) = [c for c in components(body) if isinstance(c, html.Mark)]
    assert mark.children == "Over 3,100" and mark.id == "sources-claim-7"
    assert "javascript:alert(1)" in text_of(tree)  # shown, as text
    assert not [c for c in components(tree) if str(getattr(c, "href", "")).startswith("java")]
    assert "2026-03-03 — date found in the dateline at the top of the text" in text_of(tree)


def test_dates_do_not_wrap_and_their_source_is_explained() -> None:
    tree = documents_view([summary(1), summary(2)])
    cells = [c for c in components(tree) if isinstance(c, html.Td)]
    assert cells[0].className == "text-nowrap" and cells[0].children == "2026-03-03"
    assert "Date found in" in text_of(tree)
    (note,) = [c for c in components(tree) if getattr(c, "id", None) == "sources-date-note"]
    assert "dateline: the dateline at the top of the text" in text_of(note)
