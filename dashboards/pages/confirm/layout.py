"""The "To confirm" page's components: a card per candidate, its sentence, guess and decisions.

Every quote, title and name goes in as a plain string: React renders it as text, never HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.pages.confirm.data import CandidateCard, Sentence, metric_options

ENTITY_LIST = "confirm-entities"


def sentence_view(s: Sentence) -> html.Blockquote:
    """The sentence with its figure marked."""
    figure = html.Mark(s.figure, className="confirm-figure") if s.figure else None
    return html.Blockquote(
        [s.before, figure, s.after],
        className="border-start border-3 ps-2 mb-2 confirm-sentence",
    )


def guess_view(card: CandidateCard) -> html.Div:
    period = f" · period {card.period}" if card.period else ""
    return html.Div(
        [
            html.Span("Best guess: ", className="text-muted"),
            html.Span(card.value_text, className="fw-bold me-2"),
            html.Span(f"{card.metric_label} · {card.entity} · as of {card.as_of}{period}"),
        ],
        className="small confirm-guess",
    )


def reasons_view(card: CandidateCard) -> html.Div:
    return html.Div(
        [dbc.Badge(r, color="warning", text_color="dark", className="me-1") for r in card.reasons],
        className="mt-1 confirm-reasons",
    )


def decision_row(card: CandidateCard) -> html.Div:
    """Accept and reject in one click; correct with another metric, owner or date and a note."""
    key = {"id": card.claim_id}

    def button(action: str, colour: str, label: str) -> dbc.Button:
        return dbc.Button(
            label,
            id={"type": "confirm-action", **key, "action": action},
            color=colour,
            size="sm",
            className="me-1",
            n_clicks=0,
        )

    correct = dbc.Row(
        [
            dbc.Col(
                dbc.Select(
                    id={"type": "confirm-metric", **key},
                    options=metric_options(card.unit),
                    value=card.metric,
                    size="sm",
                ),
                md=3,
            ),
            dbc.Col(
                dbc.Input(
                    id={"type": "confirm-entity", **key},
                    value=card.entity,
                    list=ENTITY_LIST,
                    maxLength=300,
                    size="sm",
                    placeholder="Owner",
                ),
                md=3,
            ),
            dbc.Col(
                dbc.Input(
                    id={"type": "confirm-as-of", **key}, type="date", value=card.as_of, size="sm"
                ),
                md=2,
            ),
            dbc.Col(
                dbc.Input(
                    id={"type": "confirm-note", **key},
                    placeholder="Note (why; needed to correct)",
                    maxLength=2000,
                    size="sm",
                ),
                md=3,
            ),
            dbc.Col(button("correct", "primary", "Correct"), md=1),
        ],
        className="g-1 mt-2 align-items-center",
    )
    return html.Div(
        [
            html.Div([button("accept", "success", "Accept"), button("reject", "danger", "Reject")]),
            correct,
        ],
        className="mt-2 confirm-decisions",
    )


def candidate_item(card: CandidateCard, can_review: bool) -> dbc.Card:
    header = html.Div(
        [
            html.Span(f"#{card.claim_id}", className="fw-bold me-2"),
            dcc.Link(card.document, href=card.href, className="me-2"),
            html.Span(card.document_date, className="text-muted"),
        ]
    )
    body = [sentence_view(card.sentence), guess_view(card), reasons_view(card)]
    if can_review:
        body.append(decision_row(card))
    return dbc.Card(
        [dbc.CardHeader(header), dbc.CardBody(body)],
        id=f"confirm-card-{card.claim_id}",
        className="mb-2",
    )


def entity_list(names: Sequence[str]) -> html.Datalist:
    """The owners the owner fields suggest (any other may be typed)."""
    return html.Datalist([html.Option(value=n) for n in names], id=ENTITY_LIST)
