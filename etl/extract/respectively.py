"""Lists of years, and of sets, matched to lists of figures by "respectively".

"In 2019-20, 2020-21 and 2021-22 (as at 31 December 2021), X admitted 155, 171 and 128
start-ups respectively": the i-th figure of a run of figures joined only by commas and "and"
stands at the end of the i-th period of a list of years or fiscal years, and a date in
brackets after a period ("as at 31 December 2021") ends that period instead. The figures of
the run share one noun, so they count one metric, the first's, and its qualifier unless they
have their own. A sentence opening on a part of the set the sentence before matched to its
years ("Of these, 820, 860 and 900 were onsite, while 1,030, 1,100 and 1,250 were offsite")
matches each of its runs of as many figures to those years, "respectively" or not. "Its
FinTech and Web3 clusters count over 450 and about 150 companies respectively": the i-th
figure of such a run counts the members of the i-th set named before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

from etl.calendar import phrase_re
from etl.extract.asof import DatePhrase, find_dates
from etl.extract.candidates import is_generic, set_member
from etl.extract.clauses import clause_start
from etl.extract.figure import Figure
from etl.extract.figure_cues import cues
from etl.extract.metrics import MetricMatch
from etl.extract.phrase_search import find_phrase

_TOKEN = r"(?:19|20)\d\d(?:\s*[-–/]\s*\d\d(?:\d\d)?)?"
_BRACKET = r"(?:\s*\([^()]{0,60}\))?"
_YEAR_END = r"(?:end[-\s](?:of\s+)?)?"  # "at end-2022, end-2023 and end-2024": each a year's end


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    item = rf"{_YEAR_END}{_TOKEN}{_BRACKET}"
    periods = re.compile(
        rf"(?<![\w$.,]){_TOKEN}{_BRACKET}(?:{_joiner()}{item})+(?![\w.,]?\d)", re.IGNORECASE
    )
    one = re.compile(rf"(?P<token>{_TOKEN})(?P<bracket>{_BRACKET})")
    return periods, one


def _joiner() -> str:
    """Between two items of a list: a comma, "and", or both."""
    words = phrase_re("list_joiners")
    return rf"\s*(?:,\s*(?:{words}\s+)?|\s+{words}\s+)"


@cache
def _gap() -> re.Pattern[str]:
    return re.compile(_joiner(), re.IGNORECASE)


@cache
def _qualified_gap() -> re.Pattern[str]:
    return re.compile(rf"{_joiner()}(?:[a-z]+\s+){{0,2}}", re.IGNORECASE)


def respective(
    sent: str, figures: list[Figure], ref: date | None, before: Callable[[], str] | None = None
) -> tuple[list[Figure], dict[int, DatePhrase]]:
    """The figures (a run's metric shared) and, by index, the date "respectively" gives each:
    from the sentence's own list of years, else from the list of the sentence `before` it when
    that one matched its figures to years "respectively" too ("As at the end of 2019, 2020 and
    2021, ... were 2, 3 and 4 respectively. The numbers of unicorns as at the same dates were 2,
    3 and 3 respectively.")."""
    periods_re, one_re = _patterns()
    if not figures:
        return figures, {}
    implied = False  # "... comprised 768, 944 and 1,153 companies respectively. Of these,
    # 820, 860 and 900 were onsite, while ...": each run of as many figures, year by year
    if find_phrase("respectively", sent) is None:
        same = _same_dates(sent, figures, ref, before)
        if same or before is None or not cues()["set_part_opening"].match(sent):
            return figures, same
        implied = True
    listed, m = sent, None if implied else periods_re.search(sent)
    if m is None and before is not None and find_phrase("respectively", listed := before()):
        m = periods_re.search(listed)
    if m is None:
        return figures, {}
    dates = [_period(listed, p, ref) for p in one_re.finditer(listed, m.start(), m.end())]
    runs = _runs(sent, figures, len(dates), _gap())
    if not runs or any(d is None for d in dates):
        return figures, {}
    out = list(figures)
    by_period: dict[int, DatePhrase] = {}
    for run in runs if implied else runs[:1]:
        first = figures[run[0]]
        if first.metric is None:  # "262, 291 and 318 companies": the noun after the last
            first = figures[run[-1]]
        for i in run:
            if out[i] is not first and first.metric is not None and out[i].unit == first.unit:
                out[i] = replace(out[i], metric=first.metric, source=first.source)
                if out[i].qualifier == "exact":  # "about HK$3.2 billion, HK$9.6 billion and"
                    out[i] = replace(out[i], qualifier=first.qualifier)
        by_period.update({i: d for i, d in zip(run, dates, strict=True) if d is not None})
    return out, by_period


def _same_dates(
    sent: str, figures: list[Figure], ref: date | None, before: Callable[[], str] | None
) -> dict[int, DatePhrase]:
    """By index, the dates of a run of figures that stand "at the same dates" as a series of
    dates before them, in order ("215 companies at the end of 2022, 245 at the end of 2023 and
    280 at the end of 2024, while ... had 160, 180 and 195 companies at the same dates"; "Over
    the same three year-ends, ... rose from 310 to 420 and then to 480")."""
    same = _same_dates_re().search(sent)
    if same is None or len(figures) < 2:
        return {}
    run = _longest_run(sent, figures, _series_gap())
    if run is None:
        return {}
    text = sent[: figures[run[0]].start]
    if before is not None:
        text = f"{before()} {text}"
    found = [d for d in find_dates(text, 0, len(text), ref) if d.as_of is not None and not d.event]
    if len(found) < len(run):
        return {}
    dates = [replace(d, period=None) for d in found[-len(run) :]]
    return dict(zip(run, dates, strict=True))


@cache
def _same_dates_re() -> re.Pattern[str]:
    return re.compile(
        r"\bsame\s+(?:\w+\s+)?(?:dates|year-ends|year\s+ends|times|points)\b", re.IGNORECASE
    )


def series_words() -> str:
    """The words that join the figures of a list or a rise ("160, 180 and 195", "from 310 to
    420 and then to 480")."""
    return rf"(?:{phrase_re('list_joiners')}|then|to)"


@cache
def _series_gap() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:{series_words()}\s+){{0,3}}(?:[a-z]+\s+){{0,2}}", re.IGNORECASE)


MAX_SET_WORDS = 3  # words of one set's name ("AI and data science" reads as "AI")
_WORD = re.compile(r"[\w&+-]+")


def respective_sets(sent: str, figures: list[Figure]) -> list[Figure]:
    """The figures, each of a run that "respectively" matches to as many sets named before
    it counting the members of its own set, when the run counts members of no set yet."""
    if len(figures) < 2 or find_phrase("respectively", sent) is None:
        return figures
    run = _longest_run(sent, figures, _qualified_gap())  # ("over 450 and about 150")
    if run is None or not all(
        figures[i].unit == "count" and (figures[i].metric is None or is_generic(figures[i].metric))
        for i in run
    ):
        return figures
    first = figures[run[0]]
    sets = _sets_named(sent[clause_start(sent, 0, first.start) : first.start], first.number.value)
    if len(sets) != len(run):  # (the sets of its own clause, "..., while the FinTech and Web3
        sets = _sets_named(sent[: first.start], first.number.value)  # clusters ...", else all)
    if len(sets) != len(run):
        return figures
    out = list(figures)
    for i, metric in zip(run, sets, strict=True):
        out[i] = replace(out[i], metric=metric, source="label")
    return out


def _sets_named(text: str, value: float) -> list[MetricMatch]:
    """The sets `text` names, in order, each once ("FinTech and Web3 clusters")."""
    words = list(_WORD.finditer(text))
    found: list[MetricMatch] = []
    k = 0
    while k < len(words):
        for n in range(1, MAX_SET_WORDS + 1):
            if k + n > len(words):
                break
            named = set_member(text[words[k].start() : words[k + n - 1].end()], "count", value)
            if named is not None:
                if named.match not in found:
                    found.append(named.match)
                k += n - 1
                break
        k += 1
    return found


def _longest_run(sent: str, figures: list[Figure], gap: re.Pattern[str]) -> list[int] | None:
    """The indexes of the longest run of two or more figures in a row that `gap` joins."""
    return next((r for n in range(len(figures), 1, -1) if (r := _run(sent, figures, n, gap))), None)


def _run(sent: str, figures: list[Figure], n: int, gap: re.Pattern[str]) -> list[int] | None:
    """The indexes of the first n figures in a row that `gap` joins (list separators, say)."""
    runs = _runs(sent, figures, n, gap, first_only=True)
    return runs[0] if runs else None


def _runs(
    sent: str, figures: list[Figure], n: int, gap: re.Pattern[str], first_only: bool = False
) -> list[list[int]]:
    """The indexes of each run of n figures in a row that `gap` joins, none overlapping."""
    out: list[list[int]] = []
    k = 0
    while k <= len(figures) - n:
        idx = list(range(k, k + n))
        if all(gap.fullmatch(sent, figures[i].end, figures[i + 1].start) for i in idx[:-1]):
            out.append(idx)
            if first_only:
                break
            k += n
        else:
            k += 1
    return out


def _period(sent: str, m: re.Match[str], ref: date | None) -> DatePhrase | None:
    """The date one period of the list stands at: its bracketed date, else its end."""
    a, b = m.span("bracket")
    inner = [d for d in find_dates(sent, a, b, ref) if d.as_of is not None and not d.event]
    if inner:
        return replace(inner[-1], period=None)
    phrase = f"in {m.group('token')}"
    found = [d for d in find_dates(phrase, 0, len(phrase), ref) if d.as_of is not None]
    if not found:
        return None
    return DatePhrase(m.start("token"), m.end("token"), found[0].as_of, found[0].precision,
                      found[0].period)  # fmt: skip
