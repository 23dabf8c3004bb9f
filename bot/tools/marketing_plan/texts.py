"""Every Chinese sentence of the marketing plan builder: the entries of ``texts.yml`` beside this file.

Why YAML: wording is reviewed by people who do not read the logic; the file also names the
textbook sections it follows. The tool refers to entries as ``texts.NAME``: a name not defined
here is looked up in the catalogue (PEP 562); tests/test_catalogues.py checks every one in use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.catalogue import load_catalogue
from bot.strategy import texts as strategy_texts

CATALOGUE = load_catalogue(Path(__file__).with_name("texts.yml"))

SWOT_PART_NAMES: dict[str, str] = strategy_texts.PART_NAMES
SUBJECT_LIMIT = 40  # the subject (in 我的分析, the report) is shortened to this many characters


def __getattr__(name: str) -> Any:
    """``texts.NAME``: the entry NAME of texts.yml."""
    return getattr(CATALOGUE, name)
