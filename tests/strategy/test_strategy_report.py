"""The Markdown report contains what a manager expects to take away."""

from __future__ import annotations

from bot.strategy.factors import Factor, SwotInput
from bot.strategy.report import format_tows, render_markdown
from bot.strategy.tows import tows_matrix


def sample() -> SwotInput:
    return SwotInput(
        "华东分公司",
        strengths=[Factor("品牌知名度高", 5), Factor("资金充足", 3)],
        weaknesses=[Factor("人才流失", 2)],
        opportunities=[Factor("市场需求增长", 4), Factor("政策支持")],
        threats=[Factor("新对手进入", 1)],
    )


def test_report_has_subject_factors_scores_measures_and_tows() -> None:
    md = render_markdown({"swot": sample().to_dict(), "kind": "swot"})
    assert md.startswith("# 服务营销战略分析报告：华东分公司")
    assert "1. 品牌知名度高（重要程度 5）" in md
    assert "2. 政策支持（未打分）" in md
    assert "| 内部位置（S − W） | 6 |" in md
    assert "| 外部位置（O − T） | 4 |" in md
    assert "SO象限" in md and "扩张性战略" in md
    assert "外延扩张式" in md and "资本营运式" in md
    assert "| 象限 | 组合 | 策略 | 权重 |" in md
    assert "| SO | S1+O1 |" in md
    assert md.index("| SO | S1+O1 |") < md.index("| SO | S2+O1 |")
    assert "| WT | W1+T1 |" in md
    assert "战略类型建议" not in md


def test_report_empty_part_and_balanced_candidates() -> None:
    swot = SwotInput("x", [Factor("a")], [Factor("b")], [Factor("c")], [])
    md = render_markdown({"subject": "门店", "swot": swot.to_dict()})
    assert "# 服务营销战略分析报告：门店" in md
    assert "（无）" in md
    assert "扩张性战略" in md and "防卫性战略" in md
    assert "内部位置不明确" in md


def test_report_with_strategy_type_recommendation() -> None:
    answers = {"df_marketing_capability": "yes", "df_service_reputation": "yes"}
    md = render_markdown({"swot": sample().to_dict(), "answers": answers})
    assert "## 战略类型建议" in md
    assert "推荐：**特色经营战略**（符合度 40%）" in md
    assert "市场营销能力强" in md
    assert "其他类型尚缺的前提" in md
    assert "- 市场营销能力强：是" in md


def test_strategy_type_only_report_uses_quadrant_for_ties() -> None:
    answers = {"cl_same_quality": "yes", "dv_risky_or_slow": "yes"}
    md = render_markdown(
        {"kind": "strategy_type", "subject": "B公司", "answers": answers, "quadrant": "ST"}
    )
    assert "SWOT 因素" not in md
    assert "推荐：**多角化战略**" in md
    assert "象限 ST" in md


def test_pipe_in_factor_is_escaped_in_table() -> None:
    swot = SwotInput("x", [Factor("A|B")], [], [Factor("c")], [])
    md = render_markdown({"swot": swot.to_dict()})
    assert "A\\|B" in md


def test_chat_tows_names_pairs_and_empty_quadrants() -> None:
    text = format_tows(tows_matrix(SwotInput("x", [Factor("a")], [], [Factor("o")], [])))
    assert "[S1+O1]" in text
    assert "因素不足" in text
