"""The text catalogues (``texts.yml`` beside a ``texts.py``, bot/catalogue.py) against the code.

Read from the source with ``ast``: every ``texts.NAME`` (under whatever alias the module is
imported) and every ``from ... texts import NAME`` in bot/ and actions/ names an entry; every
entry is used somewhere in bot/, actions/ or tests/; a catalogue string formatted in the code
with keywords has exactly those placeholders; no file gives a key twice (YAML would keep the last).
"""

from __future__ import annotations

import ast
import importlib
import re
import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bot.catalogue import Catalogue, load_catalogue

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "bot").rglob("texts.yml"))
MODULES = {".".join(p.relative_to(ROOT).with_suffix("").parts): p for p in FILES}
# bot/tools/render.advisory_tool reads these from the texts module a tool hands it.
READ_BY_ADVISORY_TOOL = {"NAME", "SOURCE", "INTRO"}

Reference = tuple[str, str, Path, int]  # module, name, file, line


def module(name: str) -> ModuleType:
    return importlib.import_module(name)


def sources(*folders: str) -> Iterator[tuple[Path, ast.Module]]:
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def references(path: Path, tree: ast.Module) -> Iterator[Reference]:
    """(catalogue module, NAME) for each ``alias.NAME`` and ``from <texts module> import NAME``."""
    own = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    aliases = {"CATALOGUE": own} if own in MODULES else {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in MODULES:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                elif node.module in MODULES:
                    yield node.module, alias.name, path, node.lineno
        elif isinstance(node, ast.Import):
            aliases.update({a.asname: a.name for a in node.names if a.asname and a.name in MODULES})
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in aliases and not node.attr.startswith("_")):
            yield aliases[node.value.id], node.attr, path, node.lineno


def defined(module_name: str, name: str) -> bool:
    return name in vars(module(module_name)) or name in module(module_name).CATALOGUE


def test_there_are_catalogues_and_each_loads() -> None:
    assert len(MODULES) >= 6
    for name, path in MODULES.items():
        catalogue = module(name).CATALOGUE
        assert isinstance(catalogue, Catalogue) and catalogue is load_catalogue(path)
        assert len(list(catalogue)) > 20, name


def test_no_key_is_given_twice() -> None:
    for path in FILES:
        keys = Counter(re.findall(r"^([A-Za-z_]\w*):", path.read_text(encoding="utf-8"), re.M))
        assert [k for k, n in keys.items() if n > 1] == [], path


def test_every_name_the_code_uses_is_defined() -> None:
    missing = [f"{where.relative_to(ROOT)}:{line} {mod}.{name}"
               for path, tree in sources("bot", "actions")
               for mod, name, where, line in references(path, tree) if not defined(mod, name)]
    assert missing == []


def test_every_entry_is_used() -> None:
    used = {(mod, name) for path, tree in sources("bot", "actions", "tests")
            for mod, name, _, _ in references(path, tree)}
    unused = []
    for mod, path in MODULES.items():
        filled = set(re.findall(r"\$\{(\w+)\}", path.read_text(encoding="utf-8")))
        engine = READ_BY_ADVISORY_TOOL if mod.startswith("bot.tools.") else set()
        unused += [f"{mod}.{key}" for key in module(mod).CATALOGUE
                   if (mod, key) not in used and key not in filled | engine]
    assert unused == []


def placeholders(text: str) -> set[str]:
    return {re.split(r"[.\[]", field)[0] for _, field, _, _ in string.Formatter().parse(text) if field}


def test_formatted_strings_have_the_placeholders_the_code_passes() -> None:
    """``texts.X.format(a=…)`` and ``texts.X[key].format(a=…)``: X's placeholders are a, …"""
    checked, wrong = 0, []
    for path, tree in sources("bot", "actions"):
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                aliases.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names
                                if f"{node.module}.{a.name}" in MODULES})
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "format" and not node.args
                    and all(k.arg for k in node.keywords)):
                continue
            target = node.func.value
            item = isinstance(target, ast.Subscript)
            target = target.value if item else target
            if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                    and target.value.id in aliases):
                continue
            value = getattr(module(aliases[target.value.id]), target.attr)
            passed = {k.arg for k in node.keywords}
            for text in (value.values() if item else [value]):
                checked += 1
                if placeholders(text) != passed:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {target.attr}: "
                                 f"text has {sorted(placeholders(text))}, code passes {sorted(passed)}")
    assert checked > 100 and wrong == []


def test_conventions_of_a_catalogue_file(tmp_path: Path) -> None:
    path = tmp_path / "texts.yml"
    path.write_text('EXAMPLE: 1月120\nASK: "例如：${EXAMPLE}，共{count}个"\nWORDS: !!set {跳过, "0"}\n'
                    "STEPS: [一, 二]\nBY_KEY:\n  SO: 扩张\n", encoding="utf-8")
    catalogue = load_catalogue(path)
    assert catalogue.ASK == "例如：1月120，共{count}个"
    assert catalogue.WORDS == frozenset({"跳过", "0"}) and isinstance(catalogue.WORDS, frozenset)
    assert catalogue.STEPS == ("一", "二") and catalogue.BY_KEY == {"SO": "扩张"}
    assert load_catalogue(str(path)) is catalogue
    with pytest.raises(AttributeError):
        catalogue.ASK = "改"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="NOPE"):
        _ = catalogue.NOPE
    bad = tmp_path / "bad.yml"
    bad.write_text("ASK: 例如：${MISSING}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="MISSING"):
        load_catalogue(bad)
