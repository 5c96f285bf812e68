"""The Conflicts page's components: a card per conflict, claims side by side, actions, history.

Every quote, note and explanation goes in as a plain string: React renders it as text.
"""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.pages.conflicts.data import ClaimCard, ConflictCard, HistoryEntry

STATUS_COLOURS = {
    "open": "danger",
    "resolved": "success",
    "auto": "secondary",
    "accepted": "success",
    "rejected": "dark",
}
STATUS_LABELS = {"auto": "not reviewed"}
SEVERITY_COLOURS = {"high": "danger", "medium": "warning", "low": "info"}
BUTTON_COLOURS = {
    "accept": "success",
    "reject": "danger",
    "flag": "warning",
    "comment": "secondary",
    "resolve": "primary",
    "reopen": "outline-secondary",
}


def badge(text: str, colour: str) -> dbc.Badge:
    return dbc.Badge(text, color=colour, className="me-1")


def history_list(entries: Sequence[HistoryEntry]) -> html.Details | None:
    if not entries:
        return None
    items = [
        html.Li(
            [
                html.Strong(e.action),
                f" by {e.reviewer}, {e.when}",
                html.Span(f" — {e.note}", className="text-body") if e.note else None,
            ],
            className="small text-muted",
        )
        for e in entries
    ]
    return html.Details(
        [
            html.Summary(f"History ({len(entries)})", className="small"),
            html.Ul(items, className="mb-0"),
        ],
        open=True,
        className="conflicts-history mt-2",
    )


def actions_row(conflict_id: int, target: str, target_id: int, actions: Sequence[str]) -> html.Div:
    """A note field and one button per action, ids keyed for the pattern-matching callback."""
    key = {"conflict": conflict_id, "target": target, "id": target_id}
    return html.Div(
        [
            dbc.Input(
                id={"type": "conflicts-note", **key},
                placeholder="Note (why)",
                size="sm",
                maxLength=2000,
                className="mb-1",
                debounce=False,
            ),
            html.Div(
                [
                    dbc.Button(
                        action.capitalize(),
                        id={"type": "conflicts-action", **key, "action": action},
                        color=BUTTON_COLOURS.get(action, "secondary"),
                        size="sm",
                        className="me-1 mb-1",
                        n_clicks=0,
                    )
                    for action in actions
                ]
            ),
        ],
        className="conflicts-actions mt-2",
    )


def claim_column(c: ClaimCard, conflict_id: int, can_review: bool, width: int = 6) -> dbc.Col:
    body = [
        html.Div(
            [
                html.Span(c.value_text, className="h5 me-2 conflicts-value"),
                badge(
                    STATUS_LABELS.get(c.status, c.status), STATUS_COLOURS.get(c.status, "secondary")
                ),
            ],
            className="d-flex align-items-center",
        ),
        html.Div(
            f"figure of {c.as_of}" + (f" · added {c.period}, not a total" if c.period else ""),
            className="small",
        ),
        html.Div(f"between {c.interval_text}", className="small text-muted"),
        html.Div(
            [
                dcc.Link(c.document, href=c.href),
                html.Span(f" · {c.source} · "),
                html.Span(c.published_on, className="text-nowrap"),
            ],
            className="small mt-1",
        ),
        html.Blockquote(c.quote, className="border-start border-3 ps-2 mt-2 mb-0 fst-italic small"),
        history_list(c.history),
    ]
    if can_review:
        body.append(actions_row(conflict_id, "claim", c.claim_id, c.actions))
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(body), className="h-100", id=f"conflicts-claim-{conflict_id}-{c.claim_id}"
        ),
        md=width,
        className="mb-2",
    )


def conflict_item(card: ConflictCard, can_review: bool) -> dbc.Card:
    header = html.Div(
        [
            html.Span(f"#{card.conflict_id} {card.metric_label}", className="fw-bold me-2"),
            html.Span(card.entity, className="text-muted me-2"),
            badge(card.kind_words, "secondary"),
            badge(f"{card.severity} severity", SEVERITY_COLOURS.get(card.severity, "secondary")),
            badge(card.status, STATUS_COLOURS.get(card.status, "secondary")),
        ]
    )
    width = max(12 // max(len(card.claims), 1), 4)  # side by side, at most three a row
    footer = [history_list(card.history)]
    if can_review:
        footer += [
            html.Div("Decision on the conflict as a whole", className="small fw-bold mt-3"),
            actions_row(card.conflict_id, "conflict", card.conflict_id, card.actions),
        ]
    return dbc.Card(
        [
            dbc.CardHeader(header),
            dbc.CardBody(
                [
                    html.P(card.explanation, className="conflicts-explanation"),
                    dbc.Row(
                        [claim_column(c, card.conflict_id, can_review, width) for c in card.claims]
                    ),
                    *footer,
                ]
            ),
        ],
        id=f"conflicts-card-{card.conflict_id}",
        className="mb-3",
    )
