"""Folder walks: every entry not taken is reported, with the reason; links cannot loop forever."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from etl.read.folders import find_files


def _tree(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text("x", encoding="utf-8")
    (root / "sub" / "deep.md").write_text("x", encoding="utf-8")
    (root / ".draft.txt").write_text("x", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("x", encoding="utf-8")
    (root / "README.md").write_text("x", encoding="utf-8")
    (root / "sources.csv").write_text("file\n", encoding="utf-8")
    return root


def test_a_plain_folder_lists_its_files_and_says_what_it_skips(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    found = find_files([root])
    assert found.files == (root / "good.txt", root / "sub" / "deep.md")
    skipped = {s.path.name: (s.kind, s.on_purpose) for s in found.skipped}
    assert skipped == {
        ".draft.txt": ("hidden", True),
        ".git": ("hidden", True),
        "README.md": ("read-me", True),
    }
    assert {s.line() for s in found.skipped} >= {
        f"{root / '.git'}: hidden folder: skipped on purpose",
        f"{root / 'README.md'}: a folder's read-me, not a document: skipped on purpose",
    }


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_loops_and_broken_links_are_errors(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    (root / "self.txt").symlink_to(root / "self.txt")  # a link to itself
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # a folder holding it
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    (root / "alias.txt").symlink_to(root / "good.txt")  # a link to a file is followed
    found = find_files([root])
    assert found.files == (root / "alias.txt", root / "good.txt", root / "sub" / "deep.md")
    errors = {s.path.name: s.reason for s in found.skipped if not s.on_purpose}
    assert errors == {
        "self.txt": "symbolic link loop: leads back to itself",
        "up": "symbolic link loop: leads to a folder it is in",
        "gone.txt": f"broken symbolic link (to {root / 'nowhere.txt'})",
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    found = find_files([tmp_path])
    assert found.files == ()
    assert [(s.kind, s.on_purpose) for s in found.skipped] == [("not a regular file", False)]


def test_a_folder_reached_twice_is_read_once(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    (tmp_path / "again").symlink_to(root / "sub", target_is_directory=True)
    found = find_files([root, tmp_path / "again"])
    assert found.files == (root / "good.txt", root / "sub" / "deep.md")


def test_named_paths_are_taken_as_given(tmp_path: Path) -> None:
    hidden = tmp_path / ".named.txt"
    hidden.write_text("x", encoding="utf-8")
    found = find_files([hidden, tmp_path / "missing.txt"])
    assert found.files == (hidden,)
    assert [s.line() for s in found.skipped] == [
        f"{tmp_path / 'missing.txt'}: no such file or folder"
    ]


def test_a_name_with_control_characters_is_shown_escaped(tmp_path: Path) -> None:
    name = "two\nlines\x1b[31m.txt"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).symlink_to(tmp_path / "nowhere")
    [skip] = find_files([tmp_path / "sub"]).skipped
    line = skip.line()
    assert "\n" not in line and "\x1b" not in line
    assert "two\\nlines\\x1b[31m.txt" in line
