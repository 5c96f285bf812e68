"""Plain, frozen records that flow from the readers and the extractor into `db`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DATE_SOURCES = (
    "manifest",
    "html-meta",
    "front-matter",
    "dateline",
    "inline",
    "inferred",
    "unknown",
)
SEVERITIES = ("high", "medium", "low")  # of a conflict, most severe first
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}  # 0: most severe
UNITS = ("count", "HKD", "USD", "RMB", "percent")
QUALIFIERS = ("exact", "over", "about", "nearly", "up_to")
CLAIM_STATUSES = ("auto", "candidate")  # as extracted: sure, or left to a reviewer
UNSURE_REASONS = ("owner?", "metric?", "date?")  # why the extractor left a claim to a reviewer


@dataclass(frozen=True)
class Section:
    """A dated stretch of a document's text: [char_start, char_end) in `ReadDocument.text`."""

    index: int
    char_start: int
    char_end: int
    published_on: date | None
    date_source: str
    heading: str | None = None


@dataclass(frozen=True)
class ReadDocument:
    """One file, read and normalised; every span elsewhere points into `text`."""

    file_name: str
    sha256: str
    source_format: str  # txt, md, html, pdf
    text: str
    title: str | None
    publisher: str | None
    kind: str | None  # press release, news feature, ... when known
    url: str | None
    published_on: date | None
    date_source: str
    sections: tuple[Section, ...]
    size_bytes: int = 0


@dataclass(frozen=True)
class Claim:
    """One dated figure as a document states it."""

    section_index: int
    entity: str
    metric: str
    value: float  # as stated, in base units: HK$43.4 billion -> 43_400_000_000
    unit: str  # one of UNITS
    qualifier: str  # one of QUALIFIERS
    value_low: float
    value_high: float
    value_hkd: float | None  # money only
    as_of: date
    as_of_precision: str  # day, month or year
    period: str | None  # ISO-8601 duration for a flow ("P1Y"); None for a stock
    quote: str  # the sentence, exactly as it stands in the document text
    char_start: int  # span of `quote` in the document text
    char_end: int
    mention_start: int  # span of the figure itself, for highlighting
    mention_end: int
    flags: tuple[str, ...] = field(default_factory=tuple)
    status: str = "auto"  # one of CLAIM_STATUSES: "candidate" when the extractor is unsure
    unsure: tuple[str, ...] = field(default_factory=tuple)  # of UNSURE_REASONS


@dataclass(frozen=True)
class Correction:
    """A figure as a reviewer corrected it (the review log's `correct`): a labelled example."""

    document: str  # file name
    mention_start: int  # span of the figure in the document text
    mention_end: int
    quote: str
    value: float
    unit: str
    entity: str  # the corrected owner, metric and date
    metric: str
    as_of: date
    period: str | None
