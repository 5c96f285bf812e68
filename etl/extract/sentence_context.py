"""What a sentence's surroundings say when the sentence alone does not: a bare figure's metric
(the heading above it, the question it answers, the sentence before it) and, through
etl.extract.owner_context, a figure's owner when no name is given.

Each answer carries its source, and the sources weigh less than the sentence's own words in
etl/data/scoring.toml: a claim that rests on them may go to a reviewer as a candidate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from etl.extract.answer_context import OPENING, AnswerContext
from etl.extract.box_rows import box_lead, one_cluster_rows
from etl.extract.candidates import MEASURED_BY, context_metric, is_generic, set_member
from etl.extract.clauses import NEXT_CLAUSE, clause_end
from etl.extract.context_cues import (
    cluster_refs,
    complement_before,
    existential,
    names_the_figure,
    names_the_kind,
    now_clause,
    then_and_now,
    there_words,
    unread_time,
)
from etl.extract.figure import PART_SOURCES, Figure
from etl.extract.figure_sets import NUMBER_OF, OF_SET
from etl.extract.figure_sets import set_noun as _set_noun
from etl.extract.lexicon import lexicon, phrases_re, safe_lower
from etl.extract.metric_sources import ENUMERATOR
from etl.extract.metrics import (
    MetricMatch,
    classify,
    cluster_metrics,
    clusters_named,
    named_cluster,
    topic_scope_breaks,
    topic_scoped_metrics,
    whole_named,
)
from etl.extract.narrowing import counts_other, narrowed_source
from etl.extract.prefilter import metric_vocabulary
from etl.extract.questions import asked_metric
from etl.extract.regex_parts import gated_search, literal_tests, may_match
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.sentence_figures import find_figures

# A bare figure leans on the sentence before only when it opens its sentence (an answer).
_DATE_LINE_CHARS = 40  # a short line opening a section: its date line
_OTHER_WORDS = re.compile(r"[^\W\d_]{3,}")
_COMPOUND = re.compile(r"-[^\W\d_]")
# The word right before a figure (not the sentence's first): capitalised, it names a thing
# by its number ("mixers on Level 3", "Phase 2 opens").
_WORD_BEFORE = re.compile(r"(?<=\S)\s+([^\W\d_]+)[ \t]?[*_]*$")
_NUMBERING = re.compile(r"\W*\d{1,3}\s*[.)]?\W*")


# A label opening the sentence, its colon before the figure: "(c) Digital Entertainment: ...".
_HEAD_LABEL = re.compile(rf"[\s\-•*–]*(?:{ENUMERATOR})?([^:\n,;]{{2,60}}):\s")


class SentenceContext(AnswerContext):
    """The surroundings of sentence `sid` of `view`, worked out only when asked for."""

    def __init__(self, view: SectionView, sid: SentenceId) -> None:
        self.view, self.sid = view, sid
        self.sentence = view.sentence(sid)
        self._heading: str | bool | None = False
        self._previous: str | bool | None = False  # the words of the sentence before
        self._previous_figures: list[Figure] | None = None  # (read only when asked for)

    # ---- metric ---------------------------------------------------------------------------

    def heading(self) -> str | None:
        """The heading right above the sentence's paragraph (or opening it), if any."""
        if self._heading is False:
            self._heading = None
            view = self.view
            span = view.model.heading(self.sentence.start)
            if span is not None and span[1] <= self.sentence.start:
                p = self.sid[0]
                paras = view.paragraphs
                here = paras[p][0] <= span[0] < paras[p][1]
                above = p > 0 and paras[p - 1][0] <= span[0] < paras[p - 1][1]
                # a heading right above the date line that opens the section ("CYBERPORT
                # LISTINGS" / "Wednesday, 28 March" / the paragraph)
                first = view.text[paras[0][0] : paras[0][1]]
                over = (
                    p == 0 or (p == 1 and len(first) <= _DATE_LINE_CHARS and "\n" not in first)
                ) and (not view.text[span[1] : paras[0][0]].strip())
                if here or above or over:
                    self._heading = view.text[span[0] : span[1]]
        return self._heading

    def previous(
        self, first: bool = False, whole: bool = False
    ) -> tuple[str, Figure | None] | None:
        """The sentence before (in the section) and its last (or `first`) figure with a metric
        (`whole`: the last that counts no part of another: "1,900 companies, about 900 of which
        ..." gives 1,900)."""
        text = self._previous_text()
        if text is None:
            return None
        if self._previous_figures is None:
            found = find_figures(text, self.view.config.bare_dollar)
            self._previous_figures = [f for f in found if f.metric]
        figures = self._previous_figures
        if whole:
            figures = [f for f in figures if f.source not in PART_SOURCES] or figures
        return text, (figures[0] if first else figures[-1]) if figures else None

    def _previous_text(self) -> str | None:
        """The words of the sentence before (in the section), if any."""
        if self._previous is False:
            prev = self.view.previous(self.sid)
            self._previous = self.view.sentence_text(prev) if prev is not None else None
        return self._previous if isinstance(self._previous, str) else None

    def counts_existing(self) -> bool:
        """Whether the sentence says a count exists now ("Today there are over 1,500")."""
        return existential().search(self._text()) is not None

    def may_name_metric(self) -> bool:
        """Whether the heading or the sentence before has a word some metric rule needs."""
        vocab = metric_vocabulary()
        texts = [self.heading() or ""]
        prev = self._previous_text()
        if prev is not None:
            texts.append(prev)
            if self._asked():
                texts.append(self._question())
        for t in texts:
            low = safe_lower(t)
            if t and (vocab is None or low is None or vocab.search(low)):
                return True
        # A question may name a cluster alone ("And Web3?"), with no word a rule needs.
        return len(texts) > 2 and set_member(texts[-1], "count", 2.0) is not None

    def metric_for(self, f: Figure) -> Figure | None:
        """`f` itself when it has a metric; a bare figure with the metric its context names."""
        if f.metric is not None:
            if f.source == "subject" and not f.number.words and _designated(self._text(), f.start):
                return None  # "... incubatees at Cyberport 3": a building's number, no count
            label = self.heading()  # (a label over it, not a title: "FinTech start-ups lead")
            if f.source == "subject" and is_generic(f.metric) and label and len(label.split()) < 4:
                heading = context_metric(label, None, f.unit, f.number.value)
                if heading is not None:  # "Unicorns" over "The community now counts four"
                    return replace(f, metric=heading.match, source=heading.source)
            return self._sector_there(f) or self._cluster(f)
        if f.source == "context_noun":
            return self._noun_in_context(f)
        s = self._text()
        zero_said = f.number.value == 0 and f.number.words  # "the hub had none in 2015"
        if (
            (f.number.value <= 0 and not zero_said)
            or _NUMBERING.fullmatch(s)
            or _COMPOUND.match(s, f.end)
        ):
            return None  # "3." numbers a paragraph; "a 24-hectare site" measures something
        if not f.number.words and _designated(s, f.start):
            return None  # "on Level 3", "in Phase 2": a number that names a thing, no count
        if f.comparison:  # "The figure is up from 30 a year earlier": the one before's
            prev = self.previous(first=True)
            last = prev[1] if prev else None
            if last is None or last.unit != f.unit or NUMBER_OF.search(s, 0, f.start):
                return None  # (not "the number of applications rose from 142": its own)
            return replace(f, metric=last.metric, source="comparison")
        kind = "money" if f.unit not in ("count", "percent") else f.unit
        # A heading names money only as a label over the amount alone ("Total funds raised"
        # over "HK$38 billion"); over a sentence it is a section's title.
        alone = not _OTHER_WORDS.search(self._text(), 0, f.start) and not _OTHER_WORDS.search(
            self._text(), f.end
        )
        heading = self.heading() if kind != "money" or alone else None
        if heading is not None and OF_SET.match(s, f.end):
            heading = None  # "30 of its companies are valued at US$100 million": its own set's
            # part, which its sentence names, not what a title over it ("... sixth unicorn") counts
        found = context_metric(heading, None, kind, f.number.value)
        if found is None and kind == "count" and MEASURED_BY.search(s, 0, f.start):
            named = self._cluster_before_pronoun(s)  # "... its fintech cluster. It now numbers 150"
            if named is not None:
                return replace(f, metric=named, source="cluster")
        if found is None and kind == "count" and existential().search(s, 0, f.start + 1):
            counted = self._counted_before()
            if counted is not None:  # "... about 300 companies. Today there are over 1,500"
                return replace(f, metric=counted.metric, source="existential")
        if (
            found is None
            and (kind != "money" or alone or self._said_again(s))
            and self._answers_before(f)
        ):
            prev = self.previous()
            asked = prev is not None and self._asked()
            if prev is not None and (asked or self._after_verb(f)):
                text, last = prev if asked else self.previous(whole=True)  # type: ignore[misc]
                if asked:
                    text = self._question()
                if complement_before().search(s, 0, f.start):
                    last = None  # "About 160 are on campus. The other 260 ...": the rest
                source = "question" if asked else "previous"
                if not asked and then_and_now(text, s):
                    source = "contrast"  # "Five years ago, ... 1,200 companies." / "Today 2,100"
                elif not asked and (
                    names_the_figure(s, f.start) or names_the_kind(s[f.end :])
                ):  # "... 1,900 companies." / "In 2019 the figure was 1,400", "60 such companies"
                    source = "anaphor"
                asked_for = asked_metric(text, kind, f.number.value) if asked else None
                if asked_for is not None:  # "How many markets?" / "Over 40 now."
                    return replace(f, metric=asked_for, source=source)
                if last is not None and last.unit == f.unit:
                    return replace(f, metric=last.metric, source=source)
                found = context_metric(None, text, kind, f.number.value)
                if found is not None:
                    return replace(f, metric=found.match, source=source)
        if found is None and kind == "count":
            return self._contrast_in_sentence(s, f)
        if found is None:
            return None
        return replace(f, metric=found.match, source=found.source)

    def _contrast_in_sentence(self, s: str, f: Figure) -> Figure | None:
        """A bare count in a clause opening with now that says the count before it again ("When
        I took over in 2020 we had about 1,500 companies; today we are close to 2,000", "We
        passed 2,000 companies at the end of last year, and today we have more than 2,100")."""
        joint = now_clause(s, f.start)
        if joint is None or not then_and_now(s[: joint[0]], s[joint[1] :], anywhere=True):
            return None
        before = find_figures(s[: joint[0]], self.view.config.bare_dollar)
        counted = [g for g in before if g.metric is not None and g.unit == f.unit]
        return replace(f, metric=counted[-1].metric, source="contrast") if counted else None

    def _noun_in_context(self, f: Figure) -> Figure | None:
        """A figure whose noun names a metric only with words around it ("Over 25 countries
        and regions"), read with the question it answers, its heading or the sentence before
        ("Where do your founders come from?"), the nearest first."""
        kind = "money" if f.unit not in ("count", "percent") else f.unit
        np = self._text()[f.end : f.np_end]
        prev = self._previous_text()
        texts = [("question", self._question() if prev is not None and self._asked() else None),
                 ("heading", self.heading()), ("previous", prev)]  # fmt: skip
        if not OPENING.fullmatch(self._text(), 0, f.start):
            texts.pop()  # "We shipped to 25 countries": the sentence before is no question
        for source, text in texts:
            found = text and classify(np, text, "", kind, f.number.value)
            if found:
                return self._cluster(replace(f, metric=found, source=source))
        return None

    def _counted_before(self) -> Figure | None:
        """The last count with a metric in the few sentences before, in the paragraph or the
        question it answers."""
        for cur in self.view.before(self.sid, _EXISTENTIAL_REACH):
            text = self.view.sentence_text(cur)
            found = [
                f
                for f in find_figures(text, self.view.config.bare_dollar)
                if f.metric and f.unit == "count"
            ]
            if found:
                return found[-1]
        return None

    def _cluster(self, f: Figure) -> Figure:
        """`f`, with the cluster a reference names ("The cluster now numbers 62 companies")
        when the sentences before say which (not when its own words narrowed it already)."""
        s = self._text()
        scoped = self._scoped(f)
        if is_generic(f.metric) and whole_named(s, f.start):
            return f  # "... the largest such cluster, and its overall community numbers 1,100"
        if f.source == "predicate" or not (
            scoped
            or gated_search(cluster_refs(), s, 0, f.start)
            or (self._pronoun_for_cluster(s) and not clusters_named(s[: f.start]))
        ):  # (not "It is followed by smart living, with around 300": a cluster of its own)
            return f
        head = None if scoped else _HEAD_LABEL.match(s, 0, f.start)  # "(c) Esports: the cluster"
        own = named_cluster(head.group(1)) if head else None
        if own is not None and (is_generic(f.metric) or f.metric.metric in cluster_metrics()):
            return (
                f if own == f.metric else replace(f, metric=own, source=narrowed_source(f.source))
            )
        if scoped and self.view.in_list(self.sid):
            # A row ("- Founders from 30+ countries") reads its box's heading and lead-in, not
            # the row before it.
            span = self.view.model.heading(self.sentence.start)
            heading = self.view.text[span[0] : span[1]] if span else ""
            before = [
                w
                for w in (
                    heading,
                    box_lead(self.view, self.sid),
                    one_cluster_rows(self.view, self.sid),
                )
                if w
            ]
        else:
            before = [self.view.sentence_text(cur) for cur in self.view.before(self.sid, 3)]
            before.reverse()
        kind = "money" if f.unit not in ("count", "percent") else f.unit
        np = s[f.end : f.np_end]
        # A scoped figure's own clause says what it counts ("founders"), the passage whose.
        ctx = (s[: f.start], s[f.np_end :]) if scoped else ("", "")
        here = s if scoped else s[: f.start]  # (".., which makes the Web3 cluster ...")
        for k in range(1, len(before) + 1):  # the nearest sentence that names a cluster
            lead = " ".join(before[-k:])
            found = classify(np, *ctx, kind, f.number.value, lead=f"{lead} {here}")
            if is_generic(f.metric) and (found is None or is_generic(found)):
                found = classify(f"{lead} {_set_noun()}", "", "", kind, f.number.value)
                if found is not None and found.metric not in cluster_metrics():
                    found = None  # (the unicorns a sentence before names are no cluster)
            if found is not None and not is_generic(found):
                if (
                    found == f.metric
                    and scoped
                    and not _HEAD_LABEL.match(s, 0, f.start)  # (a row: "Founders from: Over 40")
                    and not topic_scope_breaks().search(before[-k])
                ):
                    if gated_search(cluster_refs(), s) and named_cluster(before[-k]):
                        # "Founders in the cluster come from 25 countries" after a sentence on
                        # the AI cluster: its founders, which the catalogue does not count
                        return replace(f, source="doubtful")
                    continue  # a sentence on the cluster's companies names none: further back
                if found == f.metric or counts_other(f.metric, found):
                    return f
                return replace(f, metric=found, source=narrowed_source(f.source))
        return f

    def _sector_there(self, f: Figure) -> Figure | None:
        """A count of companies said to be "there", in a sentence that opens with the sector
        it points back to and names no place before it ("Smart living gets few headlines, but
        we have about 150 companies there now"): that sector's count."""
        if f.unit != "count" or not is_generic(f.metric):
            return None
        s = self._text()
        if not there_words().search(s, f.end, clause_end(s, f.end, len(s))):
            return None
        a = self.sentence.start
        if any(
            m.kind in ("name", "place", "territory", "place_word") and m.start < a + f.start
            for m in self.view.mentions_of(self.sid)
        ):
            return None  # "... in Shenzhen, and we have 150 companies there": the place's
        found = classify(f"{s[: f.start]} {_set_noun()}", "", "", "count", f.number.value)
        if found is None or is_generic(found):
            return None
        return replace(f, metric=found, source="cluster")

    def _scoped(self, f: Figure) -> bool:
        """Whether `f` counts a metric a cluster narrows and its clause does not turn to the
        whole community ("Founders of community companies come from 30 countries")."""
        if f.metric is None or f.metric.metric not in topic_scoped_metrics():
            return False
        s = self._text()
        stop = _CLAUSE_END.search(s, f.np_end)
        return not topic_scope_breaks().search(s, 0, stop.start() if stop else len(s))

    def _pronoun_for_cluster(self, s: str) -> bool:
        """The sentence opens with a pronoun ("It now counts ...") after one that names a
        cluster ("... as the Web3 cluster passes a milestone.")."""
        if not _OPENING_PRONOUN.match(s):
            return False
        prev = self._previous_text()
        if prev is None:
            return False
        if cluster_refs().search(prev) is not None:
            return True
        # "Fintech, without doubt. It crossed 400 companies": a cluster named alone before;
        # "FinTech remains Cyberport's largest cluster. It had 410 companies": named its subject
        head = (
            _cluster_subject().match(prev)
            or _OPENING_CLUSTER.match(prev)  # "Cyberport's Web3 cluster deserves mention."
            or _LEADING_WORDS.match(prev)
        )
        words = head.group(1).strip() if head else ""
        return 0 < len(words.split()) <= _CLUSTER_NAME_WORDS and (
            set_member(words, "count", 1.0) is not None
        )

    def _cluster_before_pronoun(self, s: str) -> MetricMatch | None:
        """The one cluster the sentence before names, when this one opens with a pronoun."""
        prev = self._previous_text()
        if prev is None or not _OPENING_PRONOUN.match(s) or not _CLUSTER_WORD.search(prev):
            return None
        return named_cluster(prev)

    def _said_again(self, s: str) -> bool:
        """Whether an amount with words of its own may still take the metric before it: it
        answers a question, or says again for now what the sentence before said for an earlier
        time ("Cumulatively, about HK$19 billion", "Now the total stands at ...")."""
        prev = self._previous_text()
        return prev is not None and (self._asked() or then_and_now(prev, s))

    # ---- date -----------------------------------------------------------------------------

    def undated_source(self, f: Figure, figures: list[Figure]) -> str:
        """'unread_phrase' when the sentence has a time phrase no date was read from, and no
        other figure stands between it and `f` ("11 unicorns, up from 10 a year earlier")."""
        text = self._text()
        if not may_match(literal_tests(unread_time().pattern), safe_lower(text)):
            return "section"  # (no word a time phrase needs)
        for m in unread_time().finditer(text):
            if any(
                g is not f and g.comparison and not text[g.np_end : m.start()].strip()
                for g in figures
            ):
                continue  # "up from about 2,100 a year earlier": the date of the figure before it
            lo, hi = sorted((f.end, m.start()))
            if NEXT_CLAUSE.search(text, lo, hi):
                continue  # "Six grew up here, and between January and September they raised"
            if not any(g is not f and lo <= g.start <= hi for g in figures):
                return "unread_phrase"
        return "section"


_CLAUSE_END = re.compile(r"[,;:]")
# The words that open a sentence up to its first mark, past a speaker's mark ("A: Fintech, ...").
_LEADING_WORDS = re.compile(r"[\W_]*(?:[A-Z]\s*:\s*)?([^,.;:!?()]+)")
_CLUSTER_NAME_WORDS = 3
# A sentence that opens with a cluster as its subject (group 1: its name).
_OPENING_CLUSTER = re.compile(
    r"[\W_]*(?:[\w'’-]+['’]s\s+|the\s+|its\s+|our\s+)?([^,.;:!?()]+?)\s+cluster\b", re.I
)
_CLUSTER_WORD = re.compile(r"\bclusters?\b", re.IGNORECASE)
_OPENING_PRONOUN = re.compile(r"[\W_]*(?:it|its|they|their)\b", re.IGNORECASE)
_EXISTENTIAL_REACH = 3  # sentences back


@cache
def _cluster_subject() -> re.Pattern[str]:
    """A sentence whose subject it calls a cluster: "(a) FinTech: FinTech remains Cyberport's
    largest cluster" (group 1: the subject's words)."""
    verbs = phrases_re(lexicon()["figures"]["cluster_copulas"])
    return re.compile(
        rf"[\W_]*(?:{ENUMERATOR}\s*)?(?:[^,.;:!?()]{{1,40}}:\s*)?"  # "(a) FinTech: "
        rf"([^,.;:!?()]+?)\s+(?:{verbs})\s[^.;!?]*?\bclusters?\b",
        re.IGNORECASE,
    )


def _designated(s: str, start: int) -> bool:
    """Whether the figure at `start` follows a capitalised word that is not the sentence's
    first ("on Level 3", "Phase 2 opens"): a number that names a thing."""
    lead = _LEADING_WORDS.match(s)  # (past a speaker's mark: "A: Roughly 370." opens)
    m = _WORD_BEFORE.search(s, lead.start(1) if lead else 0, start)
    return m is not None and m.group(1)[0].isupper()
