"""Whose words a document is in: the writer of a by-lined column, a speaker, an interviewee.

A byline, a speech header, a guest line or a closing line about the writer names a person and
their organisation, which is what "we" means in their words; those words are every paragraph
after the byline for a column or speech, and the answers (not the questions) for an interview,
with or without marks for who asks. The cue words come from etl/data/document.toml and the
attribution lexicon.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from etl.config import ExtractConfig
from etl.extract.attribution import Attribution
from etl.extract.lexicon import document_cues as cues
from etl.extract.lexicon import key_words, lexicon, phrases_re, safe_lower
from etl.extract.main_organisation import organisations_named
from etl.extract.name_patterns import cached_patterns
from etl.extract.regex_parts import literal_tests, may_match


def find_author(
    text: str,
    paragraphs: list[tuple[int, int]],
    lines: list[list[tuple[int, int]]],
    config: ExtractConfig,
) -> tuple[Attribution | None, frozenset[int]]:
    """The organisation of the writer (by-lined column) or interviewee, and the paragraphs in
    their words: all after the byline for a column, the answers for an interview."""
    c = cues()["authors"]
    byline, guest, host = _line_res()
    speech = _speech_header_re()
    top = [(i, a, b) for i, para in enumerate(lines[:10]) for a, b in para]
    org: Attribution | None = None
    first_body, interview = 0, False
    for i, a, b in top:
        m = guest.match(text, a, b)
        if m:
            org = _org_of(text[m.end() : b], config) or org
            interview, first_body = True, i + 1
            continue
        m = byline.match(text, a, b) or _speech_header(text, a, b)
        if m and org is None:
            # The byline with the short lines under it ("Chief Executive Officer, Cyberport").
            block_end = lines[i][-1][1]
            if i + 1 < len(lines) and _short_line(text, *lines[i + 1][0]):
                block_end = lines[i + 1][0][1]
            who = text[m.end() : block_end]
            cut = _SPEAKER_END.search(who) if m.re is speech else None
            org = _org_of(who[: cut.start()] if cut else who, config)
            first_body = i + 1
    if org is None:
        org = _writer_line(text, paragraphs, config, c)
        if org is not None:
            first_body = _body_start(text, lines)
    if org is None:
        org, first_q = _interviewee(text, paragraphs, config)
        interview, first_body = org is not None, first_q
    if org is None:
        return None, frozenset()
    asks = _question_re()
    questions = [
        i
        for i, (a, b) in enumerate(paragraphs)
        if i >= first_body
        and (text[b - 1] == "?" or host.match(text, a, b) or asks.match(text, a, b))
    ]
    if interview or len(questions) >= 2:
        voiced = {
            paragraphs[i][0]
            for i in range(first_body, len(paragraphs))
            if i not in questions and any(q < i for q in questions)
        }
    else:
        voiced = {paragraphs[i][0] for i in range(first_body, len(paragraphs))}
    return org, frozenset(voiced)


def voice_lines(text: str, lines: list[list[tuple[int, int]]]) -> tuple[bool, bool]:
    """Whether a speech header, and whether a byline or guest line, opens the text, whether
    or not it names an organisation: a "we" is then someone's in particular."""
    byline, guest, _ = _line_res()
    top = [(a, b) for para in lines[:10] for a, b in para]
    return (
        any(_speech_header(text, a, b) for a, b in top),
        any(
            byline.match(text, a, b) or guest.match(text, a, b) or _BY_NAME.search(text, a, b)
            for a, b in top
            if b - a <= _SHORT_LINE
        ),
    )


# "*Posted 9 February 2026 by Priya Raman, ...*", "Interview by Priya Natarajan | 10 March":
# a person named after "by" on a short line.
_BY_NAME = re.compile(
    r"\b(?:[Pp]osted|[Ww]ritten|[Ww]ords|[Rr]eported|[Ii]nterview(?:ed)?|[Ss]tory|[Tt]ext)\b"
    r"[^.\n]{0,40}\bby\s+[A-Z][\w'’-]+\s+[A-Z]"
)
_SHORT_LINE = 160


def marked_question(text: str, a: int, b: int) -> bool:
    """Whether the paragraph at text[a:b] opens with a question mark ("Q:", "Question:")."""
    return _question_re().match(text, a, b) is not None


def asked_at(text: str, a: int, b: int, pos: int) -> bool:
    """Whether `pos`, in the paragraph at text[a:b], is in an interviewer's words: after the
    last question or answer mark before it, if any ("Q: ...?\nA: We have ..."), else in a
    paragraph that asks, or is marked as the host's."""
    last = next(reversed([*_turn_marks().finditer(text, a, pos)]), None)
    if last is not None:
        return _question_re().match(text, last.start(), b) is not None
    _, _, host = _line_res()
    return text[a:b].rstrip().endswith("?") or host.match(text, a, b) is not None


@cache
def _turn_marks() -> re.Pattern[str]:
    att = lexicon()["attribution"]
    marks = phrases_re([*att["question_marks"], *att["answer_marks"]])
    # (At a line's start, or after a sentence where the reader joined wrapped lines.)
    return re.compile(rf"(?m)(?:^[\s#*_>]*|(?<=[.?!]\s))(?:{marks})(?=\s)", re.IGNORECASE)


_INTRO_PARAGRAPHS = 3  # how far above an interview's first question its guest is named
_TITLE_REACH = 60  # characters before a title where its organisation may be named


def _ends_asking(text: str, a: int, b: int) -> bool:
    """`text[a:b].rstrip().endswith("?")`, read in place (a paragraph is not copied)."""
    while b > a and text[b - 1].isspace():
        b -= 1
    return b > a and text[b - 1] == "?"


def _interviewee(
    text: str, paragraphs: list[tuple[int, int]], config: ExtractConfig
) -> tuple[Attribution | None, int]:
    """An interview without marks: questions on lines of their own, and above the first one
    a person named with a title at an organisation ("This newspaper visited Ms Eva Kwok, head
    of the entrepreneurship department of Cyberport"). Its organisation, and where the
    questions start."""
    asked = [i for i, (a, b) in enumerate(paragraphs) if _ends_asking(text, a, b)]
    if len(asked) < 2:
        return None, 0
    titles = _titles_re()
    for a, b in paragraphs[max(0, asked[0] - _INTRO_PARAGRAPHS) : asked[0]]:
        for m in titles.finditer(text, a, b):
            org = _org_of(text[max(a, m.start() - _TITLE_REACH) : min(b, m.end() + 120)], config)
            if org is not None:
                return org, asked[0]
    return None, 0


@cache
def _line_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    c = cues()["authors"]
    lead = r"[\s#*_>]*"
    titles = phrases_re(lexicon()["attribution"]["titles"], ignore_case=False)
    return (
        # A byline names a person (the word after it is capitalised) or a post held ("By the
        # Chief Executive Officer, <organisation>").
        re.compile(
            rf"{lead}(?:{phrases_re(c['byline'], ignore_case=False)})\s+"
            rf"(?=[A-Z]|[Tt]he\s+(?:{titles})\b)"
        ),
        re.compile(rf"{lead}(?:{phrases_re(c['guest'])})\s*", re.IGNORECASE),
        re.compile(rf"{lead}(?:{phrases_re(c['host'])})", re.IGNORECASE),
    )


# (not the stop of a title before a name: "Speech by Ms. Evelyn Tse, Chief Executive ...")
_SPEAKER_END = re.compile(
    r"\s+(?:at|during|on|to|before|for)\s+|\n"
    r"|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bProf)(?<!\bHon)(?<!\bIr)\.",
    re.IGNORECASE,
)


@cache
def _question_re() -> re.Pattern[str]:
    marks = phrases_re(lexicon()["attribution"]["question_marks"])
    return re.compile(rf"[\s#*_>]*(?:{marks})(?=\s)", re.IGNORECASE)


@cache
def _speech_header_re() -> re.Pattern[str]:
    headers = phrases_re(lexicon()["attribution"]["speech_headers"])
    return re.compile(rf"[\s#*_>]*(?:.{{0,60}}?\b)?(?:{headers})\s+", re.IGNORECASE)


_HEADERS: list = [None, {}]  # the text last read, and its lines' speech headers by span


def _speech_header(text: str, a: int, b: int) -> re.Match[str] | None:
    """`_speech_header_re().match(text, a, b)`, not tried on a line that lacks a word every
    header holds (the pattern reads up to 60 characters before its header at each start);
    found once per line of a text (`find_author` and `voice_lines` read the same lines)."""
    if _HEADERS[0] is not text:
        _HEADERS[:] = [text, {}]
    found = _HEADERS[1]
    if (a, b) not in found:
        found[a, b] = _speech_header_re().match(text, a, b) if _may_open(text, a, b) else None
    return found[a, b]


def _may_open(text: str, a: int, b: int) -> bool:
    """False only when no speech header can open the line text[a:b]: a header's first word
    starts within its marks and 60 characters after them (`_speech_header_re`), and none of
    those words stands there."""
    firsts = _header_firsts()
    if firsts is None:  # (no first words to look for: the words any header holds, anywhere)
        return may_match(literal_tests(_speech_header_re().pattern), safe_lower(text[a:b]))
    words, longest = firsts
    marks = a < b and (text[a].isspace() or text[a] in "#*_>")
    head = (_LEAD_MARKS.match(text, a, b).end() if marks else a) + _HEADER_REACH + longest
    low = safe_lower(text[a : min(b, head)])
    if low is None:
        return True
    for w in words:  # noqa: SIM110 (a loop: any() over a generator costs more)
        if w in low:
            return True
    return False


_LEAD_MARKS = re.compile(r"[\s#*_>]*")  # what `_speech_header_re` reads before its header
_HEADER_REACH = 60  # and how far after them its header may start


@cache
def _header_firsts() -> tuple[tuple[str, ...], int] | None:
    """The first words of the speech headers (lower case) and the longest one's length."""
    words = key_words(lexicon()["attribution"]["speech_headers"], first=True)
    return (tuple(sorted(words)), max(map(len, words))) if words else None


def _short_line(text: str, a: int, b: int) -> bool:
    s = text[a:b].strip()
    return bool(s) and len(s.split()) <= 16 and s[-1] not in ".!?"


def _org_of(s: str, config: ExtractConfig) -> Attribution | None:
    """The organisation a byline or guest line names: the tracked one if it is there."""
    named = organisations_named(s, config)
    if not named:
        return None
    tracked = [n for n in named if n[1]]
    name, is_tracked = tracked[0] if tracked else named[-1]
    return Attribution(name, is_tracked)


def _writer_line(
    text: str, paragraphs: list[tuple[int, int]], config: ExtractConfig, c: dict[str, Any]
) -> Attribution | None:
    """A closing line about the writer ("X is Head of FinTech at Y."), or a header line that
    gives a person's title and organisation ("Angela Ho | Head of FinTech, Y")."""
    writer = _writer_re()
    for a, b in paragraphs[-3:] + paragraphs[1:6]:  # a closing line, or one under the byline
        m = writer.match(text, a, b) if b - a < 300 else None
        p = cached_patterns(config)
        subject = text[a : m.end()] if m else ""
        if m and not (p.tracked.search(subject) or p.known.search(subject)):  # a person
            org = _own_company(text[m.end() : b], config) or _org_of(text[m.end() : b], config)
            if org is not None:
                return org
    titles = _titles_re()
    for a, b in paragraphs[1:6]:
        line_end = text.find("\n", a, b)
        line_end = b if line_end < 0 else line_end
        line = text[a:line_end]
        if "|" in line and len(line.split()) <= 20 and titles.search(line):
            org = _org_of(line, config)
            if org is not None:
                return org
    return None


def _own_company(s: str, config: ExtractConfig) -> Attribution | None:
    """The company a writer founded or runs, named right after their post ("co-founder and
    chief executive of NestCare, a start-up based at Cyberport"), when it is not the tracked
    organisation: theirs, even if no list knows it."""
    m = _own_company_re().search(s)
    if m is None or cached_patterns(config).tracked.search(m.group("name")):
        return None
    return Attribution(m.group("name"), False)


@cache
def _own_company_re() -> re.Pattern[str]:
    posts = phrases_re(cues()["authors"]["company_titles"])
    return re.compile(  # (a name is capitalised: the case of its letters matters)
        rf"\b(?i:{posts})\s+(?i:of|at)\s+(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,3}})"
        r"(?=\s*(?:[,;(]|\.(?:\s|$)|$))"
    )


@cache
def _writer_re() -> re.Pattern[str]:
    """A line about the writer: a set phrase, or a person's name (two to four capitalised
    words: "Dr Eliza Ho is ...", not "Following is a question by ...") and a verb."""
    c = cues()["authors"]
    return re.compile(
        rf"[\s*_]*(?:(?:{phrases_re(c['writer'])})|(?:[A-Z][\w.'’-]+\s+){{2,4}}"
        rf"(?:{phrases_re(c['writer_verbs'])}))\s",
    )


@cache
def _titles_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(lexicon()['attribution']['titles'])})\b", re.IGNORECASE)


def _body_start(text: str, lines: list[list[tuple[int, int]]]) -> int:
    """The first paragraph that reads as prose (a line of many words that ends a sentence)."""
    for i, para in enumerate(lines):
        a, b = para[0]
        if len(text[a:b].split()) > 12:
            return i
    return 0
