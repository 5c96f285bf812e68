"""The command line: help for every command, clean one-line errors, export contract headers."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from etl.cli import EXPORT_KINDS, build_parser, main
from tests.paths import ROOT

CONTRACT_HEADERS = {
    "claims": "claim_id,document,published_on,as_of,entity,metric,value,unit,qualifier,period,"
    "value_low,value_high,value_hkd,quote,char_start,char_end,flags,status",
    "conflicts": "conflict_id,entity,metric,kind,severity,status,claim_ids,explanation",
    "documents": "document,sha256,published_on,date_source",
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert set(commands) == {"ingest", "export", "review", "briefing", "add-user", "train"}
    for name in commands:
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
        assert "usage: python -m etl " + name in capsys.readouterr().out


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_export_of_an_empty_database_has_the_contract_header(db_url: str, kind: str) -> None:
    code, out, _ = run("export", kind, "--db", db_url)
    assert code == 0
    header = next(csv.reader(io.StringIO(out)))
    if kind in CONTRACT_HEADERS:
        assert header[: len(CONTRACT_HEADERS[kind].split(","))] == CONTRACT_HEADERS[kind].split(",")
    assert len(header) >= 3


def test_bad_date_is_a_usage_error(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "claims", "--from", "June 2025", "--db", db_url])
    assert exit_.value.code == 2
    assert "not a YYYY-MM-DD date" in capsys.readouterr().err


def test_unreachable_database_is_one_line(tmp_path) -> None:
    code, _, err = run("export", "claims", "--db", "postgresql+psycopg://x:y@127.0.0.1:1/none")
    assert code == 2
    assert err.startswith("error: database:") and err.count("\n") == 1


def test_a_ctrl_c_after_the_command_is_done_leaves_its_exit_code_and_no_traceback() -> None:
    # The interrupt lands while the finished command closes its connections.
    code = (
        "import os, signal, db.engine as e; from etl import cli; "
        "e.dispose_all = lambda: os.kill(os.getpid(), signal.SIGINT); cli.leave(3)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr


def test_the_pool_logs_nothing_a_one_line_error_would_repeat(db_url: str) -> None:
    import logging

    logger = logging.getLogger("sqlalchemy.pool.impl.QueuePool")
    logging.getLogger("sqlalchemy.pool").setLevel(logging.NOTSET)
    assert main(["export", "claims", "--db", db_url], out=io.StringIO(), err=io.StringIO()) == 0
    assert not logger.isEnabledFor(logging.ERROR)  # (a Ctrl-C during a reset: no traceback)


def test_an_error_in_the_cleanup_a_ctrl_c_set_off_is_still_an_interruption(monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    import etl.cli

    def cancelled(args, err):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:  # (as a rollback after a cancelled query fails)
            raise OperationalError("ROLLBACK", {}, Exception("query canceled")) from None

    monkeypatch.setattr(etl.cli, "cmd_ingest", cancelled)
    err = io.StringIO()
    assert main(["ingest", "x"], err=err) == 130
    assert err.getvalue().startswith("interrupted") and "Traceback" not in err.getvalue()


def test_the_command_line_loads_no_database_code_before_a_command_needs_it() -> None:
    code = (
        "import sys, etl.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('db', 'sqlalchemy'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_collection_resumes_once_the_commands_modules_are_loaded() -> None:
    import gc

    import etl.cli

    gc.disable()
    try:
        etl.cli.loaded()
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
