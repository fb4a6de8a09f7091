"""The Anki code is one package without import cycles, and it never reaches into the store or the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import quizmg.formats.anki as anki_package

PACKAGE = Path(anki_package.__file__).parent
PREFIX = "quizmg.formats.anki."


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    return {
        path.stem: {name.removeprefix(PREFIX) for name in _imports(path) if name.startswith(PREFIX)}
        for path in PACKAGE.glob("*.py")
        if path.stem != "__init__"
    }


def test_the_anki_modules_import_each_other_without_a_cycle() -> None:
    graph = _graph()
    assert {"exporter", "importer", "reader", "progress_in", "progress_out", "ids"} <= set(graph)
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for other in sorted(graph.get(module, ())):
            assert state.get(other) != "open", "import cycle: " + " -> ".join([*trail, module, other])
            if other not in state:
                visit(other, [*trail, module])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_the_anki_package_never_touches_the_store_the_cli_or_the_terminal() -> None:
    for path in PACKAGE.glob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("quizmg.store", "quizmg.cli", "click", "rich")), (path.name, name)


def test_the_old_module_paths_are_gone() -> None:
    formats = PACKAGE.parent
    assert not list(formats.glob("apkg_*.py"))
