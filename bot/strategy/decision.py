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
    internal: int
    external: int
    quadrants: tuple[str, ...]
    balanced_internal: bool
    balanced_external: bool
    weighted: bool

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


def weighted_sum(factors: list[Factor]) -> int:
    """Sum of weights; an unweighted factor counts 1, so skipping weights means equal weights."""
    return sum(f.effective_weight for f in factors)


def decide(swot: SwotInput) -> SwotDecision:
    """Place the analysis in a quadrant from the signs of its internal and external positions."""
    s, w = weighted_sum(swot.strengths), weighted_sum(swot.weaknesses)
    o, t = weighted_sum(swot.opportunities), weighted_sum(swot.threats)
    internal, external = s - w, o - t
    internal_sides = ("S",) if internal > 0 else ("W",) if internal < 0 else ("S", "W")
    external_sides = ("O",) if external > 0 else ("T",) if external < 0 else ("O", "T")
    quadrants = tuple(i + e for i in internal_sides for e in external_sides)
    return SwotDecision(
        strength_score=s,
        weakness_score=w,
        opportunity_score=o,
        threat_score=t,
        internal=internal,
        external=external,
        quadrants=quadrants,
        balanced_internal=internal == 0,
        balanced_external=external == 0,
        weighted=swot.weighted,
    )
