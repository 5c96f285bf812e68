"""The sources.csv manifest: what it gives, and the ways it can be malformed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etl.read.errors import IngestError
from etl.read.manifest import MANIFEST_NAME, ManifestEntry, load_manifest, parse_manifest
from tests.paths import ROOT

SEEDS = ROOT / "seeds"
HEADER = "file,title,publisher,kind,url,published_on\n"


def test_seed_manifest() -> None:
    entries = load_manifest(SEEDS)
    assert len(entries) == 5
    first = next(v for k, v in entries.items() if k.startswith("000_"))
    assert first.published_on == date(2024, 9, 23)
    assert first.publisher == "Cyberport" and first.kind == "press release"
    assert first.url is None
    last = next(v for k, v in entries.items() if k.startswith("004_"))
    assert last == ManifestEntry(None, None, "news report", None, date(2023, 3, 21))


def test_no_manifest_is_empty(tmp_path: Path) -> None:
    assert load_manifest(tmp_path) == {}


def test_reads_quoted_cells_a_bom_and_blank_lines(tmp_path: Path) -> None:
    text = HEADER + '\n"a.txt","Cyberport, 20 years on",Cyberport,,https://x.org/a,2024-01-31\n\n'
    (tmp_path / MANIFEST_NAME).write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_manifest(tmp_path) == {
        "a.txt": ManifestEntry(
            "Cyberport, 20 years on", "Cyberport", None, "https://x.org/a", date(2024, 1, 31)
        )
    }


def test_optional_columns_may_be_left_out() -> None:
    entries = parse_manifest("file,published_on\nb.md,2025-06-05\n")
    assert entries == {"b.md": ManifestEntry(None, None, None, None, date(2025, 6, 5))}


def test_header_only_and_empty_file() -> None:
    assert parse_manifest(HEADER) == {}
    assert parse_manifest("") == {}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (HEADER + "a.txt,T,P,K,,5 June 2025\n", "line 2: published_on '5 June 2025'"),
        (HEADER + "a.txt,T,P,K,,2025-02-30\n", "is not a YYYY-MM-DD date"),
        (HEADER + "a.txt,T,P,K,,20250605\n", "is not a YYYY-MM-DD date"),
        (HEADER + "a.txt,T,P,K\n", "line 2 has 4 cells, the header has 6"),
        (HEADER + "a.txt,T,P,K,,2025-06-05,extra\n", "has 7 cells"),
        (HEADER + ",T,P,K,,2025-06-05\n", "line 2 has no file name"),
        (HEADER + "a.txt,,,,,\nb.txt,,,,,\na.txt,,,,,\n", "line 4 repeats the file a.txt"),
        ("file,title,publised_on\na.txt,T,2025-06-05\n", "header must name the columns"),
        ("title,published_on\nT,2025-06-05\n", "header must name the columns"),
        ("file,file\na,b\n", "header must name the columns"),
        (HEADER + 'a.txt,"unterminated,,,,\n', "not a readable CSV file"),
    ],
)
def test_malformed_manifest_names_sources_csv(text: str, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse_manifest(text)
    assert caught.value.file == MANIFEST_NAME
    assert reason in caught.value.reason
    assert str(caught.value).startswith("sources.csv: ")


def test_manifest_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_bytes(HEADER.encode() + "a.txt,Caf\xe9,,,,\n".encode("cp1252"))
    with pytest.raises(IngestError, match=r"sources.csv: the manifest is not UTF-8 text"):
        load_manifest(tmp_path)
