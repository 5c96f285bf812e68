"""The layering holds: db knows no etl or dashboards, etl knows no dashboards, no import loops."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import ROOT

PACKAGES = ("db", "etl", "dashboards")
FORBIDDEN = {"db": ("etl", "dashboards"), "etl": ("dashboards",)}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    found = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def imports_of(path: Path, modules: dict[str, Path], this: str = "") -> Iterator[str]:
    """Every project module `path` imports, at any depth of the file (functions, TYPE_CHECKING)."""
    this = this or module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            # `from etl.check import wording` imports the module etl.check.wording;
            # `from db.claims import ClaimFilter` imports the module db.claims
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            while name and name not in modules:  # `import a.b.c` of a module a.b
                name = name.rpartition(".")[0]
            if name and name != this:
                yield name


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: set(imports_of(path, modules)) for name, path in modules.items()}


def test_the_walk_sees_imports_inside_functions(tmp_path):
    modules = {"db.a": tmp_path / "a.py", "etl.b": tmp_path / "b.py", "etl": tmp_path}
    src = tmp_path / "a.py"
    src.write_text("import os\ndef f():\n    from etl.b import x\n    from etl import b\n")
    assert set(imports_of(src, modules, this="db.a")) == {"etl.b"}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_upward_imports(layer):
    wrong = sorted(
        f"{src} -> {dst}"
        for src, targets in graph().items()
        if src.split(".")[0] == layer
        for dst in targets
        if dst.split(".")[0] in FORBIDDEN[layer]
    )
    assert wrong == []


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import loop, as a path that returns to its start, or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    for start in sorted(edges):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(edges[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif not state.get(nxt) and nxt in edges:
                state[nxt] = 1
                stack.append((nxt, iter(sorted(edges[nxt]))))
                path.append(nxt)
    return None


def test_find_cycle_finds_a_loop_and_passes_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


@pytest.mark.parametrize("layer", ["db", "etl"])
def test_no_import_loops(layer):
    edges = graph()
    inside = {
        src: {dst for dst in targets if dst.split(".")[0] == layer}
        for src, targets in edges.items()
        if src.split(".")[0] == layer
    }
    assert find_cycle(inside) is None
