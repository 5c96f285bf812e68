"""Text from outside (file names, headers) in a one-line message, shared by `etl` and `dashboards`.

A file name may hold a newline, an escape code or a right-to-left override: printed raw it
splits the line or reaches the terminal, so such a name is shown as Python's repr shows it.
"""

from __future__ import annotations


def shown(text: str) -> str:
    """`text` as is when every character prints on one line, else escaped repr-style."""
    return text if text.isprintable() else repr(text)


def one_line(text: str) -> str:
    """`text` with every character that would not print escaped in place (the last guard before
    a terminal: a library's message may quote bytes from a file)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
