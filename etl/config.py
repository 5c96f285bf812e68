"""Which organisation the extractor tracks, and the exchange rates it converts money at."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "tracked.toml"
ENV_VAR = "TRACKED_ENTITY_CONFIG"


@dataclass(frozen=True)
class ExtractConfig:
    """The tracked organisation's name, the names that mean it, and the money settings."""

    name: str = "Cyberport"
    aliases: tuple[str, ...] = ("Cyberport",)
    place_words: tuple[str, ...] = ()
    rates: dict[str, float] = field(default_factory=lambda: {"USD": 7.8, "RMB": 1.08})
    other_entities: str = "skip"  # "skip" or "keep"
    bare_dollar: str = "HKD"  # what a "$" with no country means
    # Names a word-by-word translation gives it ("Digital Port"): read only in translated text.
    translated_aliases: tuple[str, ...] = ()
    translated_place_words: tuple[str, ...] = ()
    # The least a stock figure of the whole organisation can be, by metric (money in HK$).
    least: tuple[tuple[str, float], ...] = ()
    # The years over which those floors rise from nothing to their full value (its first years).
    least_ramp: tuple[int, int] | None = None

    def __hash__(self) -> int:
        return hash((self.name, self.aliases, self.place_words, self.other_entities))

    def is_alias(self, name: str) -> bool:
        """Whether `name`, in any case, is one of the names that mean the tracked organisation."""
        return name.lower() in _lower(self.aliases)

    def least_for(self, metric: str, year: int | None = None) -> float | None:
        """The least a stock figure of `metric` can be for the whole organisation, if any: in
        `year`, lower in its first years (`least_ramp`)."""
        least = _by_key(self.least).get(metric)
        if least is None or year is None or self.least_ramp is None:
            return least
        first, full = self.least_ramp
        return least * min(1.0, max(0.0, (year - first) / max(1, full - first)))


@cache
def _lower(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(n.lower() for n in names)


@cache
def _by_key(pairs: tuple[tuple[str, float], ...]) -> dict[str, float]:
    return dict(pairs)


def load_config(path: Path | None = None) -> ExtractConfig:
    """Read a tracked-organisation file: `path`, else $TRACKED_ENTITY_CONFIG, else the default."""
    if path is None:
        env = os.environ.get(ENV_VAR)
        path = Path(env) if env else DEFAULT_PATH
    with Path(path).open("rb") as f:
        data = tomllib.load(f)
    tracked = data.get("tracked") or {}
    name = str(tracked.get("name", "")).strip()
    if not name:
        raise ValueError(f"{path}: [tracked] needs a name")
    aliases = [str(a) for a in tracked.get("aliases", [])]
    if name not in aliases:
        aliases.append(name)
    rates = {str(k).upper(): float(v) for k, v in (data.get("rates") or {}).items()}
    output = data.get("output") or {}
    other = str(output.get("other_entities", "skip"))
    if other not in ("skip", "keep"):
        raise ValueError(f"{path}: other_entities must be 'skip' or 'keep', not {other!r}")
    return ExtractConfig(
        name=name,
        aliases=tuple(sorted(set(aliases), key=len, reverse=True)),
        place_words=tuple(str(p) for p in tracked.get("place_words", [])),
        rates=rates or {"USD": 7.8, "RMB": 1.08},
        other_entities=other,
        bare_dollar=str(output.get("bare_dollar", "HKD")),
        translated_aliases=tuple(str(a) for a in tracked.get("translated_aliases", [])),
        translated_place_words=tuple(str(p) for p in tracked.get("translated_place_words", [])),
        least=tuple(sorted((str(k), float(v)) for k, v in (data.get("least") or {}).items())),
        least_ramp=_ramp(path, data.get("least_ramp")),
    )


def _ramp(path: Path, ramp: dict | None) -> tuple[int, int] | None:
    """The [least_ramp] table's years (`from`, `to`), if the file has one."""
    if not ramp:
        return None
    first, full = int(ramp["from"]), int(ramp["to"])
    if full <= first:
        raise ValueError(f"{path}: [least_ramp] needs from < to, not {first} and {full}")
    return first, full
