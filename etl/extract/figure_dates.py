"""Which date a figure of a sentence takes: its own, its clause's, the period a report covers.

A sentence's date phrases (etl.extract.asof) are matched to its figures: a date standing right
after a figure is that figure's ("1,000 in 2018"); otherwise a date of the figure's clause that
no other figure owns, passing over dates that belong to something else (an event opened by
"after" or "since", a relative clause, a comparison, a dateline, a time before the subject). A
date later than the writing is a target, not a fact.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from etl.calendar import phrase_re
from etl.extract.asof import DatePhrase
from etl.extract.figure import Figure
from etl.extract.figure_cues import cues as figure_cues
from etl.extract.figure_sets import part_of_set
from etl.extract.lexicon import lexicon
from etl.extract.metrics import cumulative_metrics
from etl.extract.opening_dates import SENTENCE_OPENING, is_dateline
from etl.extract.phrase_search import find_phrase
from etl.extract.relative_dates import says_stands_at, speaks_of_now

# "900 as at end-June", "74 of them in the first ten months" (a part's own date)
_OWN_DATE_GAP = re.compile(
    r"\s*(?:of\s+(?:them|which|these|those)\s+)?(?:\w+\s+){0,2}(?:[a-z]+-)?|[\s,]*", re.I
)
_NOW_AFTER = 8  # characters after a figure's noun where its "now" may stand
_NOW_REACH = 20  # characters before a figure in which "now" says it is of now
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b")
_COMMA = re.compile(r",\s")
# A date in brackets as the label of the value after it: "7 (end of 2021: about 5)".
_BRACKET_OPENED = re.compile(r"\(\s*(?:as\s+(?:at|of)\s+)?$", re.IGNORECASE)
_LABELLED = re.compile(r"\s*:\s+(?:[a-z]+\s+){0,2}")


def _labels(sent: str, d: DatePhrase, pos: int) -> bool:
    """Whether date `d` opens a bracket as the label of the value at `pos` ("(end of 2021:
    5)"), not of the figure before the bracket."""
    return bool(_LABELLED.fullmatch(sent, d.end, pos) and _BRACKET_OPENED.search(sent, 0, d.start))


# An aside between dashes or in brackets: "the cluster - now at about 380 companies - led".
_ASIDE = re.compile(r"\s[-–—]\s[^-–—,;:\n]*\s[-–—]\s|\([^()\n]*\)")
# An event a phrase after a figure goes on to ("..., reflecting the city's appeal after the
# Government issued its policy statement in October"): its date is the event's.
_EVENT_WITHIN = re.compile(r"\b(?:after|since|following)\s", re.IGNORECASE)
_EVENT_OPENING = re.compile(r"[\W_]*(?:after|following|before|since|with)\s", re.IGNORECASE)
_OPENING_END = re.compile(r"(?:\s+[a-z][\w-]*){0,3},")  # "2023-24 intake cycle,"
_CLAUSE_END = re.compile(r"[^,;:.!?]{0,40},")


def date_for(
    sent: str, f: Figure, figures: list[Figure], dates: list[DatePhrase], i: int
) -> DatePhrase | None:
    """The figure's own date ('1,000 in 2018'), else a date of its clause no other figure owns;
    a total an addition raises stands at the end of the addition's period ("In the past six
    months, 12 were admitted, bringing the total to 58": 58 at the end, no flow)."""
    when = _date_for(sent, f, figures, dates, i)
    later = next((g.start for g in figures if g.start > f.np_end), None)
    if (
        when is not None
        and later is not None
        and later <= when.start
        and speaks_of_now(sent, 0, later)
    ):  # "The community now numbers more than 1,400 companies, up from 1,300 in a statement
        return None  # issued on 12 June": a figure said to stand now, not dated by what follows
    if (
        when is not None
        and when.period is not None
        and when.end <= f.start
        and (
            find_phrase("total_raised", sent[when.end : f.start])
            or find_phrase("number_raised", sent[when.end : f.start])
        )
    ):
        return replace(when, period=None)
    return when


def _date_for(
    sent: str, f: Figure, figures: list[Figure], dates: list[DatePhrase], i: int
) -> DatePhrase | None:
    usable = [
        d
        for d in dates
        if not d.event
        and not is_dateline(sent, d)
        and not _in_event(sent, d)
        and not _since_opening(sent, d, f, figures[0])
    ]
    if not usable:
        return _time_clause_date(sent, f, dates)
    labelled = next((d for d in usable if _labels(sent, d, f.start)), None)
    if labelled is not None:
        return labelled  # "(end of 2021: about 90)": the date the value is labelled with
    nxt = figures[i + 1].start if i + 1 < len(figures) else len(sent)
    for d in usable:
        if f.np_end <= d.start < nxt and _own_date(sent, f, d):
            if _opens_next(sent, f, d, figures):
                break  # "exceeded HK$48 billion, in the past year alone newly raised about ..."
            return d
    if (
        f.source == "gapped"
        and i
        and figures[i - 1].unit == f.unit
        and not speaks_of_now(sent, figures[i - 1].end, f.start)  # (not "...; today we have")
        and not any(
            figures[i - 1].end <= d.start < f.start and not _own_date(sent, figures[i - 1], d)
            for d in dates
        )
    ):
        # "380 companies at the end of November, ahead of smart living with about 250": a list
        # that leaves out its verb stands where its figure before does
        return _date_for(sent, figures[i - 1], figures, dates, i - 1)
    # The set a part is of: the figure before, past a value it was compared with ("1,046
    # companies, up from 840 a year earlier, including 668 start-ups": of the 1,046).
    whole = next((j for j in range(i - 1, -1, -1) if not figures[j].comparison), None)
    if (
        whole is not None
        and part_of_set(sent, f.start, f.end)
        and not _CLAUSE_BREAK.search(sent, figures[whole].end, f.start)
    ):  # "240 at the end of 2011, 100 of them ..." (not "..., and a dozen of them have ...")
        return _date_for(sent, figures[whole], figures, dates, whole)
    lead = _accompanied(sent, f, figures, i)
    if lead is not None:  # "150 firms by April 2023, with founders from 20 countries"
        own = next((d for d in usable if _own_date(sent, figures[lead], d)), None)
        if own is not None and own.end <= f.start and own.kind != "earlier":
            return own
    # "a year earlier" is the date of the figure it follows ("up from 10 a year earlier") only,
    # or of the sentence it opens ("Ten years ago, our community had ...").
    back_then = [d for d in usable if d.kind == "earlier" and d.start < f.start]
    usable = [d for d in usable if d.kind != "earlier"]
    owned = {
        id(d)
        for j, g in enumerate(figures)
        if j != i
        for d in usable
        if g.np_end <= d.start and _own_date(sent, g, d) and not _opens_next(sent, g, d, figures)
    }
    lo, hi = _clause_bounds(sent, f.start)
    inside = [d for d in usable if lo <= d.start < hi and id(d) not in owned]
    # A date in the figure's own stretch between commas is its own ("over 2,300 companies,
    # a far cry from the 90 that occupied the offices in 2008").
    a, b = _comma_bounds(sent, f.start, lo, hi)
    near = [d for d in inside if a <= d.start < b]
    aside = next((m for m in _ASIDE.finditer(sent, lo, hi) if m.start() < f.start < m.end()), None)
    if (
        aside
        and speaks_of_now(sent, *aside.span())
        and not any(aside.start() <= d.start < aside.end() for d in usable)
    ):
        # "..., the cluster - now at about 380 - ...": the time of writing, as stated
        return DatePhrase(*aside.span(), None, "day", None, kind="now")
    if not near and (
        speaks_of_now(sent, max(a, f.start - _NOW_REACH), f.start, point=True)
        or speaks_of_now(sent, f.end, min(b, f.np_end + _NOW_AFTER), point=True)
    ):  # "Its FinTech cluster, now around 350 firms, ...", "..., with 470 companies now working"
        return None
    later = next((g.start for g in figures if g.start > f.end), len(sent))
    now_after = speaks_of_now(sent, f.np_end, min(b, later), point=True)
    before = [
        d
        for d in near or inside
        if d.end <= f.start
        and not _in_aside_before(sent, f, d)
        and not _compared(sent, d)  # "..., more than in the whole of 2019, taking the total to"
        and not speaks_of_now(sent, d.end, f.start, point=True)  # "in 2025 and now has nine"
        and not now_after  # "joined in 2018 and is one of 1,300 companies in the hub today"
    ]
    after = [
        d
        for d in near or inside
        if d.start >= f.end
        and not _in_relative(sent, f, d)
        and not _compared(sent, d)
        and not _in_event_after(sent, f, d)
        and not _compared_between(sent, f, d)
        and not _opens_next(sent, f, d, figures)
    ]
    if before or after:
        return before[-1] if before else after[0]
    opening = min((g.start for g in figures if lo <= g.start < hi), default=f.start)
    if speaks_of_now(sent, a, b) or speaks_of_now(sent, lo, opening):
        return None  # "..., and so far there are 30": no earlier date is this clause's
    # A total after a flow stands at the flow's end ("raised HK$4 billion in 2018-19,
    # bringing the total to HK$15 billion").
    flows = [d for d in usable if d.period and id(d) in owned and lo <= d.start < f.start]
    if flows:
        return replace(flows[-1], period=None)
    # A date that opens the sentence ("As at end-December 2022, ...", "In the 2023-24 intake
    # cycle, ...") dates all its clauses.
    return next(
        (
            d
            for d in [*usable, *back_then]
            if (
                d.period is None
                or (
                    d.kind == "date"
                    and f.metric.metric in cumulative_metrics()
                    # (not "..., and since 2005 it has admitted 1,300": a total to date)
                    and not figure_cues()["cumulative"].search(sent, lo, f.start)
                )
            )
            and (
                SENTENCE_OPENING.fullmatch(sent, 0, d.start)
                or (
                    _TOPIC_FIRST.fullmatch(sent, 0, d.start)
                    and says_stands_at(sent, d.start, d.end)
                )
            )
            and (_OPENING_END.match(sent, d.end) or _subject_after(sent, d))
            # (not past a time of writing: "Ten years ago we had 500; today we have 2,200, and
            # nearly 400 of them ...")
            and not speaks_of_now(sent, d.end, f.start, point=True)
        ),
        None,
    ) or _time_clause_date(sent, f, dates)


# A phrase that sets the topic before an opening "as at" date: "As for Cyberport, as at ...".
_TOPIC_FIRST = re.compile(r"[\W_]*[^\W\d_][^,;:.!?\d]{0,40},\s*(?:as\s+)?")


@cache
def _subject_after_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?:\s+[a-z][\w-]*){{0,2}}\s+(?:{phrase_re('subject_openers')}\b|[A-Z][\w'’-]*\s+[a-z])"
    )


@cache
def _time_clause_re() -> re.Pattern[str]:
    return re.compile(rf"[\W_]*(?:{phrase_re('time_clauses')})\s[^,;:.!?]*", re.IGNORECASE)


@cache
def _since_re() -> re.Pattern[str]:
    return re.compile(rf"[\W_]*(?:{phrase_re('since_openers')})\s", re.IGNORECASE)


def _since_opening(sent: str, d: DatePhrase, f: Figure, first: Figure) -> bool:
    """Whether date `d` stands before figure `f`, and before the `first` figure of a sentence
    that opens on the start of what it counts ("Since the programme began twenty years ago,
    in 2005, we have admitted ..."; not "..., and in 2013/14 alone they raised ..."), with no
    "as at" between ("Since 2005, and as at March, ..." keeps March)."""
    return (
        d.end <= min(f.start, first.start)
        and _since_re().match(sent) is not None
        and not says_stands_at(sent, d.start, d.end)
    )


def _time_clause_date(sent: str, f: Figure, dates: list[DatePhrase]) -> DatePhrase | None:
    """The date of a clause of time that opens the sentence and ends in a comma before the
    figure ("When I joined four years ago, we had ..."): an event's time, the sentence's."""
    return next(
        (
            d
            for d in dates
            if d.end <= f.start
            and (d.period is None or d.kind == "earlier")
            and _time_clause_re().fullmatch(sent, 0, d.start) is not None
            and _CLAUSE_END.match(sent, d.end) is not None
            and not is_dateline(sent, d)
        ),
        None,
    )


def _subject_after(sent: str, d: DatePhrase) -> bool:
    """Whether a date phrase of its own words ("In the March round") runs, without a comma,
    into the sentence's subject ("... we had 620 applications")."""
    return sent[d.start].isalpha() and _subject_after_re().match(sent, d.end) is not None


@cache
def _relative_re() -> re.Pattern[str]:
    return re.compile(rf",\s+(?:{phrase_re('relative_openers')})\b", re.IGNORECASE)


@cache
def _compared_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:{phrase_re('compared_with')})(?:\s+[^\W\d_][\w'’]*){{0,3}}\s*\Z",
        re.IGNORECASE,
    )


def _compared(sent: str, d: DatePhrase) -> bool:
    """Whether date `d` is the time something is compared with ("compared with last year",
    "more than they raised in the whole of 2018")."""
    return _compared_re().search(sent, max(0, d.start - 40), d.start) is not None


@cache
def _compared_between_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{phrase_re('compared_between')})(?!\w)", re.IGNORECASE)


def _compared_between(sent: str, f: Figure, d: DatePhrase) -> bool:
    """Whether date `d` after figure `f` is the time of a value `f` is set against between
    them ("..., roughly twice the 85 counted in 2019")."""
    return _compared_between_re().search(sent, f.np_end, d.start) is not None


def _in_relative(sent: str, f: Figure, d: DatePhrase) -> bool:
    """Whether date `d` after figure `f` sits in a relative clause opened between them."""
    return _relative_re().search(sent, f.end, d.start) is not None


def _in_aside_before(sent: str, f: Figure, d: DatePhrase) -> bool:
    """Whether date `d` before figure `f` sits in a relative clause or an apposition closed
    before it ("Our esports cluster, which barely existed when we opened our arena last year,
    now has 100"; "LedgerNest, a platform incubated at Cyberport in 2018, ... became the
    community's eighth unicorn")."""
    comma = sent.rfind(",", 0, d.start)
    opened = _relative_re().search(sent, max(0, comma - 80), d.start) or (
        comma >= 0 and _APPOSITION.match(sent, comma)
    )
    return bool(opened) and sent.find(",", d.end, f.start) >= 0


_APPOSITION = re.compile(r",\s+(?:an?|one\s+of)\s", re.IGNORECASE)  # ", a platform incubated ..."


def recorded_before(sent: str, f: Figure, when: DatePhrase | None, ref: date | None) -> bool:
    """Whether a figure in a clause about a plan has a date of its own in an earlier year: an
    earlier value it is compared with, no plan ("... double the 110 recorded in mid-2022"), or
    a value it stood at by then ("By 2012, our community had grown to about 300")."""
    return (
        when is not None
        and when.as_of is not None
        and ref is not None
        and when.as_of.year < ref.year
        and (
            (f.np_end <= when.start and _own_date(sent, f, when))
            or (when.end <= f.start and says_stands_at(sent, when.start, when.end))
        )
    )


@cache
def _accompanying_re() -> re.Pattern[str]:
    return re.compile(rf",\s*(?:{phrase_re('accompanying')})(?![\w-])", re.IGNORECASE)


def _accompanied(sent: str, f: Figure, figures: list[Figure], i: int) -> int | None:
    """The figure whose phrase f's stands in ("1,650 members on that date, with about 800 on
    campus and 850 off it"): the last one before a comma and "with", no clause between."""
    for j in range(i - 1, -1, -1):
        g = figures[j]
        m = _accompanying_re().search(sent, g.end, f.start)
        if m is not None:
            clear = not _CLAUSE_BREAK.search(sent, g.end, f.start)
            return j if clear and not _accompanying_re().search(sent, g.end, m.start()) else None
    return None


def _own_date(sent: str, f: Figure, d: DatePhrase) -> bool:
    """Whether date `d` right after figure `f` is its own ("1,000 in 2018"), not the opening
    of the next clause ("about 600, and at that point only 30 ...")."""
    return bool(_OWN_DATE_GAP.fullmatch(sent, f.np_end, d.start)) and not _CLAUSE_BREAK.search(
        sent, f.np_end, d.start
    )


def _in_event(sent: str, d: DatePhrase) -> bool:
    """A date in an opening phrase of what came before ("After the policy statement last
    year, the cluster has grown to 150"): the event's date, not the clause's."""
    m = _EVENT_OPENING.match(sent)
    return m is not None and "," not in sent[m.end() : d.end] and sent.find(",", d.end) >= 0


@cache
def _members_clause() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["members_clause_opening"], re.IGNORECASE)


def _in_event_after(sent: str, f: Figure, d: DatePhrase) -> bool:
    """A date in a phrase after the figure that an event opens (", following the addition of
    Kestrel Pay to the list in October"), or in a clause on some of its members (", many of
    which moved to Hong Kong after ... in late 2022"): the event's date, not the figure's."""
    cut = sent.rfind(", ", f.end, d.start)
    return cut >= 0 and (
        _EVENT_OPENING.match(sent, cut + 1) is not None
        or _members_clause().match(sent, cut + 1) is not None
        or _EVENT_WITHIN.search(sent, cut + 1, d.start) is not None
        or _APPOSITION.match(sent, cut) is not None  # ", a category introduced in April"
    )


def _opens_next(sent: str, f: Figure, d: DatePhrase, figures: list[Figure]) -> bool:
    """Whether date `d`, past a comma after figure `f`, opens the stretch of a later figure
    ("exceeded HK$40 billion, in the first three quarters of this year newly raised HK$3.2
    billion"), or labels it ("7 (end of 2021: 5)"): that figure's date."""
    if any(_labels(sent, d, g.start) for g in figures if g.start > d.end):
        return True
    cut = sent.rfind(", ", f.end, d.start)
    if cut < 0:
        return False
    stop = sent.find(",", d.end)
    return any(d.end <= g.start < (stop if stop >= 0 else len(sent)) for g in figures)


def _comma_bounds(sent: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch between commas around `pos`, within the clause lo:hi."""
    commas = [m.start() for m in _COMMA.finditer(sent, lo, hi)]
    return max((c for c in commas if c < pos), default=lo), min(
        (c for c in commas if c > pos), default=hi
    )


def _clause_bounds(sent: str, pos: int) -> tuple[int, int]:
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sent)]
    lo = max((b for b in breaks if b < pos), default=0)
    hi = min((b for b in breaks if b > pos), default=len(sent))
    return lo, hi


def as_of_parts(
    when: DatePhrase | None,
    ref: date | None,
    metric: str,
    planned: bool = False,
    increment: bool = False,
) -> tuple[date | None, str, str | None]:
    """The date, precision and period of a figure: a later date of the same year is the date
    of writing, unless the figure is a plan for it (a reviewer's guess at the target's date);
    an addition dated by a year is a flow over it ("admitted 118 new start-ups in 2022")."""
    if when is None or when.as_of is None:
        return ref, "day", None
    cumulative = metric in cumulative_metrics()
    period = when.period if cumulative else None
    if increment and cumulative and period is None and when.precision == "year":
        period = "P1Y"
    as_of, precision = when.as_of, when.precision
    if ref and as_of > ref:
        if as_of.year > ref.year:
            return None, "day", None  # a target, not a fact
        if not planned:
            as_of, precision = ref, "day"
    return as_of, precision, period
