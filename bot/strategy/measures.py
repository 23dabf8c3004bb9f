"""Measures the document ties to each quadrant, and the guiding questions per SWOT part.

Only keys and structure live here; labels and explanations come from ``texts`` so all wording
stays in one module.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.strategy import texts

QUADRANT_MEASURES: dict[str, tuple[str, ...]] = {
    "SO": ("external_expansion", "internal_accumulation", "capital_operation"),
    "ST": (
        "concentric_diversification",
        "horizontal_diversification",
        "conglomerate_diversification",
    ),
    "WO": ("innovation_mechanism", "launch_new_services", "retire_outdated_services"),
    "WT": ("decisive_exit",),
}


@dataclass(frozen=True)
class Measure:
    """One measure: stable key, short Chinese label and a one-line explanation."""

    key: str
    label: str
    detail: str


def measures_for(quadrant: str) -> list[Measure]:
    """Measures for ``"SO"``, ``"ST"``, ``"WO"`` or ``"WT"`` in the document's order."""
    return [Measure(key, *texts.MEASURES[key]) for key in QUADRANT_MEASURES[quadrant]]


def measure_note(quadrant: str) -> str | None:
    """A caveat the document attaches to a quadrant's measures, if any."""
    return texts.MEASURE_NOTES.get(quadrant)


def guiding_questions(part: str) -> tuple[str, ...]:
    """Questions that help a manager find factors: internal ones for S/W, external for O/T."""
    if part in ("S", "W"):
        return texts.INTERNAL_QUESTIONS
    if part in ("O", "T"):
        return texts.EXTERNAL_QUESTIONS
    raise ValueError(f"unknown SWOT part: {part!r}")
