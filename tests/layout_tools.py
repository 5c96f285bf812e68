"""Walk a tree of Dash components the way a browser would see it, without a browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dash.development.base_component import Component


def walk(node: Any) -> Iterator[Any]:
    """Every component and string in the tree, depth first."""
    if node is None:
        return
    if isinstance(node, list | tuple):
        for child in node:
            yield from walk(child)
        return
    yield node
    if isinstance(node, Component):
        yield from walk(getattr(node, "children", None))


def components(node: Any) -> list[Component]:
    return [n for n in walk(node) if isinstance(n, Component)]


def text_of(node: Any) -> str:
    """The text the tree shows, strings joined."""
    return "".join(n if isinstance(n, str) else "" for n in walk(node))


def with_id_type(node: Any, kind: str) -> list[Component]:
    """Components whose pattern-matching id has type `kind`."""
    return [
        c for c in components(node)
        if isinstance(getattr(c, "id", None), dict) and c.id.get("type") == kind
    ]  # fmt: skip
