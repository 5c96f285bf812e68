"""Fact boxes: runs of label/value lines ("Unicorns: 8", "- Listed companies: 5") or of short
list items that open with their figure ("- 8 unicorns nurtured").

A fact box is read as a table is:
- a row that names no owner is the organisation its lead-in line ("Science Park:") or the
  heading above names, else the document's main organisation's (the "table_document" owner);
  a row that names someone or somewhere else stays unsettled;
- a row with no date after its figure is dated by a date in its label ("Admitted in 2019-20:
  130"), its lead-in ("2019:"), the heading above ("CLUSTERS (at the end of last year)"),
  else the time the text carries or a note above the box ("All figures as at 31 December
  2020"); a heading's date is for the rows under it only;
- a sub-row (a nested item, or a label that opens in lower case: "- - on campus: 650", "of
  which start-ups: 1,700") is read with the label of the row it hangs from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from etl.calendar import phrase_re
from etl.config import ExtractConfig
from etl.extract.asof import DatePhrase, find_dates
from etl.extract.attribution import Attribution
from etl.extract.candidates import set_member
from etl.extract.figure_sets import NUMBER_OF
from etl.extract.lexicon import document_cues, lexicon, phrases_re
from etl.extract.list_dates import BULLET, stands_at
from etl.extract.mentions import Mention
from etl.extract.metric_sources import label_metric
from etl.extract.name_patterns import cached_patterns
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.table_figures import TIME_TOKEN, describes_main, label_date, owner_in
from etl.extract.timeline import Timeline
from etl.extract.whole_note import whole_text_note, within_year
from etl.extract.year_day import lead_in_day, names_fiscal_year, note_day, year_day

# A label, a colon, then a short value holding a figure.
_VALUE_LINE = re.compile(
    r"[ \t]*(?:[-•*–]\s+)*((?:(?i:of\s+which|of\s+whom|including)\s*:\s*)?[^:\n]{2,80}?)"
    r"[ \t]*:[ \t]*([^:\n]{0,40}\d[^:\n]{0,40})"
)  # ("- of which: start-ups: 600": a sub-row's label)
# A short list item that opens with its figure: "- 8 unicorns nurtured", "- HK$3 bn raised".
_FIGURE_ITEM = re.compile(
    r"[ \t]*[-•*–][ \t]+((?:[A-Z]{0,3}\$|RMB|€|£)?\d[\d,.]*\S*)(?:[ \t]+[^\s:;.!?]+){1,8}[ \t]*"
)
_SUB_ROW = re.compile(r"[ \t]*(?:[-•*–][ \t]+){2,}|[ \t]*(?:[-•*–][ \t]+)?[a-z]")


def _line(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _has_colon(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] holds a colon: a label/value line (`_VALUE_LINE`) needs one, and
    finding none is cheaper than a failed match over a long line of prose."""
    return text.find(":", a, b) >= 0


def _neighbour(text: str, a: int, b: int, step: int) -> tuple[int, int] | None:
    """The nearest non-blank line before (step -1) or after (step 1) the line a:b."""
    pos = a - 1 if step < 0 else b + 1
    while 0 <= pos < len(text):
        la, lb = _line(text, pos)
        if text[la:lb].strip():
            return la, lb
        pos = la - 1 if step < 0 else lb + 1
    return None


def box_value(text: str, pos: int) -> int | None:
    """Where the value of the fact-box row at `pos` starts: after the label of a label/value
    line, or the figure opening a short list item; None on any other line."""
    a, b = _line(text, pos)
    m = (_VALUE_LINE.fullmatch(text, a, b) if _has_colon(text, a, b) else None) or (
        _FIGURE_ITEM.fullmatch(text, a, b)
    )
    return None if m is None else m.start(2) if m.re is _VALUE_LINE else m.start(1)


def in_fact_box(text: str, pos: int) -> bool:
    """Whether `pos` is on a fact-box row (see `box_value`) next to another one."""
    a, b = _line(text, pos)
    if box_value(text, a) is None:
        return False
    for step in (-1, 1):
        n = _neighbour(text, a, b, step)
        if n is not None and box_value(text, n[0]) is not None:
            return True
    return False


def parent_label(text: str, pos: int) -> str | None:
    """The label of the row a sub-row at `pos` hangs from, if it is a sub-row."""
    a, b, m = _row(text, pos)
    return None if m is None else _hangs_from(text, a, b)


def row_parent(text: str, pos: int, config: ExtractConfig) -> str | None:
    """What the row at `pos` is read after when its own label names no metric: the row it
    hangs from ("Members" over "- on site: 400"), the whole a "Total" row sums ("Total:
    1,812" under "Onsite: 843"), or what the sentence introducing rows named after
    organisations counts ("- Cyberport: 138" under "The numbers of start-ups admitted ...")."""
    a, b, m = _row(text, pos)
    if m is None:
        return None
    return _hangs_from(text, a, b) or _total_of(text, a, b, m) or _introduced(text, a, b, m, config)


def _hangs_from(text: str, a: int, b: int) -> str | None:
    """The label of the row the sub-row text[a:b] hangs from, if it is a sub-row."""
    if not _SUB_ROW.match(text, a, b):
        return None
    n = _neighbour(text, a, b, -1)
    while n is not None:
        m = _VALUE_LINE.fullmatch(text, *n)
        if m is None:
            return None
        if not _SUB_ROW.match(text, *n):
            return m.group(1)
        n = _neighbour(text, n[0], n[1], -1)
    return None


def _row(text: str, pos: int) -> tuple[int, int, re.Match[str] | None]:
    """The line at `pos` and its match as a label/value row, if it is one."""
    a, b = _line(text, pos)
    return a, b, (_VALUE_LINE.fullmatch(text, a, b) if _has_colon(text, a, b) else None)


def _total_of(text: str, a: int, b: int, m: re.Match[str]) -> str | None:
    """For a row text[a:b] labelled as a total ("Total: 1,812"), the label of the whole that
    the rows of its box are parts of ("Onsite: 843", "Offsite: 969": the community's
    companies)."""
    if m.group(1).strip(" *_").lower() not in _total_labels():
        return None
    wholes = lexicon()["figures"]["whole_of_parts"]
    for step in (-1, 1):
        n = _neighbour(text, a, b, step)
        while n is not None and (row := _VALUE_LINE.fullmatch(text, *n)) is not None:
            found = label_metric(row.group(1), "count", 2.0)
            if found is not None and found.metric in wholes:
                return wholes[found.metric]
            n = _neighbour(text, n[0], n[1], step)
    return None


def _introduced(text: str, a: int, b: int, m: re.Match[str], config: ExtractConfig) -> str | None:
    """For a row text[a:b] labelled with an organisation's name alone ("- Cyberport: 138"),
    what the sentence introducing its list says the rows count ("The numbers of start-ups
    admitted to the incubation programmes of HKSTP and Cyberport are as follows:")."""
    label = m.group(1).strip(" *_")
    p = cached_patterns(config)
    if not (p.tracked.fullmatch(label) or p.known_name(label) is not None):
        return None
    n = _neighbour(text, a, b, -1)
    while n is not None:  # up past the rows and the short lead-ins ("Year 2022:")
        line = text[n[0] : n[1]].strip()
        if not _VALUE_LINE.fullmatch(text, *n) and not (
            line.endswith(":") and len(line.split()) <= _LEAD_IN_WORDS
        ):
            counted = NUMBER_OF.search(line) if line.endswith(":") else None
            return line[counted.end() :] if counted else None  # "... numbers of <what>"
        n = _neighbour(text, n[0], n[1], -1)
    return None


_LEAD_IN_WORDS = 4  # "Year 2022:", "As at 31 March 2024:"; an introducing sentence is longer


@cache
def _total_labels() -> frozenset[str]:
    return frozenset(lexicon()["figures"]["total_labels"])


def is_box_value(text: str, pos: int) -> bool:
    """Whether the figure at `pos` is the value of a fact-box row."""
    value = box_value(text, pos)
    return value is not None and value <= pos


def box_owner(
    view: SectionView,
    pos: int,
    who: Attribution | None,
    mentions: list[Mention],
    located: bool = False,
) -> Attribution | None:
    """The owner of a fact-box line that names none: the organisation its lead-in line or the
    heading above names, else the document's main organisation, as for a table. `located`: the
    row counts companies by where they are, so a place it names is where ("Companies offsite
    across Hong Kong: 1,400+"), not whose."""
    if not in_fact_box(view.text, pos):
        return who
    model = view.model
    a, b = _line(view.text, pos)
    if located:
        mentions = [m for m in mentions if m.kind not in ("place", "territory")]
    if who is None and any(not m.tracked and a <= m.start < b for m in mentions):
        return None  # the row names someone or somewhere: whose it is was not settled
    if not located:
        named = owner_in(view.text[a:pos], model, view.config)  # ("Singapore-based unicorns")
        if named is not None and not named.tracked:
            return None
    if _named_label(view, a, b):
        return None  # "- WeWork Causeway Bay: 600+ members": a place of its own
    paragraph = view.sentence_at(pos)
    start = view.paragraphs[paragraph[0]][0] if paragraph is not None else pos
    for span in (model.lead_ins.get(start), model.heading(pos)):  # "Science Park:", "## HKSTP"
        named = owner_in(view.text[span[0] : span[1]], model, view.config) if span else None
        if named is not None and span is not None and describes_main(model, span, named):
            named = None  # "Hong Kong's digital technology flagship" under the title
        if named is None and span is not None:
            named = _profiled(view, view.text[span[0] : span[1]]) or _beside_tracked(view, span)
        if named is not None:
            return named
    main = model.main
    if main is not None and main.tracked:
        return Attribution(view.config.name, True, "table_document")
    return who


def _beside_tracked(view: SectionView, span: tuple[int, int]) -> Attribution | None:
    """The organisation a lead-in names that no list knows, when the lead-in before or after it
    names the tracked organisation: a comparison written one column after another
    ("Cyberport:" / "- Companies: 2,100+" then "Block71 (Singapore):" / "- Companies: 300")."""
    text, model = view.text, view.model
    name = text[span[0] : span[1]].strip().rstrip(":").strip()
    if not name[:1].isupper() or label_metric(name, "count", 1.0) or label_date(name, None):
        return None
    spans = sorted(model.lead_ins.values())
    if span not in spans:
        return None
    k = spans.index(span)
    for step in (-1, 1):  # the lead-ins of the lists side by side with this one
        j = k + step
        while 0 <= j < len(spans) and abs(spans[j][0] - spans[j - step][0]) <= _SIDE_BY_SIDE:
            owner = owner_in(text[spans[j][0] : spans[j][1]], model, view.config)
            if owner is not None and owner.tracked:
                return Attribution(name, False, "table")
            j += step
    return None


@cache
def _first_person() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(lexicon()['attribution']['first_person'])})\b", re.I)


_SIDE_BY_SIDE = 600  # characters between the lead-ins of two lists that compare organisations


def _profiled(view: SectionView, heading: str) -> Attribution | None:
    """The organisation a profile heading names ("Parcelwise at a glance"), when the text
    writes that name as a name elsewhere (after a word in lower case, and never in lower case
    itself: not "Community at a glance"); not the tracked organisation, which `owner_in` has
    found already."""
    m = _profile_re().fullmatch(heading.strip())
    if m is None:
        return None
    name = m.group("name")
    if view.config.is_alias(name) or _first_person().search(name):
        return None  # (nor "OUR COMMUNITY at a glance": the writer's own)
    if re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", view.text):
        return None  # a word of the language ("the community"), no name
    written = re.search(rf"(?<![\w-])[a-z][\w'’-]*,?\s+{re.escape(name)}(?![\w-])", view.text)
    return Attribution(name, False, "table") if written else None


@cache
def _profile_re() -> re.Pattern[str]:
    words = phrases_re(lexicon()["organisations"]["profile_headings"])
    return re.compile(
        rf"[\W_]*(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,3}})\s+(?i:{words})[\W_]*"
    )


def heading_date(view: SectionView, span: tuple[int, int], ref: date | None) -> DatePhrase | None:
    """The time heading `span` gives ("CLUSTERS (at the end of last year)"), else, for a heading
    that carries on the one before it ("Key figures (continued): clusters"), that one's."""
    found = label_date(view.text[span[0] : span[1]], ref)
    while found is None and _continued().search(view.text, *span):
        before = [h for h in view.model.headings if h is not None and h < span]
        if not before:
            return None
        span = max(before)
        found = label_date(view.text[span[0] : span[1]], ref)
    if found is None:  # "IN NUMBERS - as at 31 December 2025" / rows / "OUR CLUSTERS" / rows:
        before = [h for h in view.model.headings if h is not None and h < span]
        if before and _ROWS_ONLY.fullmatch(view.text, max(before)[1], span[0]):
            found = label_date(view.text[slice(*max(before))], ref)  # one box after another
    return found


# Only the rows of a list between two headings (no prose that would end a box's time).
_ROWS_ONLY = re.compile(r"(?:\s*\n[ \t]*[-•*|][^\n]*)*\s*")


@cache
def _continued() -> re.Pattern[str]:
    words = document_cues()["heading"]["continued"]
    return re.compile(rf"(?<![\w'’])(?:{phrases_re(words)})(?![\w'’])", re.IGNORECASE)


def box_date(
    view: SectionView, timeline: Timeline, sid: SentenceId, label: str, ref: date | None
) -> DatePhrase | None:
    """The date of a fact-box line with none of its own after the figure: a date in its label
    ("Admitted in 2019-20: 130"), else in its lead-in line ("2019:"), else in the heading
    above ("CLUSTERS (at the end of last year)"), else the time the text carries or a note
    above the box gives ("All figures as at 31 December 2020"), unless that is an earlier
    heading's."""
    lead = view.model.lead_ins.get(view.paragraphs[sid[0]][0])
    if lead is not None and (found := _year_column(view, sid, label, lead)) is not None:
        return within_year(found, view.text, ref)
    found = label_date(label, ref)
    if found is None and lead is not None:  # "2019:" over its rows: the time the text carries
        found = label_date(view.text[lead[0] : lead[1]], ref) and timeline.carried(sid)
    span = view.model.heading(view.sentence(sid).start)
    note = timeline.carried(sid) or timeline.note_before(sid[0])
    under = view.text[span[1] : view.sentence(sid).start] if span else ""
    # (a note under the heading, over the box, is nearer than the heading's own year: "Our
    # community at a glance - as at 31 December 2024" under "Corporate Brochure 2025")
    noted = note is not None and any(
        d.as_of == note.as_of for d in find_dates(under, 0, len(under), ref)
    )
    if found is None and span is not None and not noted:
        found = heading_date(view, span, ref)  # ("Q2 2024 BY THE NUMBERS": the quarter's end)
        found = found and replace(found, period=None)
    if found is not None:
        return within_year(found, view.text, ref)
    if note is not None:
        # A heading's date is for the rows under it only, not a note for the headings after it,
        # unless the text under the box's own heading says it again ("The table below shows
        # ... as at 30 June 2020"). (A line saying what all figures stand at is a note for the
        # whole text, not a heading: "Hong Kong's Digital Technology Flagship (All figures as
        # at 30 June 2024)".)
        earlier = {h for h in view.model.headings if h is not None and (span is None or h < span)}
        scoped = (label_date(view.text[a:b], ref) for a, b in earlier if not _note(view, a, b, ref))
        if noted or not any(d is not None and d.as_of == note.as_of for d in scoped):
            return note
    # "Figures are as at 30 June 2024 unless otherwise stated", wherever the text says it
    return whole_text_note(view.text, ref)


def _year_column(
    view: SectionView, sid: SentenceId, label: str, lead: tuple[int, int]
) -> DatePhrase | None:
    """The date of a row under a year lead-in ("2015:", a table's year column) when the row,
    the lead-in, the heading or a note above says what day of each year the figures stand at
    ("as at 31 March"), or the row counts over a fiscal year ("during the financial year")."""
    text = view.text
    if TIME_TOKEN.search(label):
        return None  # the row's own year
    heading = view.model.heading(view.sentence(sid).start)
    day = (
        year_day(label)
        or year_day(text[lead[0] : lead[1]])
        or (year_day(text[heading[0] : heading[1]]) if heading else None)
        or note_day(text, view.paragraphs, (view.sentence_at(lead[0]) or (sid[0],))[0])
    )
    found = lead_in_day(text[lead[0] : lead[1]], day, names_fiscal_year(label))
    if found is None:
        return None
    return DatePhrase(0, 0, found[0], found[1], None)


def _note(view: SectionView, a: int, b: int, ref: date | None) -> bool:
    """Whether the heading line text[a:b] is a note on when the figures stand at ("... (All
    figures as at 30 June 2024)"): no list under it, no colon closing it."""
    text = view.text
    line = text[a:b].rstrip()
    if line.endswith(":"):
        return False
    nxt = next((p for p, _ in view.paragraphs if p >= b), None)
    dates = [d for d in find_dates(line, 0, len(line), ref) if stands_at(line, d)]
    if (
        nxt is not None
        and (BULLET.match(text, nxt) or _VALUE_LINE.match(text, nxt))
        and not any(_figures_noted().search(line, 0, d.start) for d in dates)
    ):
        return False  # "CLUSTERS (at the end of last year)" over its rows: theirs alone
    return bool(dates)


@cache
def _figures_noted() -> re.Pattern[str]:
    """ "figures as at", "(all figures are as of": a note on the figures of the whole text."""
    return re.compile(rf"(?<!\w)(?:{phrase_re('figures_noted')})(?:\s+\w+){{0,3}}\s+\Z", re.I)


_PROPER_LABEL = re.compile(r"[\s\-*•]*((?:[A-Z][\w&'’.-]*\s+){1,5}[A-Z][\w&'’.-]*)\s*:")


def _named_label(view: SectionView, a: int, b: int) -> bool:
    """Whether the row text[a:b] is labelled with a name of two or more capitalised words that
    is neither the tracked organisation's nor a metric's or cluster's ("Smart Living")."""
    m = _PROPER_LABEL.match(view.text, a, b)
    if m is None:
        return False
    label = m.group(1)
    if cached_patterns(view.config).tracked.search(label):
        return False
    return label_metric(label, "count", 2.0) is None and set_member(label, "count", 2.0) is None
