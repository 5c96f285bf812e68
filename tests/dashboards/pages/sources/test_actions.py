"""The upload behind the Sources page: refused without a reviewer, size-checked, ingested."""

from __future__ import annotations

import base64

import pytest

from dashboards.pages.sources.actions import (
    REFUSED,
    decode_contents,
    handle_upload,
    upload_as_logged_in,
)
from db.documents import list_documents
from tests.review_fixtures import session_requests

PRESS_RELEASE = """\
Harbourfront Digital Park welcomes new cohort

HONG KONG, 14 February 2026 – Cyberport today announced that its community now counts \
over 3,100 start-ups and technology companies, after welcoming a new cohort this winter.
"""


def data_url(data: bytes, mime: str = "text/plain") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode()


def test_decode_contents_round_trips() -> None:
    assert decode_contents(data_url(b"\x00abc\xff")) == b"\x00abc\xff"
    with pytest.raises(ValueError, match="data URL"):
        decode_contents("abc")
    with pytest.raises(ValueError, match="damaged"):
        decode_contents("data:text/plain;base64,@@@@")


def test_anonymous_upload_is_refused_and_stores_nothing(engine) -> None:
    result = handle_upload(engine, None, data_url(PRESS_RELEASE.encode()), "news.txt")
    assert not result.ok
    assert result.message == REFUSED
    assert list_documents(engine) == []


@pytest.mark.parametrize(
    ("contents", "name", "expected"),
    [
        (None, "a.txt", "No file was received."),
        (data_url(b"x"), "tool.exe", "tool.exe: unsupported file type"),
        ("not a data url", "a.txt", "a.txt: the upload is not a base64 data URL"),
        (data_url(b"x" * 5000), "../../etc/big.txt", "big.txt: larger than"),
    ],
)
def test_bad_uploads_give_one_line(engine, contents, name, expected) -> None:
    result = handle_upload(engine, "rev", contents, name, max_bytes=4000)
    assert not result.ok
    assert result.message.startswith(expected)
    assert "\n" not in result.message
    assert list_documents(engine) == []


def test_upload_ingests_and_lists_the_claims(engine) -> None:
    result = handle_upload(engine, "rev", data_url(PRESS_RELEASE.encode()), "cohort.txt")
    assert result.ok, result.message
    assert result.message.startswith("cohort.txt: added;")
    (doc,) = list_documents(engine)
    assert result.document_id == doc.id
    assert doc.claims == len(result.claims) > 0
    values = {c.value for c in result.claims}
    assert "over 3,100" in values
    figure = next(c for c in result.claims if c.value == "over 3,100")
    assert figure.as_of == "2026-02-14"
    assert "3,100" in figure.quote

    again = handle_upload(engine, "rev", data_url(PRESS_RELEASE.encode()), "copy.txt")
    assert again.ok
    assert "already stored as cohort.txt" in again.message
    assert again.document_id == doc.id
    assert len(list_documents(engine)) == 1


def test_unreadable_file_gives_the_ingest_error(engine) -> None:
    result = handle_upload(engine, "rev", data_url(b"%PDF-1.4 garbage", "application/pdf"), "r.pdf")
    assert not result.ok
    assert result.message.startswith("r.pdf")
    assert list_documents(engine) == []


def test_upload_from_a_request_needs_an_active_reviewer_in_the_session(engine) -> None:
    as_user = session_requests(engine)
    for user in (None, "gone", "stranger"):
        with as_user(user):
            out = upload_as_logged_in(engine, data_url(PRESS_RELEASE.encode()), "cohort.txt")
        assert not out.ok and out.message == REFUSED
    assert list_documents(engine) == []
    with as_user("mei"):
        out = upload_as_logged_in(engine, data_url(PRESS_RELEASE.encode()), "cohort.txt")
    assert out.ok and len(list_documents(engine)) == 1


def test_a_file_kept_back_by_the_page_gets_the_size_message(engine) -> None:
    mb = 1024 * 1024
    result = handle_upload(
        engine, "rev", None, "report.pdf", max_bytes=2 * mb, announced_bytes=3 * mb
    )
    assert (result.ok, result.message) == (False, "report.pdf: larger than 2 MB")
    small = handle_upload(engine, "rev", None, "report.pdf", max_bytes=2 * mb, announced_bytes=10)
    assert small.message == "No file was received."
    assert list_documents(engine) == []


def test_a_name_with_control_characters_is_escaped_in_the_message(engine) -> None:
    result = handle_upload(engine, "rev", data_url(b"x"), "two\nlines\x1b.exe")
    assert result.message.startswith("'two\\nlines\\x1b.exe': unsupported file type")
