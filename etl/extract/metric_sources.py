"""Where a figure's metric comes from when the words after it name none.

A fact-sheet label before it ("Unicorns: 7", "Of which start-ups: 300"), the label column of
a table row set out as text ("FinTech    400+    27%"), "the number of <noun> <words>" before
it, or the verb after an addition ("a further 40 start-ups were admitted"). Each gives a
catalogue metric or None; sentence_figures decides which to ask and in what order.
"""

from __future__ import annotations

import re

from etl.extract.candidates import (
    context_metric,
    is_generic,
    part_opener,
    set_member,
)
from etl.extract.figure_cues import cues, not_counted
from etl.extract.figure_sets import of_them
from etl.extract.metrics import (
    MetricMatch,
    classify,
    intake_metrics,
    location_metrics,
)
from etl.extract.narrower_predicates import narrower_predicate
from etl.extract.noun_phrases import noun_phrase
from etl.extract.predicate_words import verb_re

# A figure that ends its line, with no end mark after it: a label's value.
_ROW_END = re.compile(r"[\s*_+)]*")
# The other columns of a row after its first value: "FinTech      400+      27%".
_ROW_COLUMNS = re.compile(r"(?:[ \t]{2,}(?:[~≈]?\d[\d.,]*[%+]?|[-–]))+[\s*_+)|]*")
# The end of a row's cell after its value: the next cell after ";", or a comparison after ","
# (wire shorthand), with an aside in brackets before it.
_CELL_END = re.compile(r"[ \t*_+]*(?:\([^()\n]{0,60}\)\s*)?(?:;|,\s+(?:vs\.?|versus)\s)")
ROW_CELL = re.compile(r"[|;·•]")  # what parts a row of a table written as text ("A: 3 · B: 2")
MAX_LABEL_WORDS = 10
# What numbers an item of a list or a row of a table: "(a)", "b)", "(iii)", "(2)".
ENUMERATOR = r"\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+"
# "Unicorns: 7", "Web3 — 250", "(a) Community companies (total): 1,540"
_LABEL = re.compile(rf"[\s\-•*–]*(?:{ENUMERATOR})?([^:\n]{{2,80}}?)(?:\s*:|\s+[—–])\s*")
_ENUMERATED = re.compile(rf"\s*{ENUMERATOR}")
# A count of something in the words before a colon (not a year): a sentence, no label.
_COUNT_IN_LABEL = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d,.]*\s+[a-z]")
_SET_LABEL_WORDS = 5  # a label this short that names a cluster is the cluster


def label_before(before: str) -> re.Match[str] | None:
    """The label the words `before` a figure are ("Unicorns:", "Web3 —"), group 1 its words;
    not tried on words with no ":" or dash to end one."""
    if ":" not in before and "—" not in before and "–" not in before:
        return None
    m = _LABEL.fullmatch(before)
    if m is not None and _COUNT_IN_LABEL.search(m.group(1)):
        return None  # "The community stands at 560 companies: 320 are ...": a part of a set
    return m


def paired_label(before: str) -> str | None:
    """The part of a label of paired values naming the value that `before` ends at ("Onsite /
    offsite: 688 / 733": "Onsite" for the 688, "offsite" for the 733), or None."""
    colon = before.rfind(":")
    if colon < 0 or "/" not in before[:colon]:
        return None
    label = label_before(before[: colon + 1])
    values = _VALUES_BEFORE.fullmatch(before, colon + 1)
    if label is None or values is None:
        return None
    parts = label.group(1).split("/")
    k = before.count("/", colon)
    return parts[k].strip(" *_") if len(parts) > 1 and k < len(parts) else None


_VALUES_BEFORE = re.compile(r"(?:\s*[*_]*[^\s/:]{0,5}\d[\d,.]*\+?[*_]*\s*/)*\s*[*_]*")


def row_value(s: str, before: str, end: int, last: bool) -> bool:
    """Whether the figure ending at `end` is the value of a row that `before` labels: it ends
    the line, or it is the first of the row's columns of figures ("FinTech    400+    27%")."""
    if _ROW_END.fullmatch(s, end):
        return last
    if _CELL_END.match(s, end) and not any(c.isdigit() for c in ROW_CELL.split(before)[-1]):
        return True  # "Unicorns 4 (incl insurtech); listed cos 6", "Community cos 1,700, vs ..."
    return _ROW_COLUMNS.fullmatch(s, end) is not None and not any(c.isdigit() for c in before)


def number_of(s: str, a: int, q_start: int, kind: str, value: float) -> MetricMatch | None:
    """What "the number of <noun> <words> to N" counts: the noun, narrowed by the words after
    it ("the number of start-ups the programme has taken in", "... that have gone public"); an
    intake its words name wins over the noun ("Number of start-ups admitted: 41")."""
    b = noun_phrase(s, a, len(s))[1]
    rest = s[b:q_start]
    intake = classify(s[a:q_start], "", "", kind, value, predicate=True)
    if intake is not None and intake.metric in intake_metrics():
        return intake
    match = classify(s[a:b], "", rest, kind, value, s[:q_start])
    if match is None and s.startswith(",", b):  # "the number of games, animation and ... firms"
        match = classify(s[a:q_start], "", "", kind, value)
    if match is None or is_generic(match):
        narrower = classify(rest, "", "", kind, value, predicate=True)
        if narrower is not None and not is_generic(narrower):
            return narrower
    return match


def number_of_after(s: str, before: str, end: int, kind: str, value: float) -> MetricMatch | None:
    """What "brings to six the number of <noun> <words>" counts: the figure a total is
    carried to, with "the number of ..." after it (`end`: where the figure ends)."""
    after = cues()["number_of_after"].match(s, end)
    if after is None or not cues()["carried_to"].search(before):
        return None
    stop = _PHRASE_STOP.search(s, after.end())  # (up to a mark or another figure)
    found = number_of(s, after.end(), stop.start() if stop else len(s), kind, value)
    return None if found is None or is_generic(found) else found


_PHRASE_STOP = re.compile(r"[,;:.!?]|\d")


def label_metric(label: str, kind: str, value: float) -> MetricMatch | None:
    """The metric a label names, read as a heading is when it is short: "Unicorns", "of which
    on campus" (a long one may be a clause that ends in a colon). A label that opens with what
    no metric counts ("Events held on campus") counts none, as the words after a figure."""
    if (enumerated := _ENUMERATED.match(label)) is not None:
        label = label[enumerated.end() :]  # "(a) Community companies"
    if not_counted(label.strip()):
        return None
    if len(label.split()) > MAX_LABEL_WORDS:
        return classify(label, "", "", kind, value)
    found = context_metric(label, None, kind, value)
    words = label.split()
    if found is None and len(words) <= _SET_LABEL_WORDS:  # "AI & data science: 260"
        found = set_member(label, kind, value)
        if found and not set_member(" ".join(words[:2]), kind, value):
            found = None  # "Speakers at FinTech Week": a noun of its own comes first
        if found and any(not_counted(" ".join(words[k:])) for k in (1, 2)):
            found = None  # "Web3 events co-organised": a cluster's noun that no metric counts
    if (found is None or is_generic(found.match)) and (part := part_opener().match(label)):
        rest = context_metric(label[part.end() :], None, kind, value)  # "Of which start-ups"
        if rest is not None and (found is None or not is_generic(rest.match)):
            found = rest  # "of which offsite members": where they are, not the members
    if found is None:
        return None
    # The whole label leads in too: "Countries/regions of Web3 founders" (Web3's founders).
    narrower = classify(label, "", "", kind, value, label)
    if is_generic(found.match) and (narrower is None or is_generic(narrower)):
        # A verb after the community's noun: "Community companies listed" (listed companies;
        # not where they are: "Community companies (onsite and offsite)" are all of them).
        verb = classify(label, "", "", kind, value, predicate=True)
        narrower = verb if verb is None or verb.metric not in location_metrics() else narrower
    if narrower is not None and narrower.metric != found.match.metric and not is_generic(narrower):
        return narrower
    return found.match


def intake_verb(s: str, np_from: int, np_end: int, kind: str, value: float) -> MetricMatch | None:
    """The intake metric the verb after an addition names ("40 more joined", "a further 40
    fintech start-ups were admitted to the programme"), or None."""
    more = cues()["delta_after"].match(s, np_from)
    found = narrower_predicate(s, max(np_end, more.end() if more else 0), kind, value)
    return found.match if found is not None and found.match.metric in intake_metrics() else None


def members_among(s: str, end: int) -> bool:
    """Whether the figure ending at `end`, right after one that counts nothing of the
    catalogue, is a part of that one's set named by what its members are, with no verb ("The
    26 exhibitors, 19 of them Cyberport incubatees"): members among others, no total of the
    community's (unlike "1,480 applications, 52 of which were admitted")."""
    m = of_them().match(s, end)
    return bool(
        m and m.group("set") and m.group().split()[-1] == m.group("set")
        and not verb_re().match(s, m.end() - 1)
    )  # fmt: skip
