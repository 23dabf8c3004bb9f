"""Every Chinese string the strategy engine shows: the entries of ``texts.yml`` beside this file.

Why YAML: wording is reviewed and changed by people who do not read the logic, and the
knowledge-base rule (own words, no long runs copied from the source documents) is easier to
check when all text sits together, with the document sections it follows named in the file.
Logic modules refer to entries by stable English keys, ``texts.NAME``: a name not defined here
is looked up in the catalogue (PEP 562); tests/test_catalogues.py checks every one the code uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.catalogue import load_catalogue
from bot.tools import texts as tool_texts

CATALOGUE = load_catalogue(Path(__file__).with_name("texts.yml"))

# The buttons the wizards share with every tool are the engine's words (bot/tools/texts.py).
BUTTON_YES = tool_texts.BUTTON_YES
BUTTON_NO = tool_texts.BUTTON_NO
BUTTON_UNSURE = tool_texts.BUTTON_UNSURE
BUTTON_EXPORT = tool_texts.BUTTON_EXPORT
BUTTON_LIST = tool_texts.BUTTON_LIST
BUTTON_RESUME_LATEST = tool_texts.BUTTON_RESUME_LATEST


def __getattr__(name: str) -> Any:
    """``texts.NAME``: the entry NAME of texts.yml."""
    return getattr(CATALOGUE, name)
