"""Conflicts: the review queue, each conflict's claims side by side, actions and history."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html

from dashboards import context
from dashboards.auth import page_reviewer
from dashboards.pages.conflicts.actions import review_as_logged_in
from dashboards.pages.conflicts.data import STATUS_FILTERS, conflict_page, note_for
from dashboards.pages.conflicts.layout import conflict_item

dash.register_page(__name__, path="/conflicts", name="Conflicts", order=2, title="Conflicts")

PAGE_SIZE = 50  # cards per page of the queue: a page a reviewer can work through


def conflict_list(status: str, page: int = 1) -> tuple[list, int, int]:
    """The cards of one page of the queue (the last one past the end), that page and how many
    pages the queue has."""
    queue, page, pages = conflict_page(context.engine(), status, int(page or 1), PAGE_SIZE)
    if not queue.cards:
        label = "" if status == "all" else status + " "
        return (
            [html.P(f"No {label}conflicts.", className="text-muted", id="conflicts-empty")],
            page,
            pages,
        )
    can_review = page_reviewer() is not None
    first = queue.offset + 1
    items: list = [
        html.P(
            f"Conflicts {first:,}–{first + len(queue.cards) - 1:,} of {queue.total:,}.",
            className="text-muted",
            id="conflicts-more",
        )
    ]
    items += [conflict_item(c, can_review) for c in queue.cards]
    return items, page, pages


def layout(status: str | None = None, **_query) -> html.Div:
    status = status if status in STATUS_FILTERS else "open"
    items, _, pages = conflict_list(status)
    who = page_reviewer()
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
            dbc.Pagination(
                id="conflicts-page",
                max_value=pages,
                active_page=1,
                fully_expanded=False,
                first_last=True,
                previous_next=True,
                size="sm",
            ),
            dcc.Loading(html.Div(items, id="conflicts-list")),
        ]
    )


@callback(
    Output("conflicts-list", "children"),
    Output("conflicts-page", "max_value"),
    Output("conflicts-page", "active_page"),
    Input("conflicts-status", "value"),
    Input("conflicts-version", "data"),
    Input("conflicts-page", "active_page"),
    prevent_initial_call=True,
)
def show_conflicts(status: str, _version: int, page: int | None):
    page = 1 if ctx.triggered_id == "conflicts-status" else page or 1
    items, shown, pages = conflict_list(status if status in STATUS_FILTERS else "open", page)
    return items, pages, shown


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
