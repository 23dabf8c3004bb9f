"""A described case is placed in the SWOT quadrant or the strategy type it belongs to."""

from __future__ import annotations

import pytest

from bot.situations import factor_of, load_situations, place

# (described case, SWOT quadrant or None for a strategy type, the topic it points at)
CASES = [
    ("我们网点口碑好但附近新开了两家同类店，该走哪种战略", "ST", "diversification_dispersion_strategy"),
    ("资金紧张人手不够，不过政策支持，该怎么办", "WO", "defensive_strategy"),
    ("技术过硬客户基础好，市场需求增长很快，下一步怎么做", "SO", "expansion_strategy"),
    ("口碑差投诉多，同行又在打价格战，出路在哪", "WT", "exit_strategy"),
    # Read by parts: subject + positive/negative word, competitors always a threat.
    ("我们团队专业能力很强，可是隔壁开了家对手店天天降价抢人，怎么应对", "ST", "diversification_dispersion_strategy"),
    ("店里设备都旧了，员工也不够，可周边新建了好多楼盘，下一步怎么走", "WO", "defensive_strategy"),
    ("品牌没什么名气，市场也在萎缩，该怎么办", "WT", "exit_strategy"),
    ("维修手艺在本地算一流，周边车辆越来越多，往哪个方向发展", "SO", "expansion_strategy"),
    # A strategy type, also when its preconditions are spread over the sentence.
    ("我们只做高端商务客户这一类，适合什么战略", None, "focus_strategy"),
    ("我们成本比同行低很多，服务大家都差不多，走哪条路", None, "cost_leadership"),
    ("除了做维修还想再开个保险代理，分散一下风险，这叫什么战略", None, "diversification_strategy"),
]


@pytest.mark.parametrize(("text", "quadrant", "topic"), CASES)
def test_a_case_points_at_its_quadrant_and_topic(text: str, quadrant: str | None, topic: str) -> None:
    situation = place(text)
    assert situation is not None and (situation.quadrant, situation.topic_id) == (quadrant, topic)


@pytest.mark.parametrize("text", ["我们网点口碑好", "服务营销是什么", "附近新开了两家同类店"])
def test_no_case_without_a_question_or_both_sides(text: str) -> None:
    assert place(text) is None


def test_every_target_topic_exists(snapshot) -> None:
    table = load_situations()
    assert set(table.quadrants.values()) | set(table.strategy_types) <= set(snapshot.topics)


def test_a_negated_strength_is_a_weakness() -> None:
    table = load_situations()
    assert factor_of("服务不好", table)[0] == "weakness"
    assert factor_of("成本低", table)[0] == "strength"  # less cost is better
