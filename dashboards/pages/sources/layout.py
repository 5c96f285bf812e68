"""The Sources page's components: the documents table, a document with its claims, upload.

Document text, titles and quotes go in as plain strings (React renders them as text); links
leave the page only for http(s) addresses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.pages.sources.actions import (
    ACCEPTED_SUFFIXES,
    MAX_UPLOAD_BYTES,
    UploadedClaim,
    UploadResult,
)
from dashboards.pages.sources.highlight import highlighted_text
from db.documents import DocumentDetail, DocumentSummary
from etl.report.words import (
    DATE_SOURCE_SHORT,
    DATE_SOURCES,
    STATUS_WORDS,
    document_name,
    format_date,
    metric_labels,
)

MAX_ROWS = 500  # newest documents listed; the rest are in /export/documents.csv
NOWRAP = "text-nowrap"
WIDE = " d-none d-md-table-cell"


def document_href(document_id: int) -> str:
    return f"/sources/{document_id}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the page; anything else (javascript:, data:) is shown as text."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def date_found(date_source: str) -> html.Span:
    """Where the date came from, in two words, the full sentence on hover."""
    return html.Span(
        DATE_SOURCE_SHORT.get(date_source, date_source),
        title=DATE_SOURCES.get(date_source, date_source),
        className="text-muted",
    )


def date_sources_note(docs: Sequence[DocumentSummary]) -> html.P:
    """What each way of finding a date that the table shows means."""
    used = dict.fromkeys(d.date_source for d in docs)
    parts = [f"{DATE_SOURCE_SHORT.get(k, k)}: {DATE_SOURCES.get(k, k)}" for k in used]
    return html.P(
        "Date found in — " + "; ".join(parts) + ". A sources list wins over dates in the text.",
        className="small text-muted",
        id="sources-date-note",
    )


def documents_table(docs: Sequence[DocumentSummary]) -> dbc.Table | html.P:
    if not docs:
        return html.P("No documents yet.", className="text-muted")
    heads = ("Published", "Date found in", "Document", "Publisher", "Kind", "Claims")
    wide = ("Date found in", "Publisher", "Kind")  # left out on a phone
    head = html.Thead(
        html.Tr([html.Th(h, className=NOWRAP + (WIDE if h in wide else "")) for h in heads])
    )
    rows = [
        html.Tr(
            [
                html.Td(format_date(d.published_on), className=NOWRAP),
                html.Td(date_found(d.date_source), className=NOWRAP + WIDE),
                html.Td(
                    dcc.Link(
                        document_name(d.title, d.file_name, publisher=d.publisher, kind=d.kind,
                                      published_on=d.published_on),
                        href=document_href(d.id),
                        title=d.file_name,
                    )
                ),
                html.Td(d.publisher or "—", className=WIDE.strip()),
                html.Td(d.kind or "—", className=NOWRAP + WIDE),
                html.Td(str(d.claims), className="text-end"),
            ]
        )
        for d in docs
    ]  # fmt: skip
    return dbc.Table(
        [head, html.Tbody(rows)],
        id="sources-table",
        striped=True,
        hover=True,
        size="sm",
        responsive=True,
    )


def documents_count(docs: Sequence[DocumentSummary]) -> str:
    n = len(docs)
    return f"{n} document{'s' if n != 1 else ''}; every claim points back to its sentence in one."


def documents_view(docs: Sequence[DocumentSummary]) -> list:
    """The newest documents (a table of thousands helps nobody), and where to find the rest."""
    items: list = [documents_table(docs[:MAX_ROWS])]
    if docs:
        items.append(date_sources_note(docs[:MAX_ROWS]))
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
    heads = ("Metric", "Figure", "Date of the figure", "Review")
    if not in_text:
        heads += ("Sentence",)
    rows = []
    for c in claims:
        value = html.A(c.value, href=f"#sources-claim-{c.claim_id}") if in_text else c.value
        review = STATUS_WORDS.get(c.status, c.status) + (f"; {c.notes}" if c.notes else "")
        cells = [
            html.Td(c.metric),
            html.Td(value, className=NOWRAP),
            html.Td(c.as_of, className=NOWRAP),
            html.Td(review, className="small"),
        ]
        if not in_text:
            cells.append(html.Td(c.quote, className="small"))
        struck = "sources-row-rejected" if c.status == "rejected" else None
        rows.append(html.Tr(cells, className=struck, id=f"sources-row-{c.claim_id}"))
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


def document_view(
    detail: DocumentDetail,
    claims: Sequence[UploadedClaim],
    decisions: Mapping[int, str] | None = None,
) -> html.Div:
    """One document: what it is, its claims, and its text with their figures marked."""
    back = dcc.Link("← All sources", href="/sources")
    s = detail.summary
    url = safe_url(s.url)
    found = DATE_SOURCES.get(s.date_source, s.date_source)
    facts = [
        html.Dt("File", className="col-sm-2"),
        html.Dd(s.file_name, className="col-sm-10"),
        html.Dt("Published", className="col-sm-2"),
        html.Dd(
            f"{format_date(s.published_on)} — date found in {found}",
            className="col-sm-10",
            id="sources-document-date",
        ),
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
                    highlighted_text(detail.text, detail.claims, metric_labels(), decisions),
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
            html.H2(
                document_name(
                    s.title,
                    s.file_name,
                    publisher=s.publisher,
                    kind=s.kind,
                    published_on=s.published_on,
                ),
                className="mt-2 h3",
                id="sources-document-title",
            ),
            html.Dl(facts, className="row mb-2"),
            dbc.Row(
                [
                    dbc.Col(text_card, lg=7, className="mb-3"),
                    dbc.Col(claims_card, lg=5, className="mb-3"),
                ]
            ),
        ]
    )
