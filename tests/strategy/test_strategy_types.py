"""Strategy-type preconditions: questions, scoring, recommendation and tie-break."""

from __future__ import annotations

import pytest

from bot.strategy.strategy_types import (
    PRECONDITIONS,
    ordered_questions,
    parse_answer,
    recommend,
    score_type,
)


def all_answers(value: str) -> dict[str, str]:
    return {qid: value for qid, _, _ in ordered_questions()}


def test_ordered_questions_are_stable_and_complete() -> None:
    questions = ordered_questions()
    assert questions == ordered_questions()
    assert len(questions) == 14
    ids = [qid for qid, _, _ in questions]
    assert len(set(ids)) == len(ids)
    assert [t for _, t, _ in questions][:3] == ["cost_leadership"] * 3
    assert {t for _, t, _ in questions} == set(PRECONDITIONS)
    assert all(text.endswith("？") for _, _, text in questions)
    assert questions[0][0] == "cl_same_quality"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("是", "yes"),
        ("是的", "yes"),
        ("对", "yes"),
        ("否", "no"),
        ("不是", "no"),
        ("没有", "no"),
        ("不确定", "unsure"),
        ("不知道。", "unsure"),
        ("YES", "yes"),
        ("也许吧吧", None),
        ("", None),
    ],
)
def test_parse_answer(text: str, answer: str | None) -> None:
    assert parse_answer(text) == answer


def test_score_is_yes_plus_half_unsure_over_n() -> None:
    answers = {"cl_same_quality": "yes", "cl_strong_capital": "unsure", "cl_same_function": "no"}
    score = score_type("cost_leadership", answers)
    assert score.score == pytest.approx(0.5)
    assert score.met == ("cl_same_quality",)
    assert score.unsure == ("cl_strong_capital",)
    assert score.missing == ("cl_same_function",)


def test_unanswered_counts_as_missing() -> None:
    score = score_type("differentiation_strategy", {"df_marketing_capability": "yes"})
    assert score.score == pytest.approx(0.2)
    assert len(score.missing) == 4


def test_recommends_the_best_fit_with_reasons_and_missing() -> None:
    answers = all_answers("no") | {
        "fc_large_distinct_segments": "yes",
        "fc_specialization_fit": "yes",
        "fc_standardized_management": "unsure",
        "cl_same_quality": "yes",
    }
    rec = recommend(answers, quadrant="SO")
    assert rec.type_key == "focus_strategy"
    assert rec.name == "集中化战略"
    assert not rec.tie_broken_by_quadrant
    assert rec.best.score == pytest.approx(2.5 / 3)
    assert rec.reasons == ["需求规模大且顾客群差别明显", "服务适合专业化经营"]
    assert rec.ways and "集中" in "".join(rec.ways)
    assert rec.scores[0].type_key == "focus_strategy"
    assert set(rec.missing_for_others) == {
        "cost_leadership",
        "differentiation_strategy",
        "diversification_strategy",
    }
    assert rec.missing_for_others["cost_leadership"] == ["资金实力雄厚", "服务功能与对手相同"]
    assert len(rec.missing_for_others["diversification_strategy"]) == 3


def test_fraction_not_count_decides() -> None:
    # 3 of 5 differentiation preconditions (0.6) lose to 2 of 3 cost-leadership ones (0.67).
    answers = {
        "df_marketing_capability": "yes",
        "df_creative_vision": "yes",
        "df_service_reputation": "yes",
        "cl_same_quality": "yes",
        "cl_strong_capital": "yes",
    }
    assert recommend(answers).type_key == "cost_leadership"


@pytest.mark.parametrize(
    ("quadrant", "expected"),
    [
        ("SO", "cost_leadership"),
        ("ST", "diversification_strategy"),
        ("WO", "differentiation_strategy"),
        ("WT", "focus_strategy"),
    ],
)
def test_quadrant_breaks_a_full_tie(quadrant: str, expected: str) -> None:
    rec = recommend(all_answers("yes"), quadrant=quadrant)
    assert rec.type_key == expected
    assert rec.tie_broken_by_quadrant
    assert rec.quadrant == quadrant


def test_tie_without_quadrant_uses_document_order() -> None:
    rec = recommend(all_answers("unsure"))
    assert rec.type_key == "cost_leadership"
    assert not rec.tie_broken_by_quadrant


def test_quadrant_only_matters_among_tied_types() -> None:
    answers = {"cl_same_quality": "yes", "cl_strong_capital": "yes", "fc_specialization_fit": "yes"}
    rec = recommend(answers, quadrant="WT")
    assert rec.type_key == "cost_leadership"
    assert not rec.tie_broken_by_quadrant


def test_quadrant_preference_not_among_tied_falls_back_to_order() -> None:
    answers = {
        "cl_same_quality": "yes",
        "fc_large_distinct_segments": "yes",
    }
    rec = recommend(answers, quadrant="ST")  # prefers diversification, which scored 0
    assert rec.type_key == "cost_leadership"
    assert not rec.tie_broken_by_quadrant


def test_invalid_answer_value_is_rejected() -> None:
    with pytest.raises(ValueError):
        recommend({"cl_same_quality": "maybe"})
