"""Small valid PDFs built by hand, so reader tests control exactly what text sits where."""

from __future__ import annotations

import io

Run = tuple[float, float, str]  # x, y (points from the bottom left), text


def _escaped(text: str) -> bytes:
    return text.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)")


def lines_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold the given lines of Helvetica text, top down."""
    streams = [
        b"BT /F1 11 Tf 14 TL 72 760 Td "
        + b"".join(b"(" + _escaped(line) + b") Tj T* " for line in lines)
        + b"ET"
        for lines in pages
    ]
    return _pdf(b"Helvetica", streams)


def positioned_pdf(pages: list[list[Run]]) -> bytes:
    """A PDF whose pages hold text runs at the given positions (Courier, 10 pt)."""
    streams = [
        b"".join(
            b"BT /F1 10 Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET\n" % (x, y, _escaped(text))
            for x, y, text in runs
        )
        for runs in pages
    ]
    return _pdf(b"Courier", streams)


def _pdf(font: bytes, streams: list[bytes]) -> bytes:
    """One font, one content stream per page, a cross-reference table that pypdf accepts."""
    objects: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /%s >>" % font]
    contents = []
    for ops in streams:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops))
        contents.append(len(objects))
    pages_id = len(objects) + len(streams) + 1
    kids = []
    for content in contents:
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 1 0 R >> >> /Contents %d 0 R >>" % (pages_id, content)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return out.getvalue()
