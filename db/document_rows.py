"""The rows a document is stored as: its own, its sections', its claims'."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from db import records
from db.models import utcnow


@dataclass(frozen=True)
class StoreResult:
    status: str  # added, replaced, unchanged
    document_id: int
    sections: int
    claims: int
    same_as: str | None = None  # for unchanged: the stored file holding these bytes
    series: frozenset[tuple[str, str]] = frozenset()  # (entity, metric) it touched


def claim_uid(file_name: str, c: records.Claim) -> str:
    """Stable id for a claim: same document name and same figure give the same uid."""
    key = f"{file_name}|{c.entity}|{c.metric}|{c.unit}|{c.value!r}|{c.as_of}|{c.period or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def claim_rows(
    file_name: str, claims: Sequence[records.Claim], extractor_version: str
) -> tuple[list[dict], list[int]]:
    """The claim rows of a document (a figure found twice stored once), each checked before
    anything is written, and the index of the section each stands in."""
    rows, sections, seen = [], [], set()
    for c in claims:
        uid = claim_uid(file_name, c)
        if uid not in seen:
            seen.add(uid)
            rows.append(_claim_row(uid, c, extractor_version))
            sections.append(c.section_index)
    return rows, sections


def document_row(doc: records.ReadDocument, extractor_version: str) -> dict:
    return {
        "file_name": doc.file_name,
        "sha256": doc.sha256,
        "source_format": doc.source_format,
        "title": doc.title,
        "publisher": doc.publisher,
        "kind": doc.kind,
        "url": doc.url,
        "published_on": doc.published_on,
        "date_source": doc.date_source,
        "text": doc.text,
        "size_bytes": doc.size_bytes,
        "ingested_at": utcnow(),
        "extractor_version": extractor_version,
    }


def section_row(document_id: int, sec: records.Section) -> dict:
    return {
        "document_id": document_id,
        "idx": sec.index,
        "char_start": sec.char_start,
        "char_end": sec.char_end,
        "published_on": sec.published_on,
        "date_source": sec.date_source,
        "heading": sec.heading,
    }


def _claim_row(uid: str, c: records.Claim, extractor_version: str) -> dict:
    if c.status not in records.CLAIM_STATUSES:
        raise ValueError(f"claim status {c.status!r} is not one of {records.CLAIM_STATUSES}")
    odd = [r for r in c.unsure if r not in records.UNSURE_REASONS]
    if odd:
        raise ValueError(f"unsure reason {odd[0]!r} is not one of {records.UNSURE_REASONS}")
    return {
        "uid": uid,
        "entity": c.entity,
        "metric": c.metric,
        "value": c.value,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "value_low": c.value_low,
        "value_high": c.value_high,
        "value_hkd": c.value_hkd,
        "as_of": c.as_of,
        "as_of_precision": c.as_of_precision,
        "period": c.period,
        "quote": c.quote,
        "char_start": c.char_start,
        "char_end": c.char_end,
        "mention_start": c.mention_start,
        "mention_end": c.mention_end,
        "flags": ";".join(c.flags),
        "initial_status": c.status,
        "unsure": ";".join(c.unsure),
        "extractor_version": extractor_version,
    }
