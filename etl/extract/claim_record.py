"""A claim made from a figure once its owner, date and evidence are settled."""

from __future__ import annotations

from datetime import date

from db.records import Claim, Section
from etl.config import ExtractConfig
from etl.extract.attribution import Attribution
from etl.extract.figure import Figure
from etl.extract.money import to_hkd
from etl.extract.qualifiers import interval
from etl.extract.scoring import Evidence
from etl.extract.sentences import Sentence

Found = tuple[Claim, float, Evidence]  # a claim, the step of its figure, its evidence


def build_claim(
    f: Figure,
    who: Attribution,
    as_of: date,
    precision: str,
    period: str | None,
    s: Sentence,
    sent: str,
    section: Section,
    config: ExtractConfig,
) -> Claim:
    """The claim of figure `f` in sentence `s` (`sent`), with its flags and value bounds."""
    n = f.number
    flags = []
    if f.garbled:
        flags.append("garbled")
    if f.metric.implausible:
        flags.append("implausible")
    if n.high is not None:
        flags.append("range")
    qualifier = "over" if n.high is not None else f.qualifier
    low, high = interval(n.value, n.step, qualifier, n.high, count=f.unit == "count")
    money = f.unit not in ("count", "percent")
    return Claim(
        section_index=section.index,
        entity=who.entity,
        metric=f.metric.metric,
        value=n.value,
        unit=f.unit,
        qualifier=qualifier,
        value_low=low,
        value_high=high,
        value_hkd=to_hkd(n.value, f.unit, config.rates) if money else None,
        as_of=as_of,
        as_of_precision=precision,
        period=period,
        quote=sent,
        char_start=s.start,
        char_end=s.end,
        mention_start=s.start + f.start,
        mention_end=s.start + f.end,
        flags=tuple(flags),
    )
