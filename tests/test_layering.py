"""What each folder may import (docs/architecture.md), read from the source with ``ast``.

* no import circles among our modules (module-level imports);
* ``bot/`` never imports ``actions/``;
* only ``bot/web`` and ``bot/nlu`` (the two places that plug into Rasa) import ``rasa``;
  nothing in ``bot/`` imports ``rasa_sdk``;
* ``bot/metadata.py`` imports nothing of ours.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "actions")
RASA_PLUG_INS = ("bot.web", "bot.nlu")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def imports_of(path: Path, name: str) -> set[str]:
    """Every module imported at module level (not inside functions: those run later)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in tree.body:
        statements = [node]
        if isinstance(node, ast.If | ast.Try):
            statements = list(ast.walk(node))
        for stmt in statements:
            if isinstance(stmt, ast.Import):
                found.update(alias.name for alias in stmt.names)
            elif isinstance(stmt, ast.ImportFrom):
                base = stmt.module or ""
                if stmt.level:
                    prefix = package.split(".")[: len(package.split(".")) - stmt.level + 1]
                    base = ".".join([*prefix, base] if base else prefix)
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in stmt.names)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {m for m in imports_of(path, name) if m in known and m != name}
            for name, path in known.items()}


def test_no_import_circles() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target):], target])
            elif target not in state:
                visit(target, [*stack, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    # A package importing its own submodule for re-export is not a circle of behaviour.
    cycles = [c for c in cycles if not (len(c) == 3 and c[1].startswith(c[0] + "."))]
    assert cycles == []


def test_bot_never_imports_actions_and_only_plug_ins_import_rasa() -> None:
    for name, path in modules().items():
        if not name.startswith("bot"):
            continue
        imported = imports_of(path, name)
        assert not any(m == "actions" or m.startswith("actions.") for m in imported), name
        assert not any(m.split(".")[0] == "rasa_sdk" for m in imported), name
        if not name.startswith(RASA_PLUG_INS):
            assert not any(m.split(".")[0] == "rasa" for m in imported), name


def test_metadata_imports_nothing_of_ours() -> None:
    imported = imports_of(ROOT / "bot" / "metadata.py", "bot.metadata")
    assert not any(m.split(".")[0] in PACKAGES for m in imported)


def test_the_graph_sees_real_imports() -> None:
    """Guards the test itself: a parser that found nothing would pass everything above."""
    edges = graph()
    assert "bot.metadata" in edges["bot.db"] and "bot.web.access" in edges["actions.server"]
    assert len(edges) > 40
