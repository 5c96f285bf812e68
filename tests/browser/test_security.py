"""Anyone may view, but the server refuses every write from someone not logged in."""

from __future__ import annotations

import base64
import csv
import io

from db.conflicts import list_conflicts
from db.documents import list_documents
from db.reviews import iter_reviews
from db.users import add_user
from tests.browser.conftest import REVIEWER, log_in, post_callback, wait_for_dash
from tests.browser.test_conflicts import action_payload

NOTE = "Cyberport says it now hosts over 9,999 companies, as of 1 March 2026.\n"


def upload_payload(name: str) -> dict:
    data = base64.b64encode(NOTE.encode()).decode()
    return {"sources-upload.contents": f"data:text/plain;base64,{data}"}


def test_anonymous_upload_is_refused_by_the_server(browser_page, live_engine):
    page = browser_page
    page.goto("/sources")
    wait_for_dash(page)
    before = {d.file_name for d in list_documents(live_engine)}
    checked = {"contents": upload_payload("evil.txt")["sources-upload.contents"],
               "filename": "anonymous-upload.txt"}  # fmt: skip
    response = post_callback(
        page, "sources-upload-checked", "data", {"sources-upload-checked.data": checked}
    )
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


def _reviews(engine) -> int:
    return sum(1 for _ in iter_reviews(engine))


def test_a_reviewers_write_from_another_site_is_refused(reviewer_page, live_server, live_engine):
    """A logged-in reviewer's cookie, sent with a forged Origin (as a script outside any browser
    could): the server refuses it before any callback runs."""
    conflict = list_conflicts(live_engine, "open")[0]
    claim = conflict.claims[0]
    before = _reviews(live_engine)
    review = action_payload(conflict.id, claim.claim_id, "comment", "forged")
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/page.html"},
        {},  # a reviewer's write that does not say where it comes from
    ):
        response = reviewer_page.request.post(
            "/_dash-update-component", data=review, headers=headers
        )
        assert response.status == 403, (headers, response.text())
        assert response.text().startswith("refused: ")
    upload = {"contents": upload_payload("x")["sources-upload.contents"], "filename": "forged.txt"}
    response = post_callback(
        reviewer_page, "sources-upload-checked", "data", {"sources-upload-checked.data": upload}
    )
    assert response.status == 403  # post_callback sends no Origin either
    assert _reviews(live_engine) == before
    assert "forged.txt" not in {d.file_name for d in list_documents(live_engine)}
    # The logout form from another site is refused too: the reviewer stays logged in.
    out = reviewer_page.request.post("/logout", headers={"Origin": "https://evil.example"})
    assert out.status == 403
    reviewer_page.goto("/conflicts")
    wait_for_dash(reviewer_page)
    assert REVIEWER in reviewer_page.inner_text("#nav-reviewer")


def test_an_upload_over_the_limit_gets_the_apps_one_line(reviewer_page, live_engine):
    page = reviewer_page
    page.goto("/sources")
    wait_for_dash(page)
    before = len(list_documents(live_engine))
    sent = []
    page.on("request", lambda r: sent.append(len(r.post_data_buffer or b"")))
    big = {"name": "annual-report.pdf", "mimeType": "application/pdf",
           "buffer": b"%PDF-1.7\n" + b"0" * (21 * 1024 * 1024)}  # fmt: skip
    page.set_input_files("#sources-upload input[type=file]", files=[big])
    page.wait_for_selector("#sources-upload-message")
    assert page.inner_text("#sources-upload-message") == "annual-report.pdf: larger than 20 MB"
    assert max(sent) < 1024 * 1024  # the file itself never left the browser
    assert len(list_documents(live_engine)) == before


def test_repeated_wrong_passwords_lock_the_account_for_a_while(browser_page, live_engine):
    add_user(live_engine, "locked-out", "the right one")
    page = browser_page
    for _ in range(5):
        page.goto("/login")
        page.fill("#login-username", "locked-out")
        page.fill("#login-password", "a guess")
        page.click("#login-submit")
        page.wait_for_selector("#login-error")
        assert page.inner_text("#login-error") == "Wrong username or password."
    log_in_page = page
    log_in_page.fill("#login-username", "locked-out")
    log_in_page.fill("#login-password", "the right one")
    log_in_page.click("#login-submit")
    page.wait_for_selector("#login-error")
    message = page.inner_text("#login-error")
    assert message.startswith("Too many failed logins for this account or from this address")
    assert "try again in 15 minutes" in message
    assert page.locator("#nav-reviewer").count() == 0
    # Another account from the same address still logs in.
    log_in(page)
