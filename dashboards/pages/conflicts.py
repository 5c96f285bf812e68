"""Conflicts: the review queue, each conflict's claims side by side, actions and history."""

from __future__ import annotations

from collections.abc import Sequence

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html
from flask import has_request_context

from dashboards import context
from dashboards.auth import current_reviewer
from dashboards.conflicts_view import (
    STATUS_FILTERS,
    ClaimCard,
    ConflictCard,
    HistoryEntry,
    conflict_cards,
    note_for,
)
from dashboards.review import submit_review

dash.register_page(__name__, path="/conflicts", name="Conflicts", order=2, title="Conflicts")

STATUS_COLOURS = {
    "open": "danger",
    "resolved": "success",
    "auto": "secondary",
    "accepted": "success",
    "rejected": "dark",
}
MAX_CARDS = 50  # a page a reviewer can work through; the rest wait their turn
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


def _reviewer() -> str | None:
    return current_reviewer() if has_request_context() else None


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
            f"as of {c.as_of}" + (f" · period {c.period}" if c.period else ""), className="small"
        ),
        html.Div(f"interval {c.interval_text}", className="small text-muted"),
        html.Div(
            [dcc.Link(c.document, href=c.href), html.Span(f" · {c.source} · {c.published_on}")],
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
            badge(card.kind, "secondary"),
            badge(card.severity, SEVERITY_COLOURS.get(card.severity, "secondary")),
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


def conflict_list(status: str) -> list:
    queue = conflict_cards(context.engine(), status, limit=MAX_CARDS)
    if not queue.cards:
        label = "" if status == "all" else status + " "
        return [html.P(f"No {label}conflicts.", className="text-muted", id="conflicts-empty")]
    can_review = _reviewer() is not None
    items: list = [conflict_item(c, can_review) for c in queue.cards]
    if queue.total > len(queue.cards):
        items.append(
            html.P(
                f"Showing the first {len(queue.cards)} of {queue.total}; decide these to see "
                "more, or download them all from /export/conflicts.csv.",
                className="text-muted",
                id="conflicts-more",
            )
        )
    return items


def layout(status: str | None = None, **_query) -> html.Div:
    status = status if status in STATUS_FILTERS else "open"
    who = _reviewer()
    hint = (
        f"Reviewing as {who}: each action is logged with your name and note."
        if who
        else "Anyone may read the queue; log in as a reviewer to accept, reject or resolve."
    )
    return html.Div(
        [
            html.H2("Conflicts"),
            html.P(hint, className="text-muted", id="conflicts-hint"),
            dbc.RadioItems(
                id="conflicts-status",
                options=[{"label": s.capitalize(), "value": s} for s in STATUS_FILTERS],
                value=status,
                inline=True,
                className="mb-3",
            ),
            dcc.Store(id="conflicts-version", data=0),
            html.Div(id="conflicts-message"),
            dcc.Loading(html.Div(conflict_list(status), id="conflicts-list")),
        ]
    )


@callback(
    Output("conflicts-list", "children"),
    Input("conflicts-status", "value"),
    Input("conflicts-version", "data"),
    prevent_initial_call=True,
)
def show_conflicts(status: str, _version: int):
    return conflict_list(status if status in STATUS_FILTERS else "open")


@callback(
    Output("conflicts-message", "children"),
    Output("conflicts-version", "data"),
    Input(
        {"type": "conflicts-action", "conflict": ALL, "target": ALL, "id": ALL, "action": ALL},
        "n_clicks",
    ),
    State({"type": "conflicts-note", "conflict": ALL, "target": ALL, "id": ALL}, "value"),
    State("conflicts-version", "data"),
    prevent_initial_call=True,
)
def act(_clicks, _notes, version):
    key = ctx.triggered_id
    if not isinstance(key, dict) or not (ctx.triggered and ctx.triggered[0].get("value")):
        return dash.no_update, dash.no_update  # buttons drawn anew, not clicked
    note = note_for(ctx.states_list[0], key)
    out = submit_review(
        context.engine(),
        current_reviewer(),
        key.get("target"),
        key.get("id"),
        key.get("action"),
        note,
    )
    alert = dbc.Alert(
        out.message,
        color="success" if out.ok else "danger",
        dismissable=True,
        id="conflicts-outcome",
    )
    return alert, (version or 0) + 1 if out.ok else dash.no_update
