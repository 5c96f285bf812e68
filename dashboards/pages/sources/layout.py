"""The Sources page's components: the documents table, a document with its claims, upload.

Document text, titles and quotes go in as plain strings (React renders them as text); links
leave the page only for http(s) addresses.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.formatting import format_date
from dashboards.pages.sources.actions import (
    ACCEPTED_SUFFIXES,
    MAX_UPLOAD_BYTES,
    UploadedClaim,
    UploadResult,
)
from dashboards.pages.sources.highlight import highlighted_text
from db.documents import DocumentDetail, DocumentSummary

MAX_ROWS = 500  # newest documents listed; the rest are in /export/documents.csv


def document_href(document_id: int) -> str:
    return f"/sources/{document_id}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the page; anything else (javascript:, data:) is shown as text."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def documents_table(docs: Sequence[DocumentSummary]) -> dbc.Table | html.P:
    if not docs:
        return html.P("No documents yet.", className="text-muted")
    head = html.Thead(
        html.Tr(
            [html.Th(h) for h in ("Date", "Date from", "Document", "Publisher", "Kind", "Claims")]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(format_date(d.published_on)),
                html.Td(d.date_source, className="text-muted"),
                html.Td(
                    dcc.Link(d.title or d.file_name, href=document_href(d.id), title=d.file_name)
                ),
                html.Td(d.publisher or "—"),
                html.Td(d.kind or "—"),
                html.Td(str(d.claims), className="text-end"),
            ]
        )
        for d in docs
    ]
    return dbc.Table(
        [head, html.Tbody(rows)],
        id="sources-table",
        striped=True,
        hover=True,
        size="sm",
        responsive=True,
    )


def documents_view(docs: Sequence[DocumentSummary]) -> list:
    """The newest documents (a table of thousands helps nobody), and where to find the rest."""
    items: list = [documents_table(docs[:MAX_ROWS])]
    if len(docs) > MAX_ROWS:
        items.append(
            html.P(
                [
                    f"Showing the newest {MAX_ROWS} of {len(docs)}; all of them: ",
                    html.A("documents.csv", href="/export/documents.csv"),
                    ".",
                ],
                className="text-muted",
                id="sources-more",
            )
        )
    return items


def claims_table(claims: Sequence[UploadedClaim], *, in_text: bool = False) -> dbc.Table | html.P:
    """A document's claims; `in_text` (beside the text): no quote, values link to their mark."""
    if not claims:
        return html.P("No claims found in this document.", className="text-muted")
    heads = ("Metric", "Value", "As of") if in_text else ("Metric", "Value", "As of", "Quote")
    rows = []
    for c in claims:
        value = html.A(c.value, href=f"#sources-claim-{c.claim_id}") if in_text else c.value
        cells = [html.Td(c.metric), html.Td(value), html.Td(c.as_of, className="text-nowrap")]
        if not in_text:
            cells.append(html.Td(c.quote, className="small"))
        rows.append(html.Tr(cells))
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in heads])), html.Tbody(rows)],
        size="sm",
        bordered=True,
        className="mb-0",
        id="sources-claims" if in_text else "sources-upload-claims",
    )


def upload_result_view(result: UploadResult) -> list:
    alert = dbc.Alert(
        result.message,
        color="success" if result.ok else "danger",
        id="sources-upload-message",
        className="mb-2",
    )
    if not result.ok or result.document_id is None:
        return [alert]
    link = dcc.Link("Open the document", href=document_href(result.document_id))
    return [alert, html.Div(link, className="mb-2"), claims_table(result.claims)]


def upload_card(can_upload: bool) -> dbc.Card:
    """The drop zone for a reviewer; a pointer to the login for anyone else."""
    if not can_upload:
        body = html.P(
            [
                "Reviewers can add documents here. ",
                html.A("Log in", href="/login?next=/sources"),
                " to upload.",
            ],
            className="mb-0 text-muted",
            id="sources-upload-login",
        )
    else:
        kinds = ", ".join(ACCEPTED_SUFFIXES)
        body = html.Div(
            [
                dcc.Upload(
                    html.Div(
                        [
                            "Drop a document here or ",
                            html.A("choose a file"),
                            f" ({kinds}, up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB)",
                        ]
                    ),
                    id="sources-upload",
                    accept=",".join(ACCEPTED_SUFFIXES),
                    multiple=False,
                    className="border border-2 rounded p-3 text-center",
                    style={"borderStyle": "dashed", "cursor": "pointer"},
                ),
                # What the page sends on: the file, or only its size when it is over the limit.
                dcc.Store(id="sources-upload-checked"),
                dcc.Loading(html.Div(id="sources-upload-result", className="mt-3")),
            ]
        )
    return dbc.Card([dbc.CardHeader("Add a document"), dbc.CardBody(body)], className="mb-3")


def missing_document() -> html.Div:
    return html.Div(
        [
            dcc.Link("← All sources", href="/sources"),
            dbc.Alert("No such document.", color="warning", className="mt-3", id="sources-missing"),
        ]
    )


def document_view(detail: DocumentDetail, claims: Sequence[UploadedClaim]) -> html.Div:
    """One document: what it is, its claims, and its text with their figures marked."""
    back = dcc.Link("← All sources", href="/sources")
    s = detail.summary
    url = safe_url(s.url)
    facts = [
        html.Dt("File", className="col-sm-2"),
        html.Dd(s.file_name, className="col-sm-10"),
        html.Dt("Date", className="col-sm-2"),
        html.Dd(f"{format_date(s.published_on)} (from {s.date_source})", className="col-sm-10"),
        html.Dt("Publisher", className="col-sm-2"),
        html.Dd(" · ".join(x for x in (s.publisher, s.kind) if x) or "—", className="col-sm-10"),
    ]
    if s.url:
        link = html.A(s.url, href=url, target="_blank", rel="noopener noreferrer") if url else s.url
        facts += [html.Dt("Link", className="col-sm-2"), html.Dd(link, className="col-sm-10")]
    text_card = dbc.Card(
        [
            dbc.CardHeader("Text: the figures behind claims are marked (hover for details)"),
            dbc.CardBody(
                html.Div(
                    highlighted_text(detail.text, detail.claims),
                    id="sources-document-text",
                    style={"whiteSpace": "pre-wrap"},
                )
            ),
        ]
    )
    claims_card = dbc.Card(
        [
            dbc.CardHeader(f"Claims ({len(detail.claims)})"),
            dbc.CardBody(
                claims_table(claims, in_text=True),
                style={"maxHeight": "80vh", "overflowY": "auto"},
            ),
        ],
        style={"position": "sticky", "top": "1rem"},  # stays beside the text while it scrolls
    )
    return html.Div(
        [
            back,
            html.H2(s.title or s.file_name, className="mt-2 h3", id="sources-document-title"),
            html.Dl(facts, className="row mb-2"),
            dbc.Row(
                [
                    dbc.Col(text_card, lg=7, className="mb-3"),
                    dbc.Col(claims_card, lg=5, className="mb-3"),
                ]
            ),
        ]
    )
