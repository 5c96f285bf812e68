"""What the "To confirm" page shows: the candidates a page at a time, each with its sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from dashboards.pages.growth.data import tracked_entity
from db.claims import ClaimFilter, count_claims, page_claims
from db.corrections import unit_kind
from db.metrics import catalogue
from etl.report.words import format_date, format_value

PER_PAGE = 20
CANDIDATES = ClaimFilter(status="candidate")
QUEUE_COLUMNS = (
    "claim_id", "document_id", "document", "title", "published_on", "as_of", "entity", "metric",
    "value", "unit", "qualifier", "period", "quote", "char_start", "mention_start", "mention_end",
    "unsure",
)  # fmt: skip
REASONS = {
    "owner?": "owner unsure: whose figure is it?",
    "metric?": "metric unsure: what does it count?",
    "date?": "date unsure: when was it so?",
}


@dataclass(frozen=True)
class Sentence:
    """A quote cut around its figure, to show the figure marked (as text)."""

    before: str
    figure: str
    after: str


@dataclass(frozen=True)
class CandidateCard:
    claim_id: int
    sentence: Sentence
    document: str  # the title, else the file name
    document_date: str
    href: str  # the document, scrolled to this figure
    metric: str
    metric_label: str
    entity: str
    as_of: str  # YYYY-MM-DD, as the date field takes it
    value_text: str  # "over 2,200"
    unit: str
    period: str | None
    reasons: tuple[str, ...]  # one line each


@dataclass(frozen=True)
class QueuePage:
    cards: tuple[CandidateCard, ...]
    total: int  # candidates waiting, all pages
    page: int  # 1-based, within 1..pages
    pages: int


def split_sentence(quote: str, char_start: int, mention_start: int, mention_end: int) -> Sentence:
    """The quote around its figure; the whole quote unmarked when the figure's span is not in it."""
    start, end = mention_start - char_start, mention_end - char_start
    if not 0 <= start < end <= len(quote):
        return Sentence(quote, "", "")
    return Sentence(quote[:start], quote[start:end], quote[end:])


def reason_lines(unsure: str | None) -> tuple[str, ...]:
    """The extractor's reasons (`owner?;date?`) as a reviewer reads them."""
    found = [r for r in (unsure or "").split(";") if r]
    return tuple(REASONS.get(r, r) for r in found) or ("unsure",)


def candidate_card(row: dict[str, Any]) -> CandidateCard:
    info = catalogue().get(row["metric"])
    return CandidateCard(
        claim_id=row["claim_id"],
        sentence=split_sentence(
            row["quote"], row["char_start"], row["mention_start"], row["mention_end"]
        ),
        document=row["title"] or row["document"],
        document_date=format_date(row["published_on"]),
        href=f"/sources/{row['document_id']}#sources-claim-{row['claim_id']}",
        metric=row["metric"],
        metric_label=info.label if info else row["metric"],
        entity=row["entity"],
        as_of=row["as_of"].isoformat(),
        value_text=format_value(row["value"], row["unit"], row["qualifier"]),
        unit=row["unit"],
        period=row["period"],
        reasons=reason_lines(row["unsure"]),
    )


def queue_size(engine: Engine) -> int:
    """How many candidates wait for a reviewer (an index range: cheap on every page load)."""
    return count_claims(engine, CANDIDATES)


def queue_page(engine: Engine, page: int = 1, per_page: int = PER_PAGE) -> QueuePage:
    """One page of the queue, oldest candidates first; a page past the end shows the last."""
    total = queue_size(engine)
    pages = max(1, -(-total // per_page))
    page = min(max(int(page or 1), 1), pages)
    rows = page_claims(
        engine,
        CANDIDATES,
        sort=(("claim_id", "asc"),),
        offset=(page - 1) * per_page,
        limit=per_page,
        columns=QUEUE_COLUMNS,
    )
    return QueuePage(tuple(candidate_card(r) for r in rows), total, page, pages)


def metric_options(unit: str) -> list[dict[str, str]]:
    """The catalogue's metrics a figure in `unit` can be (a count is no amount of money)."""
    return [
        {"label": m.label, "value": m.key}
        for m in catalogue().values()
        if unit_kind(m.unit) == unit_kind(unit)
    ]


def entity_choices(cards: tuple[CandidateCard, ...]) -> list[str]:
    """Owners to offer: the tracked organisation and the ones guessed on this page."""
    return sorted({tracked_entity(), *(c.entity for c in cards)})
