"""Conflicts page in a real browser: the queue, a reviewer's decision reaching the Growth chart,
and the server refusing a review from someone not logged in."""

from __future__ import annotations

import pytest

from dashboards.pages.conflicts.actions import submit_review
from db.conflicts import list_conflicts
from db.reviews import claim_status, iter_reviews
from tests.browser.conftest import REVIEWER, by_id, dash_id, figure_of, wait_for_dash

CLAIM_TRACES = ("Exact or “about”", "At least (“over …”)",
                "At most (“nearly …”)", "Disputed, not believed")  # fmt: skip
REJECTED_TRACE = "Rejected by a reviewer (not counted)"


def traces_holding(figure: dict, claim_id: int) -> set[str]:
    """Names of the chart traces that draw this claim."""
    return {
        t["name"]
        for t in figure["data"]
        if t.get("customdata") and any(c and c[0] == claim_id for c in t["customdata"])
    }


def review_count(engine) -> int:
    return sum(1 for _ in iter_reviews(engine))


def test_anyone_sees_the_open_queue_without_actions(browser_page, live_engine):
    page = browser_page
    page.goto("/conflicts")
    wait_for_dash(page)
    open_ = list_conflicts(live_engine, "open")
    assert open_, "the seeds hold conflicting figures"
    cards = page.locator("[id^='conflicts-card-']")
    assert cards.count() == len(open_)
    first = open_[0]
    card = page.locator(f"#conflicts-card-{first.id}")
    assert first.explanation in card.inner_text()
    for claim in first.claims:
        column = page.locator(f"#conflicts-claim-{first.id}-{claim.claim_id}")
        assert claim.quote in column.inner_text()
        link = column.locator(f"a[href^='/sources/{claim.document_id}']")
        assert link.count() == 1
    assert page.locator("[id*='conflicts-action']").count() == 0
    assert page.locator("[id*='conflicts-note']").count() == 0
    assert "log in" in page.inner_text("#conflicts-hint").lower()

    # The source link opens the document with that claim's figure marked and in view.
    claim = first.claims[0]
    page.click(f"#conflicts-claim-{first.id}-{claim.claim_id} a[href^='/sources/']")
    mark = page.locator(f"#sources-claim-{claim.claim_id}")
    mark.wait_for()
    page.wait_for_function(
        f"() => document.getElementById('sources-claim-{claim.claim_id}').style.outline !== ''"
    )
    assert mark.is_visible()

    page.goto("/conflicts")
    wait_for_dash(page)
    page.get_by_label("All").check()
    page.wait_for_function(
        f"() => document.querySelectorAll(\"[id^='conflicts-card-']\").length"
        f" === {len(list_conflicts(live_engine, None))}"
    )


@pytest.fixture
def reject_target(live_engine):
    """A claim in an open conflict; reopened again afterwards so other tests see the seeds."""
    conflict = list_conflicts(live_engine, "open")[0]
    claim = conflict.claims[0]
    yield conflict, claim
    if claim_status(live_engine, claim.claim_id) != "auto":
        submit_review(live_engine, REVIEWER, "claim", claim.claim_id, "reopen", "test cleanup")


def test_reviewer_rejects_a_claim_and_sees_what_it_did(
    reviewer_page, live_engine, reject_target, screenshot
):
    page = reviewer_page
    conflict, claim = reject_target
    chart = f"/?metric={conflict.metric}"
    page.goto(chart)
    wait_for_dash(page)
    before = traces_holding(figure_of(page, "growth-chart"), claim.claim_id)
    assert before & set(CLAIM_TRACES) and REJECTED_TRACE not in before

    page.goto("/conflicts")
    wait_for_dash(page)
    screenshot(page, "conflicts")
    key = {"conflict": conflict.id, "target": "claim", "id": claim.claim_id}
    page.fill(by_id({"type": "conflicts-note", **key}), "a misprint in the report")
    page.click(by_id({"type": "conflicts-action", **key, "action": "reject"}))
    page.wait_for_selector("#conflicts-outcome")
    outcome = page.inner_text("#conflicts-outcome")
    assert outcome.startswith(f"Claim {claim.claim_id} rejected. This resolved conflict")
    assert f"#{conflict.id}" in outcome
    assert claim_status(live_engine, claim.claim_id) == "rejected"
    # The card left the Open queue; the message links to it under Resolved.
    page.wait_for_function(f"() => !document.getElementById('conflicts-card-{conflict.id}')")
    page.click(f"#conflicts-outcome-resolved-{conflict.id}")
    page.wait_for_selector(f"#conflicts-card-{conflict.id}")
    assert "status=resolved" in page.url
    card = page.locator(f"#conflicts-card-{conflict.id}")
    assert "resolved" in card.inner_text()
    page.wait_for_function(
        f"() => document.getElementById('conflicts-card-{conflict.id}')"
        ".classList.contains('border-primary')"
    )

    page.goto("/conflicts?status=all")
    wait_for_dash(page)
    column = page.locator(f"#conflicts-claim-{conflict.id}-{claim.claim_id}")
    text = column.inner_text()
    assert "rejected" in text
    assert f"by {REVIEWER}" in text and "a misprint in the report" in text
    # Rejected claims are offered accept/reopen, no longer reject.
    assert page.locator(by_id({"type": "conflicts-action", **key, "action": "reopen"})).count() == 1
    assert page.locator(by_id({"type": "conflicts-action", **key, "action": "reject"})).count() == 0

    page.goto(chart)
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    assert traces_holding(figure, claim.claim_id) == {REJECTED_TRACE}
    rejected = next(t for t in figure["data"] if t["name"] == REJECTED_TRACE)
    hover = rejected["hovertext"][0]
    assert f"Review: rejected by {REVIEWER}" in hover and "a misprint in the report" in hover

    # On the source, the mark is struck through and says who decided and why.
    page.goto(claim_href(claim))
    mark = page.locator(f"#sources-claim-{claim.claim_id}")
    mark.wait_for()
    assert "sources-mark-rejected" in mark.get_attribute("class")
    assert mark.evaluate("m => getComputedStyle(m).textDecorationLine") == "line-through"
    title = mark.get_attribute("title")
    assert f"rejected by {REVIEWER}" in title and "a misprint in the report" in title


def claim_href(claim) -> str:
    return f"/sources/{claim.document_id}#sources-claim-{claim.claim_id}"


def action_payload(conflict_id: int, claim_id: int, action: str, note: str) -> dict:
    """The body the Dash renderer POSTs when a claim's action button is clicked."""
    button = {"type": "conflicts-action", "conflict": conflict_id, "target": "claim",
              "id": claim_id, "action": action}  # fmt: skip
    note_id = {"type": "conflicts-note", "conflict": conflict_id, "target": "claim", "id": claim_id}
    return {
        "output": "..conflicts-message.children...conflicts-version.data..",
        "outputs": [
            {"id": "conflicts-message", "property": "children"},
            {"id": "conflicts-version", "property": "data"},
        ],
        "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
        "state": [
            [{"id": note_id, "property": "value", "value": note}],
            {"id": "conflicts-version", "property": "data", "value": 0},
        ],
        "changedPropIds": [dash_id(**button) + ".n_clicks"],
    }


def test_anonymous_review_is_refused_by_the_server(browser, live_server, reviewer_page,
                                                   live_engine):  # fmt: skip
    conflict = list_conflicts(live_engine, "open")[0]
    claim = conflict.claims[-1]
    status, reviews = claim_status(live_engine, claim.claim_id), review_count(live_engine)

    anonymous = browser.new_context(base_url=live_server)
    try:
        anonymous.new_page().goto("/conflicts")  # a session cookie, but nobody logged in
        payload = action_payload(conflict.id, claim.claim_id, "reject", "sneaky")
        response = anonymous.request.post("/_dash-update-component", data=payload)
        assert response.status in (200, 403), response.text()
        assert "Log in as a reviewer" in response.text()
    finally:
        anonymous.close()
    assert claim_status(live_engine, claim.claim_id) == status
    assert review_count(live_engine) == reviews

    # The same request from a logged-in reviewer is accepted: the refusal was the login check.
    # (Sent from the site itself, as the page's own renderer does: see test_security.py.)
    comment = action_payload(conflict.id, claim.claim_id, "comment", "checked the source")
    response = reviewer_page.request.post(
        "/_dash-update-component", data=comment, headers={"Origin": live_server}
    )
    assert response.ok and "commented on" in response.text()
    assert review_count(live_engine) == reviews + 1
    assert claim_status(live_engine, claim.claim_id) == status
