"""The files a folder holds for ingest, and every entry it does not take, with the reason.

Skipped on purpose (and counted as such): hidden files and folders (a name starting with a
dot) and a folder's read-me. Not taken and reported as errors: symbolic-link loops (a link to
itself, or to a folder that holds it), broken links, entries that are not regular files and
folders that cannot be read. A link to a file or to another folder is followed; a folder reached
twice through links is read once. The manifest (`sources.csv`) is read as the manifest.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from db.oneline import shown
from etl.read.manifest import MANIFEST_NAME

READ_ME_NAMES = frozenset({"README.md", "README.txt"})


@dataclass(frozen=True)
class Skipped:
    path: Path
    kind: str  # hidden, read-me, symlink loop, broken link, not a regular file, unreadable
    reason: str  # the rest of the one line: "<path>: <reason>"
    on_purpose: bool  # hidden files and read-mes: not an error

    def line(self) -> str:
        return f"{shown(str(self.path))}: {self.reason}"


@dataclass(frozen=True)
class Found:
    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]


def find_files(paths: Iterable[Path]) -> Found:
    """Expand folders (recursively, sorted); files named directly are taken as they are."""
    walk = _Walk()
    for path in paths:
        path = Path(path)
        target = _stat(path)
        if isinstance(target, Skipped):
            walk.skipped.append(target)
        elif stat.S_ISDIR(target.st_mode):
            walk.folder(path, target, ())
        else:
            walk.files.append(path)  # the reader says if it is not a file it can read
    return Found(tuple(walk.files), tuple(walk.skipped))


class _Walk:
    def __init__(self) -> None:
        self.files: list[Path] = []
        self.skipped: list[Skipped] = []
        self.seen: set[tuple[int, int]] = set()

    def folder(self, path: Path, info: os.stat_result, above: tuple[tuple[int, int], ...]) -> None:
        ident = (info.st_dev, info.st_ino)
        if ident in above:
            self.skipped.append(
                Skipped(
                    path, "symlink loop", "symbolic link loop: leads to a folder it is in", False
                )
            )
            return
        if ident in self.seen:
            return  # the same folder reached again through a link: its files are already listed
        self.seen.add(ident)
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            reason = f"cannot read the folder ({exc.strerror or exc})"
            self.skipped.append(Skipped(path, "unreadable", reason, False))
            return
        for entry in entries:
            self.entry(Path(entry.path), entry, (*above, ident))

    def entry(self, path: Path, entry: os.DirEntry, above: tuple[tuple[int, int], ...]) -> None:
        name = entry.name
        if name == MANIFEST_NAME:
            return
        if name.startswith("."):
            what = "hidden folder" if entry.is_dir(follow_symlinks=False) else "hidden file"
            self.skipped.append(Skipped(path, "hidden", f"{what}: skipped on purpose", True))
            return
        target = _stat(path)
        if isinstance(target, Skipped):
            self.skipped.append(target)
        elif stat.S_ISDIR(target.st_mode):
            self.folder(path, target, above)
        elif not stat.S_ISREG(target.st_mode):
            self.skipped.append(Skipped(path, "not a regular file", "not a regular file", False))
        elif name in READ_ME_NAMES:
            reason = "a folder's read-me, not a document: skipped on purpose"
            self.skipped.append(Skipped(path, "read-me", reason, True))
        else:
            self.files.append(path)


def _stat(path: Path) -> os.stat_result | Skipped:
    """What `path` leads to (links followed), or why it leads nowhere."""
    try:
        return os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skipped(path, "symlink loop", "symbolic link loop: leads back to itself", False)
        if path.is_symlink():
            where = shown(os.readlink(path))
            return Skipped(path, "broken link", f"broken symbolic link (to {where})", False)
        if exc.errno == errno.ENOENT:
            return Skipped(path, "missing", "no such file or folder", False)
        return Skipped(path, "unreadable", f"cannot read it ({exc.strerror or exc})", False)
