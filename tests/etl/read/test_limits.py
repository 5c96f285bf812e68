"""Parser limits are named in the error line: nesting, huge scripts and text, PDF limits."""

from __future__ import annotations

import io
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.read.errors import IngestError
from etl.read.limits import HTML_MAX_DEPTH, html_limit_problem, pdf_limit_problem
from etl.read.readers import read_bytes

SENTENCE = (
    "<p>Cyberport counted over 2,000 companies in March 2024, the park said in a release.</p>"
)


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"


def nested(depth: int) -> str:
    return page("<div>" * depth + SENTENCE + "</div>" * depth)


def test_an_ordinary_page_meets_no_limit() -> None:
    assert html_limit_problem(nested(50)) is None
    assert html_limit_problem(page(SENTENCE, "<script>var a = 1;</script>")) is None


def test_nesting_too_deep_is_named_with_the_limit() -> None:
    with pytest.raises(IngestError) as caught:
        read_bytes(nested(HTML_MAX_DEPTH + 44).encode(), "deep.html")
    assert str(caught.value) == (
        "deep.html: HTML nested too deep (more than 256 levels, the HTML parser's limit)"
    )


def test_a_script_too_large_is_named_with_its_size_and_the_limit() -> None:
    script = "<script>" + "var x = 1;" * 1_050_000 + "</script>"
    with pytest.raises(IngestError) as caught:
        read_bytes(page(SENTENCE, script).encode(), "big.html")
    assert str(caught.value) == (
        "big.html: a <script> block is too large "
        "(10,500,000 bytes; the HTML parser's limit is 10,000,000)"
    )


def test_a_text_block_too_large_is_named_with_the_limit() -> None:
    problem = html_limit_problem(page("<p>" + "word " * 2_100_000 + "</p>"))
    assert problem == "a block of text is too large (the HTML parser's limit is 10,000,000 bytes)"


@settings(max_examples=200)
@given(st.text())
def test_any_text_gives_a_reason_or_none_never_an_exception(text: str) -> None:
    problem = html_limit_problem(text)
    assert problem is None or (problem and "\n" not in problem)


def _pdf(content: bytes) -> bytes:
    """A one-page PDF whose page content is `content`, Flate-compressed."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def test_a_small_pdf_reads() -> None:
    doc = read_bytes(
        _pdf(b"BT /F1 12 Tf 72 712 Td (Cyberport hosts 900 start-ups.) Tj ET"), "a.pdf"
    )
    assert "Cyberport hosts 900 start-ups." in doc.text


def test_a_pdf_bomb_is_named_with_the_readers_limit() -> None:
    bomb = _pdf(b"BT /F1 12 Tf 72 712 Td (Hi) Tj ET\n" + b" " * 80_000_000)
    assert len(bomb) < 200_000
    with pytest.raises(IngestError) as caught:
        read_bytes(bomb, "bomb.pdf")
    assert str(caught.value) == (
        "bomb.pdf: a compressed stream unpacks to more than the PDF reader's limit of 75 MB"
    )


def test_pdf_limit_problem_names_recursion_and_leaves_other_errors() -> None:
    assert "nested too deep" in (pdf_limit_problem(RecursionError()) or "")
    assert pdf_limit_problem(ValueError("bad xref")) is None
