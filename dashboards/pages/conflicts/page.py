"""Conflicts: the review queue, each conflict's claims side by side, actions and history."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html
from flask import has_request_context

from dashboards import context
from dashboards.auth import current_reviewer
from dashboards.pages.conflicts.actions import review_as_logged_in
from dashboards.pages.conflicts.data import STATUS_FILTERS, conflict_cards, note_for
from dashboards.pages.conflicts.layout import conflict_item

dash.register_page(__name__, path="/conflicts", name="Conflicts", order=2, title="Conflicts")

MAX_CARDS = 50  # a page a reviewer can work through; the rest wait their turn


def _reviewer() -> str | None:
    return current_reviewer() if has_request_context() else None


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
    out = review_as_logged_in(
        context.engine(),
        key.get("target"),
        key.get("id"),
        key.get("action"),
        note,
    )
    alert = dbc.Alert(
        [out.message, *outcome_links(out.resolved, out.reopened)],
        color="success" if out.ok else "danger",
        dismissable=True,
        id="conflicts-outcome",
    )
    return alert, (version or 0) + 1 if out.ok else dash.no_update


def outcome_links(resolved: tuple[int, ...], reopened: tuple[int, ...]) -> list:
    """Links to the conflicts a decision moved: under Resolved, or back in the Open queue."""
    links: list = []
    for ids, status, words in (
        (resolved, "resolved", "under Resolved"),
        (reopened, "open", "in the Open queue"),
    ):
        for i in ids:
            links += [
                " ",
                dcc.Link(
                    f"See #{i} {words}",
                    href=f"/conflicts?status={status}#conflicts-card-{i}",
                    id=f"conflicts-outcome-{status}-{i}",
                ),
            ]
    return links


# Opened from a link such as /conflicts?status=resolved#conflicts-card-1: bring that card into
# view once the queue is drawn.
clientside_callback(
    """
    function (_children) {
        const hash = window.location.hash.slice(1);
        const card = hash && document.getElementById(hash);
        if (card) {
            card.scrollIntoView({block: "start"});
            card.classList.add("border-primary");
        }
        return window.dash_clientside.no_update;
    }
    """,
    Output("conflicts-list", "className"),
    Input("conflicts-list", "children"),
)
