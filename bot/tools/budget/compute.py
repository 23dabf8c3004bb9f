"""Splitting a year's marketing budget over the months by their share of sales.

The source (有关服务营销的策划设计方案, 年度预算额度如何进行分配) takes the budget
(manufacturer's support plus the store's own spend) and gives each month the share that month
had in the last three years' sales, or in the planned sales of a new store. Amounts are whole
yuan and must add up to the budget exactly, so the rounding is done here with exact fractions
(largest remainder) and reported, not left to floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

MONTHS = 12
SHARE_TOLERANCE = 0.01  # percent points: shares typed as % may be off by this before we say so


@dataclass(frozen=True)
class Allocation:
    """The budget per month.

    ``remainder`` is what flooring every month's exact amount left over (0–11 yuan); it was
    handed out 1 yuan each to ``remainder_months`` (1-based), the months with the largest
    fractional parts (ties: the earlier month), so the amounts add up to ``total``.
    """

    total: int
    shares: tuple[float, ...]
    amounts: tuple[int, ...]
    remainder: int
    remainder_months: tuple[int, ...]
    zero_months: tuple[int, ...]


def monthly_weights(rows: Sequence[Sequence[float]]) -> list[float]:
    """Each month's sales over all years (summing and averaging give the same shares)."""
    if not rows or any(len(row) != MONTHS for row in rows):
        raise ValueError("every year needs 12 monthly figures")
    return [float(sum(row[month] for row in rows)) for month in range(MONTHS)]


def shares_off(percents: Sequence[float]) -> bool:
    """True when shares typed in % do not add up to 100 (they are then normalised)."""
    return abs(sum(percents) - 100) > SHARE_TOLERANCE


def allocate(total: int, weights: Sequence[float]) -> Allocation:
    """Whole-yuan amounts proportional to ``weights`` that add up to ``total`` exactly."""
    if len(weights) != MONTHS:
        raise ValueError("12 monthly weights are needed")
    if total < 0 or any(w < 0 for w in weights):
        raise ValueError("the total and the weights cannot be negative")
    exact_weights = [Fraction(repr(float(w))) for w in weights]
    weight_sum = sum(exact_weights, Fraction(0))
    if weight_sum == 0:
        raise ValueError("at least one month needs sales")
    exact = [total * w / weight_sum for w in exact_weights]
    floors = [int(amount) for amount in exact]  # non-negative, so int() floors
    remainder = total - sum(floors)
    by_fraction = sorted(range(MONTHS), key=lambda m: (-(exact[m] - floors[m]), m))
    lucky = sorted(by_fraction[:remainder])
    amounts = [floor + (1 if month in lucky else 0) for month, floor in enumerate(floors)]
    return Allocation(
        total=total,
        shares=tuple(float(w / weight_sum) for w in exact_weights),
        amounts=tuple(amounts),
        remainder=remainder,
        remainder_months=tuple(m + 1 for m in lucky),
        zero_months=tuple(m + 1 for m, w in enumerate(exact_weights) if w == 0),
    )
