"""Sources: the documents behind the claims, each document's text with its claims marked, upload."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, html

from dashboards import context
from dashboards.auth import page_reviewer
from dashboards.pages.sources.actions import (
    MAX_UPLOAD_BYTES,
    document_claims,
    upload_as_logged_in,
)
from dashboards.pages.sources.layout import (
    document_view,
    documents_count,
    documents_view,
    missing_document,
    upload_card,
    upload_result_view,
)
from db.documents import get_document, list_documents
from etl.report.words import claim_decisions

dash.register_page(__name__, path="/sources", name="Sources", order=3, title="Sources")


def list_layout() -> html.Div:
    docs = list_documents(context.engine())
    return html.Div(
        [
            html.H2("Sources"),
            html.P(documents_count(docs), className="text-muted", id="sources-count"),
            upload_card(page_reviewer() is not None),
            html.Div(documents_view(docs), id="sources-documents"),
        ]
    )


def _parse_id(raw: object) -> int | None:
    try:
        return int(str(raw))
    except ValueError:
        return None


def document_layout(document_id: object = None, **_query) -> html.Div:
    """One document by id (from the path /sources/<id>)."""
    doc_id = _parse_id(document_id)
    engine = context.engine()
    detail = get_document(engine, doc_id) if doc_id is not None else None
    if detail is None:
        return missing_document()
    decisions = claim_decisions(engine, [c.claim_id for c in detail.claims])
    return document_view(detail, document_claims(engine, detail.summary.id), decisions)


def layout(doc: object = None, **_query) -> html.Div:
    """The list of documents, or one document for `/sources?doc=<id>`."""
    return document_layout(doc) if doc is not None else list_layout()


dash.register_page(
    f"{__name__}.document",
    path_template="/sources/<document_id>",
    name="Document",
    title="Source document",
    nav=False,
    layout=document_layout,
)


# Opened from a link such as /sources/3#sources-claim-11: bring that claim's mark into view
# once the text is drawn (the browser cannot, as the page is built after it loads).
clientside_callback(
    """
    function (_id) {
        const hash = window.location.hash.slice(1);
        const mark = hash && document.getElementById(hash);
        if (mark) {
            mark.scrollIntoView({block: "center"});
            mark.style.outline = "2px solid #dc3545";
        }
        return window.dash_clientside.no_update;
    }
    """,
    Output("sources-document-text", "className"),
    Input("sources-document-text", "id"),
)


# A file over the limit is not sent: only its name and size go on, and the server says why.
clientside_callback(
    """
    function (contents, filename) {
        if (!contents) { return window.dash_clientside.no_update; }
        const bytes = Math.floor((contents.length - contents.indexOf(",") - 1) * 3 / 4);
        return bytes > MAX_UPLOAD_BYTES ? {filename: filename, bytes: bytes}
                          : {filename: filename, bytes: bytes, contents: contents};
    }
    """.replace("MAX_UPLOAD_BYTES", str(MAX_UPLOAD_BYTES)),
    Output("sources-upload-checked", "data"),
    Input("sources-upload", "contents"),
    State("sources-upload", "filename"),
    prevent_initial_call=True,
)


@callback(
    Output("sources-upload-result", "children"),
    Output("sources-documents", "children"),
    Output("sources-count", "children"),
    Input("sources-upload-checked", "data"),
    prevent_initial_call=True,
)
def on_upload(checked: dict | None):
    checked = checked if isinstance(checked, dict) else {}
    result = upload_as_logged_in(
        context.engine(), checked.get("contents"), checked.get("filename"), checked.get("bytes")
    )
    if not result.ok:
        return upload_result_view(result), dash.no_update, dash.no_update
    docs = list_documents(context.engine())
    return upload_result_view(result), documents_view(docs), documents_count(docs)
