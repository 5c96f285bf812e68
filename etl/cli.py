"""`python -m etl`: a thin command line over `etl.pipeline` and the `db` read functions."""

from __future__ import annotations

import argparse
import contextlib
import gc
import getpass
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from etl.exports import EXPORT_KINDS, exporter

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from etl.ingest_files import Started

REVIEW_ACTIONS = ("accept", "reject", "correct", "flag", "comment", "resolve", "reopen")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description="Cyberport Metrics Timeline: ingest documents, export claims, review them.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--db",
            metavar="URL",
            help="database URL (default: $DATABASE_URL, else the SQLite file data/cyberport.db)",
        )
        return p

    ing = with_db(
        sub.add_parser(
            "ingest",
            help="ingest files and folders (txt, md, html, pdf)",
            description="Read, date and extract claims from documents; skip unchanged files.",
        )
    )
    ing.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    ing.add_argument("--max-mb", type=float, default=20.0, help="size limit per file (default 20)")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar")
    ing.add_argument(
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes reading and extracting files (default: the number of cores)",
    )

    exp = with_db(
        sub.add_parser(
            "export",
            help="write claims, series, conflicts, documents or reviews as CSV",
            description="Write CSV to --out, or to stdout.",
        )
    )
    exp.add_argument("kind", choices=EXPORT_KINDS)
    exp.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout)")
    exp.add_argument("--metric", help="only this metric key, e.g. unicorns")
    exp.add_argument("--entity", help="only this entity, e.g. Cyberport")
    exp.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    exp.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    exp.add_argument(
        "--status",
        help="claims: auto|accepted|rejected|corrected|candidate (default: all but candidate and "
        "corrected); conflicts: open|resolved",
    )
    exp.add_argument("--document", help="only claims from this file name")

    rev = with_db(
        sub.add_parser(
            "review",
            help="record a review action on a claim or a conflict",
            description="Append an action to the review log; status is derived from the log.",
        )
    )
    target = rev.add_mutually_exclusive_group(required=True)
    target.add_argument("--claim", type=int, metavar="ID", help="claim_id from export claims")
    target.add_argument("--conflict", type=int, metavar="ID", help="conflict_id")
    rev.add_argument("--action", required=True, choices=REVIEW_ACTIONS)
    rev.add_argument("--reviewer", required=True, help="who decides")
    rev.add_argument("--note", default="", help="why (required to correct)")
    fix = rev.add_argument_group("correct", "what --action correct changes (the rest stays)")
    fix.add_argument("--metric", metavar="KEY", help="the right metric, e.g. unicorns")
    fix.add_argument("--entity", metavar="NAME", help="the right owner of the figure")
    fix.add_argument(
        "--as-of", dest="as_of", type=_date, metavar="YYYY-MM-DD", help="the right date"
    )

    trn = sub.add_parser(
        "train",
        help="fit the extractor's scoring to the labelled data (and reviewers' corrections)",
        description="Fit the owner and metric weights to the gold files in the repository and, "
        "with --db, to the corrections reviewers made; write them with a training report.",
    )
    trn.add_argument("--db", metavar="URL", help="also learn from this database's corrections")
    trn.add_argument(
        "--out", type=Path, metavar="FILE", help="default: etl/data/scoring_model.json"
    )

    brf = with_db(
        sub.add_parser(
            "briefing",
            help="write the one-page management briefing (HTML, printable, works offline)",
            description="The headline figures, a small chart each, the sources behind each "
            "latest figure and the open disputes, as one self-contained HTML page.",
        )
    )
    brf.add_argument("--out", type=Path, metavar="FILE", required=True, help="the HTML file")
    brf.add_argument("--entity", help="whose figures (default: the tracked organisation)")

    usr = with_db(
        sub.add_parser(
            "add-user",
            help="add a reviewer who can log in to the dashboard",
            description="The password is read from a prompt, or from stdin with --password-stdin.",
        )
    )
    usr.add_argument("username")
    usr.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    return parser


def _engine(url: str | None) -> Engine:
    from db.engine import open_db

    return open_db(url)


def loaded() -> None:
    """The command's modules are loaded: what they made is kept out of every later garbage
    collection, and collection resumes if `python -m etl` paused it for the loading."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def cmd_ingest(args: argparse.Namespace, err: TextIO) -> int:
    # Reading and extraction first, while this process loads the database layer and the
    # checks: a lone file is read and extracted in a process of its own, and the files of an
    # ingest into a new database by the workers (etl.ingest_files.start_early).
    from etl.ingest_files import start_early

    max_bytes = int(args.max_mb * 1024 * 1024)
    with start_early(args.paths, max_bytes, args.jobs, args.db) as started:
        return _ingest(args, err, max_bytes, started)


def _ingest(args: argparse.Namespace, err: TextIO, max_bytes: int, started: Started) -> int:
    import etl.check  # noqa: F401  (what the end of the run checks with)
    from etl.pipeline import ingest_paths
    from etl.progress import progress, teller

    engine = _engine(args.db)
    loaded()
    show = not args.no_progress and err.isatty()
    with progress(started.files, show) as bar:
        summary = ingest_paths(
            engine,
            args.paths,
            max_bytes=max_bytes,
            on_file=teller(bar, err),
            jobs=args.jobs,
            started=started,
        )
    print(summary.line(), file=err)
    return 1 if summary.errors else 0


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.claims import ClaimFilter
    from db.csvout import write_csv
    from etl.pipeline import refresh_checks

    engine = _engine(args.db)
    refresh_checks(engine)  # what an interrupted run left
    header, rows = exporter(args.kind)
    filt = ClaimFilter(
        metric=args.metric,
        entity=args.entity,
        date_from=args.date_from,
        date_to=args.date_to,
        status=args.status,
        document=args.document,
    )

    def write(f: TextIO) -> int:
        if args.kind != "claims":
            return write_csv(f, header, rows(engine, filt))
        from db.claims_csv import iter_claim_csv  # lines stored at ingest: fast

        counted = [0]

        def tally(k: int) -> None:
            counted[0] += k

        for chunk in iter_claim_csv(engine, filt, on_rows=tally):
            f.write(chunk)
        return counted[0]

    if args.out:
        tmp = args.out.with_name(args.out.name + ".part")
        with tmp.open("w", newline="", encoding="utf-8") as f:
            n = write(f)
        tmp.replace(args.out)  # never leave half a file under the real name
        print(f"{n} {args.kind} rows -> {args.out}", file=err)
    else:
        write(out)
    return 0


def cmd_review(args: argparse.Namespace, err: TextIO) -> int:
    from db.corrections import correction_text
    from db.reviews import add_correction, add_review
    from etl.pipeline import refresh_checks

    target_type, target_id = ("claim", args.claim) if args.claim else ("conflict", args.conflict)
    fixes = {"metric": args.metric, "entity": args.entity, "as_of": args.as_of}
    if args.action != "correct" and any(v is not None for v in fixes.values()):
        raise ValueError("--metric, --entity and --as-of go with --action correct")
    if args.action == "correct" and target_type != "claim":
        raise ValueError("only a claim can be corrected")
    if args.action == "correct" and all(v is None for v in fixes.values()):
        raise ValueError("--action correct needs --metric, --entity or --as-of")
    engine = _engine(args.db)
    if args.action == "correct":
        review = add_correction(engine, target_id, args.reviewer, args.note, **fixes)
    else:
        review = add_review(engine, target_type, target_id, args.action, args.reviewer, args.note)
    refresh_checks(engine)
    change = f" ({correction_text(review.correction)})" if review.correction else ""
    print(f"{target_type} {target_id}: {args.action} by {review.reviewer}{change}", file=err)
    return 0


def cmd_briefing(args: argparse.Namespace, err: TextIO) -> int:
    from etl.report.briefing import briefing_html

    page = briefing_html(_engine(args.db), args.entity)
    tmp = args.out.with_name(args.out.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(args.out)  # never leave half a file under the real name
    print(f"briefing -> {args.out}", file=err)
    return 0


def cmd_add_user(args: argparse.Namespace, err: TextIO) -> int:
    from db.users import add_user

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {args.username}: ")
        if password != getpass.getpass("Again: "):
            print("error: the passwords differ", file=err)
            return 2
    engine = _engine(args.db)
    add_user(engine, args.username, password)
    print(f"reviewer {args.username} added", file=err)
    return 0


def cmd_train(args: argparse.Namespace, err: TextIO) -> int:
    from etl import train

    corrections: list = []
    extra: list = []
    if args.db:
        engine = _engine(args.db)
        corrections = train.corrections_from(engine)
        names = {str(c["document"] if isinstance(c, dict) else c.document) for c in corrections}
        extra = train.stored_documents(engine, names)
    out = args.out or train.MODEL_FILE
    model = train.train(corrections, out=out, extra_docs=extra)
    r = model["report"]
    print(
        f"{r['examples']} examples ({r['right']} right) from {', '.join(r['sets'])}"
        f" and {r['corrections']} corrections -> {out}",
        file=err,
    )
    return 0


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = build_parser().parse_args(argv)
    if args.command != "ingest":  # which loads its modules first (cmd_ingest)
        loaded()
    # A Ctrl-C that lands while the pool resets a connection is reported below in one line;
    # the pool's own log of it (a traceback on stderr) would only repeat it.
    logging.getLogger("sqlalchemy.pool").setLevel(logging.CRITICAL)
    try:
        if args.command == "ingest":
            return cmd_ingest(args, err)
        if args.command == "export":
            return cmd_export(args, out, err)
        if args.command == "review":
            return cmd_review(args, err)
        if args.command == "train":
            return cmd_train(args, err)
        if args.command == "briefing":
            return cmd_briefing(args, err)
        return cmd_add_user(args, err)
    except KeyboardInterrupt:
        print(_INTERRUPTED, file=err)
        return 130
    except Exception as e:
        if _after_ctrl_c(e):  # the cleanup a Ctrl-C set off failed too (a cancelled query)
            print(_INTERRUPTED, file=err)
            return 130
        if isinstance(e, (ValueError, LookupError)):  # bad filter, unknown id, duplicate user
            print(f"error: {e}", file=err)
            return 2
        from sqlalchemy.exc import SQLAlchemyError  # database unreachable and the like

        if isinstance(e, SQLAlchemyError):
            print(f"error: database: {str(e).splitlines()[0]}", file=err)
            return 2
        raise


_INTERRUPTED = "interrupted: every file already stored is complete"


def _after_ctrl_c(e: BaseException) -> bool:
    """Whether `e` was raised while a Ctrl-C was being handled (its context holds one)."""
    seen: set[int] = set()
    cur: BaseException | None = e
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return True
        seen.add(id(cur))
        cur = cur.__context__
    return False


def leave(code: int) -> None:
    """End the process with `code` once the command is done: output flushed, every database
    connection closed, then no teardown of the hundreds of modules loaded (a tenth of a second
    that a command's user would wait for and nothing needs)."""
    import logging
    import signal

    from db.engine import dispose_all

    # The command is done and has said so: a Ctrl-C now has nothing left to stop, and would
    # only break the teardown with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    logging.shutdown()
    dispose_all()
    os._exit(code)
