"""What a sentence's claims take from around them: the owner the sentence before gave, the
"we" a figure stands with, the day a heading above names, the parts a total adds up, the
company a sentence opens on."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from etl.config import ExtractConfig
from etl.extract.asof import find_dates
from etl.extract.attribution import Attribution
from etl.extract.candidates import is_generic
from etl.extract.clauses import clause_end
from etl.extract.figure import Figure
from etl.extract.figure_cues import cues as figure_cues
from etl.extract.lexicon import lexicon
from etl.extract.mentions import Mention
from etl.extract.referents import referent
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.speakers import OPEN_QUOTE, QuoteRegion
from etl.extract.stated_dates import dated_heading

_OPENS_AT = re.compile(r"[\W_]*")  # marks, quotes and spaces before a sentence's first word


def anothers_sentence(view: SectionView, sid: SentenceId) -> bool:
    """Whether sentence `sid` opens with another organisation named as its subject and names
    nothing that may be the tracked organisation (its name, a place word, a "we" or one of its
    units): then each of its figures is someone else's ("Lingang Group has helped its
    start-ups raise HK$12 billion"), and none need be read."""
    ms = view.mentions_of(sid)
    if not ms:
        return False
    first = ms[0]
    if first.kind != "name" or first.tracked or first.role != "subject":
        return False
    if first.entity not in view.model.others and not referent(
        Attribution(first.entity or "", False, "name")
    ):  # (an organisation, not a capitalised word taken for one: "Fund-raising has held up")
        return False
    if not _OPENS_AT.fullmatch(view.text, view.sentence(sid).start, first.start):
        return False
    if any(m.tracked or m.kind in ("first_person", "place_word") for m in ms):
        return False
    return not any(u.name == first.entity for u in view.model.units.values())


def owner_before(
    view: SectionView, sid: SentenceId, last_owner: dict[SentenceId, Attribution]
) -> bool:
    """Whether the sentence before `sid` gave a figure an owner (`last_owner`); a paragraph
    before is split into sentences only when one of its sentences did."""
    p, j = sid
    if not last_owner or (not j and all(q != p - 1 for q, _ in last_owner)):
        return False
    return view.previous(sid) in last_owner


def we_at_figure(
    view: SectionView, sid: SentenceId, pos: int, mentions: list[Mention]
) -> QuoteRegion | None:
    """Whose "we" the figure at `pos` may stand with: an unmarked one only in its own clause
    ("..., but that's their story, not ours," he says" is no owner of the figure before)."""
    we = view.we_at(sid[0], pos)
    if we is None or we.marked:
        return we
    hi = clause_end(view.text, pos, view.sentence(sid).end)
    quoted = OPEN_QUOTE.search(view.text, pos, hi)  # (someone else's words from there on)
    hi = quoted.start() if quoted else hi
    return we if any(m.kind == "first_person" and m.start < hi for m in mentions) else None


def heading_disagrees(view: SectionView, pos: int, as_of: date) -> bool:
    """Whether the heading right above names a day other than `as_of` (the section's date)."""
    day = dated_heading(view, pos)
    return day is not None and day.as_of != as_of


def parts_of_total(sent: str, figures: list[Figure]) -> set[int]:
    """The figures that a later figure of the same metric, marked as the total, adds up."""
    marks = _total_marks()
    totals = [j for j, g in enumerate(figures) if marks.match(sent, g.end)]
    if not totals:
        return _breakdown(sent, figures)
    return {
        i
        for i, f in enumerate(figures)
        if any(j > i and figures[j].metric == f.metric for j in totals)
    } | _breakdown(sent, figures)


_OF_WHICH = re.compile(
    r"\bof\s+(?:which|whom|them|these)\s+(?:(?:some|about|around|nearly|over)\s+)?$",
    re.IGNORECASE,
)


def _breakdown(sent: str, figures: list[Figure]) -> set[int]:
    """The parts of a set that count what the set counts ("nine community companies had been
    listed, of which six are listed on the Main Board, two on the NASDAQ ..."): a breakdown of
    the figure before, no figure of the organisation's own."""
    out: set[int] = set()
    whole = figures[0] if figures else None
    for i, f in enumerate(figures[1:], 1):
        if (
            whole is not None
            and f.unit == "count"  # (not "HK$33.6 billion, of which HK$9.3 billion in 2021/22")
            and f.metric is not None
            and not is_generic(f.metric)  # (nor "100 companies, of which 72 have offices here")
            and f.metric == whole.metric
            and f.number.value < whole.number.value
            and (i - 1 in out or _OF_WHICH.search(sent, max(0, f.start - 30), f.start))
            and not _own_period(sent, f)  # (not "..., of which 19 were admitted in 2008-09")
        ):
            out.add(i)
        else:
            whole = f
    return out


def _own_period(sent: str, f: Figure) -> bool:
    """Whether a stretch of time stands in the figure's own clause after it: a flow."""
    end = clause_end(sent, f.end, len(sent))
    return any(d.period and not d.event for d in find_dates(sent, f.end, end, _ANY_DAY))


_ANY_DAY = date(2000, 1, 1)  # (only whether a stretch is named matters, not when)


@cache
def _total_marks() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["total_marks"], re.IGNORECASE)


# A sentence that opens on a company described right after its name ("Tidewave Games, a
# 35-person studio based at Cyberport, ...", "Another graduate, StoryLoom, a publisher, ...").
_DESCRIBED_OPENING = re.compile(
    r"[\W_]*(?:(?:Another|One)\s+[a-z-]+,\s+)?(?P<name>[A-Z][\w&.\'’-]*(?:\s+[A-Z][\w&.\'’-]*){0,3})"
    r",\s+(?:a|an)\s+[^,;:.!?]{3,100},"
)
_ITS = re.compile(r"\b(?:its|their)\b", re.IGNORECASE)


def its_own_company(sent: str, pos: int, config: ExtractConfig) -> bool:
    """Whether "its" before a figure at `pos` is the company the sentence opens on, named
    and described ("Tidewave Games, a studio based at Cyberport, has seen its title ...
    downloaded in 12 markets"), not the organisation its description names."""
    m = _DESCRIBED_OPENING.match(sent)
    if m is None or m.end() > pos or not _ITS.search(sent, m.end(), pos):
        return False
    return not config.is_alias(m.group("name"))


def one_of_a_set(s: str, start: int, end: int) -> bool:
    """Whether the figure at s[start:end] sizes a set something is "one of" ("we were one of
    about 150 start-ups admitted to its programmes"): the set's size, not that member's."""
    m = figure_cues()["one_of"].search(s, max(0, start - _ONE_OF_REACH), end)
    return m is not None and m.end() > start


_ONE_OF_REACH = 40  # how far before a figure "one of" may open its set ("one of about ...")


# Between two figures joined as one verb's objects: "and" (no comma, which may open a clause
# of its own: ", and ten of the 18 start-ups at VivaTech are ..."), and a qualifier ("some").
_COORDINATED = re.compile(r"\s+(?:and|&)\s+(?:[^\W\d_]+\s+){0,2}")
_COORDINATED_CHARS = 30


def coordinated(s: str, prev_end: int, start: int) -> bool:
    """Whether the figure at `start` is joined to the one whose words end at `prev_end`
    ("2,300 companies and nine unicorns"), nothing but "and" between them."""
    return start - prev_end <= _COORDINATED_CHARS and bool(
        _COORDINATED.fullmatch(s, prev_end, start)
    )
