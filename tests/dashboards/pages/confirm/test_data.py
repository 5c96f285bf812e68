"""The queue's data: the sentence cut around its figure, reasons, paging, the choices offered."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboards.pages.confirm.data import (
    REASONS,
    candidate_card,
    entity_choices,
    metric_options,
    queue_page,
    queue_size,
    reason_lines,
    split_sentence,
)
from db.documents import store_document
from db.metrics import catalogue
from db.reviews import add_review
from tests.factories import make_claim, make_doc


def test_the_figure_is_cut_out_of_its_sentence() -> None:
    quote = "It counts <b>40</b> firms."
    s = split_sentence(quote, 100, 100 + quote.index("40"), 100 + quote.index("40") + 2)
    assert (s.before, s.figure, s.after) == ("It counts <b>", "40", "</b> firms.")
    # A span outside the quote leaves it whole and unmarked.
    assert split_sentence(quote, 100, 90, 95) == split_sentence(quote, 100, 120, 150)
    assert split_sentence(quote, 100, 90, 95).before == quote
    assert split_sentence(quote, 0, 5, 5).figure == ""


@given(st.text(max_size=40), st.integers(-5, 50), st.integers(-5, 50))
def test_the_cut_always_gives_back_the_sentence(quote: str, start: int, length: int) -> None:
    s = split_sentence(quote, 7, 7 + start, 7 + start + length)
    assert s.before + s.figure + s.after == quote


def test_reasons_read_as_questions() -> None:
    assert reason_lines("owner?;date?") == (REASONS["owner?"], REASONS["date?"])
    assert reason_lines("") == ("unsure",) and reason_lines(None) == ("unsure",)
    assert reason_lines("colour?") == ("colour?",)


def test_metric_choices_keep_to_the_figures_unit() -> None:
    counts = {o["value"] for o in metric_options("count")}
    assert {"companies", "unicorns", "incubatees"} <= counts
    assert "funding_raised" not in counts and "local_share_pct" not in counts
    assert [o["value"] for o in metric_options("USD")] == [
        k for k, m in catalogue().items() if m.unit == "HKD"
    ]
    assert [o["value"] for o in metric_options("percent")] == ["local_share_pct"]


@pytest.fixture
def queued(engine):
    """Seven candidates and an auto claim in one document."""
    claims = [
        make_claim(value=10.0 * i, quote=f"Some {10 * i} firms.", figure=str(10 * i),
                   status="candidate", unsure=("owner?",), entity=f"Org {i % 2}")
        for i in range(1, 8)
    ]  # fmt: skip
    claims.append(make_claim(value=2200))
    store_document(engine, make_doc(title="A <i>title</i>"), claims, "t")
    return engine


def test_the_queue_pages_on_the_server(queued) -> None:
    assert queue_size(queued) == 7
    first = queue_page(queued, 1, per_page=3)
    assert (first.total, first.page, first.pages) == (7, 1, 3)
    assert [c.sentence.figure for c in first.cards] == ["10", "20", "30"]
    assert first.cards[0].sentence.before == "Some " and first.cards[0].sentence.after == " firms."
    last = queue_page(queued, 99, per_page=3)  # past the end: the last page
    assert (last.page, [c.value_text for c in last.cards]) == (3, ["over 70"])
    assert queue_page(queued, 0, per_page=3).page == 1
    add_review(queued, "claim", first.cards[0].claim_id, "accept", "ana")
    again = queue_page(queued, 1, per_page=3)
    assert again.total == 6 and first.cards[0].claim_id not in {c.claim_id for c in again.cards}


def test_a_card_holds_what_a_reviewer_needs(queued) -> None:
    card = queue_page(queued, 1).cards[0]
    assert (card.document, card.document_date) == ("A <i>title</i>", "2025-06-05")
    assert (card.metric, card.metric_label, card.entity) == (
        "companies", "Companies in the community", "Org 1")  # fmt: skip
    assert (card.as_of, card.value_text, card.unit, card.period) == (
        "2025-06-05", "over 10", "count", None)  # fmt: skip
    assert card.reasons == (REASONS["owner?"],)
    assert card.href == f"/sources/1#sources-claim-{card.claim_id}"
    assert entity_choices(queue_page(queued, 1).cards) == ["Cyberport", "Org 0", "Org 1"]


def test_a_card_without_a_title_names_the_file() -> None:
    row = {
        "claim_id": 3, "document_id": 2, "document": "b.txt", "title": None,
        "published_on": None, "as_of": date(2024, 1, 2), "entity": "Cyberport",
        "metric": "not_in_catalogue", "value": 5.0, "unit": "count", "qualifier": "exact",
        "period": "P1Y", "quote": "Five.", "char_start": 0, "mention_start": 0,
        "mention_end": 4, "unsure": "date?",
    }  # fmt: skip
    card = candidate_card(row)
    assert (card.document, card.document_date, card.metric_label) == (
        "b.txt", "undated", "not_in_catalogue")  # fmt: skip
    assert (card.sentence.figure, card.period) == ("Five", "P1Y")
