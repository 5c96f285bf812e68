"""How sure a claim is: each part (owner, metric, date) scored by where its evidence came from.

A claim whose parts all score at least `sure` is stored as found ("auto"); one with a part
below it is a candidate for a reviewer, with the reasons ("owner?", "metric?", "date?"); one
with a part below `keep` is dropped. The weights live in etl/data/scoring.toml; a model fitted
by `python -m etl train` (etl/data/scoring_model.json) takes their place when it is there.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from etl.extract.lexicon import DATA

MODEL_FILE = DATA / "scoring_model.json"
PARTS = ("owner", "metric", "date")


@dataclass(frozen=True)
class Evidence:
    """Where each part of a claim came from (the sources named in scoring.toml)."""

    owner: str
    metric: str
    date: str
    owner_sure: bool = False  # a document owner beyond doubt (see scoring.toml)


@dataclass(frozen=True)
class Decision:
    status: str  # "auto" or "candidate"
    unsure: tuple[str, ...]
    scores: tuple[float, float, float]  # owner, metric, date


_HAND_ONLY: list[bool] = [False]


@contextmanager
def hand_weights() -> Iterator[None]:
    """Score with the hand weights alone while inside (training must not read its own output)."""
    _HAND_ONLY[0] = True
    weights.cache_clear()
    try:
        yield
    finally:
        _HAND_ONLY[0] = False
        weights.cache_clear()


@cache
def weights() -> dict[str, Any]:
    """The hand weights of etl/data/scoring.toml, with a trained model's weights over them."""
    with (DATA / "scoring.toml").open("rb") as f:
        w = tomllib.load(f)
    if MODEL_FILE.is_file() and not _HAND_ONLY[0]:
        trained = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        keep = w["thresholds"]["keep"]
        for part in ("owner", "metric"):
            # A model may make a kept source surer or less sure, never drop it: what the hand
            # weights keep stays at least a candidate for a reviewer.
            w[part] = w[part] | {
                source: max(x, keep) if w[part].get(source, 0.0) >= keep else x
                for source, x in trained["weights"].get(part, {}).items()
            }
    return w


def part_scores(e: Evidence) -> tuple[float, float, float]:
    """The owner, metric and date scores of `e` (0 for a source the weights do not know)."""
    w = weights()
    owner = w["owner"].get(e.owner, 0.0)
    if e.owner_sure:
        owner += w["owner"]["document_sure_bonus"]
    return owner, w["metric"].get(e.metric, 0.0), w["date"].get(e.date, 0.0)


def decide(e: Evidence) -> Decision | None:
    """Auto, candidate (and why) or None (dropped) for a claim with evidence `e`."""
    t = weights()["thresholds"]
    scores = part_scores(e)
    if min(scores) < t["keep"]:
        return None
    unsure = tuple(f"{part}?" for part, x in zip(PARTS, scores, strict=True) if x < t["sure"])
    return Decision("candidate" if unsure else "auto", unsure, scores)
