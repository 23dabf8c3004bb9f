"""Text catalogues: the user-facing wording of a module, kept in a YAML file beside it.

Why YAML: the Chinese wording is reviewed and changed by people who do not read Python, and a
file of ``NAME: text`` lines is easier for them to check than code. The code keeps referring to
entries by their stable English names (``texts.NAME``); tests/test_catalogues.py checks that
every name the code uses is in its file and that every entry of a file is used.

A catalogue file is one mapping, read as ``yaml.safe_load`` reads it:

* a YAML sequence becomes a tuple, a YAML ``!!set`` a frozenset (the word lists that input is
  looked up in), a mapping a dict in the file's order;
* a string may contain another top-level string of the same file as ``${NAME}``; it is filled
  in when the file is read, so a shared example or source is written once. Placeholders like
  ``{count}`` are left for ``str.format`` at run time.

Read-only means the entries cannot be rebound or added to; a dict entry is a plain dict, as the
code has always used it (nothing writes to one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
# yaml.safe_load's loader, in its libyaml build where installed (ten times faster: every texts
# module reads its file at import).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Catalogue:
    """The entries of one catalogue file as read-only attributes: ``catalogue.NAME``."""

    __slots__ = ("_entries", "path")

    def __init__(self, path: Path, entries: dict[str, Any]) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "_entries", MappingProxyType(entries))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._entries[name]
        except KeyError:
            raise AttributeError(f"{self.path} has no entry {name!r}") from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{self.path} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{self.path} is read-only")

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"Catalogue({str(self.path)!r}, {len(self._entries)} entries)"


def load_catalogue(path: str | Path) -> Catalogue:
    """The catalogue of ``path`` (read once per process; later calls return the same object)."""
    return _load(Path(path).resolve())


@cache
def _load(path: Path) -> Catalogue:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    if not isinstance(raw, dict) or not all(isinstance(k, str) and k.isidentifier() for k in raw):
        raise ValueError(f"{path}: a catalogue is a mapping of NAME: value")
    strings = {k: v for k, v in raw.items() if isinstance(v, str) and not _REFERENCE.search(v)}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in strings:
            raise ValueError(f"{path}: ${{{name}}} names no top-level string without references")
        return strings[name]

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return _REFERENCE.sub(fill, value)
        if isinstance(value, list):
            return tuple(convert(v) for v in value)
        if isinstance(value, set):
            return frozenset(convert(v) for v in value)
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return value

    return Catalogue(path, {k: convert(v) for k, v in raw.items()})
