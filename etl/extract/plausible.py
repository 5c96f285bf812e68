"""A stock figure too small for the whole organisation is a candidate, not a claim.

"35 community companies recruiting", "three award winners", "a US$5 million round": the
organisation's name and a metric's noun are there, but the figure counts an event, a cohort or
one company. Below the least its metric can be for the whole organisation (the tracked
organisation's `[least]`), such a claim goes to a reviewer as "metric?" instead of a chart.
"""

from __future__ import annotations

from dataclasses import replace

from db.records import Claim
from etl.config import ExtractConfig


def too_small(claim: Claim, config: ExtractConfig) -> bool:
    """Whether `claim`, a stock of the tracked organisation, is below its metric's least."""
    if claim.period or claim.entity != config.name:
        return False
    least = dict(config.least).get(claim.metric)
    if least is None:
        return False
    value = claim.value_hkd if claim.unit not in ("count", "percent") else claim.value
    return value is not None and value < least


def doubt_small(claim: Claim, config: ExtractConfig) -> Claim:
    """`claim`, as a candidate ("metric?") when it is too small (see the module doc)."""
    if claim.status != "auto" or not too_small(claim, config):
        return claim
    return replace(claim, status="candidate", unsure=("metric?",))
