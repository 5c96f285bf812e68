"""What users wait for: ingest end to end, one document and one review in a big database.

    .venv/bin/python benchmarks/bench_ingest.py [--sizes 500,2000,8000] [--jobs N]
        [--million DB_FILE] [--db-url URL] [--skip SECTION ...]

Sections (each can be skipped by name):
  corpus    ingest of generated ~12 KB press releases into a fresh SQLite database, as a user
            runs it (`python -m etl ingest DIR --jobs N`, a separate process): docs/s, CPU
            per document (all processes; and per further document from one size to the next,
            without a run's fixed cost), peak RSS (largest process, and the process tree
            summed); then the same documents through extraction alone (bench_extract's
            loop, one core) and through a plain regex pass over the files, for ratios;
  figures   one document of 2,000 and of 8,000 figures about one metric, in six layouts
            (lines "Cyberport now has over N start-ups.", a bulleted list, label rows, a
            Markdown table, a speech's paragraphs, one run-on sentence): seconds, peak RSS,
            claims, growth;
  million   the 1,000,000-claim database of bench_dashboard.py (built if missing, copied so
            each run starts equal): one new document (`etl ingest FILE`, p50/p95 over runs),
            then a review action over HTTP (login, then the Conflicts page's callback) and
            how long its series takes to be checked after the answer;
  queue     the Conflicts page with 100,000 open conflicts (added to the copy): p95 of the
            page-change callback over HTTP;
  start     `python app.py` on the million database: seconds from start to a served Growth
            chart.
The project's modules are compiled to bytecode first, as a user's Python would have cached them.
With --db-url (PostgreSQL), the million database is built there instead and the `million`
section runs on it. Nothing is timed inside the tests; run this by hand.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import documents  # noqa: E402

PY = sys.executable
REVIEWER, PASSWORD = "bench", "a bench passphrase"


# --- helpers -------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(round(q * len(ordered)) - 1, 0)]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        ppid = int(re.search(r"PPid:\s+(\d+)", status).group(1))
        if int(entry.name) == pid or ppid == pid:
            found = re.search(r"VmRSS:\s+(\d+)", status)
            total += int(found.group(1)) if found else 0
    return total / 1024


def run_measured(argv: list[str], env: dict | None = None) -> dict:
    """Run a command; wall seconds, CPU seconds and peak RSS of it and the children it waited
    for (its own rusage, from wait4: not the largest child this benchmark ever started)."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    peak_tree = 0.0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak_tree = max(peak_tree, tree_rss_mb(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_process_mb": usage.ru_maxrss / 1024, "peak_tree_mb": peak_tree,
            "stderr": err.strip().splitlines()[-1:]}  # fmt: skip


def write_corpus(folder: Path, n: int, seed: int, kb: int = 12) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for doc in documents(n, kb, seed):
        (folder / doc.file_name).write_text(doc.text, encoding="utf-8")
        size += len(doc.text.encode())
    return size


def sqlite_copy(src: Path, dst: Path) -> None:
    """A consistent copy of a SQLite file (its WAL folded in), as a new file: a backup into a
    file in WAL mode would leave the whole copy in a write-ahead log as big as the database,
    which the next process to open it reads through first."""
    for path in (dst, dst.with_name(dst.name + "-wal"), dst.with_name(dst.name + "-shm")):
        path.unlink(missing_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


# --- sections ------------------------------------------------------------------------------


def corpus(sizes: list[int], jobs: int, work: Path) -> None:
    from etl.extract import default_config, extract_claims

    print(f"== ingest end to end (fresh SQLite, --jobs {jobs}, {os.cpu_count()} cores)")
    print(f"{'docs':>6} {'docs/s':>8} {'CPU ms/doc':>11} {'peak MB (process)':>18} "
          f"{'peak MB (tree)':>15} {'extract docs/s':>15} {'regex docs/s':>13}")  # fmt: skip
    cpu_at: list[tuple[int, float]] = []  # (documents, CPU seconds of the whole command)
    for n in sizes:
        folder = work / f"corpus_{n}"
        write_corpus(folder, n, seed=n)
        db = work / f"ingest_{n}.db"
        m = run_measured([PY, "-m", "etl", "ingest", str(folder), "--db", f"sqlite:///{db}",
                          "--no-progress", "--jobs", str(jobs)])  # fmt: skip
        config = default_config()
        t = time.perf_counter()
        for doc in documents(n, 12, n):  # the same texts, extraction only, one core
            extract_claims(doc, config)
        extract_rate = n / (time.perf_counter() - t)
        number = re.compile(r"\d[\d,.]*")
        t = time.perf_counter()
        for f in sorted(folder.iterdir()):
            number.findall(f.read_bytes().decode("utf-8"))
        regex_rate = n / (time.perf_counter() - t)
        rate = n / m["wall"]
        print(f"{n:>6} {rate:>8.0f} {m['cpu'] / n * 1000:>11.2f} {m['peak_process_mb']:>18.0f} "
              f"{m['peak_tree_mb']:>15.0f} {extract_rate:>15.0f} {regex_rate:>13.0f}   "
              f"ingest/extract {rate / extract_rate:.2f}, ingest/regex {rate / regex_rate:.3f}; "
              f"{' '.join(m['stderr'])}")  # fmt: skip
        shutil.rmtree(folder)
        db.unlink()
        cpu_at.append((n, m["cpu"]))
    # What each further document costs, without the fixed cost of a run (start, imports, a
    # new database's schema, the last checks): flat when the cost grows with the data.
    steps = [f"{a:,} to {b:,}: {(cb - ca) / (b - a) * 1000:.2f}"
             for (a, ca), (b, cb) in pairwise(cpu_at) if b > a]  # fmt: skip
    if steps:
        print(f"CPU ms per further document, {'; '.join(steps)}")


# One document of many figures about one metric, laid out as a user may send it: each layout
# reads its own way (a list's rows look up to the note over the list, a box's rows to the rows
# above them, a paragraph's sentences to its closing note).
LAYOUTS = {  # (extension, what opens the figures, what goes between them, each figure)
    "lines": ("txt", "", "\n", "Cyberport now has over {n:,} start-ups."),
    "bullets": ("txt", "", "\n", "- Cyberport now has over {n:,} start-ups."),
    "label rows": ("txt", "", "\n\n", "Companies: {n:,}"),
    "Markdown table": ("md", "| Year | Companies |\n|---|---|\n", "\n", "| {year} | {n:,} |"),
    "speech": ("txt", "", "\n\n", "Our community now counts {n:,} companies. We are proud."),
    "one sentence": ("txt", "Cyberport counts ", ", ", "{n:,} companies in {year}"),
}


def figures(work: Path, sizes: tuple[int, ...] = (2000, 8000)) -> None:
    print("== one document of N figures about one metric (N = "
          f"{', '.join(f'{n:,}' for n in sizes)}): seconds, peak MB, claims; growth")  # fmt: skip
    for name, (ext, head, sep, row) in LAYOUTS.items():
        cells = []
        for n in sizes:
            rnd = random.Random(3)
            rows = [row.format(n=rnd.randrange(100, 9000), year=2000 + k % 25) for k in range(n)]
            text = "Hong Kong, 5 June 2025 – Cyberport figures.\n\n" + head + sep.join(rows) + "\n"
            path = work / f"figures_{n}.{ext}"
            path.write_text(text, encoding="utf-8")
            db = work / f"figures_{n}.db"
            m = run_measured([PY, "-m", "etl", "ingest", str(path), "--db", f"sqlite:///{db}",
                              "--no-progress"])  # fmt: skip
            with sqlite3.connect(db) as conn:
                claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
            cells.append((len(text.encode()) / 1024, m["wall"], m["peak_process_mb"], claims))
            db.unlink()
        shown = "; ".join(f"{kb:.0f} KB {t:.2f} s {mb:.0f} MB {c}" for kb, t, mb, c in cells)
        growth = cells[-1][1] / cells[0][1] if len(cells) > 1 else 1.0
        print(f"  {name:15} {shown}; x{growth:.1f} for x{sizes[-1] / sizes[0]:.0f} the figures")


def build_million(url: str) -> None:
    """A million generated claims at `url`, built in a process of its own: a benchmark process
    grown by building would lend its size to every child it starts afterwards (a forked child's
    peak resident memory counts what it shared with its parent before it ran the command)."""
    subprocess.run([PY, __file__, "--build-only", url], cwd=ROOT, check=True)


def _build_million(url: str) -> None:
    """A million generated claims at `url`, which is emptied first."""
    from bench_dashboard import generate
    from sqlalchemy import text

    from db.claims_csv import fill_claim_lines
    from db.engine import get_engine, open_db
    from db.models import Base
    from etl.check import refresh

    with get_engine(url).begin() as conn:
        Base.metadata.drop_all(conn)
        # Not in the metadata: SQLite's quote search index, and the migrations' mark.
        conn.execute(text("DROP TABLE IF EXISTS claims_fts"))
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    t = time.perf_counter()
    generate(url, 1_000_000)
    summary = refresh(open_db(url))
    fill_claim_lines(open_db(url))
    print(f"built the million database in {time.perf_counter() - t:.0f} s: {summary.line()}")


def sync_sequences(url: str) -> None:
    """PostgreSQL: each id sequence past the ids the generator wrote itself."""
    from sqlalchemy import text

    from db.engine import get_engine
    from db.models import Base

    with get_engine(url).begin() as conn:
        for table in Base.metadata.sorted_tables:
            if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement:
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"))  # fmt: skip


def one_document(url: str, work: Path, runs: int) -> None:
    times, peaks, cpus = [], [], []
    # A word of its own each time: a database kept between runs holds none of these already.
    mark = "".join(random.choices("abcdefghijklmnopqrstuvwxyz", k=12))
    for i in range(runs):
        path = work / f"new_{mark}_{i}.txt"
        path.write_text(
            f"Hong Kong, {5 + i} June 2025 – Cyberport is home to over {2200 + 10 * i:,} "
            f"start-ups and technology companies, the park said in a statement ({mark}) today.\n",
            encoding="utf-8",
        )
        m = run_measured([PY, "-m", "etl", "ingest", str(path), "--db", url, "--no-progress"])
        assert "1 added" in " ".join(m["stderr"]), m["stderr"]  # not an unchanged file
        times.append(m["wall"])
        peaks.append(m["peak_process_mb"])
        cpus.append(m["cpu"])
    print(f"one new document ({path.stat().st_size} bytes, its series 'companies' re-checked): "
          f"p50 {statistics.median(times):.2f} s, p95 {pct(times, 0.95):.2f} s (CPU p50 "
          f"{statistics.median(cpus):.2f} s), peak {max(peaks):.0f} MB over {runs} runs"
          )  # fmt: skip


class Client:
    """HTTP to a server on 127.0.0.1 with a session cookie."""

    def __init__(self, port: int) -> None:
        self.port, self.cookie = port, ""

    def request(self, method: str, path: str, body: bytes = b"", ctype: str = "") -> tuple:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Origin": f"http://127.0.0.1:{self.port}"}  # a same-site request
        if self.cookie:
            headers["Cookie"] = self.cookie
        if ctype:
            headers["Content-Type"] = ctype
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        if cookie := resp.getheader("Set-Cookie"):
            self.cookie = cookie.split(";", 1)[0]
        conn.close()
        return resp.status, data

    def login(self) -> None:
        form = urllib.parse.urlencode({"username": REVIEWER, "password": PASSWORD, "next": "/"})
        status, _ = self.request("POST", "/login", form.encode(),
                                 "application/x-www-form-urlencoded")  # fmt: skip
        assert status in (302, 303), status

    def callback(self, outputs: list[tuple[str, str]], inputs: list[dict], state: list,
                 changed: str) -> dict:  # fmt: skip
        def out_id(i):
            return json.dumps(i, sort_keys=True, separators=(",", ":")) if isinstance(i, dict) \
                else i  # fmt: skip

        body = {
            "output": "...".join(f"{out_id(i)}.{p}" for i, p in outputs).join(["..", ".."]),
            "outputs": [{"id": i, "property": p} for i, p in outputs],
            "inputs": inputs, "state": state, "changedPropIds": [changed],
        }  # fmt: skip
        status, data = self.request("POST", "/_dash-update-component", json.dumps(body).encode(),
                                    "application/json")  # fmt: skip
        assert status == 200, (status, data[:300])
        return json.loads(data)


@contextlib.contextmanager
def served(url: str) -> Iterator[Client]:
    """A client of the dashboard on `url`, served from a thread as in the browser tests."""
    from dashboards.app import create_app
    from db.engine import get_engine
    from db.users import add_user
    from tests.browser.conftest import serve

    app = create_app(url)
    with contextlib.suppress(ValueError):  # there from an earlier run
        add_user(get_engine(url), REVIEWER, PASSWORD)
    with serve(app) as base:
        yield Client(urllib.parse.urlsplit(base).port)


def review_action(url: str, runs: int) -> None:
    from sqlalchemy import select

    from dashboards.checks import background
    from db.engine import get_engine
    from db.models import Claim

    with get_engine(url).connect() as conn:
        ids = list(conn.scalars(select(Claim.id).where(
            Claim.entity == "Cyberport", Claim.metric == "companies").limit(runs)))  # fmt: skip
    times, settled = [], []
    with served(url) as client:
        client.login()
        for k, claim_id in enumerate(ids):
            action = ("accept", "reject", "reopen")[k % 3]
            key = {"action": action, "conflict": 0, "id": claim_id, "target": "claim",
                   "type": "conflicts-action"}  # fmt: skip
            t = time.perf_counter()
            reply = client.callback(
                [("conflicts-message", "children"), ("conflicts-version", "data")],
                [[{"id": key, "property": "n_clicks", "value": 1}]],
                [[], {"id": "conflicts-version", "property": "data", "value": k}],
                json.dumps(key, sort_keys=True, separators=(",", ":")) + ".n_clicks",
            )
            times.append((time.perf_counter() - t) * 1000)
            assert "rejected" in json.dumps(reply) or "accepted" in json.dumps(reply) or \
                "reopened" in json.dumps(reply), reply  # fmt: skip
            background.wait_idle(timeout=120)
            settled.append((time.perf_counter() - t) * 1000)
    print(f"review action over HTTP (claims of a 42,000-claim series): p50 "
          f"{statistics.median(times):.0f} ms, p95 {pct(times, 0.95):.0f} ms; its series "
          f"checked and stored {statistics.median(settled):.0f} ms (p50) / "
          f"{pct(settled, 0.95):.0f} ms (p95) after the click, over {len(times)} runs")  # fmt: skip


def add_conflicts(url: str, n: int) -> None:
    from sqlalchemy import insert, select

    from db.engine import get_engine
    from db.models import Claim, Conflict, ConflictClaim, utcnow

    engine = get_engine(url)
    now = utcnow()
    with engine.begin() as conn:
        claims = conn.execute(select(Claim.id, Claim.uid, Claim.entity, Claim.metric)
                              .limit(2 * n)).all()  # fmt: skip
        rows = [{"uid": f"bench{i:015d}", "entity": a.entity, "metric": a.metric,
                 "kind": "disagree", "severity": ("high", "medium", "low")[i % 3],
                 "explanation": f"Generated conflict {i}.", "claim_uids": f"{a.uid};{b.uid}",
                 "active": True, "detected_at": now, "last_seen_at": now}
                for i, (a, b) in enumerate(zip(claims[::2], claims[1::2], strict=True))
                ]  # fmt: skip
        conn.execute(insert(Conflict), rows)
        ids = dict(conn.execute(select(Conflict.uid, Conflict.id).where(
            Conflict.uid.like("bench%"))).all())  # fmt: skip
        links = [{"conflict_id": ids[r["uid"]], "claim_id": c}
                 for r, pair in zip(rows, zip(claims[::2], claims[1::2], strict=True),
                                    strict=True)
                 for c in (pair[0].id, pair[1].id)]  # fmt: skip
        conn.execute(insert(ConflictClaim), links)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")


def queue(url: str, runs: int) -> None:
    add_conflicts(url, 100_000)
    times = []
    with served(url) as client:
        for k in range(runs):
            page = random.Random(k).randrange(1, 2000)
            t = time.perf_counter()
            client.callback(
                [("conflicts-list", "children"), ("conflicts-page", "max_value"),
                 ("conflicts-page", "active_page")],
                [{"id": "conflicts-status", "property": "value", "value": "open"},
                 {"id": "conflicts-version", "property": "data", "value": 0},
                 {"id": "conflicts-page", "property": "active_page", "value": page}],
                [], "conflicts-page.active_page",
            )  # fmt: skip
            times.append((time.perf_counter() - t) * 1000)
    print(
        f"Conflicts page with 100,000+ open conflicts, a page of 50 over HTTP: p50 "
        f"{statistics.median(times):.0f} ms, p95 {pct(times, 0.95):.0f} ms over {runs} pages"
    )


def start(db: Path) -> None:
    port = 8800 + random.randrange(100)
    t = time.perf_counter()
    proc = subprocess.Popen([PY, "app.py", "--db", f"sqlite:///{db}", "--port", str(port),
                             "--no-seeds"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    client = Client(port)
    try:
        while True:
            try:
                if client.request("GET", "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)
        up = time.perf_counter() - t
        reply = client.callback(
            [("growth-chart", "figure"), ("growth-chart", "config"),
             ("growth-chart-picture", "src"), ("growth-summary", "children"),
             ("growth-csv", "href"), ("growth-series-csv", "href"), ("growth-zip", "href")],
            [{"id": "growth-metric", "property": "value", "value": "companies"},
             {"id": "growth-entity", "property": "value", "value": None},
             {"id": "growth-dates", "property": "start_date", "value": None},
             {"id": "growth-dates", "property": "end_date", "value": None},
             {"id": "growth-scale", "property": "value", "value": "linear"},
             {"id": "growth-garbled", "property": "value", "value": False}],
            [], "growth-metric.value",
        )  # fmt: skip
        served = time.perf_counter() - t
        summary = reply["response"]["growth-summary"]["children"]
        print(
            f"python app.py on the million database: serving after {up:.2f} s, Growth chart "
            f"({summary}) served {served:.2f} s after start"
        )
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    """Compile the project's bytecode first (compileall), as a user's Python would have cached
    it (this one may be told not to write any), so each process started is timed without
    compiling the project from source; then run the sections asked for."""
    for package in ("etl", "db", "dashboards"):
        compileall.compile_dir(ROOT / package, quiet=1)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000,8000")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument(
        "--million",
        type=Path,
        default=Path(tempfile.gettempdir()) / "million.db",
        help="the 1,000,000-claim SQLite file (built when missing, never changed)",
    )
    ap.add_argument("--db-url", help="run the million section on this (PostgreSQL) database, "
                    "emptied and filled first unless it holds a million claims")  # fmt: skip
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--build-only", metavar="URL", help=argparse.SUPPRESS)
    ap.add_argument("--skip", nargs="*", default=[],
                    choices=["corpus", "figures", "million", "queue", "start"])  # fmt: skip
    a = ap.parse_args()
    if a.build_only:
        _build_million(a.build_only)
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    try:
        if "corpus" not in a.skip:
            corpus([int(s) for s in a.sizes.split(",")], a.jobs, work)
        if "figures" not in a.skip:
            figures(work)
        if a.db_url:
            from sqlalchemy import func, select

            from db.engine import open_db
            from db.models import Claim

            with open_db(a.db_url).connect() as conn:
                claims = conn.scalar(select(func.count()).select_from(Claim)) or 0
            if claims < 1_000_000:
                build_million(a.db_url)
            sync_sequences(a.db_url)
            print(f"== {a.db_url.split('@')[-1]}")
            one_document(a.db_url, work, runs=5)
            review_action(a.db_url, a.runs)
            return 0
        if not a.million.exists() and not set(a.skip) >= {"million", "queue", "start"}:
            build_million(f"sqlite:///{a.million}")
        copy = work / "million.db"
        if "million" not in a.skip:
            sqlite_copy(a.million, copy)
            print(f"== the million database ({date.today()})")
            one_document(f"sqlite:///{copy}", work, runs=5)
            review_action(f"sqlite:///{copy}", a.runs)
        if "start" not in a.skip:
            sqlite_copy(a.million, copy)
            start(copy)
        if "queue" not in a.skip:
            sqlite_copy(a.million, copy)
            queue(f"sqlite:///{copy}", a.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
