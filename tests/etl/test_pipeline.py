"""Ingest end to end: idempotent, replaces changed files, bad files reported and skipped."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from db.document_rows import StoreResult
from db.documents import list_documents
from db.models import Claim, Document
from etl import pipeline
from etl.cli import main
from etl.pipeline import FileOutcome, ingest_paths, ingest_upload
from etl.workers import Prepared
from tests.conftest import SEEDS
from tests.factories import make_doc

GOOD = (
    "Hong Kong, 3 March 2021 – Cyberport is home to over 1,500 start-ups and technology"
    " companies.\n"
)


def _counts(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        docs = conn.execute(select(func.count()).select_from(Document)).scalar_one()
        claims = conn.execute(select(func.count()).select_from(Claim)).scalar_one()
    return docs, claims


def _export(db_url: str, kind: str) -> str:
    out = io.StringIO()
    assert main(["export", kind, "--db", db_url], out=out, err=io.StringIO()) == 0
    return out.getvalue()


def test_seeds_ingest_with_their_manifest_dates(engine: Engine) -> None:
    summary = ingest_paths(engine, [SEEDS])
    assert summary.errors == ()
    dates = {d.file_name: (str(d.published_on), d.date_source) for d in list_documents(engine)}
    assert {name: day for name, (day, _) in dates.items()} == {
        "000_4e40d7c6e6954620.txt": "2024-09-23",
        "001_881300d05cfa185f.txt": "2025-06-05",
        "002_472867e53c7005ce.txt": "2023-12-07",
        "003_d95390493eba1490.txt": "2025-10-21",
        "004_16099b804ae9f11b.txt": "2023-03-21",
    }
    assert {src for _, src in dates.values()} == {"manifest"}


def test_ingest_twice_changes_nothing(engine: Engine, db_url: str) -> None:
    ingest_paths(engine, [SEEDS])
    before = (_export(db_url, "documents"), _export(db_url, "claims"), _counts(engine))
    again = ingest_paths(engine, [SEEDS])
    assert again.count("unchanged") == 5 and not again.changed
    after = (_export(db_url, "documents"), _export(db_url, "claims"), _counts(engine))
    # ingested_at and claim ids are untouched too: the exports are byte-identical
    assert after == before


def test_changed_file_replaces_its_earlier_version(engine: Engine, tmp_path: Path) -> None:
    doc = tmp_path / "release.txt"
    doc.write_text(GOOD, encoding="utf-8")
    ingest_paths(engine, [doc])
    doc.write_text(GOOD.replace("1,500", "1,600"), encoding="utf-8")
    summary = ingest_paths(engine, [doc])
    assert [o.status for o in summary.outcomes] == ["replaced"]
    with engine.connect() as conn:
        values = conn.execute(select(Claim.value).where(Claim.metric == "companies")).scalars()
        assert list(values) == [1600]
    assert _counts(engine)[0] == 1


def test_bad_files_are_reported_and_the_rest_go_in(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "latin.txt").write_bytes(
        "Caf\xe9 \xff\xfe\xfa over 1,000".encode("latin-1") + b"\x81\x8d"
    )
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04 not a document")
    big = folder / "big.txt"
    big.write_text("x" * (2 * 1024 * 1024), encoding="utf-8")
    summary = ingest_paths(engine, [folder, tmp_path / "missing.txt"], max_bytes=1024 * 1024)
    errors = {Path(o.file).name: o.error for o in summary.errors}
    assert set(errors) == {
        "empty.txt",
        "binary.txt",
        "latin.txt",
        "broken.pdf",
        "sheet.xlsx",
        "big.txt",
        "missing.txt",
    }
    for line in errors.values():
        assert line and "\n" not in line and "Traceback" not in line
    assert [d.file_name for d in list_documents(engine)] == ["good.txt"]


def test_cli_ingest_exit_status_and_summary(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.md").write_text("  \n", encoding="utf-8")
    err = io.StringIO()
    code = main(["ingest", str(folder), "--db", db_url], out=io.StringIO(), err=err)
    lines = err.getvalue().splitlines()
    assert code == 1
    assert [ln for ln in lines if ln.startswith("error:")] == [
        ln for ln in lines if "empty.md" in ln
    ]
    assert lines[-1].startswith("2 files: 1 added, 0 replaced, 0 unchanged;")
    assert lines[-1].endswith("1 errors")


def test_a_broken_pdf_gives_one_line_and_no_library_noise(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 cut short")
    summary = ingest_paths(engine, [path])
    assert summary.errors[0].error.startswith(f"{path}: malformed PDF")
    assert [r for r in caplog.records if r.name.startswith("pypdf")] == []


def test_unknown_date_is_stored_and_reported(engine: Engine, tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Cyberport hosts over 900 start-ups.\n", encoding="utf-8")
    err = io.StringIO()
    main(["ingest", str(path), "--db", db_url], out=io.StringIO(), err=err)
    assert "undated.txt: no publication date found" in err.getvalue()
    docs = list_documents(engine)
    assert [(d.file_name, d.published_on, d.date_source) for d in docs] == [
        ("undated.txt", None, "unknown")
    ]


def test_upload_goes_through_the_same_ingest(engine: Engine) -> None:
    outcome = ingest_upload(engine, GOOD.encode(), "upload.txt")
    assert outcome.status == "added" and outcome.claims >= 1
    assert ingest_upload(engine, GOOD.encode(), "upload.txt").status == "unchanged"
    bad = ingest_upload(engine, b"", "empty.txt")
    assert bad.status == "error" and bad.error.startswith("empty.txt: ")


@pytest.mark.parametrize("name", ["notes.docx", "archive"])
def test_unsupported_named_file_is_an_error(engine: Engine, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(SEEDS / "004_16099b804ae9f11b.txt", path)
    summary = ingest_paths(engine, [path])
    expected = "unsupported file type '.docx'" if "." in name else "without an extension"
    assert expected in summary.errors[0].error


def _three_documents(tmp_path: Path) -> Path:
    """A folder of three good documents, 0.txt to 2.txt, each with a figure of its own."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(GOOD.replace("1,500", f"1,5{i}0"), encoding="utf-8")
    return folder


def test_ctrl_c_keeps_whole_files_only(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import etl.extract

    folder = _three_documents(tmp_path)
    real = etl.extract.extract_claims
    calls = []

    def interrupt_on_second(doc):
        calls.append(doc.file_name)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(doc)

    monkeypatch.setattr(etl.extract, "extract_claims", interrupt_on_second)
    err = io.StringIO()
    argv = ["ingest", str(folder), "--db", db_url, "--jobs", "1"]  # extraction in this process
    assert main(argv, out=io.StringIO(), err=err) == 130
    assert "interrupted" in err.getvalue()
    from db.engine import get_engine

    assert [d.file_name for d in list_documents(get_engine(db_url))] == ["0.txt"]


def test_every_entry_not_taken_is_reported_and_counted(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / ".notes.txt").write_text(GOOD, encoding="utf-8")
    (folder / "README.md").write_text("How this folder is kept.\n", encoding="utf-8")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    err = io.StringIO()
    code = main(["ingest", str(folder), "--db", db_url], out=io.StringIO(), err=err)
    lines = err.getvalue().splitlines()
    assert code == 1  # the loop is an error; hidden files and read-mes are skipped on purpose
    assert lines[:-1] == [
        f"skipped: {folder / '.notes.txt'}: hidden file: skipped on purpose",
        f"skipped: {folder / 'README.md'}: a folder's read-me, not a document: skipped on purpose",
        f"error: {folder / 'loop.txt'}: symbolic link loop: leads back to itself",
    ]
    assert lines[-1] == (
        "2 files: 1 added, 0 replaced, 0 unchanged; 1 sections, 1 claims; 0 without a date; "
        "1 errors; 2 skipped on purpose (1 hidden, 1 read-me)"
    )


def test_file_names_with_control_characters_stay_on_one_line(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    evil = folder / "evil\n\x1b[2Jname.txt"
    evil.write_text("", encoding="utf-8")
    (folder / "undated\x07.txt").write_text("Cyberport hosts over 900 start-ups.\n", "utf-8")
    err = io.StringIO()
    main(["ingest", str(folder), "--db", db_url], out=io.StringIO(), err=err)
    lines = err.getvalue().splitlines()
    assert len(lines) == 3
    assert all("\x1b" not in ln and "\x07" not in ln for ln in lines)
    assert lines[0] == f"error: {str(evil)!r}: file is empty"
    assert lines[0].endswith("evil\\n\\x1b[2Jname.txt': file is empty")
    assert lines[1] == (
        "warning: 'undated\\x07.txt': no publication date found (stored as unknown)"
    )


def test_an_upload_named_with_control_characters_is_reported_escaped(engine: Engine) -> None:
    outcome = ingest_upload(engine, b"", "bad\rname.txt")
    assert outcome.error == "'bad\\rname.txt': file is empty"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_fault_a_file_brings_out_fails_that_file_alone(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    import etl.extract

    folder = _three_documents(tmp_path)
    real = etl.extract.extract_claims

    def fails_on_one(doc):
        if doc.file_name == "1.txt":
            raise IndexError("string index out of range")
        return real(doc)

    monkeypatch.setattr(etl.extract, "extract_claims", fails_on_one)  # forked workers too
    err = io.StringIO()
    code = main(["ingest", str(folder), "--db", db_url, "--jobs", jobs], out=io.StringIO(), err=err)
    from db.engine import get_engine

    assert code == 1
    assert [d.file_name for d in list_documents(get_engine(db_url))] == ["0.txt", "2.txt"]
    errors = [line for line in err.getvalue().splitlines() if line.startswith("error:")]
    assert errors == [
        "error: " + str(folder / "1.txt") + ": could not be extracted "
        "(internal error: IndexError: string index out of range)"
    ]
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize(("documents", "size", "groups"), [(5, 10, [2, 2, 1]), (3, 100, [1, 1, 1])])
def test_new_documents_are_stored_in_groups_up_to_a_count_or_a_size(
    monkeypatch: pytest.MonkeyPatch, documents: int, size: int, groups: list[int]
) -> None:
    monkeypatch.setattr(pipeline, "GROUP_DOCUMENTS", 2)
    monkeypatch.setattr(pipeline, "GROUP_BYTES", 50)
    stored: list[int] = []

    class Writer:
        pending = False

        def store_many(self, items: list) -> list[StoreResult]:
            stored.append(len(items))
            return [StoreResult("added", 1, 1, 0) for _ in items]

    outcomes: list[FileOutcome] = []
    storing = pipeline._Storing(Writer(), frozenset(), outcomes, None)  # type: ignore[arg-type]
    for i in range(documents):
        doc = replace(make_doc(f"{i}.txt", text=f"text {i}"), size_bytes=size)
        storing.take(Prepared(doc, ()))
    storing.store_group()
    storing.tell()
    assert stored == groups
    assert [o.file for o in outcomes] == [f"{i}.txt" for i in range(documents)]
