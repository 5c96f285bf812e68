"""Reading files into ReadDocuments: formats, sections, dates, titles and every bad input."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from db.records import DATE_SOURCES, ReadDocument
from etl.read.errors import IngestError
from etl.read.manifest import ManifestEntry, load_manifest
from etl.read.readers import DEFAULT_MAX_BYTES, SUPPORTED, read_bytes, read_document
from tests.paths import ROOT
from tests.pdfs import lines_pdf

SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "read"


def blank_pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if password:
        writer.encrypt(user_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def assert_tiles(doc: ReadDocument) -> None:
    """Sections start at 0, follow each other without gaps and end at the end of the text."""
    assert doc.sections, "at least one section"
    assert doc.sections[0].char_start == 0
    assert doc.sections[-1].char_end == len(doc.text)
    for before, after in zip(doc.sections, doc.sections[1:], strict=False):
        assert before.char_end == after.char_start
    assert [s.index for s in doc.sections] == list(range(len(doc.sections)))


# Formats.


def test_plain_text_report(tmp_path: Path) -> None:
    raw = "Press Release\n\nHong Kong, 5 June 2025 – Cyberport, Hong Kongâ€™s hub, has ﬁve labs.\n"
    path = tmp_path / "report.txt"
    path.write_text(raw, encoding="utf-8")
    doc = read_document(path)
    assert doc.file_name == "report.txt" and doc.source_format == "txt"
    assert doc.sha256 == hashlib.sha256(raw.encode()).hexdigest()
    assert doc.size_bytes == len(raw.encode())
    assert doc.text.endswith("Cyberport, Hong Kong’s hub, has five labs.")
    assert (doc.published_on, doc.date_source) == (date(2025, 6, 5), "dateline")
    assert doc.title is None  # "Press Release" is no title
    assert_tiles(doc)
    assert len(doc.sections) == 1
    assert (doc.sections[0].published_on, doc.sections[0].date_source) == (
        date(2025, 6, 5),
        "dateline",
    )


def test_markdown_file() -> None:
    doc = read_document(FIXTURES / "release.md")
    assert doc.source_format == "md"
    assert doc.title == "Cyberport welcomes AI start-ups to its new lab"
    assert "HK$ 500,000" in doc.text and "\\" not in doc.text and "**" not in doc.text
    assert "member companies access" in doc.text and "https://" not in doc.text
    assert (doc.published_on, doc.date_source) == (date(2025, 10, 21), "dateline")


def test_html_page_keeps_the_main_text_and_its_metadata() -> None:
    doc = read_document(FIXTURES / "page.html")
    assert doc.source_format == "html"
    assert doc.title == "Start-up park reaches 2,000 members"
    assert doc.publisher == "Harbour Daily"
    assert doc.url == "https://news.example.org/tech/start-up-park-2000-members"
    assert (doc.published_on, doc.date_source) == (date(2024, 11, 8), "html-meta")
    assert "more than 2,000 member companies" in doc.text
    assert "HK$30 billion" in doc.text
    for dropped in ("tracker", "1 January 2019", "color", "Sport", "All rights reserved"):
        assert dropped not in doc.text
    assert "\n\n" in doc.text  # paragraphs are kept apart
    assert_tiles(doc)


def test_html_time_element_is_html_meta() -> None:
    page = (
        "<html><head><title>Lab opens</title></head><body><article><h1>Lab opens</h1>"
        '<time datetime="2023-03-21">21 March</time>'
        "<p>The new lab opened its doors to forty start-ups working on robotics and AI.</p>"
        "</article></body></html>"
    )
    doc = read_bytes(page.encode(), "lab.htm")
    assert (doc.published_on, doc.date_source) == (date(2023, 3, 21), "html-meta")
    assert doc.title == "Lab opens"


def test_html_without_metadata_uses_the_dateline() -> None:
    page = (
        "<html><body><article><p>Hong Kong, 12 March 2024 – The campus opened a robotics "
        "studio for 40 hardware start-ups.</p></article></body></html>"
    )
    doc = read_bytes(page.encode(), "studio.html")
    assert (doc.published_on, doc.date_source) == (date(2024, 3, 12), "dateline")


def test_html_in_a_declared_legacy_encoding() -> None:
    page = (
        '<html><head><meta charset="big5"><title>數碼港</title></head><body><article>'
        "<p>數碼港社群有超過二千間初創企業。</p></article></body></html>"
    )
    doc = read_bytes(page.encode("big5"), "zh.html")
    assert doc.title == "數碼港"
    assert "數碼港社群" in doc.text


def test_pdf_text_layer(tmp_path: Path) -> None:
    data = lines_pdf(
        [
            ["Cyberport Opens AI Lab", "Hong Kong, 5 June 2025 - Cyberport said the devel-"],
            ["opment of its campus continues with over 2,000 members."],
        ]
    )
    path = tmp_path / "lab.pdf"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.source_format == "pdf"
    assert (doc.published_on, doc.date_source) == (date(2025, 6, 5), "dateline")
    assert "the development of its campus continues with over 2,000 members." in doc.text
    assert doc.title == "Cyberport Opens AI Lab"


# Sections.


def test_digest_with_three_english_reports() -> None:
    doc = read_document(FIXTURES / "digest_en.txt")
    assert_tiles(doc)
    got = [(s.published_on, s.date_source, s.heading) for s in doc.sections]
    assert got == [
        (date(2024, 3, 12), "dateline", "Weekly I&T Digest"),
        (date(2024, 4, 2), "dateline", "Incubator reports record intake"),
        (date(2024, 5, 15), "dateline", "Fintech week draws record crowd"),
    ]
    second = doc.text[doc.sections[1].char_start : doc.sections[1].char_end]
    assert second.startswith("Incubator reports record intake\n\n2 April 2024 —")
    assert "Tel: (852) 3166 3881" in second
    first = doc.text[: doc.sections[0].char_end]
    assert "on 8-9 March" in first and "April of this year" in first  # no split on these
    assert (doc.published_on, doc.date_source) == (date(2024, 5, 15), "dateline")


def test_digest_with_chinese_format_date_lines() -> None:
    doc = read_document(FIXTURES / "digest_zh.txt")
    assert_tiles(doc)
    assert [s.published_on for s in doc.sections] == [
        date(2023, 3, 21),
        date(2023, 4, 3),
        date(2023, 5, 18),
    ]
    assert {s.date_source for s in doc.sections} == {"dateline"}


def test_digest_with_day_first_numeric_dates() -> None:
    doc = read_document(FIXTURES / "digest_numeric.txt")
    assert_tiles(doc)
    assert [s.published_on for s in doc.sections] == [
        date(2025, 6, 5),
        date(2025, 6, 12),
        date(2025, 6, 30),
    ]


def test_digest_sections_keep_their_dates_under_a_manifest_date() -> None:
    entry = ManifestEntry("Digest", "Newsroom", "digest", None, date(2024, 6, 1))
    doc = read_document(FIXTURES / "digest_en.txt", manifest=entry)
    assert (doc.published_on, doc.date_source) == (date(2024, 6, 1), "manifest")
    assert [s.published_on for s in doc.sections] == [
        date(2024, 3, 12),
        date(2024, 4, 2),
        date(2024, 5, 15),
    ]
    assert (doc.title, doc.publisher, doc.kind) == ("Digest", "Newsroom", "digest")


def test_timeline_entries_and_body_dates_do_not_split_a_report() -> None:
    raw = (
        "Cyberport at 20\n\nHong Kong, 5 June 2023 – Cyberport marked its anniversary. "
        "The symposium was held in Beijing on 20-21 September and more events follow in "
        "April of this year.\n\nMilestones:\n\n12 May 2004 – campus opens\n\n"
        "1 June 2013 – incubation scheme widened\n\n3 March 2021 – 1,500 members\n\n"
        "On 5 June 2023, the chairman thanked the staff for two decades of work."
    )
    doc = read_bytes(raw.encode(), "anniversary.txt")
    assert len(doc.sections) == 1
    assert (doc.published_on, doc.date_source) == (date(2023, 6, 5), "dateline")


def test_inline_and_unknown_dates() -> None:
    inline = read_bytes(b"Cyberport signed the deal on 3 May 2024 in Shenzhen.", "a.txt")
    assert (inline.published_on, inline.date_source) == (date(2024, 5, 3), "inline")
    undated = read_bytes(b"The 2023 conference drew 500 start-ups.", "b.txt")
    assert (undated.published_on, undated.date_source) == (None, "unknown")
    assert (undated.sections[0].published_on, undated.sections[0].date_source) == (
        None,
        "unknown",
    )


# Seeds.


@pytest.mark.parametrize(
    ("prefix", "expected", "source"),
    [
        ("000_", date(2024, 9, 23), "dateline"),
        ("001_", date(2025, 6, 5), "dateline"),
        ("002_", None, "unknown"),
        ("003_", date(2025, 10, 21), "dateline"),
        ("004_", date(2023, 3, 21), "dateline"),
    ],
)
def test_seeds(prefix: str, expected: date | None, source: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}*.txt")
    doc = read_document(path)
    assert (doc.published_on, doc.date_source) == (expected, source)
    assert len(doc.sections) == 1
    assert_tiles(doc)
    entry = load_manifest(SEEDS)[path.name]
    with_manifest = read_document(path, manifest=entry)
    assert (with_manifest.published_on, with_manifest.date_source) == (
        entry.published_on,
        "manifest",
    )
    assert with_manifest.sections[0].published_on == entry.published_on
    assert with_manifest.title == (entry.title or doc.title)
    assert with_manifest.text == doc.text and with_manifest.sha256 == doc.sha256


def test_seed_titles_without_the_manifest() -> None:
    titles = {p.name[:3]: read_document(p).title for p in sorted(SEEDS.glob("*.txt"))}
    assert titles["002"] == "Cultivate unicorn enterprises and build supercomputing centers"
    assert titles["003"] == (
        "Cyberport Congratulates the Opening of Hong Kong Jiangsu Science and Technology "
        "Innovation Center"
    )
    assert titles["000"].startswith("Cyberport Achieved Fruitful Results at the")


# Names, uploads and encodings.


def test_read_bytes_matches_read_document_and_file_name_is_a_base_name(tmp_path: Path) -> None:
    path = tmp_path / "upload.md"
    path.write_bytes((FIXTURES / "release.md").read_bytes())
    from_path = read_document(path, file_name="folder/renamed.md")
    from_bytes = read_bytes(path.read_bytes(), "renamed.md")
    assert from_path == from_bytes
    assert from_path.file_name == "renamed.md"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_accepted_encodings(encoding: str) -> None:
    raw = "Hong Kong, 5 June 2025 – Cyberport’s 2,200 start-ups."
    data = raw.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # these codecs write no BOM: add it
        data = ("\ufeff" + raw).encode(encoding)
    doc = read_bytes(data, "enc.txt")
    assert doc.text == raw
    assert doc.published_on == date(2025, 6, 5)


def test_supported_list_and_default_limit() -> None:
    assert SUPPORTED == (".txt", ".md", ".html", ".htm", ".pdf")
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_extension_is_case_insensitive() -> None:
    assert read_bytes(b"Some text here.", "NOTE.TXT").source_format == "txt"


# Bad input: each is an IngestError with a short reason, never another exception.


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "file is empty"),
        (b"  \n\t\r\n ", "blank.md", "file is empty"),
        ("\ufeff  \n ".encode("utf-16"), "blank16.txt", "file is empty (whitespace only)"),
        (b"**\n\n---\n", "marks.md", "file is empty (whitespace only)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt", "binary file (NUL bytes)"),
        (bytes(range(1, 32)) * 10, "controls.txt", "binary file (control characters)"),
        ("Café près du port".encode("cp1252"), "latin.txt", "not UTF-8 text"),
        ("數碼港".encode("big5"), "big5.md", "not UTF-8 text"),
        ("no BOM here".encode("utf-16-le"), "nobom.txt", "binary file (NUL bytes)"),
        (b"<html><head><meta charset='big5'></head><body>\xff\xff\xff</body>", "x.html", "big5"),
        (b"<html><body><script>var a = 1;</script></body></html>", "script.html", "no main text"),
        (b"some text", "notes.docx", "unsupported file type '.docx'"),
        (b"some text", "README", "unsupported file type without an extension"),
        (b"just some text", "fake.pdf", "not a PDF file"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken.pdf", "malformed PDF"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "garbage.pdf", "malformed PDF"),
    ],
)
def test_bad_bytes(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_bytes(data, name)
    assert caught.value.file == name
    assert reason in caught.value.reason
    assert str(caught.value) == f"{name}: {caught.value.reason}"


def test_truncated_pdf() -> None:
    data = lines_pdf([["Hong Kong, 5 June 2025 - text"]])
    with pytest.raises(IngestError, match=r"cut.pdf: malformed PDF"):
        read_bytes(data[: len(data) // 2], "cut.pdf")


def test_pdf_without_a_text_layer() -> None:
    with pytest.raises(IngestError, match=r"scan.pdf: PDF has no text layer"):
        read_bytes(blank_pdf(), "scan.pdf")


def test_password_protected_pdf() -> None:
    with pytest.raises(IngestError, match=r"locked.pdf: PDF is encrypted with a password"):
        read_bytes(blank_pdf(password="secret"), "locked.pdf")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"gone.txt: file not found"):
        read_document(tmp_path / "gone.txt")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match=r"folder.txt: is a folder, not a file"):
        read_document(folder)


def test_unsupported_extension_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(IngestError, match=r"sheet.xlsx: unsupported file type '.xlsx'"):
        read_document(path)


def test_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Cyberport has many start-ups. " * 100)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(IngestError, match=r"big.txt: file is too large \(0.0 MB; the limit is"):
        read_document(path, max_bytes=1000)


def test_too_large_upload() -> None:
    with pytest.raises(IngestError, match=r"file is too large"):
        read_bytes(b"x" * 2048, "up.txt", max_bytes=1024)


def test_empty_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.touch()
    with pytest.raises(IngestError, match=r"empty.html: file is empty"):
        read_document(path)


@settings(max_examples=150)
@given(st.text(min_size=1))
def test_any_text_reads_or_fails_with_an_ingest_error(raw: str) -> None:
    try:
        doc = read_bytes(raw.encode("utf-8", "surrogatepass"), "any.txt")
    except IngestError:
        return
    assert doc.text and doc.text == doc.text.strip()
    assert_tiles(doc)
    assert doc.date_source in DATE_SOURCES


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_control_characters_counted_in_utf8_bytes_as_in_the_text(text: str) -> None:
    """The byte count (UTF-8) and the character count agree, with a BOM or without one."""
    from etl.read.readers import _control_count

    for data in (text.encode("utf-8"), text.encode("utf-8-sig")):
        assert _control_count(data, text, utf8=True) == _control_count(data, text, utf8=False)


def test_control_characters_in_utf8_refuse_the_file() -> None:
    text = "Cyberport\x01 has\x02 2,000\x1b members.\n" * 3
    with pytest.raises(IngestError, match="control characters"):
        read_bytes(text.encode("utf-8"), "odd.txt")
    with pytest.raises(IngestError, match="control characters"):
        read_bytes(text.encode("utf-16"), "odd.txt")
    assert read_bytes(("Cyberport has 2,000 members. " * 5).encode(), "ok.txt").text


@given(st.binary(max_size=50), st.integers(0, 49), st.integers(1, 50))
def test_read_up_to_reads_as_one_read_of_the_limit(data: bytes, size: int, limit: int) -> None:
    """Whatever the size said (a file may grow or shrink after it), as `read(limit)`."""
    from etl.read.readers import read_up_to

    size = min(size, limit - 1)
    assert read_up_to(io.BytesIO(data), limit, size) == data[:limit]


def test_a_folder_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a folder"):
        read_document(tmp_path)
    with pytest.raises(IngestError, match="file not found"):
        read_document(tmp_path / "gone.txt")
    with pytest.raises(IngestError, match="file is too large"):
        (tmp_path / "big.txt").write_text("Cyberport " * 20)
        read_document(tmp_path / "big.txt", max_bytes=100)
