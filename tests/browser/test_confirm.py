"""To confirm in a real browser: the queue paged on the server, figures shown as text, a
reviewer's accept, correction and rejection, and the server refusing someone not logged in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import delete

from dashboards.pages.confirm.actions import REFUSED
from dashboards.pages.confirm.data import PER_PAGE, queue_size
from db.claims import ClaimFilter, iter_claims
from db.documents import store_document
from db.models import Document
from db.reviews import claim_status, history, iter_reviews
from etl.pipeline import refresh_checks
from tests.browser.conftest import REVIEWER, by_id, dash_id, wait_for_dash
from tests.factories import make_claim, make_doc

DAY = date(2021, 3, 3)
SENTENCES = {
    "accept": ("Harbour Lab says <b>40</b> firms joined.", "40", ("owner?",)),
    "correct": ("Its incubator took in 25 start-ups.", "25", ("metric?", "date?")),
    "reject": ("Room 12 was booked.", "12", ("metric?",)),
    "anonymous": ("Some 300 people came.", "300", ("metric?",)),
}


@pytest.fixture(scope="module")
def candidates(live_engine) -> Iterator[dict[str, int]]:
    """A document of 22 candidates (more than a page) owned by Harbour Lab, so the tracked
    organisation's charts stay as they are: name -> claim id of the four above. The document
    goes again afterwards, so the other pages' tests see the seeds."""
    filler = [(f"Some {n} desks were added.", str(n), ("owner?",)) for n in range(101, 119)]
    parts = [*SENTENCES.values(), *filler]
    text = "Hong Kong, 3 March 2021 – " + " ".join(q for q, _, _ in parts)
    claims = [
        make_claim(value=float(figure), qualifier="exact", quote=quote, start=text.index(quote),
                   figure=figure, as_of=DAY, entity="Harbour Lab", status="candidate",
                   unsure=unsure)
        for quote, figure, unsure in parts
    ]  # fmt: skip
    doc = make_doc("to-confirm.txt", text, DAY, title="Harbour Lab's <i>spring</i> note")
    store_document(live_engine, doc, claims, "test")
    ids = {
        r["quote"]: r["claim_id"] for r in iter_claims(live_engine, ClaimFilter(status="candidate"))
    }
    yield {name: ids[quote] for name, (quote, _, _) in SENTENCES.items()}
    with live_engine.begin() as conn:
        conn.execute(delete(Document).where(Document.file_name == doc.file_name))
    refresh_checks(live_engine)


def action(claim_id: int, name: str) -> str:
    return by_id({"type": "confirm-action", "id": claim_id, "action": name})


def field(kind: str, claim_id: int) -> str:
    return by_id({"type": kind, "id": claim_id})


def badge_shows_queue(page, engine) -> None:
    expect(page.locator("#nav-count-confirm")).to_have_text(f"{queue_size(engine):,}")


def test_anyone_sees_the_queue_as_text_and_pages_through_it(browser_page, candidates,
                                                            live_engine):  # fmt: skip
    page = browser_page
    page.goto("/confirm")
    wait_for_dash(page)
    badge_shows_queue(page, live_engine)
    total = queue_size(live_engine)
    assert total >= PER_PAGE + 2
    cards = page.locator("[id^='confirm-card-']")
    assert cards.count() == PER_PAGE
    card = page.locator(f"#confirm-card-{candidates['accept']}")
    text = card.inner_text()
    assert "Harbour Lab says <b>40</b> firms joined." in text  # the markup shows as text
    assert "Harbour Lab's <i>spring</i> note" in text and "2021-03-03" in text
    assert "exactly 40" in text and "Harbour Lab" in text and "owner unsure" in text
    assert card.locator("mark").inner_text() == "40"
    assert card.locator("b, i, script").count() == 0
    assert page.locator("[id*='confirm-action']").count() == 0
    assert "log in" in page.inner_text("#confirm-hint").lower()

    # The next page comes from the server.
    page.locator("#confirm-pages").get_by_text("2", exact=True).click()
    expect(page.locator("#confirm-summary")).to_contain_text("page 2 of")
    expect(cards).to_have_count(min(total - PER_PAGE, PER_PAGE))
    page.goto("/confirm?page=2")
    wait_for_dash(page)
    expect(cards).to_have_count(min(total - PER_PAGE, PER_PAGE))


def decision_payload(claim_id: int, name: str) -> dict:
    """The body the Dash renderer POSTs when a card's decision button is clicked."""
    button = {"type": "confirm-action", "id": claim_id, "action": name}
    kinds = ("confirm-metric", "confirm-entity", "confirm-as-of", "confirm-note")
    values = ("companies", "Harbour Lab", "2021-03-03", "sneaky")
    return {
        "output": "..confirm-message.children...confirm-version.data..",
        "outputs": [
            {"id": "confirm-message", "property": "children"},
            {"id": "confirm-version", "property": "data"},
        ],
        "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
        "state": [
            *(
                [{"id": {"type": k, "id": claim_id}, "property": "value", "value": v}]
                for k, v in zip(kinds, values, strict=True)
            ),
            {"id": "confirm-version", "property": "data", "value": 0},
        ],
        "changedPropIds": [dash_id(**button) + ".n_clicks"],
    }


def test_anonymous_decisions_are_refused_by_the_server(browser, live_server, reviewer_page,
                                                        candidates, live_engine):  # fmt: skip
    claim_id = candidates["anonymous"]
    reviews = len(list(iter_reviews(live_engine)))
    anonymous = browser.new_context(base_url=live_server)
    try:
        anonymous.new_page().goto("/confirm")  # a session cookie, but nobody logged in
        for name in ("accept", "reject", "correct"):
            response = anonymous.request.post(
                "/_dash-update-component", data=decision_payload(claim_id, name)
            )
            assert response.status in (200, 403), response.text()
            assert REFUSED in response.text()
    finally:
        anonymous.close()
    assert claim_status(live_engine, claim_id) == "candidate"
    assert len(list(iter_reviews(live_engine))) == reviews

    # The same request from a logged-in reviewer is taken: the refusal was the login check.
    # (Sent from the site itself, as the page's own renderer does: see test_security.py.)
    response = reviewer_page.request.post(
        "/_dash-update-component",
        data=decision_payload(claim_id, "reject"),
        headers={"Origin": live_server},
    )
    assert response.ok and f"Claim {claim_id} rejected." in response.text()
    assert claim_status(live_engine, claim_id) == "rejected"


def test_a_reviewer_accepts_corrects_and_rejects(reviewer_page, candidates, live_engine,
                                                 screenshot):  # fmt: skip
    page = reviewer_page
    page.goto("/confirm")
    wait_for_dash(page)
    screenshot(page, "confirm")
    outcome = page.locator("#confirm-outcome")

    accepted = candidates["accept"]
    page.click(action(accepted, "accept"))
    expect(outcome).to_have_text(f"Claim {accepted} accepted.")
    expect(page.locator(f"#confirm-card-{accepted}")).to_have_count(0)
    assert claim_status(live_engine, accepted) == "accepted"
    badge_shows_queue(page, live_engine)

    fixed = candidates["correct"]
    page.select_option(field("confirm-metric", fixed), "incubatees")
    page.fill(field("confirm-as-of", fixed), "2021-01-31")
    page.fill(field("confirm-note", fixed), "the incubator's intake, counted in January")
    page.click(action(fixed, "correct"))
    expect(outcome).to_have_text(
        f"Claim {fixed} corrected: metric companies -> incubatees; as of 2021-03-03 -> 2021-01-31."
    )
    assert claim_status(live_engine, fixed) == "corrected"
    (row,) = iter_claims(live_engine, ClaimFilter(metric="incubatees", entity="Harbour Lab"))
    assert (row["value"], row["as_of"], row["status"]) == (25, date(2021, 1, 31), "accepted")
    (rec,) = history(live_engine, "claim", fixed)
    assert (rec.reviewer, rec.action, rec.note) == (
        REVIEWER, "correct", "the incubator's intake, counted in January")  # fmt: skip

    rejected = candidates["reject"]
    page.click(action(rejected, "reject"))
    expect(outcome).to_have_text(f"Claim {rejected} rejected.")
    assert claim_status(live_engine, rejected) == "rejected"
    expect(page.locator(f"#confirm-card-{rejected}")).to_have_count(0)
    badge_shows_queue(page, live_engine)
