"""Sources page in a real browser: the documents, a document's marked text, upload, and
markup inside a document staying text."""

from __future__ import annotations

from pathlib import Path

from db.documents import get_document, list_documents
from tests.browser.conftest import wait_for_dash

RELEASE = (
    "Quarry Bay Innovation Week draws record crowds\n\n"
    "HONG KONG, 3 March 2026 – Cyberport said on Tuesday that the community it runs has grown "
    "to over 3,100 start-ups and technology companies, and that demand for its co-working "
    "space keeps rising.\n"
)
HOSTILE = (
    "HONG KONG, 9 March 2026 – A note for the record.\n\n"
    "<script>window.__pwned = 1</script>\n"
    '<img src=x onerror="window.__pwned = 2">\n'
    "Cyberport now counts more than 3,150 start-ups and technology companies.\n"
)


def upload(page, path: Path) -> str:
    """Upload a file through the page's drop zone; the one-line result."""
    page.goto("/sources")
    wait_for_dash(page)
    page.set_input_files("#sources-upload input[type=file]", str(path))
    page.wait_for_selector("#sources-upload-message")
    return page.inner_text("#sources-upload-message")


def test_documents_table_and_marked_text(browser_page, live_engine, screenshot):
    page = browser_page
    page.goto("/sources")
    wait_for_dash(page)
    docs = list_documents(live_engine)
    rows = page.locator("#sources-table tbody tr")
    assert rows.count() == len(docs)
    first = rows.nth(0).inner_text()
    assert str(docs[0].claims) in first and "sources list" in first  # how the date was found
    assert "sources list: the sources list (sources.csv)" in page.inner_text("#sources-date-note")
    date_cell = rows.nth(0).locator("td").first
    assert date_cell.evaluate("td => getComputedStyle(td).whiteSpace") == "nowrap"
    assert date_cell.inner_text() == docs[0].published_on.isoformat()
    assert page.locator("#sources-upload").count() == 0  # anonymous: no drop zone
    assert page.locator("#sources-upload-login").count() == 1

    # The document with the most claims among those holding a garbled figure (the seeds'
    # machine-translated feature): its marks show both kinds.
    def garbled_claims(d) -> int:
        found = get_document(live_engine, d.id)
        return sum("garbled" in x.flags.split(";") for x in found.claims) if found else 0

    doc = max(docs, key=lambda d: (garbled_claims(d) > 0, d.claims))
    page.click(f"#sources-table a[href='/sources/{doc.id}']")
    page.wait_for_selector("#sources-document-text")
    wait_for_dash(page)
    detail = get_document(live_engine, doc.id)
    assert detail is not None and detail.claims
    shown = page.inner_text("#sources-document-text")
    assert shown.split() == detail.text.split()  # the whole text, as text
    marks = page.locator("#sources-document-text mark")
    assert marks.count() >= 1
    ids = {int(x) for m in marks.all() for x in m.get_attribute("data-claims").split()}
    assert ids == {c.claim_id for c in detail.claims}
    c = detail.claims[0]
    mark = page.locator(f"#sources-claim-{c.claim_id}")
    assert mark.inner_text() in detail.text[c.mention_start : c.mention_end]
    title = mark.get_attribute("title")
    assert f"figure of {c.as_of.isoformat()}" in title
    garbled = [x for x in detail.claims if "garbled" in x.flags.split(";")]
    for x in garbled:  # marked as garbled: a wavy underline
        cls = page.locator(f"#sources-document-text mark[data-claims~='{x.claim_id}']").first
        assert "sources-mark-garbled" in cls.get_attribute("class")
    assert garbled, "the seeds' machine-translated feature has garbled figures"
    page.locator("#sources-document-text mark").first.evaluate(
        "m => m.scrollIntoView({block: 'center'})"
    )
    page.wait_for_function("() => window.scrollY > 0")  # Bootstrap scrolls smoothly
    page.wait_for_timeout(500)
    screenshot(page, "sources")


def test_reviewer_uploads_a_document_and_sees_its_claims(reviewer_page, live_engine, tmp_path):
    page = reviewer_page
    path = tmp_path / "innovation-week.txt"
    path.write_text(RELEASE, encoding="utf-8")
    before = len(list_documents(live_engine))
    message = upload(page, path)
    assert message.startswith("innovation-week.txt: added;"), message
    table = page.inner_text("#sources-upload-result")
    assert "over 3,100" in table and "2026-03-03" in table
    stored = next(d for d in list_documents(live_engine) if d.file_name == "innovation-week.txt")
    assert stored.claims >= 1 and stored.published_on.isoformat() == "2026-03-03"
    # The list below the drop zone now holds it, and the count above says so.
    assert page.locator(f"#sources-table a[href='/sources/{stored.id}']").count() == 1
    assert page.inner_text("#sources-count").startswith(f"{before + 1} documents")
    assert page.locator("#sources-table tbody tr").count() == before + 1


def test_a_file_that_cannot_be_read_shows_one_line(reviewer_page, live_engine, tmp_path):
    path = tmp_path / "annual-report.pdf"
    path.write_bytes(b"%PDF-1.7 this is not really a PDF")
    before = len(list_documents(live_engine))
    message = upload(reviewer_page, path)
    assert message.startswith("annual-report.pdf: ") and "\n" not in message
    assert "added" not in message
    assert len(list_documents(live_engine)) == before


def test_markup_in_a_document_stays_inert(reviewer_page, live_engine, tmp_path):
    page = reviewer_page
    path = tmp_path / "record-note.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    message = upload(page, path)
    assert message.startswith("record-note.txt: added;"), message
    stored = next(d for d in list_documents(live_engine) if d.file_name == "record-note.txt")
    page.goto(f"/sources/{stored.id}")
    wait_for_dash(page)
    page.wait_for_selector("#sources-document-text")
    shown = page.inner_text("#sources-document-text")
    assert "<script>window.__pwned = 1</script>" in shown
    assert '<img src=x onerror="window.__pwned = 2">' in shown
    assert page.locator("#sources-document-text script, #sources-document-text img").count() == 0
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
