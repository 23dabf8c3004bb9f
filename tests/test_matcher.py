"""Knowledge entity matching: aliases → canonical ids, longest match, typos, widths and case."""

from __future__ import annotations

import pytest

from bot.knowledge.matcher import KnowledgeMatcher
from bot.knowledge.repository import Snapshot


@pytest.fixture(scope="module")
def matcher(snapshot: Snapshot) -> KnowledgeMatcher:
    return KnowledgeMatcher(snapshot)


def ids(matcher: KnowledgeMatcher, text: str) -> list[str]:
    return [m.topic_id for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("售后服务经理的职责有哪些", ["after_sales_service_manager"]),  # not 服务经理 inside it
        ("服务经理的职责有哪些", ["service_manager"]),
        ("售后工程师要做什么", ["after_sales_engineer"]),
        ("swot分析怎么做", ["swot_analysis"]),
        ("ＳＷＯＴ分析怎么做", ["swot_analysis"]),
        ("4P和7P有什么区别", ["four_p", "marketing_mix_7p"]),
        ("差异化战略需要什么条件", ["differentiation_strategy"]),
        ("多元化战略的前提", ["diversification_strategy"]),
        ("专业化战略适合谁", ["focus_strategy"]),
        ("什么是服务蓝图", ["service_blueprint"]),
    ],
)
def test_names_and_aliases_map_to_canonical_ids(matcher: KnowledgeMatcher, text: str, expected: list[str]) -> None:
    assert ids(matcher, text) == expected


def test_longest_match_wins_and_offsets_point_into_original_text(matcher: KnowledgeMatcher) -> None:
    text = "请问ＳＷＯＴ分析和售后服务经理"
    found = matcher.find(text)
    assert [(m.text, m.topic_id) for m in found] == [
        ("ＳＷＯＴ分析", "swot_analysis"), ("售后服务经理", "after_sales_service_manager")]
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("售后服务经里干啥", "after_sales_service_manager"), ("市场细份是什么", "market_segmentation"),
     ("swto分析", "swot_analysis")],
)
def test_pinyin_input_typos_are_recognised(matcher: KnowledgeMatcher, text: str, expected: str) -> None:
    found = matcher.find(text)
    assert [m.topic_id for m in found] == [expected]
    assert found[0].method == "sound"


@pytest.mark.parametrize("text", ["服务器宕机了怎么办", "今天天气怎么样", "also someone", ""])
def test_no_false_matches_inside_other_words(matcher: KnowledgeMatcher, text: str) -> None:
    assert ids(matcher, text) == []
