"""The "To confirm" cards as components: decisions only for reviewers, text as text."""

from __future__ import annotations

from dash import html

from dashboards.pages.confirm.data import CandidateCard, Sentence
from dashboards.pages.confirm.layout import (
    ENTITY_LIST,
    candidate_item,
    entity_list,
    sentence_view,
)
from tests.layout_tools import components, text_of, with_id_type

QUOTE = Sentence("Officials said <script>x()</script> ", "40", " <b>firms</b> joined.")


def card(**extra) -> CandidateCard:
    fields = dict(
        claim_id=9, sentence=QUOTE, document="The <i>lab</i> note", document_date="2024-03-03",
        href="/sources/2#sources-claim-9", metric="companies",
        metric_label="Companies in the community", entity="Harbour Lab", as_of="2024-03-03",
        value_text="exactly 40", unit="count", period=None,
        reasons=("owner unsure: whose figure is it?",),
    )  # fmt: skip
    return CandidateCard(**{**fields, **extra})


def test_the_sentence_is_text_with_its_figure_marked() -> None:
    tree = sentence_view(QUOTE)
    assert tree.children == [QUOTE.before, tree.children[1], QUOTE.after]
    assert isinstance(tree.children[1], html.Mark) and tree.children[1].children == "40"
    assert text_of(tree) == "Officials said <script>x()</script> 40 <b>firms</b> joined."
    assert not [c for c in components(tree) if c.__class__.__name__ in ("Script", "B")]
    assert sentence_view(Sentence("No figure.", "", "")).children[1] is None


def test_visitors_see_the_guess_and_reasons_but_no_decisions() -> None:
    tree = candidate_item(card(), can_review=False)
    text = text_of(tree)
    assert "The <i>lab</i> note" in text and "2024-03-03" in text
    assert "exactly 40" in text and "Companies in the community · Harbour Lab" in text
    assert "owner unsure: whose figure is it?" in text
    assert with_id_type(tree, "confirm-action") == []


def test_reviewers_get_accept_reject_and_a_correction_form() -> None:
    tree = candidate_item(card(period="P1Y"), can_review=True)
    assert "period P1Y" in text_of(tree)
    actions = {c.id["action"] for c in with_id_type(tree, "confirm-action")}
    assert actions == {"accept", "reject", "correct"}
    (metric,) = with_id_type(tree, "confirm-metric")
    assert metric.value == "companies"
    assert "funding_raised" not in {o["value"] for o in metric.options}  # a count is no money
    (entity,) = with_id_type(tree, "confirm-entity")
    assert (entity.value, entity.list) == ("Harbour Lab", ENTITY_LIST)
    (day,) = with_id_type(tree, "confirm-as-of")
    assert (day.type, day.value) == ("date", "2024-03-03")
    assert len(with_id_type(tree, "confirm-note")) == 1
    assert all(c.id["id"] == 9 for c in with_id_type(tree, "confirm-action"))


def test_the_owner_suggestions() -> None:
    tree = entity_list(["Cyberport", "<b>X</b>"])
    assert tree.id == ENTITY_LIST and [o.value for o in tree.children] == ["Cyberport", "<b>X</b>"]
