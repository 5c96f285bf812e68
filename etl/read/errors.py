"""The one error type a file can fail with: a file name and a reason for one line on stderr."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from db.oneline import shown


class IngestError(Exception):
    """A file that cannot be ingested; `str()` is the one line a user sees."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{shown(file)}: {reason}")
        self.file = file
        self.reason = reason


@contextmanager
def fails_alone(file: str, step: str) -> Iterator[None]:
    """Any other error while `step` one file (a fault that file brings out) fails that file
    alone, with one line, as a bad file does: the other files still go in."""
    try:
        yield
    except IngestError:
        raise
    except Exception as exc:
        what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise IngestError(file, f"could not be {step} (internal error: {what})") from exc
