"""An unexpected error on one file fails that file alone, with one line."""

from __future__ import annotations

import pytest

import etl.read.readers
from etl.read import IngestError, fails_alone, read_bytes


def test_another_error_becomes_the_files_own_one_line() -> None:
    with pytest.raises(IngestError) as caught, fails_alone("a.txt", "read"):
        raise KeyError("x")
    assert str(caught.value) == "a.txt: could not be read (internal error: KeyError: 'x')"
    assert isinstance(caught.value.__cause__, KeyError)


def test_an_ingest_error_and_an_interrupt_pass_unchanged() -> None:
    with pytest.raises(IngestError, match=r"^a\.txt: file is empty$"), fails_alone("a.txt", "read"):
        raise IngestError("a.txt", "file is empty")
    with pytest.raises(KeyboardInterrupt), fails_alone("a.txt", "read"):
        raise KeyboardInterrupt


def test_an_error_without_words_is_named_by_its_type() -> None:
    words = r"\(internal error: ZeroDivisionError\)$"
    with pytest.raises(IngestError, match=words), fails_alone("a.txt", "extracted"):
        raise ZeroDivisionError


def test_reading_bytes_turns_a_fault_into_the_files_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a, **_k):
        raise IndexError("string index out of range")

    monkeypatch.setattr(etl.read.readers, "normalise_text", broken)
    with pytest.raises(IngestError) as caught:
        read_bytes(b"Cyberport has 900 firms.", "news.txt")
    assert caught.value.file == "news.txt"
    assert (
        caught.value.reason
        == "could not be read (internal error: IndexError: string index out of range)"
    )
