"""Dashboard benchmark (run by hand): 1,000,000 generated claims, p95 of the main callbacks.

    .venv/bin/python benchmarks/bench_dashboard.py [--claims 1000000] [--keep DB_FILE]

Generates claims into a temporary SQLite file (bulk insert through SQLAlchemy core, then each
claim's export line, as ingest writes them), runs the consistency checks once, computes the
landing page's series as the server does at start, then times page load (the Growth layout and
its first callback), the metric switch, grid pages, grid filters, the "To confirm" queue (one
claim in 40 is a candidate: 25,000), and /export/claims.csv of every row (in a fresh process,
for an honest peak RSS). Targets: p95 < 100 ms; export >=
400,000 rows/s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from db.engine import open_db  # noqa: E402
from db.metrics import catalogue  # noqa: E402
from db.models import Claim, Document, Review  # noqa: E402

QUALIFIERS = ("exact", "over", "over", "over", "about", "nearly")
CANDIDATE_EVERY = 40  # one claim in 40 waits for a reviewer
OTHER_ENTITIES = tuple(f"Partner Park {i}" for i in range(40))
START = date(2010, 1, 1)
DAYS = 16 * 365


def _doc_rows(n_docs: int, rng: random.Random) -> list[dict]:
    now = datetime.now(UTC)
    rows = []
    for i in range(1, n_docs + 1):
        text = f"Generated press release {i}. " + "Cyberport grows. " * 10
        rows.append({
            "id": i, "file_name": f"gen_{i:06d}.txt", "sha256": hashlib.sha256(text.encode())
            .hexdigest(), "source_format": "txt", "title": f"Release {i}",
            "publisher": rng.choice(("Cyberport", "The Standard", "SCMP", "HKET")),
            "kind": "press release", "url": f"https://example.org/{i}",
            "published_on": START + timedelta(days=rng.randrange(DAYS)), "date_source": "dateline",
            "text": text, "size_bytes": len(text), "ingested_at": now,
        })  # fmt: skip
    return rows


def generate(url: str, n_claims: int, seed: int = 7) -> None:
    """Fill a fresh database with `n_claims` claims spread over documents, metrics and dates."""
    rng = random.Random(seed)
    engine = open_db(url)
    metrics = list(catalogue().values())
    n_docs = max(n_claims // 50, 1)
    docs = _doc_rows(n_docs, rng)
    with engine.begin() as conn:
        conn.execute(insert(Document), docs)
    now = datetime.now(UTC)
    batch: list[dict] = []
    base = {m.key: rng.uniform(20, 50) if m.unit == "percent" else rng.uniform(50, 3000)
            for m in metrics}  # fmt: skip
    for i in range(1, n_claims + 1):
        m = metrics[i % len(metrics)]
        doc = docs[rng.randrange(n_docs)]
        as_of = doc["published_on"]
        entity = "Cyberport" if i % 5 else OTHER_ENTITIES[i % len(OTHER_ENTITIES)]
        # A smooth true series per entity and metric; documents state it as press offices do
        # (rounded, "over", "about", "nearly"); one claim in 2,000 is off by a factor of ten.
        true = base[m.key] * (1 + 0.9 * (as_of - START).days / DAYS) * (1.3 if i % 5 == 0 else 1)
        if m.unit == "HKD":
            true *= 1e7
        if i % 2000 == 0:
            true *= 10
        q = QUALIFIERS[i % len(QUALIFIERS)]
        step = 10 ** max(math.floor(math.log10(true)) - 1, 0)
        if q == "exact":
            value = low = high = float(round(true))
        elif q == "over":
            value = low = float(math.floor(true / step) * step)
            high = low + step
        elif q == "about":
            value = float(round(true / step) * step)
            low, high = value - step / 2, value + step / 2
        else:  # nearly
            value = high = float(math.ceil(true / step) * step)
            low = high - step
        unit = m.unit
        quote = f"As of {as_of:%d %B %Y}, the community counted {value:,.0f} ({m.label}); #{i}."
        batch.append({
            "id": i, "uid": f"{i:020x}", "document_id": doc["id"], "section_id": None,
            "entity": entity,
            "metric": m.key, "value": value, "unit": unit, "qualifier": q, "value_low": low,
            "value_high": high, "value_hkd": value if unit == "HKD" else None, "as_of": as_of,
            "as_of_precision": "day", "period": None, "quote": quote, "char_start": 0,
            "char_end": len(quote), "mention_start": 0, "mention_end": 5,
            "flags": "garbled" if i % 997 == 0 else "", "extractor_version": "bench",
            "created_at": now,
            "initial_status": "candidate" if i % CANDIDATE_EVERY == 7 else "auto",
            "unsure": "owner?;date?" if i % CANDIDATE_EVERY == 7 else "",
        })  # fmt: skip
        if len(batch) == 50_000:
            with engine.begin() as conn:
                conn.execute(insert(Claim), batch)
            batch = []
    if batch:
        with engine.begin() as conn:
            conn.execute(insert(Claim), batch)
    reviews = [
        {"target_type": "claim", "target_uid": f"{i:020x}", "action": rng.choice(
            ("accept", "reject", "comment")), "reviewer": "bench", "note": "", "created_at": now}
        for i in rng.sample(range(1, n_claims + 1), min(2000, n_claims))
    ]  # fmt: skip
    with engine.begin() as conn:
        conn.execute(insert(Review), reviews)
        conn.exec_driver_sql("ANALYZE")


def p95(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(p95, median, first call) wall time in ms; p95 and median over `runs` calls after it.

    The first call pays for caches (the consensus series is computed once per data change).
    """
    t = time.perf_counter()
    fn()
    first = (time.perf_counter() - t) * 1000
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[max(int(len(times) * 0.95) - 1, 0)], statistics.median(times), first


def peak_rss_mb() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def export_run(url: str) -> None:
    """In a fresh process: stream /export/claims.csv for every row; print rows/s and peak RSS."""
    from dashboards.app import create_app

    app = create_app(url)
    client = app.server.test_client()
    rss_before = peak_rss_mb()
    t = time.perf_counter()
    resp = client.get("/export/claims.csv")
    lines = size = 0
    for chunk in resp.response:
        lines += chunk.count(b"\n") if isinstance(chunk, bytes) else chunk.count("\n")
        size += len(chunk)
    elapsed = time.perf_counter() - t
    rss_after = peak_rss_mb()
    rows = lines - 1  # header; quotes hold no newlines here
    print(json.dumps({"rows": rows, "seconds": round(elapsed, 2), "rows_per_s": round(
        rows / elapsed), "mb": round(size / 1e6, 1), "peak_rss_mb_before": rss_before,
        "peak_rss_mb_after": rss_after}))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="build (or reuse) this SQLite file")
    parser.add_argument("--only", metavar="TEXT", help="run only the cases naming TEXT")
    parser.add_argument("--export-only", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_only:
        export_run(args.export_only)
        return 0

    path = args.keep or Path(tempfile.mkdtemp()) / "bench.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        t = time.perf_counter()
        generate(url, args.claims)
        print(f"generated {args.claims:,} claims in {time.perf_counter() - t:.1f} s")
        from etl.pipeline import refresh_checks

        t = time.perf_counter()
        refresh_checks(open_db(url))
        print(f"consistency checks in {time.perf_counter() - t:.1f} s")
    # Ingest writes each claim's export line as it stores the claim; the generator inserts
    # rows directly, so it writes them here (this also brings an older --keep file up to date).
    from db.claims_csv import fill_claim_lines

    t = time.perf_counter()
    if written := fill_claim_lines(open_db(url)):
        print(f"export lines for {written:,} claims written in {time.perf_counter() - t:.1f} s")

    import dash

    from dashboards.app import create_app

    t = time.perf_counter()
    create_app(url)
    print(f"app created in {time.perf_counter() - t:.2f} s")
    # What `python app.py` and gunicorn start in the background: the landing page's series.
    from dashboards.context import engine
    from dashboards.pages.growth.data import warm_up

    t = time.perf_counter()
    warm_up(engine()).join()
    print(f"landing page series computed in the background in {time.perf_counter() - t:.1f} s")
    growth = next(p for p in dash.page_registry.values() if p["path"] == "/")
    module = sys.modules[growth["module"]]
    claims_module = sys.modules[next(p["module"] for p in dash.page_registry.values()
                                     if p["path"] == "/claims")]  # fmt: skip

    def get_rows(request):
        return claims_module.get_rows(request, "all")

    deep = args.claims - 10_000
    confirm = next(p for p in dash.page_registry.values() if p["path"] == "/confirm")
    confirm_module = sys.modules[confirm["module"]]
    last_page = args.claims // CANDIDATE_EVERY // 20
    cases = {
        # The layout draws the first chart itself (no callback on page load).
        "page load (Growth layout, cards and chart)": lambda: growth["layout"](),
        "metric switch (chart callback)": lambda: module.update_chart(
            "unicorns", "Cyberport", "2015-01-01", None, "linear", False),
        "Table tab (believed and claims tables)": lambda: module.update_tabs(
            "companies", "Cyberport", None, None, "linear", False, "table"),
        "grid first page": lambda: get_rows({"startRow": 0, "endRow": 100}),
        f"grid page at row {deep:,}": lambda: get_rows({"startRow": deep, "endRow": deep + 100}),
        "grid filter metric=unicorns, value>1000, sorted by value": lambda: get_rows({
            "startRow": 0, "endRow": 100, "sortModel": [{"colId": "value", "sort": "desc"}],
            "filterModel": {"metric": {"filterType": "text", "type": "equals",
                                       "filter": "unicorns"},
                            "value": {"filterType": "number", "type": "greaterThan",
                                      "filter": 1000}}}),
        "grid filter quote contains '#12345'": lambda: get_rows({
            "startRow": 0, "endRow": 100, "filterModel": {"quote": {
                "filterType": "text", "type": "contains", "filter": "#12345"}}}),
        # Text in nearly every quote: the page must not count a million matches.
        "grid filter quote contains 'community'": lambda: get_rows({
            "startRow": 0, "endRow": 100, "filterModel": {"quote": {
                "filterType": "text", "type": "contains", "filter": "community"}}}),
        "grid filter quote contains 'community', block at row 5,000": lambda: get_rows({
            "startRow": 5000, "endRow": 5100, "filterModel": {"quote": {
                "filterType": "text", "type": "contains", "filter": "community"}}}),
        "To confirm page load (queue size in the navbar + first page)": lambda: (
            confirm["nav_count"](), confirm["layout"]()),
        f"To confirm page {last_page:,} (the last)": lambda: confirm_module.show_page(
            last_page, 0),
    }  # fmt: skip
    if args.only:
        cases = {k: v for k, v in cases.items() if args.only in k}
    print(f"{'case':62} {'p95 ms':>8} {'median':>8} {'first':>9}")
    for name, fn in cases.items():
        worst, median, first = p95(fn, args.runs)
        print(f"{name:62} {worst:8.1f} {median:8.1f} {first:9.1f}")
    if args.only:
        return 0
    out = subprocess.run(
        [sys.executable, __file__, "--export-only", url], capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    print("export /export/claims.csv:", out.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
