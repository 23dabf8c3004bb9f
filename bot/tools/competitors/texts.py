"""Every Chinese sentence of the competitor comparison: the entries of ``texts.yml`` beside this file.

Why YAML: wording is reviewed by people who do not read the logic; the file also names the
checklist slides it follows. The tool refers to entries as ``texts.NAME``: a name not defined
here is looked up in the catalogue (PEP 562); tests/test_catalogues.py checks every one in use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.catalogue import load_catalogue
from bot.tools import texts as tool_texts

CATALOGUE = load_catalogue(Path(__file__).with_name("texts.yml"))

ELLIPSIS = tool_texts.ELLIPSIS
SUBJECT_LIMIT = 40  # the subject (in 我的分析, the report) is shortened to this many characters

# The guide names the rows of both checklists, which texts.yml writes once.
ITEMS_GUIDE: tuple[str, ...] = tuple(
    line.format(checklist_1=CATALOGUE.NAME_JOIN.join(CATALOGUE.CHECKLIST_1),
                checklist_2=CATALOGUE.NAME_JOIN.join(CATALOGUE.CHECKLIST_2))
    for line in CATALOGUE.ITEMS_GUIDE
)


def __getattr__(name: str) -> Any:
    """``texts.NAME``: the entry NAME of texts.yml."""
    return getattr(CATALOGUE, name)
