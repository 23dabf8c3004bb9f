"""TOWS matrix: concrete strategy lines pairing one internal with one external factor.

Each line names its pair (``S1+O2``, 1-based in input order) so the manager can trace it back.
Lines are ordered by the pair's weight (product of the two weights, unweighted = 1) so the
most important combinations come first; ties keep input order.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.strategy import texts
from bot.strategy.factors import SwotInput

DEFAULT_LINES_PER_QUADRANT = 3
_PAIRS: dict[str, tuple[str, str]] = {
    "SO": ("S", "O"),
    "ST": ("S", "T"),
    "WO": ("W", "O"),
    "WT": ("W", "T"),
}


@dataclass(frozen=True)
class TowsLine:
    """One strategy line of the matrix."""

    quadrant: str
    internal_label: str
    external_label: str
    internal_text: str
    external_text: str
    weight: int
    text: str

    @property
    def label(self) -> str:
        return f"{self.internal_label}+{self.external_label}"


def tows_lines(
    swot: SwotInput, quadrant: str, limit: int | None = DEFAULT_LINES_PER_QUADRANT
) -> list[TowsLine]:
    """Lines for one quadrant, heaviest pairs first, at most ``limit`` (None: all)."""
    internal_key, external_key = _PAIRS[quadrant]
    template = texts.TOWS_TEMPLATES[quadrant]
    ranked: list[tuple[int, int, int, TowsLine]] = []
    for i, a in enumerate(swot.part(internal_key), start=1):
        for j, b in enumerate(swot.part(external_key), start=1):
            weight = a.effective_weight * b.effective_weight
            line = TowsLine(
                quadrant=quadrant,
                internal_label=f"{internal_key}{i}",
                external_label=f"{external_key}{j}",
                internal_text=a.text,
                external_text=b.text,
                weight=weight,
                text=template.format(a=a.text, b=b.text),
            )
            ranked.append((-weight, i, j, line))
    ranked.sort(key=lambda item: item[:3])
    lines = [item[3] for item in ranked]
    return lines if limit is None else lines[:limit]


def tows_matrix(
    swot: SwotInput, limit: int | None = DEFAULT_LINES_PER_QUADRANT
) -> dict[str, list[TowsLine]]:
    """All four quadrants in SO, ST, WO, WT order; a quadrant with an empty side has no lines."""
    return {quadrant: tows_lines(swot, quadrant, limit) for quadrant in _PAIRS}
