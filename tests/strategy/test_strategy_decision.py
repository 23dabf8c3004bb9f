"""Quadrant decision: signs of weighted S−W and O−T, balanced sides, weights."""

from __future__ import annotations

import pytest

from bot.strategy.decision import decide
from bot.strategy.factors import Factor, SwotInput
from bot.strategy.report import explain_decision


def swot(s=(), w=(), o=(), t=()) -> SwotInput:
    """Build an input from (text, weight) pairs; a bare string means unweighted."""

    def part(items):
        return [Factor(i) if isinstance(i, str) else Factor(*i) for i in items]

    return SwotInput("测试公司", part(s), part(w), part(o), part(t))


@pytest.mark.parametrize(
    ("data", "quadrant", "key", "name"),
    [
        (
            swot(s=["品牌好", "资金足"], w=["人少"], o=["需求增长"]),
            "SO",
            "expansion_strategy",
            "扩张性战略",
        ),
        (
            swot(s=["品牌好", "资金足"], w=["人少"], t=["新对手"]),
            "ST",
            "dispersion_strategy",
            "分散化战略",
        ),
        (
            swot(w=["人少"], o=["需求增长", "政策"], t=["新对手"]),
            "WO",
            "defensive_strategy",
            "防卫性战略",
        ),
        (
            swot(s=["品牌好"], w=["人少", "设备旧"], t=["新对手"]),
            "WT",
            "exit_strategy",
            "退出性战略",
        ),
    ],
)
def test_each_quadrant(data: SwotInput, quadrant: str, key: str, name: str) -> None:
    decision = decide(data)
    assert decision.quadrant == quadrant
    assert decision.quadrants == (quadrant,)
    assert decision.strategy_key == key
    assert not decision.balanced
    text = explain_decision(decision)
    assert name in text and quadrant in text


def test_unweighted_factors_count_one_each() -> None:
    decision = decide(swot(s=["a", "b", "c"], w=["d"], o=["e"], t=["f", "g"]))
    assert (decision.strength_score, decision.weakness_score) == (3, 1)
    assert (decision.opportunity_score, decision.threat_score) == (1, 2)
    assert (decision.internal, decision.external) == (2, -1)
    assert decision.quadrant == "ST"
    assert not decision.weighted
    assert "同等权重" in explain_decision(decision)


def test_weights_change_the_quadrant() -> None:
    equal = swot(s=["a", "b"], w=["c"], o=["d", "e"], t=["f"])
    assert decide(equal).quadrant == "SO"
    weighted = swot(s=[("a", 1), ("b", 1)], w=[("c", 5)], o=[("d", 1), ("e", 2)], t=[("f", 4)])
    decision = decide(weighted)
    assert (decision.internal, decision.external) == (-3, -1)
    assert decision.quadrant == "WT"
    assert decision.weighted


def test_mixed_weights_treat_missing_weight_as_one() -> None:
    decision = decide(swot(s=[("a", 4), "b"], w=[("c", 5)], o=["d"]))
    assert decision.strength_score == 5
    assert decision.internal == 0
    assert decision.balanced_internal


def test_balanced_internal_lists_two_candidates() -> None:
    decision = decide(swot(s=[("a", 3)], w=[("b", 3)], o=["c"]))
    assert decision.balanced_internal and not decision.balanced_external
    assert decision.quadrant is None
    assert decision.quadrants == ("SO", "WO")
    assert decision.strategy_keys == ("expansion_strategy", "defensive_strategy")
    text = explain_decision(decision)
    assert "内部" in text and "扩张性战略" in text and "防卫性战略" in text


def test_balanced_external_lists_two_candidates() -> None:
    decision = decide(swot(w=["a"], o=[("b", 2)], t=[("c", 2)]))
    assert decision.balanced_external and not decision.balanced_internal
    assert decision.quadrants == ("WO", "WT")
    assert "外部" in explain_decision(decision)


def test_both_sides_balanced_lists_four_candidates() -> None:
    decision = decide(swot(s=["a"], w=["b"], o=["c"], t=["d"]))
    assert decision.balanced_internal and decision.balanced_external
    assert decision.quadrants == ("SO", "ST", "WO", "WT")


def test_all_parts_empty_is_fully_balanced() -> None:
    decision = decide(swot())
    assert (decision.internal, decision.external) == (0, 0)
    assert len(decision.quadrants) == 4


def test_empty_parts_still_decide() -> None:
    decision = decide(swot(s=["a"], t=["b"]))
    assert (decision.weakness_score, decision.opportunity_score) == (0, 0)
    assert decision.quadrant == "ST"


def test_explanation_shows_the_numbers() -> None:
    decision = decide(swot(s=[("a", 5), ("b", 3)], w=[("c", 2)], o=[("d", 4)], t=[("e", 1)]))
    text = explain_decision(decision)
    assert "优势 8" in text and "劣势 2" in text and "= 6" in text
    assert "机会 4" in text and "威胁 1" in text and "= 3" in text
    assert "SO" in text
