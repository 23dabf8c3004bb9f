"""TOWS matrix: pair labels, ordering by pair weight, caps, measures per quadrant."""

from __future__ import annotations

import pytest

from bot.strategy.factors import Factor, SwotInput
from bot.strategy.measures import guiding_questions, measures_for
from bot.strategy.tows import tows_lines, tows_matrix


def sample() -> SwotInput:
    return SwotInput(
        "A公司",
        strengths=[Factor("品牌知名度高", 2), Factor("资金充足", 5), Factor("网点多", 2)],
        weaknesses=[Factor("人才流失", 4)],
        opportunities=[Factor("需求增长", 1), Factor("政策支持", 4)],
        threats=[],
    )


def test_lines_are_ordered_by_pair_weight_then_index() -> None:
    lines = tows_lines(sample(), "SO", limit=None)
    assert [line.label for line in lines] == [
        "S2+O2",  # 5*4
        "S1+O2",  # 2*4, tie with S3+O2 -> lower index first
        "S3+O2",
        "S2+O1",  # 5*1
        "S1+O1",  # 2*1
        "S3+O1",
    ]
    assert [line.weight for line in lines] == [20, 8, 8, 5, 2, 2]


def test_lines_name_their_factors() -> None:
    first = tows_lines(sample(), "SO")[0]
    assert (first.internal_label, first.external_label) == ("S2", "O2")
    assert (first.internal_text, first.external_text) == ("资金充足", "政策支持")
    assert "资金充足" in first.text and "政策支持" in first.text


def test_each_quadrant_pairs_the_right_parts() -> None:
    swot = SwotInput("x", [Factor("s")], [Factor("w")], [Factor("o")], [Factor("t")])
    matrix = tows_matrix(swot)
    assert list(matrix) == ["SO", "ST", "WO", "WT"]
    assert [matrix[q][0].label for q in matrix] == ["S1+O1", "S1+T1", "W1+O1", "W1+T1"]
    assert all(len(lines) == 1 for lines in matrix.values())


def test_lines_are_capped_per_quadrant() -> None:
    assert len(tows_lines(sample(), "SO")) == 3
    assert len(tows_lines(sample(), "SO", limit=2)) == 2


def test_unweighted_pairs_keep_input_order() -> None:
    swot = SwotInput("x", [Factor("a"), Factor("b")], [], [Factor("c"), Factor("d")], [])
    assert [line.label for line in tows_lines(swot, "SO")] == ["S1+O1", "S1+O2", "S2+O1"]


def test_empty_side_gives_no_lines() -> None:
    matrix = tows_matrix(sample())
    assert matrix["ST"] == [] and matrix["WT"] == []
    assert [line.label for line in matrix["WO"]] == ["W1+O2", "W1+O1"]


def test_measures_per_quadrant() -> None:
    labels = {q: [m.label for m in measures_for(q)] for q in ("SO", "ST", "WO", "WT")}
    assert labels["SO"] == ["外延扩张式", "内涵积累式", "资本营运式"]
    assert labels["ST"] == ["同心多角化", "水平多角化", "跨领域多角化"]
    assert "推出新服务产品" in labels["WO"] and "引入创新机制" in labels["WO"]
    assert labels["WT"] == ["果断撤离"]


def test_guiding_questions_per_part() -> None:
    assert guiding_questions("S") == guiding_questions("W")
    assert guiding_questions("O") == guiding_questions("T")
    assert any("地位" in q for q in guiding_questions("S"))
    assert any("融资" in q for q in guiding_questions("W"))
    assert any("替代" in q for q in guiding_questions("O"))
    assert any("定位" in q for q in guiding_questions("T"))


def test_guiding_questions_unknown_part() -> None:
    with pytest.raises(ValueError):
        guiding_questions("X")
