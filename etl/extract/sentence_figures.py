"""The figures of one sentence: number, currency, qualifier, noun phrase and metric together."""

from __future__ import annotations

import re
from dataclasses import replace

from etl.extract.candidates import (
    bare_metric,
    intake_subject,
    is_generic,
    set_member,
)
from etl.extract.carried_metrics import carried_metric
from etl.extract.doubtful_figures import does_something, doubtful
from etl.extract.earlier_figures import counted_start, earlier, whole_before_parts
from etl.extract.ellipsis import gapped
from etl.extract.figure import PART_SOURCES, UNSURE_SOURCES, Figure
from etl.extract.figure_cues import (
    cues,
    fast_cues,
    further_cue,
    not_counted,
    word_cues,
)
from etl.extract.figure_lists import next_of_ranking, opens_with_and, shared_noun
from etl.extract.figure_sets import NUMBER_OF, of_a_set, part_of_set
from etl.extract.figure_spans import figure_spans
from etl.extract.figure_text import glued
from etl.extract.figure_words import (
    change_target,
    clause_of,
    noun_first,
    own_clause,
)
from etl.extract.group_figures import group_source
from etl.extract.lexicon import expand_shorthand, safe_lower
from etl.extract.metric_sources import (
    MAX_LABEL_WORDS,
    ROW_CELL,
    intake_verb,
    label_before,
    label_metric,
    members_among,
    number_of,
    number_of_after,
    paired_label,
    row_value,
)
from etl.extract.metrics import (
    classify,
    cluster_metrics,
    intake_metrics,
    wants_context,
    whole_named,
)
from etl.extract.money import unit_in_label
from etl.extract.narrower_predicates import narrower_predicate
from etl.extract.narrowing import (
    admitted_cluster,
    clause_end_after,
    cluster_after,
    cluster_before,
    cluster_where,
    opening_cluster,
    verb_in_phrase,
)
from etl.extract.numbers import NumberMention, scaled
from etl.extract.plans import of_a_plan
from etl.extract.qualifiers import qualifier_before
from etl.extract.rest_of_set import more_elsewhere
from etl.extract.translated_figures import noun_before, plural

_COMPOUND = re.compile(r"-[^\W\d_]")
# From an addition's figure to the next figure of its list: "two more reached X and two ...".
_NEXT_IN_LIST = re.compile(r"[^;:.!?]{0,80}?(?:,|\band)\s*")


def _told_share(n: NumberMention) -> bool:
    """A share told in words ("half", "three in four")."""
    return n.percent and n.words


def _one(n: NumberMention) -> bool:
    """A single one: "one of 120 start-ups" names a member of a set, not a count."""
    return n.value == 1 and not n.percent


# A sign written on a figure ("+35", "−12", "+HK$2 billion") makes it a change, not a level.
# (The sign opens the pattern, so that the engine skips to a sign: as r"(?<![\w.,+\-−])[+−]$".)
_SIGNED = re.compile(r"[+−](?<![\w.,+\-−][+−])$")


# Between a part and its whole, the whole's owner named ("183 of the community's 328 ...").
_WHOLE_OF_PART = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|our\s+)?[\w'’-]+['’]s\s+")
_STRONG = re.compile(r"[-\s]strong\b", re.IGNORECASE)
_STRONG_ALONE = re.compile(r"\s*strong\s*", re.IGNORECASE)


def find_figures(
    s: str,
    bare_dollar: str = "HKD",
    keep_bare: bool = False,
    keep_planned: bool = False,
    parent: str | None = None,
) -> list[Figure]:
    """The figures in sentence `s` that count a catalogue metric, in order.

    `keep_bare`: also give the figures with no noun and no metric of their own (metric None,
    source "bare"), for a heading or the sentence before to name what they count.
    `keep_planned`: also give the figures of clauses about plans or targets (`planned`).
    `parent`: the label of the row `s` is a sub-row of ("Companies: 900" over "- on site:
    500"); a label naming no metric of its own is read after it.
    """
    found = figure_spans(s, bare_dollar, keep_bare)
    if found is None:
        return []
    spans, by_number, garbled_sentence = found
    delta_before, compared, _, portfolio = fast_cues()
    low = safe_lower(s)
    out: list[Figure] = []
    uncounted: set[str] = set()  # units of earlier figures that count nothing
    uncounted_at = -2  # the last figure that counts nothing (none yet)
    added: int | None = None  # where the last figure of an addition ("two more") ends
    one_of = -1  # the figure that picks one out of the next ("one of 120 start-ups")
    for i, (n, start, end, np_end, after_q, np_from, measured) in enumerate(spans):
        money = by_number.get(n.start)
        unit = money.currency if money else ("percent" if n.percent else "count")
        kind = "money" if money else unit
        q_name, q_start = qualifier_before(s, start)
        qualifier = after_q or q_name
        before = s[:q_start]
        signed = ("+" in before[-2:] or "−" in before[-2:]) and _SIGNED.search(before)
        further = further_cue().search(before) or bool(signed)
        if (
            delta_before.search(before)
            and not cues()["not_delta"].search(before[-40:])
            and not (out and out[-1].source in PART_SOURCES and further)
            and not (further and keep_bare)  # "a further 38 were admitted": an addition
        ):
            continue  # "grew by 300" (but "..., with a further 800 offsite" is another part)
        if portfolio.search(before) or (
            cues()["ordinal"].search(before[-12:])
            and not (kind == "count" and cues()["first_admitted"].search(before[-40:]))
        ):
            continue  # "invested in 10 companies", "their first HK$500,000"
        if cues()["limit"].search(before, max(0, len(before) - 60)) or cues()["group_size"].search(
            before, max(0, len(before) - 40)
        ):
            continue  # "raise the intake quota of the CIP from 48 to 60 places": a limit;
            # "with a team of five": people
        if n.words and cues()["not_a_count"].match(s, end):
            continue  # "one of the largest clusters"
        if n.value == 1 and cues()["one_of"].match(s, start):
            one_of = i
            continue  # "one of 120 start-ups": the 120 is the count
        if (
            n.words
            and not n.ordinal
            and cues()["definite"].search(before[-12:])
            and not cues()["definite_set"].match(s, end)
        ):
            continue  # "the two companies signed": known things, not a count
        if (
            i
            and one_of != i - 1
            and not _told_share(spans[i - 1][0])
            and cues()["whole"].match(s[spans[i - 1][2] : start])
            and not cues()["whole_of_community"].match(s, end)
        ):
            continue  # "Nine of the 14 awards": the whole is someone else's count (not "almost
            # half of the 88 start-ups admitted": the share of a set, the set counted)
        if _one(n) and i + 1 < len(spans) and cues()["member"].match(s[end : spans[i + 1][1]]):
            one_of = i
            continue  # "one of nine unicorns": a member of the set the next figure counts
        clause = own_clause(clause_of(before))
        low_before = None if low is None else low[:q_start]  # (`before` lower-cased)
        low_clause = None if low is None else low[q_start - len(clause) : q_start]
        planned = of_a_plan(s, end, before, clause, low_clause, out[-1].planned if out else None)
        if planned and not keep_planned:
            continue
        np = full_np = s[np_from:np_end]
        if np_from == end and opens_with_and(np):  # "around 320 and digital entertainment
            np, np_end = "", np_from  # companies around 190": the next one's words
        increment = further and keep_bare and not (out and out[-1].source in PART_SOURCES)
        other_part = more_elsewhere(s, np_from, out[-1], kind, n.value) if out and np else None
        if other_part is not None:  # "800 of them on our campus, and 1,000 more elsewhere"
            np, np_end = "", np_from
        if not_counted(np):
            if cues()["delta_after"].match(np):
                added = end  # "two more reached unicorn status and two listed": both added
            if not (keep_bare and cues()["delta_after"].match(np)):
                uncounted.add(unit)  # ("1,480 applications": what a comparison after is of)
                uncounted_at = i
                continue
            increment, np = True, ""  # "40 more joined": a flow at most, never a level
        if np and cues()["not_a_noun"].match(expand_shorthand(np)):
            np, np_end = "", np_from  # "stood at 88 last year": no noun of its own
        elif np and kind == "count" and cues()["participle_field"].match(s, np_from):
            np, np_end = "", np_from  # "close to 200 working in AI": its predicate
        if not np and np_from == end and _COMPOUND.match(s, end):
            continue  # "a 24-month programme", "two-person studios": a measure, not a count
        window_start = max(before.rfind(","), before.rfind(";"), len(before) - 100, 0)
        if i and one_of == i - 1:  # "X joined the programme and is one of 1,300 companies":
            window_start = max(window_start, spans[one_of][2])  # the set's words, not X's
        ctx_before = before[window_start:]
        nxt = spans[i + 1][1] if i + 1 < len(spans) and kind == "count" else None
        clause_end = clause_end_after(s, np_end, nxt)  # (a sum's reads on: "and its shares rose")
        ctx_after = s[np_end:clause_end]
        match = classify(np, ctx_before, ctx_after, kind, n.value, before)
        source = "noun"
        if other_part is not None:
            match, source = other_part, "predicate"
        if match is not None and match.metric in cluster_metrics() and kind == "count":
            match = admitted_cluster(s, np, np_end, ctx_before, before, n.value) or match
        if is_generic(match) and (intake := intake_subject(s, q_start, kind, n.value)):
            match, source = intake, "subject"  # "This year's intake stands at 38 start-ups"
        if match is None and i + 1 < len(spans):  # "900 onsite and 1,100 offsite start-ups"
            found = shared_noun(s, np, np_end, spans[i + 1], (ctx_before, ctx_after, before),
                                kind, n.value)  # fmt: skip
            if found is not None:
                match, np = found
        if match is None:
            nof = NUMBER_OF.search(clause_of(before))
            if nof:
                match, source = number_of(s, len(before) - len(clause_of(before)) + nof.end(),
                                           q_start, kind, n.value), "number_of"  # fmt: skip
            elif (carried := number_of_after(s, before, end, kind, n.value)) is not None:
                match, source = carried, "number_of"  # "brings to six the number of ..."
        labelled = False
        pair = paired_label(before) if match is None and not np.strip() else None
        if pair and (named_pair := label_metric(pair, kind, n.value)) is not None:
            match, source, labelled = named_pair, "label", True  # "Onsite / offsite: 688 / 733"
        elif (
            match is None
            and not np.strip()
            and not of_a_set(s, end)  # "Our best-known cluster: 80 of our companies work ..."
            and (label := label_before(before))
        ):
            if kind == "count" and (given := unit_in_label(label.group(1), bare_dollar)):
                unit, kind = given[0], "money"  # "Funds raised (HK$ bn): 18.9": HK$18.9 billion
                n = replace(n, value=scaled(n.value, given[1]), step=scaled(n.step, given[1]),
                            mult=given[1])  # fmt: skip
            match = label_metric(label.group(1), kind, n.value)  # "- Unicorns: 7"
            if match is None and parent:  # "Companies: 900" / "- of which abroad: 300"
                match = label_metric(f"{parent} {label.group(1)}", kind, n.value)
            source, labelled = "label", True
        elif is_generic(match) and np.strip() and (label := label_before(before)):
            named = set_member(label.group(1).strip(" *_"), kind, n.value)
            if named is not None:  # "- FinTech: over 450 companies": the cluster's
                match, source, labelled = named.match, "label", True
        passing = q_name == "over" and q_start == start  # "membership passes 2,300": a clause
        if (
            match is None
            and not np.strip()
            and not passing
            and not (out and compared.search(before))  # "- Unicorns: 9, up from 3": compared
            and row_value(s, before, end, i == len(spans) - 1)
        ):
            # "Unicorns nurtured 3": a row of a table as text; its label is in its own column
            words = ROW_CELL.split(before)[-1].strip(" \t*_-•")  # (a cell, or a clause)
            if 0 < len(words.split()) <= MAX_LABEL_WORDS:
                match, source = label_metric(words, kind, n.value), "label"
        if (
            match is None
            and out
            and out[-1].metric is not None
            and out[-1].metric.metric in intake_metrics()
            and cues()["part_in_period"].match(s, end)
        ):
            match, source = out[-1].metric, "partitive"  # "300 start-ups, 41 of them in 2010"
        comparison = False
        if (
            match is None
            and not np.strip()
            and (compared.search(before) or change_target(before, counted_start(out)))
        ):
            comparison = True  # "up from 30 a year earlier": the value compared with
            whole = whole_before_parts(s, out, start)  # (not the last part of a breakdown)
            prev = out[whole] if whole is not None else out[-1] if out else None
            if prev is not None and NUMBER_OF.search(s, prev.np_end, start):
                prev = None  # "..., while the number of applications rose from 212 to 467"
            if prev is not None and prev.unit == unit and prev.metric is not None:
                match, source = prev.metric, "comparison"
            elif unit in uncounted and (prev is None or prev.unit != unit):
                continue  # "1,480 applications, compared with 1,120 in 2018/19": none either
            elif any(g.unit == unit for g in out):
                continue  # "The occupancy rate was 89 per cent, compared with 94 per cent a
                # year earlier": compared with the 89, which counts nothing
        if (
            match is None
            and not np.strip()
            and (carried := carried_metric(s, before, low_before, out, (unit, kind, n.value),
                                           (len(before) - len(clause), clause_end))) is not None
        ):  # fmt: skip
            match, source = carried  # "..., taking the total to HK$40 billion"
        if match is None and np.strip() and n.value > 1 and not n.words:  # "1200 company"
            # (translated text; a word before a singular is a name: "a Big Four firm")
            match = classify(plural(np), ctx_before, ctx_after, kind, n.value, before)
        if match is None and measured:  # "start-up enterprise about 800 home"
            found = noun_before(s, q_start, kind, n.value, np)
            if found is not None:
                match, source = found
        if (
            match is None
            and not np.strip()
            and kind == "count"
            and "|" not in s
            and (got := noun_first(before))
        ):
            match, source = got, "label"  # "Cyberport cos ~600 as of end-June", wire shorthand
        if (
            kind == "count"
            and (match is None or (source == "noun" and is_generic(match)))
            and (ranked := next_of_ranking(before, out))
        ):  # "..., followed by smart living with about 290 and digital entertainment with 180"
            match, source = ranked, "cluster"
            if opens_with_and(np):
                np, np_end = "", np_from  # (" and digital entertainment": the next one's)
        if match is None and _STRONG_ALONE.fullmatch(np):
            np, np_end = "", np_from  # "the community is some 1,700 strong": no noun of its own
        if match is None:
            found = bare_metric(s, np_from, kind, n.value, bool(np.strip()), start)
            if found is not None:
                match, source = found
            elif (
                kind == "count"
                and not np.strip()
                and n.value > 1
                and not measured  # ("community company break through 1,700 home")
                and not _OF_AFTER.match(s, end)  # ("made up 53 of the admissions": a part)
                and not whole_named(s, start)
                and (named := cluster_after(s, end) or cluster_before(before))
            ):
                match, source = named, "cluster"  # "The Web3 cluster reached around 270"
        elif (
            source == "noun"
            and is_generic(match)
            and not word_cues()["community_of"].search(before, low_before)
            and not (i and _WHOLE_OF_PART.fullmatch(s, spans[i - 1][2], start))
        ):  # (not "183 of the community's 328 companies were on campus": the part's predicate)
            found = narrower_predicate(s, np_end, kind, n.value) or verb_in_phrase(
                np, kind, n.value
            )
            if found is not None:
                match, source = found
            elif (
                (
                    word_cues()["subgroup"].search(before, low_before)
                    or word_cues()["field"].search(before, low_before)
                )
                and not whole_named(s, start)
                and (named := cluster_before(before))
            ):
                match, source = named, "cluster"  # "Fintech is the biggest group, 500 firms"
            elif (does_something(s, np_from, np_end) and not _STRONG.match(s, end)) or word_cues()[
                "subgroup"
            ].search(before, low_before):
                source = "activity"  # "18 start-ups joined the trip": no size of the community
                # (not "its 1,600-strong community ... will benefit": a size, whatever it does)
        source = group_source(
            s, (start, np_from, np_end, clause_end), before, low_before,
            ctx_before + s[start:np_end] + ctx_after, kind, match, source, out,
        )  # fmt: skip
        if source == "noun" and kind == "count" and is_generic(match) and not whole_named(s, start):
            # "Fintech is the biggest cluster, with 300 firms"; "in AI, where we have 200 firms"
            named = cluster_before(before) or cluster_where(before)
            if named is None and not any(g.unit == "count" for g in out):
                named = opening_cluster(s)  # (its first count: later ones may be others')
            if named is not None:
                match, source = named, "cluster"
        if (
            source == "predicate"
            and match is not None
            and match.metric in cluster_metrics()
            and out
            and out[-1].metric is not None
            and out[-1].metric.metric == match.metric
            and part_of_set(s, start, end)
        ):
            source = "doubtful"  # "a cluster of 160 firms, around 40 of which are esports firms"
        if match is not None and source not in UNSURE_SOURCES and doubtful(
            s, (start, end, np_end), np, before, ctx_before + s[start:np_end] + ctx_after,
            kind, match, is_generic(match), earlier(out),
        ):  # fmt: skip
            source = "doubtful"  # "45 were admitted, 17 of them in smart living": a part
        if match is None:
            if keep_bare and not labelled and np.strip() and wants_context(np, kind):
                source = "context_noun"  # "25 countries": what its surroundings say of them
            elif not (keep_bare and not np.strip()) or labelled:
                uncounted.add(unit)
                uncounted_at = i
                continue  # (a labelled value whose label names no metric counts none)
            else:
                source = "bare"
        elif uncounted_at == i - 1 and members_among(s, end):
            continue  # "The 26 exhibitors, 19 of them Cyberport incubatees": members among them
        if (
            not increment
            and added is not None
            and _NEXT_IN_LIST.fullmatch(s, added, q_start)
            and classify(np, "", "", kind, n.value) is None  # no noun of its own
        ):
            if not keep_bare:
                continue
            increment = True  # "..., two more reached unicorn status and two listed"
        if (
            match is not None
            and match.metric not in intake_metrics()
            and cues()["in_a_span"].match(s, np_end)
        ):
            increment = True  # "Two listings in one month": a rate, not a level
        if increment:  # its metric comes from what it adds to, unless it is an intake
            intake = full_np and classify(full_np, ctx_before, ctx_after, kind, n.value, before)
            if intake and intake.metric in intake_metrics():
                match, source = intake, "noun"  # "90 new start-ups joined the programme"
            elif (joined := intake_verb(s, np_from, np_end, kind, n.value)) is not None:
                match, source = joined, "predicate"  # "a further 40 start-ups were admitted"
            else:
                match, source = None, "bare"
        out.append(
            Figure(
                start,
                end,
                n,
                unit,
                qualifier,
                np_end,
                match,
                glued(np),
                comparison,
                source,
                increment,
                planned,
            )
        )
    if garbled_sentence or any(f.garbled for f in out):
        out = [replace(f, garbled=True) for f in out]
    return gapped(s, out, lambda t: find_figures(t, bare_dollar))


_OF_AFTER = re.compile(r"\s+of\b")
