"""The one error type a file can fail with: a file name and a reason for one line on stderr."""

from __future__ import annotations

from db.oneline import shown


class IngestError(Exception):
    """A file that cannot be ingested; `str()` is the one line a user sees."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{shown(file)}: {reason}")
        self.file = file
        self.reason = reason
