"""Anyone may view, but the server refuses every write from someone not logged in."""

from __future__ import annotations

import base64
import csv
import io

from db.documents import list_documents
from tests.browser.conftest import REVIEWER, post_callback, wait_for_dash

NOTE = "Cyberport says it now hosts over 9,999 companies, as of 1 March 2026.\n"


def upload_payload(name: str) -> dict:
    data = base64.b64encode(NOTE.encode()).decode()
    return {"sources-upload.contents": f"data:text/plain;base64,{data}"}


def test_anonymous_upload_is_refused_by_the_server(browser_page, live_engine):
    page = browser_page
    page.goto("/sources")
    wait_for_dash(page)
    before = {d.file_name for d in list_documents(live_engine)}
    response = post_callback(page, "sources-upload", "contents", upload_payload("evil.txt"),
                             {"sources-upload.filename": "anonymous-upload.txt"})  # fmt: skip
    assert "anonymous-upload.txt" not in {d.file_name for d in list_documents(live_engine)}
    assert {d.file_name for d in list_documents(live_engine)} == before
    assert response.status in (200, 204, 403)
    if response.status == 200:
        assert "log in" in response.text().lower()


def test_login_and_logout_in_the_navbar(reviewer_page):
    page = reviewer_page
    assert REVIEWER in page.inner_text("#nav-reviewer")
    page.click("#nav-logout")
    page.wait_for_selector("#nav-login")


def test_wrong_password_is_refused(browser_page):
    page = browser_page
    page.goto("/login")
    page.fill("#login-username", REVIEWER)
    page.fill("#login-password", "not the password")
    page.click("#login-submit")
    page.wait_for_selector("#login-error")
    assert page.locator("#nav-reviewer").count() == 0


def test_exports_are_public_and_formula_safe(browser_page):
    response = browser_page.request.get("/export/claims.csv")
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text())))
    assert len(rows) > 1
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), row
