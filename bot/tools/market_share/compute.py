"""Service potential and market share of regions or service stations (pure arithmetic).

Source: 000_cca45a3cc66b965b.txt, 服务市场潜力 (potential hours = vehicles in the region ×
repair hours per vehicle) and 服务市场份额 (hours sold against that potential, compared with
the document's historical 15%--30% band).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

BAND_LOW = 0.15
BAND_HIGH = 0.30

# Status codes of one region; texts.yml has their Chinese wording.
BELOW, WITHIN, ABOVE = "below", "within", "above"
OVER_POTENTIAL = "over_potential"  # sold more than the potential: the inputs are wrong
NO_POTENTIAL = "no_potential"  # zero vehicles or zero hours: no share can be computed
RANKED = (BELOW, WITHIN, ABOVE)


@dataclass(frozen=True)
class Assessment:
    """One region's computed figures (derived on demand, never stored in session data)."""

    name: str
    vehicles: float
    hours_per_vehicle: float
    sold_hours: float
    potential: float
    share: float | None
    status: str

    @property
    def ranked(self) -> bool:
        """Only plausible shares are ranked; data problems are listed after them."""
        return self.status in RANKED


def potential_hours(vehicles: float, hours_per_vehicle: float) -> float:
    return vehicles * hours_per_vehicle


def band_status(share: float) -> str:
    """Where a plausible share sits against the 15%–30% band (bounds count as within)."""
    if share > 1:
        return OVER_POTENTIAL
    if share < BAND_LOW:
        return BELOW
    if share > BAND_HIGH:
        return ABOVE
    return WITHIN


def assess(region: Mapping[str, Any]) -> Assessment:
    """Potential, share and status of one stored region dict."""
    vehicles = float(region.get("vehicles") or 0)
    per_vehicle = float(region.get("hours_per_vehicle") or 0)
    sold = float(region.get("sold_hours") or 0)
    potential = potential_hours(vehicles, per_vehicle)
    if potential <= 0:
        return Assessment(str(region.get("name") or ""), vehicles, per_vehicle, sold, potential,
                          None, NO_POTENTIAL)
    share = sold / potential
    return Assessment(str(region.get("name") or ""), vehicles, per_vehicle, sold, potential,
                      share, band_status(share))


def rank(regions: Iterable[Mapping[str, Any]]) -> list[Assessment]:
    """Plausible shares from highest to lowest (ties keep input order), then data problems:
    shares over 100 % before regions without any potential."""
    assessed = [assess(r) for r in regions]
    ranked = sorted((a for a in assessed if a.ranked), key=lambda a: -(a.share or 0))
    problems = sorted((a for a in assessed if not a.ranked), key=lambda a: a.status == NO_POTENTIAL)
    return ranked + problems
