"""To confirm: the figures the extractor was unsure of, for reviewers to accept, correct or
reject, a page at a time."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboards import context
from dashboards.auth import page_reviewer
from dashboards.pages.confirm.actions import card_fields, decide_as_logged_in
from dashboards.pages.confirm.data import entity_choices, queue_page, queue_size
from dashboards.pages.confirm.layout import candidate_item, entity_list


def nav_count() -> int:
    """The queue's size for the navbar (dashboards.app shows it as `nav-count-confirm`)."""
    return queue_size(context.engine())


dash.register_page(
    __name__, path="/confirm", name="To confirm", title="To confirm", order=3, nav_count=nav_count
)

NAV_COUNT = "nav-count-confirm"
INPUTS = ("confirm-metric", "confirm-entity", "confirm-as-of", "confirm-note")


def queue_view(page: int) -> tuple[list, int, int, str, int]:
    """(cards, page shown, pages, summary line, total) for one page of the queue."""
    queue = queue_page(context.engine(), page)
    if not queue.cards:
        empty = html.P("Nothing to confirm.", className="text-muted", id="confirm-empty")
        return [empty], 1, 1, "", 0
    can_review = page_reviewer() is not None
    items: list = [entity_list(entity_choices(queue.cards))]
    items += [candidate_item(c, can_review) for c in queue.cards]
    summary = f"{queue.total:,} to confirm · page {queue.page} of {queue.pages}"
    return items, queue.page, queue.pages, summary, queue.total


def layout(page: str | None = None, **_query) -> html.Div:
    try:
        first = int(page or 1)
    except ValueError:
        first = 1
    items, shown, pages, summary, _ = queue_view(first)
    who = page_reviewer()
    hint = (
        f"Reviewing as {who}: each decision is logged with your name and note."
        if who
        else "Anyone may read the queue; log in as a reviewer to accept, correct or reject."
    )
    return html.Div(
        [
            html.H2("To confirm"),
            html.P(
                "Figures the extractor was unsure of (whose, what or when). They count nowhere "
                "until a reviewer accepts or corrects them.",
                className="text-muted mb-1",
            ),
            html.P(hint, className="text-muted", id="confirm-hint"),
            dcc.Store(id="confirm-version", data=0),
            html.Div(id="confirm-message"),
            html.Div(summary, className="small text-muted mb-1", id="confirm-summary"),
            dbc.Pagination(
                id="confirm-pages",
                max_value=pages,
                active_page=shown,
                fully_expanded=False,
                first_last=True,
                previous_next=True,
                size="sm",
            ),
            dcc.Loading(html.Div(items, id="confirm-list")),
        ]
    )


@callback(
    Output("confirm-list", "children"),
    Output("confirm-pages", "active_page"),
    Output("confirm-pages", "max_value"),
    Output("confirm-summary", "children"),
    Output(NAV_COUNT, "children"),
    Input("confirm-pages", "active_page"),
    Input("confirm-version", "data"),
    prevent_initial_call=True,
)
def show_page(page: int | None, _version: int):
    items, shown, pages, summary, total = queue_view(page or 1)
    return items, shown, pages, summary, f"{total:,}"


@callback(
    Output("confirm-message", "children"),
    Output("confirm-version", "data"),
    Input({"type": "confirm-action", "id": ALL, "action": ALL}, "n_clicks"),
    *(State({"type": kind, "id": ALL}, "value") for kind in INPUTS),
    State("confirm-version", "data"),
    prevent_initial_call=True,
)
def act(_clicks, *states):
    key = ctx.triggered_id
    if not isinstance(key, dict) or not (ctx.triggered and ctx.triggered[0].get("value")):
        return dash.no_update, dash.no_update  # buttons drawn anew, not clicked
    fields = card_fields(ctx.states_list[: len(INPUTS)], key.get("id"))
    out = decide_as_logged_in(context.engine(), key.get("id"), key.get("action"), fields)
    alert = dbc.Alert(
        out.message, color="success" if out.ok else "danger", dismissable=True, id="confirm-outcome"
    )
    version = states[-1]
    return alert, (version or 0) + 1 if out.ok else dash.no_update
