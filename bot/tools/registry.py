"""The tools the bot offers, by kind. Built-in tools load on first use; tests may add more.

A tool's ``kind`` is stored with its saved analyses and names it everywhere else
(``actions/tool_names.py`` derives the start intent ``start_<kind>`` from it).
"""

from __future__ import annotations

import importlib
from functools import cache

from bot.tools.engine import Tool

# "module:attribute" of each built-in tool, in the order the bot offers them.
BUILTIN: tuple[str, ...] = (
    "bot.strategy.swot_tool:TOOL",
    "bot.strategy.strategy_type_tool:TOOL",
    "bot.tools.market_share.tool:TOOL",
    "bot.tools.budget.tool:TOOL",
    "bot.tools.smart.tool:TOOL",
    "bot.tools.marketing_plan.tool:TOOL",
    "bot.tools.competitors.tool:TOOL",
)

_extra: dict[str, Tool] = {}


@cache
def _builtin() -> dict[str, Tool]:
    tools: dict[str, Tool] = {}
    for ref in BUILTIN:
        module, _, attribute = ref.partition(":")
        tool = getattr(importlib.import_module(module), attribute)
        tools[tool.kind] = tool
    return tools


def all_tools() -> dict[str, Tool]:
    return {**_builtin(), **_extra}


def get(kind: str | None) -> Tool | None:
    return all_tools().get(kind or "")


def register(tool: Tool) -> None:
    """Add a tool at run time (a test's own tool, a plug-in)."""
    _extra[tool.kind] = tool


def unregister(kind: str) -> None:
    _extra.pop(kind, None)
