"""A finished comparison as the start of a SWOT analysis: leads → strengths, lags → weaknesses.

The SWOT tool's ``derive`` (or the action layer) calls ``swot_data_from_comparison``; the
result has the shape of ``SwotInput.to_dict()`` under ``"swot"``. Opportunities and threats
are external, so the comparison cannot supply them; the user adds them in the SWOT wizard.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.tools.competitors import texts
from bot.tools.competitors.compare import Row, lags, leads

MAX_FACTOR_CHARS = 40
MAX_FACTORS = 10  # the SWOT wizard keeps at most 10 factors per part
MAX_SUBJECT_CHARS = 40


def _fit(template: str, row: Row, limit: int = MAX_FACTOR_CHARS) -> str:
    """The factor text; a long item name is shortened so the whole text stays within limit."""
    text = template.format(item=row.item, ours=row.ours, best=row.best)
    if len(text) <= limit:
        return text
    room = limit - len(template.format(item="", ours=row.ours, best=row.best)) - len(texts.ELLIPSIS)
    return template.format(item=row.item[:max(room, 1)] + texts.ELLIPSIS, ours=row.ours, best=row.best)


def _factors(rows: list[Row], template: str) -> list[dict[str, Any]]:
    biggest_gaps_first = sorted(rows, key=lambda r: -abs(r.gap))[:MAX_FACTORS]
    kept = [r for r in rows if r in biggest_gaps_first]  # keep the user's order
    return [{"text": _fit(template, r), "weight": None} for r in kept]


def _subject(data: Mapping[str, Any]) -> str:
    subject = texts.SWOT_SUBJECT.format(
        us=data.get("us") or texts.DEFAULT_US,
        competitors=texts.NAME_JOIN.join(str(c) for c in data.get("competitors") or []),
    )
    if len(subject) <= MAX_SUBJECT_CHARS:
        return subject
    return subject[: MAX_SUBJECT_CHARS - len(texts.ELLIPSIS)] + texts.ELLIPSIS


def swot_data_from_comparison(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"swot": {
        "subject": _subject(data),
        "S": _factors(leads(data), texts.SWOT_STRENGTH),
        "W": _factors(lags(data), texts.SWOT_WEAKNESS),
        "O": [],
        "T": [],
    }}
