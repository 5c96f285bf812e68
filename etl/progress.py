"""What an ingest shows as it goes: a progress bar on a terminal, and a line for each file
worth a word (an error, an entry skipped, no date found)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any, TextIO

from db.oneline import one_line, shown
from etl.ingest_files import FileOutcome


def progress(total: int, enabled: bool) -> Any:
    """A progress bar of `total` files on stderr (tqdm), or None when not `enabled`."""
    if not enabled:
        return contextlib.nullcontext(None)
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)


def teller(bar: Any, err: TextIO) -> Callable[[FileOutcome], None]:
    """What tells each file's outcome: its line (on `err`, or above the `bar`) and the bar
    moved on."""

    def say(msg: str) -> None:
        msg = one_line(msg)
        if bar is None:
            print(msg, file=err)
        else:
            bar.write(msg, file=err)

    def on_file(outcome: FileOutcome) -> None:
        if outcome.error:
            say(f"error: {outcome.error}")
        elif outcome.skipped:
            say(f"skipped: {outcome.skipped.line()}")
        elif outcome.date_source == "unknown" and outcome.status != "unchanged":
            say(f"warning: {shown(outcome.file)}: no publication date found (stored as unknown)")
        if bar is not None:
            bar.update(1)

    return on_file
