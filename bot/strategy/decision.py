"""The SO/ST/WO/WT decision from weighted SWOT factors.

Internal position = weighted S − weighted W, external position = weighted O − weighted T; their
signs pick the quadrant of the document's strategy diagram. A side that sums to exactly zero is
reported as balanced with all candidate quadrants, instead of silently picking one.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.strategy.factors import Factor, SwotInput

STRATEGY_KEYS: dict[str, str] = {
    "SO": "expansion_strategy",  # 扩张性战略
    "ST": "dispersion_strategy",  # 分散化战略
    "WO": "defensive_strategy",  # 防卫性战略
    "WT": "exit_strategy",  # 退出性战略
}


@dataclass(frozen=True)
class SwotDecision:
    """Scores, positions and the quadrant(s); several quadrants only when a side is balanced."""

    strength_score: int
    weakness_score: int
    opportunity_score: int
    threat_score: int
    weighted: bool

    # Positions and quadrants are derived from the four scores, so they cannot disagree.
    @property
    def internal(self) -> int:
        return self.strength_score - self.weakness_score

    @property
    def external(self) -> int:
        return self.opportunity_score - self.threat_score

    @property
    def balanced_internal(self) -> bool:
        return self.internal == 0

    @property
    def balanced_external(self) -> bool:
        return self.external == 0

    @property
    def quadrants(self) -> tuple[str, ...]:
        """Each side's letter by its sign; a balanced side keeps both letters as candidates."""
        internal = _side(self.internal, "S", "W")
        external = _side(self.external, "O", "T")
        return tuple(i + e for i in internal for e in external)

    @property
    def balanced(self) -> bool:
        return self.balanced_internal or self.balanced_external

    @property
    def quadrant(self) -> str | None:
        """The single quadrant, or None when a balanced side leaves candidates open."""
        return self.quadrants[0] if len(self.quadrants) == 1 else None

    @property
    def strategy_keys(self) -> tuple[str, ...]:
        return tuple(STRATEGY_KEYS[q] for q in self.quadrants)

    @property
    def strategy_key(self) -> str | None:
        return STRATEGY_KEYS[self.quadrant] if self.quadrant else None


def _side(position: int, positive: str, negative: str) -> tuple[str, ...]:
    """The letter(s) of one side: its sign picks one, a zero sum leaves both open."""
    return (positive,) if position > 0 else (negative,) if position < 0 else (positive, negative)


def weighted_sum(factors: list[Factor]) -> int:
    """Sum of weights; an unweighted factor counts 1, so skipping weights means equal weights."""
    return sum(f.effective_weight for f in factors)


def decide(swot: SwotInput) -> SwotDecision:
    """Place the analysis in a quadrant from the signs of its internal and external positions."""
    return SwotDecision(
        strength_score=weighted_sum(swot.strengths),
        weakness_score=weighted_sum(swot.weaknesses),
        opportunity_score=weighted_sum(swot.opportunities),
        threat_score=weighted_sum(swot.threats),
        weighted=swot.weighted,
    )
