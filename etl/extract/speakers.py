"""Whose words a text gives: quotations and speeches, and their speaker's organisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from etl.config import ExtractConfig
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.mentions import Mention, find_mentions
from etl.extract.name_patterns import patterns, tracked_names
from etl.extract.sentences import is_abbreviation

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
OPEN_QUOTE = re.compile(r"[“\"]")
_CLOSE_QUOTE = re.compile(r"[”\"]")


@dataclass(frozen=True)
class QuoteRegion:
    """Words in quotation marks and whose words they are."""

    start: int
    end: int
    speaker_tracked: bool
    speaker_entity: str | None
    # Known by its marks or a header (a speaker's quotation, a transcript, an interview's
    # answers), not only guessed from the text being about the organisation.
    marked: bool = True


@cache
def _speech_re() -> re.Pattern[str]:
    verbs = phrases_re(lexicon()["attribution"]["speech_verbs"])
    return re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


def quote_regions(
    text: str,
    start: int,
    end: int,
    config: ExtractConfig,
    head_profiled: bool = False,
    main_tracked: bool = False,
) -> list[QuoteRegion]:
    """Quoted speech in a paragraph, each with its speaker's organisation when stated.

    `head_profiled`: the text profiles a head of the tracked organisation (`profiles_head`),
    so a quotation that names no speaker, with none before it, is theirs. `main_tracked`: the
    text is about the tracked organisation, so a speaker who works for "the hub" or "the
    park" ("said Ann Lee, who runs the hub's fintech programme") speaks for it.
    """
    out: list[QuoteRegion] = []
    pos = start
    while True:
        m = OPEN_QUOTE.search(text, pos, end)
        if not m:
            break
        close = _CLOSE_QUOTE.search(text, m.end(), end)
        q_end = close.end() if close else end
        lead_from = max(start, m.start() - 250)
        lead = text[lead_from : m.start()]
        cut = max((x.end() for x in _SENTENCE_END.finditer(lead)), default=0)
        lead = lead[cut:]
        tail = text[q_end : _tail_end(text, q_end, min(end, q_end + 250))]
        speaker = lead if _speech_re().search(lead) else tail if _speech_re().search(tail) else ""
        tracked, entity = False, None
        if not speaker and out:
            tracked, entity = out[-1].speaker_tracked, out[-1].speaker_entity  # same speaker
        elif not speaker:
            tracked = head_profiled  # '"Last year we admitted 164."' in the head's profile
        elif speaker:
            tracked, entity, found = _works_for(speaker, config)
            if not tracked:
                tracked = (
                    main_tracked
                    and entity is None
                    and any(
                        x.kind == "place_word" and x.tracked and x.role in ("possessive", "title")
                        for x in found
                    )
                )
            if not tracked and entity is None:  # "..., he told the audience": named before
                tracked = _heads_tracked(text[lead_from : m.start()], config) or _introduced(
                    text, m.start(), speaker, config
                )
        if q_end - m.end() > 1:
            out.append(QuoteRegion(m.start(), q_end, tracked, entity))
        pos = q_end
    return out


@dataclass(frozen=True)
class Voice:
    """The paragraphs of a section in one speaker's own words, and whose words they are."""

    paragraphs: frozenset[int]
    speaker_tracked: bool
    speaker_entity: str | None

    def region(self, p: int, span: tuple[int, int]) -> QuoteRegion | None:
        """Paragraph `p` (at `span`) as a quotation of the speaker, if it is in their words."""
        if p not in self.paragraphs:
            return None
        return QuoteRegion(span[0], span[1], self.speaker_tracked, self.speaker_entity)


_LEAD = r"[\s#*_>]"  # Markdown marks before a heading or a bold line (any number of them)


@cache
def _voice_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    att = lexicon()["attribution"]
    lead = _LEAD + "*"
    titles = phrases_re([*att["titles"], "chief", "boss", "head"])
    return (
        re.compile(rf"{lead}(?:{phrases_re(att['speech_headers'])})\s+", re.IGNORECASE),
        re.compile(rf"{lead}(?:{phrases_re(att['answer_marks'])})(?=\s)", re.IGNORECASE),
        re.compile(rf"{lead}(?:{phrases_re(att['question_marks'])})(?=\s)", re.IGNORECASE),
        re.compile(
            rf"(?:\b(?:{titles})(?:\s+of\s+[^,.;:\n]{{1,60}}?\s+at|\s*,?\s+(?:of|at))\s+(?:the\s+)?"
            rf"|\b(?:{phrases_re(att['leader_phrases'])})\s+(?:the\s+)?)$",
            re.IGNORECASE,
        ),
    )


@cache
def _starts(*lists: str) -> frozenset[str]:
    """The ASCII characters a line of the attribution phrase `lists` (see `_voice_res`) can open."""
    att = lexicon()["attribution"]
    phrases = [p.split() for name in lists for p in att[name]]
    first = re.compile("|".join([_LEAD, *(re.escape(p[0][0]) for p in phrases if p)]), re.I)
    return frozenset(c for c in map(chr, range(128)) if first.fullmatch(c))


_SPEAKER_END = re.compile(r"\s+(?:at|during|on|to|before|for)\s+|[.\n]", re.IGNORECASE)


@cache
def _head_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An organisation's head after its possessive ("X's venture chief", "X's Head of
    FinTech") or right after its name ("X Chairman George Lam"), and a leader phrase before a
    pronoun ("who heads its partnerships")."""
    att = lexicon()["attribution"]
    heads = phrases_re(att["head_titles"])
    return (
        re.compile(rf"(?:['’]s\s+(?:[\w-]+\s+){{0,2}}?|\s+)(?:{heads})\b", re.IGNORECASE),
        re.compile(
            rf"\b(?:{phrases_re(att['leader_phrases'])})\s+(?:{phrases_re(att['continuing'])})\b",
            re.IGNORECASE,
        ),
    )


def section_voice(
    text: str, paragraphs: list[tuple[int, int]], config: ExtractConfig
) -> Voice | None:
    """A speech ("Speech by X, CEO of Y") or an interview of the head of an organisation.

    In a speech every paragraph after its heading is the speaker's; in an interview, the
    answer lines ("A: ...") and the paragraphs that follow them up to the next question.
    """
    header, answer, question, _ = _voice_res()
    headers = _starts("speech_headers")
    for i, (a, b) in enumerate(paragraphs[:4]):
        m = a < b and (text[a] in headers or text[a] > "\x7f") and header.match(text, a, b)
        if m:
            who = text[m.end() : b]
            cut = _SPEAKER_END.search(who)
            who = who[: cut.start()] if cut else who
            tracked, entity = speaker_of(who, config)
            if not tracked and entity is None:
                return None
            return Voice(frozenset(range(i + 1, len(paragraphs))), tracked, entity)
    starts = _starts("answer_marks", "question_marks")
    # Only a paragraph opening with one of `starts` (or a letter outside ASCII) is matched.
    marks = [
        (i, "a" if answer.match(text, a, b) else "q" if question.match(text, a, b) else "")
        if a < b and (text[a] in starts or text[a] > "\x7f")
        else (i, "")
        for i, (a, b) in enumerate(paragraphs)
    ]
    first = next((i for i, k in marks if k), None)
    if first is None or not any(k == "a" for _, k in marks):
        return None
    intro_start = max(paragraphs[0][0], paragraphs[first][0] - 1500)
    if not _heads_tracked(text[intro_start : paragraphs[first][0]], config):
        return None
    theirs, current = set(), ""
    for i, k in marks[first:]:
        current = k or current
        if current == "a":
            theirs.add(i)
    return Voice(frozenset(theirs), True, config.name)


_PROFILE_INTRO = 1500  # how far into a text its subject is introduced


def profiles_head(text: str, config: ExtractConfig) -> bool:
    """Whether the opening of `text` (title and introduction) names someone as head of the
    tracked organisation: an interview or profile of one of its executives."""
    return _heads_tracked(text[:_PROFILE_INTRO], config)


def speaker_of(who: str, config: ExtractConfig) -> tuple[bool, str | None]:
    """Whom a speaker's line (name, title, organisation) works for: (tracked, organisation)."""
    tracked, entity, _ = _works_for(who, config)
    return tracked, entity


def _works_for(who: str, config: ExtractConfig) -> tuple[bool, str | None, list[Mention]]:
    """(tracked, organisation, the names found) of a speaker's line: the tracked organisation
    when it is named as itself, not as what describes a member ("founder of Cyberport start-up
    Ledgerlight Labs" works for the start-up); else the last organisation named."""
    p = patterns(config)
    named = [m.end() for m in p.tracked.finditer(who)]
    if named and not any(p.descriptor.match(who, end) for end in named):
        return True, config.name, []  # (no "Cyberport start-up X": named as itself)
    found = find_mentions(who, 0, len(who), config)
    if named and any(x.tracked and x.kind == "name" for x in found):
        return True, config.name, found
    names = [x for x in found if x.kind == "name"]
    return False, (names[-1].entity if names else None), found


def _heads_tracked(intro: str, config: ExtractConfig) -> bool:
    """Whether `intro` names someone as head of the tracked organisation."""
    leader = _voice_res()[3]
    head_of, leads_its = _head_res()
    for m in tracked_names(intro, config):
        if leader.search(intro, max(0, m.start() - 80), m.start()) or head_of.match(intro, m.end()):
            return True
    for m in leads_its.finditer(intro):  # "Cyberport ... We met X, who heads its ...": its head
        named = [x for x in find_mentions(intro, 0, m.start(), config) if x.kind == "name"]
        if named and named[-1].tracked:
            return True
    return False


_NAME_WORD = re.compile(r"\b[A-Z][a-z][\w'’-]*")
_INTRO_REACH = 100  # characters either side of a speaker's first naming that introduce them


def _introduced(text: str, pos: int, speaker: str, config: ExtractConfig) -> bool:
    """Whether the speaker ("said Ms. Tam") was introduced before `pos` as a head of the
    tracked organisation, where their name first stands ("led by Cyberport's Chief Public
    Mission Officer Ms. Winnie Tam")."""
    names = _NAME_WORD.findall(speaker)
    first = re.search(rf"\b{re.escape(names[-1])}\b", text[:pos]) if names else None
    if first is None:
        return False
    a, b = max(0, first.start() - _INTRO_REACH), min(pos, first.end() + _INTRO_REACH)
    return _heads_tracked(text[a:b], config)


def _tail_end(text: str, start: int, limit: int) -> int:
    for m in _SENTENCE_END.finditer(text, start, limit):
        if not is_abbreviation(text, m.start(), start):
            return m.end()
    return limit
