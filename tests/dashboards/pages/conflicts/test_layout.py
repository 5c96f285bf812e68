"""The Conflicts page's cards as components: actions only for reviewers, text as text."""

from __future__ import annotations

from dash import html

from dashboards.pages.conflicts.data import ClaimCard, ConflictCard, HistoryEntry
from dashboards.pages.conflicts.layout import conflict_item, history_list
from tests.layout_tools import components, text_of, walk, with_id_type

QUOTE = "Officials said <script>window.__pwned = 1</script> over 2,000 firms are here."


def claim(claim_id: int, status: str = "auto", actions=("accept", "reject", "flag", "comment")):
    return ClaimCard(
        claim_id=claim_id, value_text="over 2,000", interval_text="2,000 – 3,000",
        as_of="2023-12-07", period=None, status=status, document_id=4, document="d.txt",
        source="Daily · news", published_on="2023-12-07",
        href=f"/sources/4#sources-claim-{claim_id}", quote=QUOTE,
        history=(HistoryEntry("ann", "flag", "<b>odd</b>", "2026-01-02 10:00 UTC"),),
        actions=actions,
    )  # fmt: skip


def card() -> ConflictCard:
    return ConflictCard(
        conflict_id=9, metric="companies", metric_label="Companies", entity="Cyberport",
        kind="disagree", kind_words="figures for the same time disagree", severity="high",
        status="open", explanation="They cannot both hold.",
        claims=(claim(1), claim(2, "rejected", ("accept", "reopen", "flag", "comment"))),
        history=(), actions=("resolve", "comment"),
    )  # fmt: skip


def test_visitors_get_no_actions() -> None:
    tree = conflict_item(card(), can_review=False)
    assert with_id_type(tree, "conflicts-action") == []
    assert with_id_type(tree, "conflicts-note") == []
    assert "They cannot both hold." in text_of(tree)
    assert "figures for the same time disagree" in text_of(tree)  # the kind in words
    assert "high severity" in text_of(tree)


def test_reviewers_get_a_note_and_buttons_per_item() -> None:
    tree = conflict_item(card(), can_review=True)
    buttons = {(b.id["target"], b.id["id"], b.id["action"]) for b in
               with_id_type(tree, "conflicts-action")}  # fmt: skip
    assert buttons == {
        ("claim", 1, "accept"), ("claim", 1, "reject"), ("claim", 1, "flag"),
        ("claim", 1, "comment"), ("claim", 2, "accept"), ("claim", 2, "reopen"),
        ("claim", 2, "flag"), ("claim", 2, "comment"), ("conflict", 9, "resolve"),
        ("conflict", 9, "comment"),
    }  # fmt: skip
    assert all(b.id["conflict"] == 9 for b in with_id_type(tree, "conflicts-action"))
    notes = {(n.id["target"], n.id["id"]) for n in with_id_type(tree, "conflicts-note")}
    assert notes == {("claim", 1), ("claim", 2), ("conflict", 9)}


def test_claims_sit_side_by_side_with_value_date_source_and_quote() -> None:
    tree = conflict_item(card(), can_review=False)
    cols = [c for c in components(tree) if str(getattr(c, "id", "")).startswith("conflicts-claim-")]
    assert [c.id for c in cols] == ["conflicts-claim-9-1", "conflicts-claim-9-2"]
    text = text_of(cols[1])
    for part in ("over 2,000", "figure of 2023-12-07", "d.txt", "Daily · news", "rejected"):
        assert part in text
    links = [c for c in components(cols[0]) if getattr(c, "href", None)]
    assert [link.href for link in links] == ["/sources/4#sources-claim-1"]


def test_quotes_and_notes_are_plain_strings() -> None:
    tree = conflict_item(card(), can_review=True)
    assert QUOTE in [n for n in walk(tree) if isinstance(n, str)]
    assert not any(isinstance(c, html.Script | html.Iframe) for c in components(tree))
    assert "<b>odd</b>" in text_of(history_list(claim(1).history))


def test_empty_history_draws_nothing() -> None:
    assert history_list(()) is None
