"""Turn each section of a read document into dated claims about the tracked organisation.

The document is read whole first (document_model.py). Each figure's owner, metric and date
come from the best evidence at hand, each part with its source (the sentence's own words, a
heading, the sentence before, the document's organisation ...); scoring.py weighs the sources
and makes a claim whose evidence is weak a `candidate` with its reasons, for a reviewer.

Decisions worth knowing:
- A claim needs a date. The sentence's own date wins, then the section's, then the
  document's; a figure with none of these is not emitted.
- A figure dated after its section (a target, "by 2030") is not emitted; neither is one in a
  clause that speaks of plans ("aims to", "will").
- A period ("in the past year alone") makes a flow only of a cumulative metric (funding,
  unicorns, ...); on a stock such as `companies` it is ignored.
- A figure repeated in one document is one claim: the first occurrence's quote and span
  (the first sure one's, when an earlier one is a candidate), the most informative
  qualifier (any stated qualifier beats none, so "expanded to 35 markets" and "over 35
  markets" give `over`), and a flag only if every occurrence carries it. A
  repeat with no date of its own (a headline, the About paragraph) of a figure the
  document dates elsewhere is that dated claim.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache, partial

from db.records import Claim, ReadDocument, Section
from etl.config import ExtractConfig, load_config
from etl.extract.asof import DatePhrase
from etl.extract.attribution import Attribution, attribute
from etl.extract.box_rows import box_lead, under_money_heading
from etl.extract.campus_figures import campus_counts
from etl.extract.claim_context import (
    anothers_sentence,
    coordinated,
    heading_disagrees,
    its_own_company,
    one_of_a_set,
    owner_before,
    parts_of_total,
    we_at_figure,
)
from etl.extract.claim_record import Found, build_claim
from etl.extract.clauses import clause_start
from etl.extract.compared_dates import compared_date
from etl.extract.context_cues import back_subject
from etl.extract.document_model import DocumentModel, build_model
from etl.extract.doubtful_figures import (
    at_one_competition,
    breaks_down_an_intake,
    cohort_before,
    cohort_founders,
    group_record_after,
    intake_part_after,
    intake_set_part,
    joins_one_cohort,
    one_groups_record,
    one_intake,
    share_of_founders,
)
from etl.extract.fact_box import (
    box_date,
    box_owner,
    in_fact_box,
    is_box_value,
    row_parent,
)
from etl.extract.figure_dates import as_of_parts, date_for, recorded_before
from etl.extract.figure_sets import part_of_set
from etl.extract.group_figures import READ_SOURCES
from etl.extract.group_records import group_subject_record
from etl.extract.mentions import possessor_opens
from etl.extract.metrics import (
    cluster_metrics,
    intake_metrics,
    location_metrics,
    place_metrics,
    placed_metrics,
)
from etl.extract.plausible import doubt_fractions, doubt_implausible, doubt_tenfold
from etl.extract.prefilter import may_count_metric
from etl.extract.programme_figures import programme_intakes
from etl.extract.respectively import respective, respective_sets
from etl.extract.rest_of_set import (
    is_carried_total,
    is_the_rest,
    is_the_whole,
    opens_with_its_set,
    with_flow_parts,
    with_the_rest,
)
from etl.extract.restated import dedupe, drop_converted, drop_restated
from etl.extract.scoring import Evidence, decide, weights
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.sentence_context import SentenceContext
from etl.extract.sentence_figures import find_figures
from etl.extract.sentences import split_paragraphs
from etl.extract.stated_dates import heading_year, sentence_dates
from etl.extract.table_claims import table_claims
from etl.extract.timeline import Timeline
from etl.extract.translated import reading_config
from etl.extract.whole_note import whole_text_note, within_year

EXTRACTOR_VERSION = "1.145.0"

# Figures with no noun of their own, whose sentence goes on with the one before's subject.
_NOUNLESS = frozenset({"predicate", "previous", "question", "comparison", "existential"})
# Owners a fact box's lead-in, heading or table settles.
_WEAK_OWNERS = frozenset({"document", "unsure", "topic", "descriptive"})
_LABEL_LINE = re.compile(r"[^:\n]{2,60}:[ \t]*[^\s:][^:\n]{0,30}")


@cache
def default_config() -> ExtractConfig:
    """The configuration named by $TRACKED_ENTITY_CONFIG, else the packaged default."""
    return load_config()


def extract_claims(doc: ReadDocument, config: ExtractConfig | None = None) -> list[Claim]:
    """Every figure about the tracked organisation (and others, if so configured), deduplicated."""
    found = _found(doc, config or default_config())
    refs = {s.index: s.published_on or doc.published_on for s in _sections(doc)}
    return drop_converted(drop_restated(dedupe([(c, step) for c, step, _ in found]), refs))


def claims_with_evidence(
    doc: ReadDocument, config: ExtractConfig | None = None
) -> list[tuple[Claim, Evidence]]:
    """Every claim as found, before repeats are merged, with the evidence it was scored on."""
    return [(c, e) for c, _, e in _found(doc, config or default_config())]


def _sections(doc: ReadDocument) -> tuple[Section, ...]:
    return doc.sections or (Section(0, 0, len(doc.text), doc.published_on, doc.date_source),)


def _found(doc: ReadDocument, config: ExtractConfig) -> list[Found]:
    config = reading_config(config, doc.text)
    model = build_model(doc.text, config, doc.title)
    claims: list[Found] = []
    for section in _sections(doc):
        ref = section.published_on or doc.published_on
        claims.extend(_section_claims(doc.text, section, ref, config, model))
    doubted = doubt_fractions([doubt_implausible(c, config) for c, _, _ in claims], config)
    doubted = doubt_tenfold(doubted, config)
    return [(c, step, e) for c, (_, step, e) in zip(doubted, claims, strict=True)]


def _section_claims(
    text: str, section: Section, ref: date | None, config: ExtractConfig, model: DocumentModel
) -> list[Found]:
    whole = section.char_start == 0 and section.char_end == len(text) and model.paragraphs
    paragraphs = (
        list(whole) if whole else split_paragraphs(text, section.char_start, section.char_end)
    )
    view = SectionView(text, paragraphs, config, model=model)
    timeline = Timeline(view, section.char_start, section.char_end, ref)
    tables = [t for t in model.tables if section.char_start <= t.start < section.char_end]
    out: list[Found] = []
    for t in tables:
        out.extend(table_claims(view, t, section, ref, timeline))
    last_owner: dict[SentenceId, Attribution] = {}  # the last figure's owner, by sentence
    for sid in view.candidates(section.char_start, section.char_end):
        if tables and any(t.start <= view.sentence(sid).start < t.end for t in tables):
            continue  # read as a table
        out.extend(_sentence_claims(sid, view, section, ref, timeline, last_owner))
    return out


def _text_before(view: SectionView, sid: SentenceId) -> str:
    prev = view.previous(sid)
    return view.sentence_text(prev) if prev is not None else ""


def as_part(owner: Attribution) -> Attribution:
    """The owner of a set as the owner of a part of it ("..., and that 16 of them were ..."):
    no surer of the part than of the set."""
    w = weights()["owner"]
    return owner if w.get(owner.how, 0.0) < w["set"] else replace(owner, how="set")


def _sentence_claims(
    sid: SentenceId,
    view: SectionView,
    section: Section,
    ref: date | None,
    timeline: Timeline,
    last_owner: dict[SentenceId, Attribution],
) -> list[Found]:
    text, config = view.text, view.config
    s = view.sentence(sid)
    if config.other_entities != "keep" and (
        (not view.may_be_tracked(sid) and not owner_before(view, sid, last_owner))
        or anothers_sentence(view, sid)  # (or the owner before); "Lingang Group has ..."
    ):
        return []
    context = SentenceContext(view, sid)
    if not (
        may_count_metric(text, s.start, s.end)
        or context.may_name_metric()
        or context.counts_existing()  # "Today there are over 1,500"
        or _LABEL_LINE.fullmatch(text, s.start, s.end)  # "- Web3: 190+": a set's name
    ):
        return []
    sent = text[s.start : s.end]
    parent = row_parent(text, s.start, config) if "\n" not in sent else None
    label = view.label_end(sid) - s.start  # a speaker's "ERIC CHAN: ", read as blank
    said = " " * label + sent[label:] if label > 0 else sent
    figures = find_figures(said, config.bare_dollar, keep_bare=True, keep_planned=True,
                           parent=parent)  # fmt: skip
    figures = with_the_rest(sent, figures)  # "...; the rest, around 400, work elsewhere"
    figures = campus_counts(sent, figures, config)  # "220 were located at Cyberport"
    year_ref = timeline.ref_at(sid)  # what a date without a year is read against
    figures = with_flow_parts(sent, figures, year_ref)  # "..., including 78 in the past year"
    # (before the metrics are read: a run's figures with no noun share the first's)
    figures, by_period = respective(sent, figures, year_ref, partial(_text_before, view, sid))
    figures = respective_sets(sent, figures)  # "FinTech and Web3 ... 450 and 150 respectively"
    kept = [
        (i, g)
        for i, f in enumerate(figures)
        if not share_of_founders(sent, f.end, f.unit) and (g := context.metric_for(f)) is not None
    ]  # ("40 per cent of its founders": no share of companies)
    if not kept:
        return []
    figures = [g for _, g in kept]
    respective_dates = {k: by_period[i] for k, (i, _) in enumerate(kept) if i in by_period}
    figures = programme_intakes(sent, figures, view.model, config.bare_dollar)  # "the CIP has ..."
    if context.answers_a_plan():  # "Q: What will success look like in 2025?" / "A: 3,000 ..."
        figures = [replace(f, planned=True) for f in figures]
    mentions = view.mentions_of(sid)
    speaks = any(m.kind == "first_person" for m in mentions)  # whose words: asked only then
    dates: list[DatePhrase] | None = None  # the sentence's own, read when a figure needs them
    out: list[Found] = []
    owners: list[Attribution | None] = []  # the owner found for each figure before
    set_part_at = -2  # the last figure counted as a part of an intake or a class (none yet)
    whole_before = partial(context.previous, whole=True)  # (read only if a test needs it)
    parts = parts_of_total(sent, figures)
    for i, f in enumerate(figures):
        owners.append(None)
        if i in parts:
            continue  # a part of a total the sentence goes on to give
        if f.unit == "count" and under_money_heading(view, sid):
            continue  # a row of sums under "$ million": no count
        a = s.start
        counts_places = f.metric.metric in place_metrics() or f.metric.metric in placed_metrics()
        who = attribute(
            text,
            (s.start, s.end),
            (a + f.start, a + f.end),
            a + f.np_end,
            mentions,
            partial(view.topic_before, sid),
            we_at_figure(view, sid, a + f.start, mentions) if speaks else None,
            config,
            counts_places,
        )
        if (
            who is None
            and i
            and owners[i - 1] is not None
            and (
                part_of_set(sent, f.start, f.end)
                or is_the_rest(sent, f.start)
                or is_the_whole(sent, f.start)
                or is_carried_total(sent, f.start)
            )
        ):  # "2,000 companies, seven of which ...", "...; the remaining 400", "out of 2,300"
            who = as_part(owners[i - 1])
        if i and owners[i - 1] is not None and who != owners[i - 1] and not f.comparison:
            prev_f = figures[i - 1]
            if coordinated(sent, prev_f.np_end, f.start) and not any(
                a + prev_f.start <= m.start < a + f.start for m in mentions
            ):  # "..., which counts 2,300 companies and nine unicorns": the same owner's
                who = owners[i - 1]
        if who is not None and who.how == "speaker" and one_of_a_set(sent, f.start, f.end):
            main = view.model.main  # "we were one of about 150 start-ups admitted to its
            who = main if main is not None and main.tracked else None  # programmes": not ours
        if who is not None and who.how == "pronoun" and its_own_company(sent, f.start, config):
            who = None  # "Tidewave Games, a studio based at Cyberport, ... its title ..."
        if who is not None and who.how == "pronoun" and not who.tracked:  # "Their products"
            who = (
                context.plural_of_counted(mentions, a + f.start, last_owner.get(view.previous(sid)))
                or who
            )
        if (
            who is None
            # "... spent their early years there"; "Three grew up here. Two have listed."
            and (
                context.points_back(mentions, a + f.start)
                or (
                    back_subject().match(sent, 0, f.start) is not None
                    and not any(m.start < a + f.start for m in mentions)
                )
                or f.source in _NOUNLESS
                or (  # "Fintech remains the largest cluster" (not "Saudi Arabia's 147 fintechs")
                    f.metric.metric in cluster_metrics()
                    and not possessor_opens(
                        mentions, clause_start(text, s.start, a + f.start), a + f.start
                    )
                )
            )
        ):
            prev = last_owner.get(view.previous(sid))
            who = replace(prev, how="previous") if prev is not None else None
        if (
            (who is None or who.how == "after")
            and not i
            and (opens_with_its_set(sent, f.start) or part_of_set(sent, f.start, f.end))
        ):  # "Among them are 450 AI companies", "About 70 per cent of them are local"
            prev = last_owner.get(view.previous(sid))
            who = as_part(prev) if prev is not None else who
        who = found = (
            who
            or context.fallback_owner(mentions, a + f.start, counts_places)
            or (context.recipient_owner(a + f.end) if f.unit not in ("count", "percent") else None)
            or context.unsure_owner(mentions, a + f.start, a + f.np_end)
        )
        if (who is None or who.how in _WEAK_OWNERS) and is_box_value(text, s.start + f.start):
            located = f.metric.metric in location_metrics()
            who = box_owner(view, s.start + f.start, who, mentions, located)
        if i == len(figures) - 1 and (
            who is None or (not who.tracked and config.other_entities != "keep")
        ):
            continue  # no claim, and no figure after it reads its owner: its date is not read
        if dates is None:
            dates = sentence_dates(sent, year_ref, timeline, sid, text)
        when = respective_dates.get(i) or date_for(sent, f, figures, dates, i)
        if when is None and f.comparison:
            when = compared_date(view, sid[0], ref)  # (under "..., compared with 2020:")
            if when is None:
                continue  # an earlier value needs its own date
        if f.planned and recorded_before(sent, f, when, ref):
            f = replace(f, planned=False)  # "will top 200, double the 110 recorded in mid-2022"
        if f.planned and (when is None or when.as_of is None or ref is None
                          or when.as_of.year != ref.year):  # fmt: skip
            continue  # a plan: only one for the year in hand may be a reviewer's to judge
        if (
            when is None
            and is_box_value(text, s.start + f.start)
            and in_fact_box(text, s.start + f.start)
        ):
            when = box_date(view, timeline, sid, sent[: f.start], year_ref)  # (not carried)
        elif when is None:
            when = (
                timeline.flow_end(sid, sent[: f.start])
                or (
                    timeline.set_date(sid)
                    if opens_with_its_set(sent, f.start) and not view.in_list(sid)
                    else None
                )  # (a list's "of which" line stands where its list does)
                or within_year(timeline.carried(sid), text, ref)
                or timeline.bracket_note(sid)
                or heading_year(view, s.start)
                or whole_text_note(text, ref)
            )
        as_of, precision, period = as_of_parts(
            when, ref, f.metric.metric, f.planned, f.increment or f.source == "share"
        )
        if f.source == "total":
            period = None  # "... during the year, lifting the total to HK$1.75 billion": a stock
        read = f.source in READ_SOURCES
        set_part = intake_set_part(sent, f.start, f.end, f.unit, f.metric.metric) or (
            set_part_at == i - 1 and f.source == "predicate"  # "..., 22 work in AI": the same
        )  # set's (after "Thirty-one of today's graduates are FinTech companies")
        set_part_at = i if set_part else set_part_at
        cohort: bool | None = None  # cohort_part, once (read only when intake_set_part is false)
        if (
            set_part
            or at_one_competition(sent, f.np_end, f.metric.metric)  # (within a period too)
            or (  # "The 88 new incubatees break down by sector as follows:" over its rows
                (is_box_value(text, s.start + f.start) or view.in_list(sid))
                and breaks_down_an_intake(box_lead(view, sid))
            )
            or (view.in_list(sid) and one_groups_record(box_lead(view, sid)))  # "the 21
            # graduates have:" over "- raised HK$48 million ...": the class's own record
            or group_record_after(sent, context.previous)  # "Between them they have ..."
            or (  # "the graduating start-ups raised HK$1.6 billion": one class's record
                f.metric.metric not in intake_metrics()
                and group_subject_record(sent, f.start, context.previous)
            )
            or (  # "this year's graduating cohort ... won 41 awards": its record, in any span
                f.metric.metric not in intake_metrics()
                and (cohort := cohort_before(sent, f.start, f.unit))
            )
        ) or (
            period is None
            and (
                (read and one_intake(sent, f.end, f.metric, f.qualifier, f.unit))
                or (cohort_before(sent, f.start, f.unit) if cohort is None else cohort)
                or intake_part_after(sent, (f.start, f.end), f.metric.metric, whole_before)
                or cohort_founders(sent, f.start, f.metric.metric, whole_before)
                or joins_one_cohort(sent, f.end, f.metric.metric)
            )
        ):
            f = replace(f, source="activity")  # "welcomed 48 start-ups into the latest cohort"
        if as_of is None or (f.increment and period is None):
            continue  # an addition is a claim only as a flow over a stated period
        owners[i] = found  # (a figure its date drops gives none to the figure after it)
        if who is not None and who.tracked:
            last_owner[sid] = who  # (a stranger's sentence may be skipped unread: not kept)
        if who is None or (not who.tracked and config.other_entities != "keep"):
            continue
        date_source = "stated" if when is not None else context.undated_source(f, figures)
        if when is None and heading_disagrees(view, s.start, as_of):
            date_source = "unread_phrase"  # "## 3 June 2024 — ..." over a May section: unsure
        if f.planned:
            date_source = "planned"  # "... will stand at 2,400 by the end of this year"
        evidence = Evidence(who.how, f.source, date_source, context.owner_sure(who))
        decision = decide(evidence)
        if decision is None:
            continue
        claim = build_claim(f, who, as_of, precision, period, s, sent, section, config)
        if decision.status != "auto":
            claim = replace(claim, status=decision.status, unsure=decision.unsure)
        out.append((claim, f.number.step, evidence))
    return out
