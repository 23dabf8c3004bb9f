"""The parts of a service marketing plan, their state, and the summaries of a linked SWOT.

13.1 lists eight parts; 表13-2 groups them under four questions. The plan is written in the
document's order except for the executive summary, which is asked last because it sums up
the rest (it is still printed first).

Session data (plain JSON)::

    {"title": str,
     "summary" | "situation" | "issues" | "objectives" | "strategy" | "actions" | "budget"
       | "control": str,          # "" = skipped (optional parts only)
     "quoted": [part key, ...],   # parts filled from the linked SWOT
     "swot_analysis": {"swot": {"subject": str, "S": [{"text", "weight"}...], "W", "O", "T"},
                       "quadrant": "SO" | "ST" | "WO" | "WT" | None}}   # only when offered
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.tools.marketing_plan import texts

PART_KEYS: tuple[str, ...] = (
    "summary", "situation", "issues", "objectives", "strategy", "actions", "budget", "control",
)  # fmt: skip
ASK_ORDER: tuple[str, ...] = PART_KEYS[1:] + PART_KEYS[:1]
OPTIONAL: frozenset[str] = frozenset({"summary", "issues", "budget", "control"})
QUOTABLE: frozenset[str] = frozenset({"situation", "issues"})
SWOT_PARTS: tuple[str, ...] = ("S", "W", "O", "T")

# Part states; texts has their wording.
TYPED, QUOTED, SKIPPED, MISSING = "typed", "quoted", "skipped", "missing"


def number(key: str) -> int:
    """The part's number in the document, 1–8."""
    return PART_KEYS.index(key) + 1


def state(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return MISSING
    if value == "":
        return SKIPPED
    return QUOTED if key in (data.get("quoted") or []) else TYPED


def filled_count(data: Mapping[str, Any]) -> int:
    return sum(1 for key in PART_KEYS if state(data, key) in (TYPED, QUOTED))


def linked_swot(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The SWOT offered at the start, if it has any factor to quote."""
    analysis = data.get("swot_analysis")
    if not isinstance(analysis, Mapping):
        return None
    swot = analysis.get("swot")
    if not isinstance(swot, Mapping) or not any(swot.get(p) for p in SWOT_PARTS):
        return None
    return analysis


def _factor(item: Mapping[str, Any] | str) -> str:
    if isinstance(item, str):
        return item
    text, weight = str(item.get("text") or ""), item.get("weight")
    return texts.SWOT_WEIGHT.format(text=text, weight=weight) if weight is not None else text


def _factors(swot: Mapping[str, Any], parts: tuple[str, ...]) -> str:
    items = [_factor(item) for part in parts for item in swot.get(part) or []]
    return texts.FACTOR_JOIN.join(items) if items else texts.SWOT_NONE


def swot_situation(analysis: Mapping[str, Any]) -> str:
    """Subject, the four factor lists and the quadrant, for 当前营销状况."""
    swot = analysis["swot"]
    lines = [texts.SWOT_SUBJECT.format(subject=swot.get("subject") or "")] if swot.get("subject") else []
    lines += [texts.SWOT_PART.format(name=texts.SWOT_PART_NAMES[p], factors=_factors(swot, (p,)))
              for p in SWOT_PARTS]
    quadrant = analysis.get("quadrant")
    if quadrant in texts.SWOT_QUADRANTS:
        lines.append(texts.SWOT_QUADRANT.format(quadrant=texts.SWOT_QUADRANTS[quadrant]))
    return texts.LINE_JOIN.join(lines) + "。"


def swot_issues(analysis: Mapping[str, Any]) -> str:
    """Opportunities, and weaknesses with threats as the problems, for 机会与问题分析."""
    swot = analysis["swot"]
    return texts.LINE_JOIN.join([
        texts.SWOT_ISSUES_OPPORTUNITIES.format(factors=_factors(swot, ("O",))),
        texts.SWOT_ISSUES_PROBLEMS.format(factors=_factors(swot, ("W", "T"))),
    ]) + "。"


QUOTES = {"situation": swot_situation, "issues": swot_issues}


def quote(key: str, analysis: Mapping[str, Any]) -> str:
    return QUOTES[key](analysis)
