"""Turn each section of a read document into dated claims about the tracked organisation.

Decisions worth knowing:
- A claim needs a date. The sentence's own date wins, then the section's, then the
  document's; a figure with none of these is not emitted.
- A figure dated after its section (a target, "by 2030") is not emitted; neither is one in a
  clause that speaks of plans ("aims to", "will").
- A period ("in the past year alone") makes a flow only of a cumulative metric (funding,
  unicorns, ...); on a stock such as `companies` it is ignored.
- A figure repeated in one document is one claim: the first occurrence's quote and span, the
  most informative qualifier (any stated qualifier beats none, so "expanded to 35 markets"
  and "over 35 markets" give `over`), and a flag only if every occurrence carries it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial

from etl.asof import DatePhrase, find_dates
from etl.attribution import (
    Attribution,
    QuoteRegion,
    Topic,
    Voice,
    attribute,
    next_topic,
    quote_regions,
    section_voice,
)
from etl.config import ExtractConfig, load_config
from etl.mentions import Mention, find_mentions
from etl.metrics import cumulative_metrics
from etl.money import to_hkd
from etl.numbers import WORD_RE
from etl.prefilter import candidate_positions, may_count_metric
from etl.qualifiers import interval
from etl.records import Claim, ReadDocument, Section
from etl.sentence_figures import Figure, find_figures
from etl.sentences import Sentence, iter_sentences, split_paragraphs

EXTRACTOR_VERSION = "1.0.0"

_CANDIDATE = re.compile(r"\d")
_ABOUT_HEADING = re.compile(r"About\s+(?P<name>[^\n.]{2,80})")
_OWN_DATE_GAP = re.compile(r"[\s,]*(?:\w+\s+){0,1}")
_QUOTE_MARK = re.compile(r"[“\"]")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\b")
_SENTENCE_OPENING = re.compile(
    r"[\W_]*(?:(?:as\s+(?:at|of)|at|by|in|on|until|up\s+to)\s+)?(?:(?:the\s+)?end[-\s](?:of\s+)?)?",
    re.IGNORECASE,
)

SentenceId = tuple[int, int]  # (paragraph, sentence within it)


@cache
def default_config() -> ExtractConfig:
    """The configuration named by $TRACKED_ENTITY_CONFIG, else the packaged default."""
    return load_config()


@dataclass
class _Section:
    """A section's paragraphs; sentences, mentions and topics worked out only when asked for.

    A paragraph is split into sentences only as far as a figure or a topic needs it.
    """

    text: str
    paragraphs: list[tuple[int, int]]
    config: ExtractConfig
    sentences: dict[int, list[Sentence]] = field(default_factory=dict)
    starts: dict[int, list[int]] = field(default_factory=dict)
    unread: dict[int, Iterator[Sentence]] = field(default_factory=dict)
    headings: dict[int, Attribution | None] = field(default_factory=dict)
    quotes: dict[int, list[QuoteRegion]] = field(default_factory=dict)
    mentions: dict[SentenceId, list[Mention]] = field(default_factory=dict)
    topics: dict[SentenceId, Topic] = field(default_factory=dict)
    voices: list[Voice | None] = field(default_factory=list)

    def voice(self, p: int) -> QuoteRegion | None:
        """Paragraph `p` as a quotation, when the section is a speech or interview."""
        if not self.voices:
            self.voices.append(section_voice(self.text, self.paragraphs, self.config))
        v = self.voices[0]
        return v.region(p, self.paragraphs[p]) if v else None

    def _read(self, p: int, past: float) -> list[Sentence]:
        """Paragraph `p`'s sentences, split until one ends after `past` (or to the end)."""
        got = self.sentences.get(p)
        if got is None:
            a, b = self.paragraphs[p]
            got = self.sentences[p] = []
            self.starts[p] = []
            self.unread[p] = iter_sentences(self.text, a, b, p)
        if p in self.unread and (not got or got[-1].end <= past):
            for s in self.unread[p]:
                got.append(s)
                self.starts[p].append(s.start)
                if s.end > past:
                    break
            else:
                del self.unread[p]
        return got

    def paragraph(self, p: int) -> list[Sentence]:
        """All the sentences of paragraph `p`."""
        return self._read(p, float("inf"))

    def sentence(self, sid: SentenceId) -> Sentence:
        return self.sentences[sid[0]][sid[1]]

    def previous(self, sid: SentenceId) -> SentenceId | None:
        p, j = sid
        if j:
            return p, j - 1
        return (p - 1, len(self.paragraph(p - 1)) - 1) if p else None

    def sentence_at(self, pos: int) -> SentenceId | None:
        """The sentence holding the non-space character at `pos`."""
        p = bisect_right(self.paragraphs, (pos, float("inf"))) - 1
        if p < 0 or pos >= self.paragraphs[p][1]:
            return None
        sents = self._read(p, pos)
        j = bisect_right(self.starts[p], pos) - 1
        return (p, j) if j >= 0 and pos < sents[j].end else None

    def heading(self, p: int) -> Attribution | None:
        """The subject an "About X" line right before paragraph `p` names."""
        if p not in self.headings:
            self.headings[p] = None
            if p > 0 and self.text.startswith("About", self.paragraphs[p - 1][0]):
                sents = self.paragraph(p - 1)
                if len(sents) == 1:
                    s = sents[0]
                    m = _ABOUT_HEADING.fullmatch(self.text, s.start, s.end)
                    if m:
                        self.headings[p] = _name_topic(
                            self.text, m.start("name"), m.end(), self.config
                        )
        return self.headings[p]


def extract_claims(doc: ReadDocument, config: ExtractConfig | None = None) -> list[Claim]:
    """Every figure about the tracked organisation (and others, if so configured), deduplicated."""
    config = config or default_config()
    sections = doc.sections or (Section(0, 0, len(doc.text), doc.published_on, doc.date_source),)
    claims: list[tuple[Claim, float]] = []
    for section in sections:
        ref = section.published_on or doc.published_on
        claims.extend(_section_claims(doc.text, section, ref, config))
    return _dedupe(claims)


def _section_claims(
    text: str, section: Section, ref: date | None, config: ExtractConfig
) -> list[tuple[Claim, float]]:
    paragraphs = split_paragraphs(text, section.char_start, section.char_end)
    state = _Section(text, paragraphs, config)
    out: list[tuple[Claim, float]] = []
    for sid in _candidates(state, section):
        out.extend(_sentence_claims(sid, state, section, ref))
    return out


def _candidates(state: _Section, section: Section) -> Iterator[SentenceId]:
    """The sentences that may hold a number, in order: found around the numbers' positions."""
    text = state.text
    positions = candidate_positions(text, section.char_start, section.char_end)
    if positions is None:  # odd letters: test every sentence
        for p in range(len(state.paragraphs)):
            for j, s in enumerate(state.paragraph(p)):
                if _CANDIDATE.search(text, s.start, s.end) or WORD_RE.search(text, s.start, s.end):
                    yield p, j
        return
    end = -1  # the end of the sentence last given
    for pos in positions:
        if pos < end:
            continue
        sid = state.sentence_at(pos)
        if sid is not None:
            end = state.sentence(sid).end
            yield sid


def _name_topic(text: str, a: int, b: int, config: ExtractConfig) -> Attribution | None:
    ms = find_mentions(text, a, b, config)
    return Attribution(ms[0].entity, ms[0].tracked) if ms and ms[0].entity else None


def _mentions(state: _Section, sid: SentenceId) -> list[Mention]:
    got = state.mentions.get(sid)
    if got is None:
        x = state.sentence(sid)
        got = state.mentions[sid] = find_mentions(state.text, x.start, x.end, state.config)
    return got


def _topic_before(state: _Section, sid: SentenceId) -> Topic:
    """The subjects set before sentence `sid`: in its paragraph, and in the section.

    Worked out backwards from `sid` and remembered, so only the sentences up to the nearest
    named subject are read.
    """
    if sid in state.topics:
        return state.topics[sid]
    prev_id = state.previous(sid)
    if prev_id is not None:
        prev = state.sentence(prev_id)
        ms = _mentions(state, prev_id)
        first = next((m for m in ms if m.role == "subject" and m.kind != "pronoun"), None)
        if first is not None and first.kind in ("name", "territory", "place"):
            before = Topic()  # resolving a plain name needs no earlier topic
        else:
            before = _topic_before(state, prev_id)
        quote = _quote_at(_quotes(state, prev.paragraph), prev.start) or state.voice(prev_id[0])
        topic = next_topic(ms, before, quote, state.config)
        if prev.paragraph != sid[0]:
            heading = state.heading(sid[0])
            topic = Topic(heading, heading or topic.document)
    else:
        heading = state.heading(sid[0])
        topic = Topic(heading, heading)
    state.topics[sid] = topic
    return topic


def _quotes(state: _Section, p: int) -> list[QuoteRegion]:
    got = state.quotes.get(p)
    if got is None:
        a, b = state.paragraphs[p]
        text = state.text
        found = _QUOTE_MARK.search(text, a, b)
        got = state.quotes[p] = quote_regions(text, a, b, state.config) if found else []
    return got


def _quote_at(quotes: list[QuoteRegion], pos: int) -> QuoteRegion | None:
    return next((q for q in quotes if q.start <= pos < q.end), None)


def _sentence_claims(
    sid: SentenceId, state: _Section, section: Section, ref: date | None
) -> list[tuple[Claim, float]]:
    text, config = state.text, state.config
    s = state.sentence(sid)
    if not may_count_metric(text, s.start, s.end):
        return []
    sent = text[s.start : s.end]
    figures = find_figures(sent, config.bare_dollar)
    if not figures:
        return []
    mentions = _mentions(state, sid)
    dates = find_dates(sent, 0, len(sent), ref)
    quotes = _quotes(state, s.paragraph)
    out: list[tuple[Claim, float]] = []
    for i, f in enumerate(figures):
        when = _date_for(sent, f, figures, dates, i)
        if when is None and f.comparison:
            continue  # an earlier value needs its own date
        as_of, precision, period = _as_of(when, ref, f.metric.metric)
        if as_of is None:
            continue
        a = s.start
        who = attribute(
            text,
            (s.start, s.end),
            (a + f.start, a + f.end),
            a + f.np_end,
            mentions,
            partial(_topic_before, state, sid),
            _quote_at(quotes, a + f.start) or state.voice(sid[0]),
            config,
        )
        if who is None or (not who.tracked and config.other_entities != "keep"):
            continue
        out.append(
            (_claim(f, who, as_of, precision, period, s, sent, section, config), f.number.step)
        )
    return out


def _date_for(
    sent: str, f: Figure, figures: list[Figure], dates: list[DatePhrase], i: int
) -> DatePhrase | None:
    """The figure's own date ('1,000 in 2018'), else a date of its clause no other figure owns."""
    usable = [d for d in dates if not d.event]
    if not usable:
        return None
    nxt = figures[i + 1].start if i + 1 < len(figures) else len(sent)
    for d in usable:
        if f.np_end <= d.start < nxt and _OWN_DATE_GAP.fullmatch(sent, f.np_end, d.start):
            return d
    owned = {
        id(d)
        for j, g in enumerate(figures)
        if j != i
        for d in usable
        if g.np_end <= d.start and _OWN_DATE_GAP.fullmatch(sent, g.np_end, d.start)
    }
    lo, hi = _clause_bounds(sent, f.start)
    inside = [d for d in usable if lo <= d.start < hi and id(d) not in owned]
    before = [d for d in inside if d.end <= f.start]
    after = [d for d in inside if d.start >= f.end]
    if before or after:
        return before[-1] if before else after[0]
    # A date that opens the sentence ("As at end-December 2022, ...") dates all its clauses.
    return next(
        (
            d
            for d in usable
            if d.period is None
            and _SENTENCE_OPENING.fullmatch(sent, 0, d.start)
            and sent.startswith(",", d.end)
        ),
        None,
    )


def _clause_bounds(sent: str, pos: int) -> tuple[int, int]:
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sent)]
    lo = max((b for b in breaks if b < pos), default=0)
    hi = min((b for b in breaks if b > pos), default=len(sent))
    return lo, hi


def _as_of(
    when: DatePhrase | None, ref: date | None, metric: str
) -> tuple[date | None, str, str | None]:
    if when is None or when.as_of is None:
        return ref, "day", None
    period = when.period if metric in cumulative_metrics() else None
    as_of, precision = when.as_of, when.precision
    if ref and as_of > ref:
        if as_of.year > ref.year:
            return None, "day", None  # a target, not a fact
        as_of, precision = ref, "day"
    return as_of, precision, period


def _claim(
    f: Figure,
    who: Attribution,
    as_of: date,
    precision: str,
    period: str | None,
    s: Sentence,
    sent: str,
    section: Section,
    config: ExtractConfig,
) -> Claim:
    n = f.number
    flags = []
    if f.garbled:
        flags.append("garbled")
    if f.metric.implausible:
        flags.append("implausible")
    if n.high is not None:
        flags.append("range")
    qualifier = "over" if n.high is not None else f.qualifier
    low, high = interval(n.value, n.step, qualifier, n.high, count=f.unit == "count")
    money = f.unit in ("HKD", "USD", "RMB")
    return Claim(
        section_index=section.index,
        entity=who.entity,
        metric=f.metric.metric,
        value=n.value,
        unit=f.unit,
        qualifier=qualifier,
        value_low=low,
        value_high=high,
        value_hkd=to_hkd(n.value, f.unit, config.rates) if money else None,
        as_of=as_of,
        as_of_precision=precision,
        period=period,
        quote=sent,
        char_start=s.start,
        char_end=s.end,
        mention_start=s.start + f.start,
        mention_end=s.start + f.end,
        flags=tuple(flags),
    )


def _dedupe(claims: list[tuple[Claim, float]]) -> list[Claim]:
    """One claim per (entity, metric, unit, value, as_of, period) in a document."""
    merged: dict[tuple, tuple[Claim, float]] = {}
    for c, step in claims:
        key = (c.entity, c.metric, c.unit, c.value, c.as_of, c.period)
        if key not in merged:
            merged[key] = (c, step)
            continue
        first, fstep = merged[key]
        qualifier = first.qualifier
        if qualifier == "exact" and c.qualifier != "exact":
            qualifier = c.qualifier
        flags = tuple(x for x in first.flags if x in c.flags)
        if qualifier != first.qualifier and "range" not in first.flags:
            low, high = interval(first.value, fstep, qualifier, count=first.unit == "count")
            first = replace(first, qualifier=qualifier, value_low=low, value_high=high)
        merged[key] = (replace(first, flags=flags), fstep)
    return [c for c, _ in merged.values()]
