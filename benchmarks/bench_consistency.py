"""Benchmark: conflict detection and consensus over generated claims (default one million).

    .venv/bin/python benchmarks/bench_consistency.py [--claims N] [--seed S]

Claims are generated in memory: entities x metrics series, dated over ten years, growing with
noise, stated with qualifiers (so as intervals), from publishers of varied reliability, some
reprinted by others (copies), with planted errors: factor-of-ten slips, falls of cumulative
totals, impossible shares, one-year flows above the total. Prints wall time per stage and peak
memory (the process's maximum resident set size, interpreter and libraries included).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.check.consensus import assign_objects, truth_discovery
from etl.check.rules import FigureArrays, Thresholds, scan

METRICS = 10  # per entity; the first half cumulative, the last one a share in percent
DAYS = 3650


def generate(n: int, seed: int) -> dict[str, np.ndarray]:
    """Columns of n claims, sorted by nothing in particular."""
    rng = np.random.default_rng(seed)
    n_series = max(n // 200, 1)
    series = rng.integers(0, n_series, n)
    metric = series % METRICS
    t = rng.integers(0, DAYS, n)
    base = rng.lognormal(7, 2, n_series)[series]  # from ~100 to ~10 billion
    growth = rng.uniform(0.02, 0.4, n_series)[series]  # a year
    truth = base * (1 + growth) ** (t / 365.25)
    share = metric == METRICS - 1
    truth = np.where(share, rng.uniform(20, 90, n_series)[series], truth)
    publisher = rng.integers(0, 300, n)
    noise_sd = np.where(publisher % 10 == 0, 0.05, 0.002)  # one publisher in ten is sloppy
    value = truth * (1 + rng.normal(0, 1, n) * noise_sd)
    # Print the figure with 2-3 significant digits and a qualifier, as press offices do.
    digits = rng.integers(2, 4, n)
    step = 10.0 ** (np.floor(np.log10(np.maximum(value, 1))) - digits + 1)
    over = rng.random(n) < 0.6  # "over N" rounds down; an exact N rounds to nearest
    shown = np.where(over, np.floor(value / step), np.round(value / step)) * step
    low = np.where(over, shown, shown - step / 2)
    high = np.where(over, shown + step, shown + step / 2)
    # Planted errors.
    slip = rng.random(n) < 0.003
    low, high = np.where(slip, low * 10, low), np.where(slip, high * 10, high)
    fall = (rng.random(n) < 0.002) & (metric < METRICS // 2)
    low, high = np.where(fall, low * 0.5, low), np.where(fall, high * 0.5, high)
    bad_share = share & (rng.random(n) < 0.01)
    low, high = np.where(bad_share, low * 6, low), np.where(bad_share, high * 6, high)
    period = np.where((metric < METRICS // 2) & (rng.random(n) < 0.05), 365, 0)
    big_flow = (period > 0) & (rng.random(n) < 0.05)
    low = np.where(period > 0, low * np.where(big_flow, 2.0, 0.2), low)
    high = np.where(period > 0, high * np.where(big_flow, 2.0, 0.2), high)
    # Reprints: a claim copied by another publisher a few days later (same quote hash).
    copy = np.arange(n)
    reprint = rng.random(n) < 0.1
    src = rng.integers(0, n, n)
    for col in (series, metric, low, high, period):
        col[reprint] = col[src[reprint]]
    t[reprint] = np.minimum(t[src[reprint]] + rng.integers(0, 4, reprint.sum()), DAYS)
    copy[reprint] = copy[src[reprint]]
    return {"series": series, "metric": metric, "t": t, "low": low, "high": high,
            "period": period, "publisher": publisher, "copy": copy}  # fmt: skip


def detect(c: dict[str, np.ndarray], th: Thresholds) -> dict[str, int]:
    """Figures per series (repeats collapsed), then every check on each series."""
    order = np.lexsort((c["high"], c["low"], c["t"], c["period"], c["series"]))
    s, per, t = c["series"][order], c["period"][order], c["t"][order]
    lo, hi = c["low"][order], c["high"][order]
    new = np.r_[True, (s[1:] != s[:-1]) | (per[1:] != per[:-1]) | (t[1:] != t[:-1])
                | (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])]  # fmt: skip
    s, per, t, lo, hi = s[new], per[new], t[new], lo[new], hi[new]
    bounds = np.flatnonzero(np.r_[True, s[1:] != s[:-1], True])
    counts: dict[str, int] = {}
    for a, b in itertools.pairwise(bounds):
        metric = int(s[a]) % METRICS
        fa = FigureArrays(t[a:b], lo[a:b], hi[a:b], per[a:b], is_share=metric == METRICS - 1)
        for f in scan(fa, cumulative=metric < METRICS // 2, is_count=True, th=th):
            counts[f.kind] = counts.get(f.kind, 0) + 1
    counts["figures"] = len(s)
    return counts


def consensus(c: dict[str, np.ndarray]) -> tuple[int, np.ndarray]:
    """Objects per series and date window, copies sharing one witness, then CRH."""
    key = c["series"] * 1000 + c["period"]
    order = np.lexsort((c["t"], key))
    key, t = key[order], c["t"][order]
    obj = assign_objects(key, t)
    copy_key = obj * (len(obj) + 1) + c["copy"][order]
    _, inverse, sizes = np.unique(copy_key, return_inverse=True, return_counts=True)
    share = 1.0 / sizes[inverse]
    res = truth_discovery(obj, c["publisher"][order], c["low"][order], c["high"][order], share)
    return int(obj.max()) + 1, res.source_weight


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    t0 = time.perf_counter()
    cols = generate(a.claims, a.seed)
    t1 = time.perf_counter()
    found = detect(cols, Thresholds())
    t2 = time.perf_counter()
    n_obj, weights = consensus(cols)
    t3 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sloppy = weights[np.arange(len(weights)) % 10 == 0].mean()
    careful = weights[np.arange(len(weights)) % 10 != 0].mean()
    print(f"claims: {a.claims:,}  generate: {t1 - t0:.2f} s")
    print(f"detection: {t2 - t1:.2f} s  ({found.pop('figures'):,} figures) -> "
          + ", ".join(f"{k}={v:,}" for k, v in sorted(found.items())))  # fmt: skip
    print(f"consensus: {t3 - t2:.2f} s  ({n_obj:,} points; mean source weight: careful "
          f"{careful:.2f}, sloppy {sloppy:.2f})")  # fmt: skip
    print(f"detection + consensus: {t3 - t1:.2f} s; peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
