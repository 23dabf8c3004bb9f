"""A described case is placed in the SWOT quadrant or the strategy type it belongs to."""

from __future__ import annotations

import pytest

from bot.situations import factor_of, load_situations, place


@pytest.mark.parametrize(("text", "quadrant", "topic"), [
    ("我们网点口碑好但附近新开了两家同类店，该走哪种战略", "ST", "diversification_dispersion_strategy"),
    ("资金紧张人手不够，不过政策支持，该怎么办", "WO", "defensive_strategy"),
    ("技术过硬客户基础好，市场需求增长很快，下一步怎么做", "SO", "expansion_strategy"),
    ("口碑差投诉多，同行又在打价格战，出路在哪", "WT", "exit_strategy"),
])
def test_swot_cases(text: str, quadrant: str, topic: str) -> None:
    situation = place(text)
    assert situation is not None and situation.quadrant == quadrant and situation.topic_id == topic


def test_strategy_type_case() -> None:
    situation = place("我们只做高端商务客户这一类，适合什么战略")
    assert situation is not None and situation.topic_id == "focus_strategy" and situation.quadrant is None


@pytest.mark.parametrize("text", ["我们网点口碑好", "服务营销是什么", "附近新开了两家同类店"])
def test_no_case_without_a_question_or_both_sides(text: str) -> None:
    assert place(text) is None


def test_every_target_topic_exists(snapshot) -> None:
    table = load_situations()
    assert set(table.quadrants.values()) | set(table.strategy_types) <= set(snapshot.topics)


@pytest.mark.parametrize(("text", "quadrant"), [
    # Read by parts: subject + positive/negative word, competitors always a threat.
    ("我们团队专业能力很强，可是隔壁开了家对手店天天降价抢人，怎么应对", "ST"),
    ("店里设备都旧了，员工也不够，可周边新建了好多楼盘，下一步怎么走", "WO"),
    ("品牌没什么名气，市场也在萎缩，该怎么办", "WT"),
    ("维修手艺在本地算一流，周边车辆越来越多，往哪个方向发展", "SO"),
])
def test_cases_are_read_by_their_parts(text: str, quadrant: str) -> None:
    situation = place(text)
    assert situation is not None and situation.quadrant == quadrant


def test_a_negated_strength_is_a_weakness() -> None:
    table = load_situations()
    assert factor_of("服务不好", table)[0] == "weakness"
    assert factor_of("成本低", table)[0] == "strength"  # less cost is better


@pytest.mark.parametrize(("text", "topic"), [
    ("我们成本比同行低很多，服务大家都差不多，走哪条路", "cost_leadership"),
    ("除了做维修还想再开个保险代理，分散一下风险，这叫什么战略", "diversification_strategy"),
])
def test_gapped_preconditions_point_at_a_strategy_type(text: str, topic: str) -> None:
    situation = place(text)
    assert situation is not None and situation.topic_id == topic and situation.quadrant is None
