"""Parsing names and 1–5 scores, and where we lead or lag the best competitor (pure logic).

Scores are whole numbers 1–5: the checklist compares services roughly, and half points would
suggest a precision the user's impression does not have. Nothing derived is stored; verdicts
are recomputed from the scores.

Session data (plain JSON)::

    {"us": str, "competitors": [str, ...], "items": [str, ...],
     "ratings": {item: [our score, competitor 1, ...] | None}}   # None = skipped item
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MIN_SCORE, MAX_SCORE = 1, 5
MAX_COMPETITORS = 5
MAX_ITEMS = 12
MAX_NAME_CHARS = 12
MAX_ITEM_CHARS = 20

_LIST_SEPARATORS = re.compile(r"[，、,;；/\n\r]+|\s+")
_ITEM_SEPARATORS = re.compile(r"[，、,;；\n\r]+")  # items may contain "/" and spaces
_SCORE = r"\d+(?:\.\d+)?|[零一二两三四五六七八九十]"
_SCORE_TOKEN = re.compile(_SCORE)
_CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}  # fmt: skip

# Refusal codes; tool.py turns them into the Chinese re-ask.
TOO_MANY, TOO_LONG, IS_NUMBER, EMPTY = "too_many", "too_long", "is_number", "empty"
COUNT, MISSING, RANGE, DECIMAL, NONE = "count", "missing", "range", "decimal", "none"


@dataclass(frozen=True)
class Refusal:
    code: str
    names: tuple[str, ...] = ()
    got: int = 0


def _list_refusal(values: list[str], max_count: int, max_chars: int) -> Refusal | None:
    """What names and items are both refused for: none, too many, or one too long."""
    if not values:
        return Refusal(EMPTY)
    if len(values) > max_count:
        return Refusal(TOO_MANY)
    if any(len(v) > max_chars for v in values):
        return Refusal(TOO_LONG)
    return None


def split_names(text: str) -> list[str] | Refusal:
    """"A店、B店" → ["A店", "B店"] (unique, in order)."""
    names = list(dict.fromkeys(n.strip() for n in _LIST_SEPARATORS.split(text) if n.strip()))
    refusal = _list_refusal(names, MAX_COMPETITORS, MAX_NAME_CHARS)
    if refusal is None and any(not any(ch.isalpha() for ch in n) for n in names):
        refusal = Refusal(IS_NUMBER)
    return names if refusal is None else refusal


def split_items(text: str) -> list[str] | Refusal:
    items = list(dict.fromkeys(i.strip(" 。.") for i in _ITEM_SEPARATORS.split(text) if i.strip(" 。.")))
    items = [i for i in items if any(ch.isalnum() for ch in i)]
    refusal = _list_refusal(items, MAX_ITEMS, MAX_ITEM_CHARS)
    return items if refusal is None else refusal


def _value(token: str) -> float:
    return float(_CHINESE_DIGITS[token]) if token in _CHINESE_DIGITS else float(token)


def parse_scores(text: str, parties: list[str]) -> list[int] | Refusal:
    """One item's scores in the order of ``parties`` (us first).

    Either every party named with its score ("我们4 A店3 B店5") or the bare scores in order
    ("4 3 5"); names are matched longest first so "A店" does not eat "A店二部".
    """
    by_name: dict[int, str] = {}
    rest = text
    for index in sorted(range(len(parties)), key=lambda i: len(parties[i]), reverse=True):
        pattern = re.compile(re.escape(parties[index]) + rf"\s*[:：=]?\s*({_SCORE})\s*分?", re.IGNORECASE)
        match = pattern.search(rest)
        if match:
            by_name[index] = match.group(1)
            rest = rest[:match.start()] + " " + rest[match.end():]
    if by_name:
        missing = tuple(parties[i] for i in range(len(parties)) if i not in by_name)
        if missing:
            return Refusal(MISSING, names=missing)
        tokens = [by_name[i] for i in range(len(parties))]
    else:
        tokens = _SCORE_TOKEN.findall(text)
        if not tokens:
            return Refusal(NONE)
        if len(tokens) != len(parties):
            return Refusal(COUNT, got=len(tokens))
    values = [_value(t) for t in tokens]
    if any(not v.is_integer() for v in values):
        return Refusal(DECIMAL)
    if any(not MIN_SCORE <= v <= MAX_SCORE for v in values):
        return Refusal(RANGE)
    return [int(v) for v in values]


def parties(data: Mapping[str, Any]) -> list[str]:
    return [str(data.get("us") or ""), *[str(c) for c in data.get("competitors") or []]]


# --- verdicts --------------------------------------------------------------------------------

LEAD, LAG, TIE, UNRATED = "lead", "lag", "tie", "unrated"


@dataclass(frozen=True)
class Row:
    """One item compared: our score against the best competitor's."""

    item: str
    scores: tuple[int, ...] | None
    verdict: str
    ours: int = 0
    best: int = 0
    leaders: tuple[str, ...] = ()  # competitors holding the best score

    @property
    def gap(self) -> int:
        return self.ours - self.best


def compare(data: Mapping[str, Any]) -> list[Row]:
    """Every item in the user's order; a score list of the wrong length counts as unrated."""
    competitors = [str(c) for c in data.get("competitors") or []]
    ratings = data.get("ratings") or {}
    rows = []
    for item in data.get("items") or []:
        scores = ratings.get(item)
        if not scores or len(scores) != len(competitors) + 1 or not competitors:
            rows.append(Row(item, None, UNRATED))
            continue
        ours, others = int(scores[0]), [int(s) for s in scores[1:]]
        best = max(others)
        leaders = tuple(c for c, s in zip(competitors, others, strict=True) if s == best)
        verdict = LEAD if ours > best else LAG if ours < best else TIE
        rows.append(Row(item, tuple(int(s) for s in scores), verdict, ours, best, leaders))
    return rows


def leads(data: Mapping[str, Any]) -> list[Row]:
    return [r for r in compare(data) if r.verdict == LEAD]


def lags(data: Mapping[str, Any]) -> list[Row]:
    return [r for r in compare(data) if r.verdict == LAG]
