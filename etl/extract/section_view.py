"""One section as the extractor reads it: sentences, names, quotations and topics, on demand.

Nothing is worked out before a figure needs it: a paragraph is split into sentences only as
far as a candidate or a look-back reaches, and the names of a sentence are found only for a
sentence with a figure and for the sentences the subject is looked for in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from etl.config import ExtractConfig
from etl.extract.authors import asked_at
from etl.extract.document_model import EMPTY, DocumentModel
from etl.extract.lexicon import lexicon, phrases_re, safe_lower
from etl.extract.mentions import Mention, find_mentions, in_brackets
from etl.extract.name_patterns import tracked_words
from etl.extract.number_words import WORD_RE
from etl.extract.owners import names_no_one, read_mentions
from etl.extract.prefilter import candidate_positions
from etl.extract.referents import Attribution, Topic
from etl.extract.sentences import Sentence, iter_sentences
from etl.extract.speakers import QuoteRegion, Voice, quote_regions, section_voice
from etl.extract.topics import next_topic
from etl.extract.transcripts import Transcript, find_transcript
from etl.extract.year_day import BULLET_MARK

SentenceId = tuple[int, int]  # (paragraph, sentence within it)

_CANDIDATE = re.compile(r"\d")
_ABOUT_HEADING = re.compile(r"About\s+(?P<name>[^\n.]{2,80})")
_QUOTE_MARK = re.compile(r"[“\"]")
_BULLET = re.compile(rf"[ \t]*{BULLET_MARK}[ \t]+")
_NAMED_KINDS = ("name", "territory", "place")


@dataclass
class SectionView:
    """A section's paragraphs; sentences, mentions and topics worked out only when asked for."""

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
    row_metrics: dict[SentenceId, frozenset[str]] = field(default_factory=dict)  # box_rows'
    voices: list[Voice | Transcript | None] = field(default_factory=list)
    model: DocumentModel = EMPTY

    def _voices(self) -> Voice | Transcript | None:
        """The section's speaker or transcript, found once."""
        if not self.voices:
            self.voices.append(
                section_voice(self.text, self.paragraphs, self.config)
                or find_transcript(self.text, self.paragraphs, self.config)
            )
        return self.voices[0]

    def label_end(self, sid: SentenceId) -> int:
        """Where the label of a known speaker opening sentence `sid` ends ("ERIC CHAN: "), in a
        transcript; else 0."""
        turns = self._voices() if not sid[1] else None
        if isinstance(turns, Transcript) and sid[0] in turns.turns:
            return turns.label_ends.get(sid[0], 0)
        return 0

    def voice(self, p: int) -> QuoteRegion | None:
        """Paragraph `p` as a quotation, when the section is a speech or interview (or the
        document, by its byline, is in someone's words)."""
        v = self._voices()
        if v is not None:
            return v.region(p, self.paragraphs[p])
        span = self.paragraphs[p]
        author = self.model.author
        if author is None or not self.model.speaks(span[0]):
            return None
        return QuoteRegion(
            span[0], span[1], author.tracked, None if author.tracked else author.entity
        )

    def _read(self, p: int, past: float) -> list[Sentence]:
        """Paragraph `p`'s sentences, split until one ends after `past` (or to the end)."""
        got = self.sentences.get(p)
        if got is None:
            a, b = self.paragraphs[p]
            got = self.sentences[p] = []
            self.starts[p] = []
            self.unread[p] = iter_sentences(self.text, a, b, p)
        elif p not in self.unread or (got and got[-1].end > past):
            return got
        starts = self.starts[p]
        for s in self.unread[p]:
            got.append(s)
            starts.append(s.start)
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

    def before(self, sid: SentenceId, count: int) -> Iterator[SentenceId]:
        """Up to `count` sentences before `sid`, nearest first."""
        cur: SentenceId | None = sid
        for _ in range(count):
            cur = self.previous(cur)
            if cur is None:
                return
            yield cur

    def sentence_text(self, sid: SentenceId) -> str:
        """The words of sentence `sid`."""
        s = self.sentence(sid)
        return self.text[s.start : s.end]

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

    def in_list(self, sid: SentenceId) -> bool:
        """Whether sentence `sid` is an item of a bulleted list."""
        return _BULLET.match(self.text, self.sentence(sid).start) is not None

    def _list_goes_on(self, p: int) -> bool:
        """Paragraph `p` is a bulleted list whose lead-in line names nobody else."""
        if p == 0 or not _BULLET.match(self.text, self.paragraphs[p][0]):
            return False
        lead = self.paragraph(p - 1)
        last = lead[-1] if lead else None  # (or the last sentence, when it opens the list:
        if last is None or (
            len(lead) != 1 and not self.text[last.start : last.end].rstrip().endswith(":")
        ):
            return False  # "... When I asked the hub for a breakdown, this is what came back:")
        # (a wire's agency in brackets names no one: "HONG KONG, Sept 14 (TechWire Asia) -")
        return not any(
            not m.tracked
            and m.kind not in ("territory", "pronoun")
            and not in_brackets(self.text, m.start)
            for m in self.mentions_of((p - 1, len(lead) - 1))
        ) and not _event_lead().match(self.text, last.start, last.end)

    def _lead_in_owner(self, p: int) -> Attribution | None:
        """The tracked organisation, when the lead-in line over list `p` names it (and, as
        `_list_goes_on` asks, nobody else)."""
        if any(m.tracked for m in self.mentions_of((p - 1, len(self.paragraph(p - 1)) - 1))):
            return Attribution(self.config.name, True, "topic")
        return None

    def mentions_of(self, sid: SentenceId) -> list[Mention]:
        """The names in sentence `sid` (found once)."""
        got = self.mentions.get(sid)
        if got is None:
            x = self.sentence(sid)
            found = find_mentions(self.text, x.start, x.end, self.config)
            if self.model is not EMPTY:
                found = read_mentions(self.text, x.start, x.end, found, self.model, self.config)
            if not sid[1] and found and isinstance(self._voices(), Transcript):
                turns = self._voices()
                found = [m for m in found if not turns.in_label(sid[0], m.start)]  # "ERIC CHAN:"
            got = self.mentions[sid] = found
        return got

    def quotes_in(self, p: int) -> list[QuoteRegion]:
        """The quotations of paragraph `p` (found once)."""
        got = self.quotes.get(p)
        if got is None:
            a, b = self.paragraphs[p]
            found = _QUOTE_MARK.search(self.text, a, b)
            main = self.model.main is not None and self.model.main.tracked
            got = self.quotes[p] = (
                quote_regions(self.text, a, b, self.config, self.model.head_profiled, main)
                if found
                else []
            )
        return got

    def quote_at(self, p: int, pos: int) -> QuoteRegion | None:
        """The quotation holding `pos` in paragraph `p`, or the paragraph's speaker's voice."""
        return next((q for q in self.quotes_in(p) if q.start <= pos < q.end), None) or self.voice(p)

    def we_at(self, p: int, pos: int) -> QuoteRegion | None:
        """Whose "we" stands at `pos` in paragraph `p`: the quotation's or speaker's, else, in
        an organisation's own publication (its About paragraph), the organisation's; else, in
        a text about the tracked organisation that says of no one whose words it is, its own
        (unsure: `marked` False)."""
        found = self.quote_at(p, pos)
        model = self.model
        if found is not None or model.author is not None:
            return found
        a, b = self.paragraphs[p]
        if model.publisher is not None:
            tracked = model.publisher.tracked
            return QuoteRegion(a, b, tracked, None if tracked else model.publisher.entity)
        if (
            model.main_we
            and not (self.voices and isinstance(self.voices[0], Transcript))  # (its speaker's)
            and not asked_at(self.text, a, b, pos)  # (an interviewer's "we")
        ):
            return QuoteRegion(a, b, True, None, marked=False)
        return None

    def may_be_tracked(self, sid: SentenceId) -> bool:
        """False when no figure of sentence `sid` can be the tracked organisation's.

        So when neither the sentence nor its paragraph before it has a word that a tracked
        name, place word, "we" or "it" needs, and the paragraph follows no tracked heading and
        continues no list: its names, and the paragraph's subject it may fall back on, are all
        someone else's (or nobody's).
        """
        words = tracked_words(self.config)
        if words is None:
            return True
        p, j = sid
        first = self.paragraphs[p][0]
        if p and _BULLET.match(self.text, first):
            return True
        s = self.sentence(sid)
        low = safe_lower(self.text[first if j else s.start : s.end])
        if low is None or words.search(low) is not None:
            return True  # (asked before the dearer tests below: any one of them will do)
        heading = self.heading(p)
        if heading is not None and heading.tracked:
            return True
        said = self.text[s.start : s.end]
        if (":" in said or " | " in said) and (
            self._under_tracked_heading(s.start, words)
            or (self.model.main is not None and self.model.main.tracked)
        ):  # a fact-box row ("Start-ups: 2,000", "FinTech | 400 companies") is its heading's
            return True  # organisation's, else the document's, as a table's is

        return self.unnamed_may_be_tracked(sid)

    def _under_tracked_heading(self, pos: int, words: re.Pattern[str]) -> bool:
        """Whether the heading above `pos` may name the tracked organisation (`words`)."""
        span = self.model.heading(pos)
        low = safe_lower(self.text[span[0] : span[1]]) if span is not None else ""
        return low is None or words.search(low) is not None

    def unnamed_may_be_tracked(self, sid: SentenceId) -> bool:
        """Whether a figure of sentence `sid` may be the tracked organisation's without its
        name: the sentence names no one else (`names_no_one`), and the document is about the
        tracked organisation or the sentence may be in a speaker's words; or it names one of
        the tracked organisation's units by its acronym ("the CIP admitted 82 start-ups")."""
        s = self.sentence(sid)
        model = self.model
        if model.unit_keys is not None and model.unit_keys.search(self.text, s.start, s.end):
            return True
        start = s.start
        start = max(start, self.label_end(sid))  # (not "ERIC CHAN:")
        if not names_no_one(self.text, start, s.end, self.config):
            return False
        main = model.main
        if (main is not None and main.tracked) or (model.author is not None):
            return True
        a, b = self.paragraphs[sid[0]]
        return _QUOTE_MARK.search(self.text, a, b) is not None or self.voice(sid[0]) is not None

    def topic_before(self, sid: SentenceId) -> Topic:
        """The subjects set before sentence `sid`: in its paragraph, and in the section.

        Worked out backwards from `sid` to the nearest sentence that names its subject, or
        whose "we" is a known speaker's (or the section's start, or a topic already known),
        then forwards again, and remembered: each sentence is read once however long the
        section is.
        """
        chain: list[tuple[SentenceId, SentenceId, list[Mention], bool]] = []
        cur = sid
        while cur not in self.topics:
            prev = self.previous(cur)
            if prev is None:
                heading = self.heading(cur[0])
                self.topics[cur] = Topic(heading, heading, self.model.main)
                break
            ms = self.mentions_of(prev)
            first = next((m for m in ms if m.role == "subject" and m.kind != "pronoun"), None)
            named = first is not None and (
                first.kind in _NAMED_KINDS
                or (first.kind == "first_person" and self._known_speaker(prev))
            )
            chain.append((cur, prev, ms, named))
            if named:
                break  # resolving a plain name, or a known speaker's "we", needs no earlier topic
            cur = prev
        for cur, prev, ms, named in reversed(chain):
            before = Topic(main=self.model.main) if named else self.topics[prev]
            s = self.sentence(prev)
            # Whose words a sentence is in matters only to its "we" (see `attribute`).
            speaks = any(m.kind == "first_person" for m in ms)
            quote = self.we_at(prev[0], s.start) if speaks else None
            topic = next_topic(ms, before, quote, self.config, self.text)
            if prev[0] != cur[0]:
                heading = self.heading(cur[0])
                if heading is None and self._list_goes_on(cur[0]):
                    heading = self._lead_in_owner(cur[0]) or topic.document  # "Key figures" /
                    # "- Unicorns: 7"; "When I asked the hub for a breakdown:" / "- Fintech: 420"
                topic = Topic(heading, heading or topic.document, self.model.main)
            self.topics[cur] = topic
        return self.topics[sid]

    def _known_speaker(self, sid: SentenceId) -> bool:
        """Sentence `sid` is in the words of a speaker whose organisation is known."""
        q = self.quote_at(sid[0], self.sentence(sid).start)
        return q is not None and (q.speaker_tracked or bool(q.speaker_entity))

    def candidates(self, start: int, end: int) -> Iterator[SentenceId]:
        """The sentences of text[start:end] that may hold a number, in order."""
        text = self.text
        positions = candidate_positions(text, start, end)
        if positions is None:  # odd letters: test every sentence
            for p in range(len(self.paragraphs)):
                for j, s in enumerate(self.paragraph(p)):
                    if _CANDIDATE.search(text, s.start, s.end) or WORD_RE.search(
                        text, s.start, s.end
                    ):
                        yield p, j
            return
        # `sentence_at` for each position, walking the paragraphs forwards with the positions.
        paragraphs, p, n = self.paragraphs, 0, len(self.paragraphs)
        last = -1  # the end of the sentence last given
        for pos in positions:
            if pos < last:
                continue
            while p < n and paragraphs[p][1] <= pos:
                p += 1
            if p == n:
                return
            if pos < paragraphs[p][0]:
                continue  # between paragraphs
            sents = self._read(p, pos)
            j = bisect_right(self.starts[p], pos) - 1
            if j >= 0 and pos < sents[j].end:
                last = sents[j].end
                yield p, j


@cache
def _event_lead() -> re.Pattern[str]:
    """A lead-in whose first words name an event: "Forum at a glance", "The summit in numbers"."""
    events = phrases_re(lexicon()["organisations"]["events"])
    return re.compile(rf"\W*(?:[\w'’&-]+\s+){{0,4}}?(?:{events})\b", re.IGNORECASE)


def _name_topic(text: str, a: int, b: int, config: ExtractConfig) -> Attribution | None:
    ms = find_mentions(text, a, b, config)
    return Attribution(ms[0].entity, ms[0].tracked) if ms and ms[0].entity else None
