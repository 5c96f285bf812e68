"""What a whole document is about, worked out once before any of its sentences is read.

Its main organisation (title, About paragraph, byline, the organisation most named), whose
words it is in (a by-lined column, an interview, a speech: the writer's or speaker's
organisation is what "we" means), the programmes, funds and networks it names with their
acronyms (a programme's intake is its organisation's; a fund's own figures are no community
figures), the heading or lead-in each paragraph sits under, and its tables. The cue words come
from etl/data/document.toml; nothing here is specific to one language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from etl.config import ExtractConfig
from etl.extract.attribution import Attribution
from etl.extract.lexicon import document_cues, lexicon, phrases_re
from etl.extract.mentions import clean_name, find_mentions
from etl.extract.name_patterns import cached_patterns
from etl.extract.sentences import split_paragraphs
from etl.extract.tables import Table, find_tables

cues = document_cues  # the parsed etl/data/document.toml


@dataclass(frozen=True)
class Unit:
    """A programme, fund or network the text names, and the organisation it belongs to."""

    name: str
    owner: str
    tracked_owner: bool
    counts_for_owner: bool  # a programme: its intake is its organisation's figure


@dataclass(frozen=True)
class DocumentModel:
    """A document read as a whole (see the module docstring); offsets point into its text."""

    main: Attribution | None = None
    main_stated: bool = False  # an About paragraph or a byline names the main organisation
    # The organisation whose own publication this is (its About paragraph): a "we" outside
    # quotation marks is its own.
    publisher: Attribution | None = None
    others: tuple[str, ...] = ()  # the other organisations it names, most named first
    author: Attribution | None = None  # whose "we" the writer's or speaker's own words are
    voiced: frozenset[int] = frozenset()  # starts of the paragraphs in the author's words
    units: dict[str, Unit] = field(default_factory=dict)  # name or acronym, lower case
    # Where each unit is named (its full name or its acronym's definition), in text order: "the
    # programme" stands for the latest named before it.
    unit_order: tuple[tuple[int, Unit], ...] = ()
    unit_keys: re.Pattern[str] | None = None  # the acronyms of the tracked organisation's units
    # Other names the text gives the tracked organisation in brackets ("Cyberport (Digital
    # Port)", the words a translation uses for it).
    aliases: re.Pattern[str] | None = None
    heading_at: tuple[int, ...] = ()  # paragraph starts, sorted, with `headings` alongside
    headings: tuple[tuple[int, int] | None, ...] = ()  # the span of the heading above each
    lead_ins: dict[int, tuple[int, int]] = field(default_factory=dict)  # paragraph -> lead-in
    tables: tuple[Table, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()  # the whole text's, as `split_paragraphs` gives

    def heading(self, pos: int) -> tuple[int, int] | None:
        """The span of the heading the paragraph holding `pos` sits under, if any."""
        i = bisect_right(self.heading_at, pos) - 1
        return self.headings[i] if i >= 0 else None

    def speaks(self, paragraph_start: int) -> bool:
        """Whether the paragraph starting at `paragraph_start` is in the author's own words."""
        return self.author is not None and paragraph_start in self.voiced

    def table_at(self, pos: int) -> Table | None:
        return next((t for t in self.tables if t.start <= pos < t.end), None)


EMPTY = DocumentModel()


def build_model(text: str, config: ExtractConfig, title: str | None = None) -> DocumentModel:
    """The document model of `text` (the whole normalised text of a document)."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return EMPTY
    lines = _first_lines(text, paragraphs)
    heading_at, headings, lead_ins = _headings(text, paragraphs, lines)
    author, voiced = _author(text, paragraphs, lines, config)
    main, others, stated, publisher = _main(text, paragraphs, lines, config, title, author)
    units, unit_order = _units(text, config)
    aliases = _aliases(text, config)
    return DocumentModel(
        main=main,
        main_stated=stated,
        publisher=publisher,
        others=others,
        author=author,
        voiced=voiced,
        units=units,
        unit_order=unit_order,
        unit_keys=_unit_keys(units, unit_order, aliases, main, config),
        aliases=_alias_re(aliases),
        heading_at=heading_at,
        headings=headings,
        lead_ins=lead_ins,
        tables=tuple(find_tables(text)),
        paragraphs=tuple(paragraphs),
    )


def _first_lines(text: str, paragraphs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The lines of each paragraph as spans (only the first few of long paragraphs)."""
    out = []
    for a, b in paragraphs:
        spans, pos = [], a
        while pos < b and len(spans) < 6:
            nl = text.find("\n", pos, b)
            end = b if nl < 0 else nl
            if text[pos:end].strip():
                spans.append((pos, end))
            pos = end + 1
        out.append(spans)
    return out


# ---- the main organisation ------------------------------------------------------------------


def _main(
    text: str,
    paragraphs: list[tuple[int, int]],
    lines: list[list[tuple[int, int]]],
    config: ExtractConfig,
    title: str | None,
    author: Attribution | None,
) -> tuple[Attribution | None, tuple[str, ...], bool, Attribution | None]:
    """The organisation the document is about, the others it names (most named first),
    whether an About paragraph or the writer names the main one, and the About paragraph's:
    weighted votes of its title, About paragraph,
    writer and the number of times each organisation is named."""
    w = cues()["main"]
    votes: Counter[tuple[str, bool]] = Counter()
    for (name, tracked), n in _name_counts(text, config).items():
        votes[(name, tracked)] += w["mention_weight"] * n
    heads = [title] if title else []
    heads += [text[a:b] for para in lines[:4] for a, b in para[:1] if is_heading_line(text[a:b])]
    for head in heads[:2]:
        for who in _named(head, config)[:1]:
            votes[who] += w["title_weight"]
    lead = next((text[a:b] for para in lines for a, b in para[:1] if len(text[a:b]) > 120), "")
    for who in _named(lead[:160], config)[:1]:
        votes[who] += w["lead_weight"]
    about = _about_re()
    stated: set[tuple[str, bool]] = set()
    publisher = None
    for para in lines:
        for a, b in para[:1]:
            m = about.match(text, a, b)
            if m and b - a < 80 and is_heading_line(text[a:b]):
                for who in _named(text[m.end() : b], config)[:1]:
                    votes[who] += w["about_weight"]
                    stated.add(who)
                    publisher = publisher or Attribution(who[0], who[1], "document")
    own = _own_publication(heads, config)
    publisher = publisher or (own if isinstance(own, Attribution) else None)
    if author is not None:
        votes[(author.entity, author.tracked)] += w["byline_weight"]
        stated.add((author.entity, author.tracked))
    if not votes:
        return None, (), False, None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], not kv[0][1], kv[0][0]))
    (name, tracked), _ = ranked[0]
    others = tuple(n for (n, t), _ in ranked if not t)
    main = Attribution(name, tracked, "document")
    if own is True and publisher is None:  # a bulletin whose title names no one: the main's
        publisher = main
    return main, others, (name, tracked) in stated, publisher


def _name_counts(text: str, config: ExtractConfig) -> Counter[tuple[str, bool]]:
    """How often the tracked organisation and each known one are named (roughly: a name is
    counted wherever its words stand, even inside a longer word)."""
    low = text.lower()
    counts: Counter[tuple[str, bool]] = Counter()
    for (name, tracked), aliases in _alias_groups(config):
        n = sum(low.count(a) for a in aliases)
        if n:
            counts[(name, tracked)] = n
    return counts


@cache
def _alias_groups(config: ExtractConfig) -> tuple[tuple[tuple[str, bool], tuple[str, ...]], ...]:
    """Each organisation with its lower-case names that hold none of its other names."""
    p = cached_patterns(config)
    groups: dict[tuple[str, bool], set[str]] = {
        (config.name, True): {a.lower() for a in config.aliases}
    }
    for alias, name in p.known_names.items():
        groups.setdefault((name, False), set()).add(alias)
    # A name that holds another of the same organisation's names is counted through it.
    return tuple(
        (key, tuple(n for n in names if not any(o != n and o in n for o in names)))
        for key, names in groups.items()
    )


def _own_publication(heads: list[str], config: ExtractConfig) -> Attribution | bool:
    """Whether the title or masthead calls the text an organisation's own newsletter or
    bulletin: the organisation it names there, True when it names none, else False."""
    kinds = _own_publication_re()
    for head in heads[:2]:
        if kinds.search(head):
            named = _named(head, config)
            return Attribution(named[0][0], named[0][1], "document") if named else True
    return False


@cache
def _own_publication_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(cues()['main']['own_publications'])})\b", re.I)


@cache
def _about_re() -> re.Pattern[str]:
    return re.compile(rf"[#*_\s]*(?:{phrases_re(cues()['main']['about'])})\s+", re.IGNORECASE)


def _named(s: str, config: ExtractConfig) -> list[tuple[str, bool]]:
    """The organisations named in `s`, in order (tracked or known or named by a suffix)."""
    return [
        (m.entity, m.tracked)
        for m in find_mentions(s, 0, len(s), config)
        if m.kind == "name" and m.entity and (m.tracked or not m.entity.isupper())
    ]


# ---- whose words ----------------------------------------------------------------------------


def _author(
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
        m = byline.match(text, a, b) or speech.match(text, a, b)
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


_INTRO_PARAGRAPHS = 3  # how far above an interview's first question its guest is named


def _interviewee(
    text: str, paragraphs: list[tuple[int, int]], config: ExtractConfig
) -> tuple[Attribution | None, int]:
    """An interview without marks: questions on lines of their own, and above the first one
    a person named with a title at an organisation ("This newspaper visited Ms Eva Kwok, head
    of the entrepreneurship department of Cyberport"). Its organisation, and where the
    questions start."""
    asked = [i for i, (a, b) in enumerate(paragraphs) if text[a:b].rstrip().endswith("?")]
    if len(asked) < 2:
        return None, 0
    titles = _titles_re()
    for a, b in paragraphs[max(0, asked[0] - _INTRO_PARAGRAPHS) : asked[0]]:
        for m in titles.finditer(text, a, b):
            org = _org_of(text[max(a, m.start() - 40) : min(b, m.end() + 120)], config)
            if org is not None:
                return org, asked[0]
    return None, 0


@cache
def _line_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    c = cues()["authors"]
    lead = r"[\s#*_>]*"
    return (
        # A byline names a person: the word after it is capitalised.
        re.compile(rf"{lead}(?:{phrases_re(c['byline'], ignore_case=False)})\s+(?=[A-Z])"),
        re.compile(rf"{lead}(?:{phrases_re(c['guest'])})\s*", re.IGNORECASE),
        re.compile(rf"{lead}(?:{phrases_re(c['host'])})", re.IGNORECASE),
    )


_SPEAKER_END = re.compile(r"\s+(?:at|during|on|to|before|for)\s+|[.\n]", re.IGNORECASE)


@cache
def _question_re() -> re.Pattern[str]:
    marks = phrases_re(lexicon()["attribution"]["question_marks"])
    return re.compile(rf"[\s#*_>]*(?:{marks})(?=\s)", re.IGNORECASE)


@cache
def _speech_header_re() -> re.Pattern[str]:
    headers = phrases_re(lexicon()["attribution"]["speech_headers"])
    return re.compile(rf"[\s#*_>]*(?:.{{0,60}}?\b)?(?:{headers})\s+", re.IGNORECASE)


def _short_line(text: str, a: int, b: int) -> bool:
    s = text[a:b].strip()
    return bool(s) and len(s.split()) <= 16 and s[-1] not in ".!?"


def _org_of(s: str, config: ExtractConfig) -> Attribution | None:
    """The organisation a byline or guest line names: the tracked one if it is there."""
    named = _named(s, config)
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
            org = _org_of(text[m.end() : b], config)
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


@cache
def _writer_re() -> re.Pattern[str]:
    c = cues()["authors"]
    return re.compile(
        rf"[\s*_]*(?:(?:{phrases_re(c['writer'])})|(?:[A-Z][\w.'’-]+\s+){{1,4}}"
        rf"(?:{phrases_re(c['writer_verbs'])}))\s",
    )


@cache
def _titles_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(lexicon()['attribution']['titles'])})\b")


def _body_start(text: str, lines: list[list[tuple[int, int]]]) -> int:
    """The first paragraph that reads as prose (a line of many words that ends a sentence)."""
    for i, para in enumerate(lines):
        a, b = para[0]
        if len(text[a:b].split()) > 12:
            return i
    return 0


# ---- programmes, funds and networks ---------------------------------------------------------

_ACRONYM = re.compile(r"\(\s*[\"“]?([A-Z][A-Za-z0-9&+]{1,9})[\"”]?\s*\)")
_NAME_WORDS = re.compile(
    r"((?:[A-Z][\w&'’.-]*|of|and|for|the|on|in|&)(?:[ \t]+(?:[A-Z][\w&'’.-]*|of|and|for|the|"
    r"on|in|&)){0,9})\s*$"
)


def _units(
    text: str, config: ExtractConfig
) -> tuple[dict[str, Unit], tuple[tuple[int, Unit], ...]]:
    """Names defined with an acronym ("Cyberport Incubation Programme (CIP)") and names of
    programmes ("the Cyberport IT Incubation Programme"), what each is, and where named."""
    p = cached_patterns(config)
    out: dict[str, Unit] = {}
    order: list[tuple[int, Unit]] = []
    pos = text.find("(")
    while pos >= 0:
        m = _ACRONYM.match(text, pos)
        before = _NAME_WORDS.search(text, max(0, pos - 120), pos) if m else None
        if m and before:
            words = clean_name(before.group(1)).split()
            while words and not words[0][0].isupper():
                words = words[1:]
            name, acronym = " ".join(words), m.group(1)
            if name and acronym.lower() not in p.known_names:
                unit = unit_of(name, config)
                if unit is not None:
                    out[acronym.lower()] = unit
                    order.append((before.start(1), unit))
        pos = text.find("(", pos + 1)
    for at in _unit_words_at(text):
        before = _CAPS_BEFORE.search(text, max(0, at - 80), at)
        end = _WORD_END.match(text, at)
        name = clean_name(before.group(1) + text[at : end.end()]) if before and end else ""
        unit = unit_of(name, config) if name else None
        if before and unit is not None and unit.name != config.name:
            out.setdefault(name.lower(), unit)
            order.append((before.start(1), unit))
            # Its initials, used in the text without being defined ("... the CIP has admitted").
            initials = "".join(w[0] for w in name.split() if w[0].isupper())
            if (
                len(initials) >= _MIN_INITIALS
                and initials.lower() not in p.known_names
                and re.search(rf"(?<![\w-]){initials}(?![\w-])", text)
            ):
                out.setdefault(initials.lower(), unit)
    return out, tuple(sorted(order, key=lambda x: x[0]))


_MIN_INITIALS = 3  # ("IT" or "AI" would be no programme's)


_CAPS_BEFORE = re.compile(r"(?<![\w'’&.-])((?:[A-Z][\w'’&-]*[ \t]+){1,5})$")


_WORD_END = re.compile(r"[\w'’&-]+(?![\w-])")


def _unit_words_at(text: str) -> list[int]:
    """Where a programme's capitalised last word ("... Incubation Programme") starts (its
    funds and networks are known by their acronyms and their own names), found by plain
    string search (a regular expression over the whole text costs more)."""
    out = []
    for word in _unit_words():
        i = text.find(word)
        while i >= 0:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-"):
                out.append(i)
            i = text.find(word, i + 1)
    return out


@cache
def _unit_words() -> tuple[str, ...]:
    """A programme's last words, without those another starts ("Program" finds "Programme")."""
    words = cues()["units"]["programme"]
    return tuple(w for w in words if not any(o != w and w.startswith(o) for o in words))


def _unit_keys(
    units: dict[str, Unit], order: tuple[tuple[int, Unit], ...], aliases: list[str],
    main: Attribution | None, config: ExtractConfig,
) -> re.Pattern[str] | None:  # fmt: skip
    """The acronyms of the tracked organisation's programmes, its other names, and "the
    programme" when the programme the text speaks of is its own (it names only its own, or
    none in a text about it): a sentence naming them may be its own without its name."""
    keys = [k for k, u in units.items() if u.tracked_owner and u.counts_for_owner and " " not in k]
    programmes = [u for _, u in order if u.counts_for_owner and u.name != config.name]
    own = any(u.tracked_owner for u in programmes) or (
        not programmes and main is not None and main.tracked
    )
    keys += aliases
    alts = [f"(?:{phrases_re(keys)})"] if keys else []
    if own:
        alts.append(programme_ref_re().pattern)
    return re.compile(rf"\b(?:{'|'.join(alts)})\b", re.IGNORECASE) if alts else None


@cache
def programme_ref_re() -> re.Pattern[str]:
    """A description of a programme ("the programme", "the incubation programme")."""
    return re.compile(cues()["units"]["programme_description"], re.IGNORECASE)


_BRACKETED = re.compile(r"\(\s*[\"“]?([^\W\d_][\w'’&.-]*(?:[ \t]+[\w'’&.-]+){0,3})[\"”]?\s*\)")
_NAME_BEFORE = re.compile(r"([A-Z][\w'’&.-]*(?:[ \t]+[A-Z][\w'’&.-]*){0,3})\s*$")


def _aliases(text: str, config: ExtractConfig) -> list[str]:
    """Names given the tracked organisation in brackets right after its name ("Cyberport
    (Digital Port)"), or names right before its name in brackets ("Digital Port (Cyberport)").
    Acronyms are left to `_units`; the names of known organisations are never aliases."""
    p = cached_patterns(config)
    out = []
    for m in _BRACKETED.finditer(text):
        inner = " ".join(m.group(1).split())
        if p.tracked.fullmatch(inner):
            before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
            name = before.group(1) if before else ""
        else:
            before = p.tracked.search(text, max(0, m.start() - 60), m.start())
            adjacent = before is not None and not text[before.end() : m.start()].strip()
            name = inner if adjacent and not inner.isupper() else ""
        if len(name) <= 3 or (" " not in name and name.islower()):
            continue  # "(pictured)"
        if not any(x.search(name) for x in (p.tracked, p.known, p.territory, p.place)):
            out.append(name)
    return sorted(set(out))


def _alias_re(aliases: list[str]) -> re.Pattern[str] | None:
    return re.compile(rf"(?<![\w-])(?:{phrases_re(aliases)})(?![\w-])", re.I) if aliases else None


def unit_of(name: str, config: ExtractConfig) -> Unit | None:
    """What the organisation name `name` is: the tracked one itself, or one of its units."""
    p = cached_patterns(config)
    u = cues()["units"]
    tracked = p.tracked.search(name)
    last = name.split()[-1] if name.split() else ""
    if tracked and p.tracked.fullmatch(clean_name(name)):
        return Unit(config.name, config.name, True, True)
    if last in u["programme"]:
        return Unit(name, config.name if tracked else name, bool(tracked), True)
    if last in u["own_figures"]:
        return Unit(name, config.name if tracked else name, bool(tracked), False)
    if tracked:  # "Hong Kong Cyberport Management Company Limited"
        return Unit(config.name, config.name, True, True)
    return None


# ---- headings and lead-ins ------------------------------------------------------------------


def _headings(
    text: str, paragraphs: list[tuple[int, int]], lines: list[list[tuple[int, int]]]
) -> tuple[tuple[int, ...], tuple[tuple[int, int] | None, ...], dict[int, tuple[int, int]]]:
    """For each paragraph, the nearest heading line above it (or opening it), and the lead-in
    line ("... counted:") right before it."""
    starts, spans = [], []
    current: tuple[int, int] | None = None
    lead_ins: dict[int, tuple[int, int]] = {}
    prev: tuple[int, int] | None = None
    for (a, b), para in zip(paragraphs, lines, strict=True):
        first = para[0]
        if is_heading_line(text[first[0] : first[1]]):
            current = first
        starts.append(a)
        spans.append(current)
        if prev is not None:
            lead_ins[a] = prev
        last = para[-1] if len(para) == 1 or para[-1][1] == b else (b, b)
        prev = last if text[a:b].rstrip().endswith(_lead_in_ends()) else None
    return tuple(starts), tuple(spans), lead_ins


@cache
def _lead_in_ends() -> tuple[str, ...]:
    return tuple(cues()["heading"]["lead_in_ends"])


_END_MARKS = frozenset(".!?;,:\"”'’)")


def is_heading_line(line: str) -> bool:
    """A short line with no end mark, not a list item or a table row: a heading."""
    h = cues()["heading"]
    s = line.strip().strip(h["marks"]).strip()
    if s.endswith(")") and "(" in s and s[0] != "(":  # "CLUSTERS (at the end of last year)"
        s = s[: s.rfind("(")].strip() or s
    if not s or s[-1] in _END_MARKS or "|" in s or s[0] in "-•–" or s[0].isdigit():
        return False
    if any(len(run) != 4 for run in _DIGIT_RUNS.findall(s)):
        return False  # "HK$38 billion", "Unicorns 8": a value, not a heading (years may be)
    words = s.split()
    return len(words) <= h["max_words"] and any(c.isalpha() for c in s)


_DIGIT_RUNS = re.compile(r"\d+")
