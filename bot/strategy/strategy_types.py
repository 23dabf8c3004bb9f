"""Strategy-type selection: 总成本领先 / 特色经营 / 集中化 / 多角化 by their preconditions.

Each precondition is asked as a question answered 是 / 否 / 不确定. A type's fit is
``(yes + 0.5 * unsure) / n`` over all its n preconditions (unanswered counts as no), so types
with more preconditions are not favoured. The SWOT quadrant is used only to break exact ties.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.normalize import as_command
from bot.strategy import texts

ANSWERS: tuple[str, ...] = ("yes", "no", "unsure")

# type key -> precondition question ids, in the document's order.
PRECONDITIONS: dict[str, tuple[str, ...]] = {
    "cost_leadership": ("cl_same_quality", "cl_strong_capital", "cl_same_function"),
    "differentiation_strategy": (
        "df_marketing_capability",
        "df_creative_vision",
        "df_service_reputation",
        "df_traditional_skills",
        "df_channel_partners",
    ),
    "focus_strategy": (
        "fc_large_distinct_segments",
        "fc_specialization_fit",
        "fc_standardized_management",
    ),
    "diversification_strategy": (
        "dv_same_lifecycle_stage",
        "dv_risky_or_slow",
        "dv_resource_dependence",
    ),
}
STRATEGY_TYPES: tuple[str, ...] = tuple(PRECONDITIONS)

# Tie-break only: which type a SWOT quadrant leans to when scores are exactly equal.
# SO: the document calls cost leadership an 内涵积累式 strategy, one of the SO measures;
# ST: 分散化 is carried out mainly through 多角化; WO: new and innovative services are the
# WO measures, i.e. differentiation; WT: retreat and concentrate what is left on one niche.
QUADRANT_PREFERENCE: dict[str, str] = {
    "SO": "cost_leadership",
    "ST": "diversification_strategy",
    "WO": "differentiation_strategy",
    "WT": "focus_strategy",
}

_ANSWER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("是", "是的", "对", "对的", "有", "具备", "符合", "满足", "嗯", "yes", "y"),
        "yes",
    ),
    **dict.fromkeys(
        ("否", "不是", "不", "没有", "无", "不具备", "不符合", "不满足", "no", "n"),
        "no",
    ),
    **dict.fromkeys(
        (
            "不确定",
            "不知道",
            "不清楚",
            "说不好",
            "不好说",
            "说不准",
            "可能",
            "也许",
            "unsure",
        ),
        "unsure",
    ),
}


@dataclass(frozen=True)
class Question:
    """One precondition question of the wizard."""

    question_id: str
    type_key: str
    text: str


@dataclass(frozen=True)
class TypeScore:
    """How well one strategy type fits the answers."""

    type_key: str
    score: float
    met: tuple[str, ...]
    unsure: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def name(self) -> str:
        return texts.STRATEGY_TYPE_NAMES[self.type_key]


@dataclass(frozen=True)
class StrategyRecommendation:
    """The recommended type, why, how to implement it, and what the others lack."""

    type_key: str
    scores: tuple[TypeScore, ...]
    tie_broken_by_quadrant: bool
    quadrant: str | None

    @property
    def best(self) -> TypeScore:
        return next(s for s in self.scores if s.type_key == self.type_key)

    @property
    def name(self) -> str:
        return texts.STRATEGY_TYPE_NAMES[self.type_key]

    @property
    def reasons(self) -> list[str]:
        """Labels of the recommended type's preconditions answered 是."""
        return [texts.PRECONDITION_LABELS[q] for q in self.best.met]

    @property
    def ways(self) -> tuple[str, ...]:
        return texts.STRATEGY_TYPE_WAYS[self.type_key]

    @property
    def missing_for_others(self) -> dict[str, list[str]]:
        """type key -> labels of preconditions answered 否 (or unanswered), other types only."""
        return {
            s.type_key: [texts.PRECONDITION_LABELS[q] for q in s.missing]
            for s in self.scores
            if s.type_key != self.type_key
        }


def ordered_questions() -> list[tuple[str, str, str]]:
    """Stable (question_id, type_key, Chinese question) list: type by type, document order."""
    return [
        (qid, type_key, texts.PRECONDITION_QUESTIONS[qid])
        for type_key, qids in PRECONDITIONS.items()
        for qid in qids
    ]


def parse_answer(message: str) -> str | None:
    """``"yes"``, ``"no"`` or ``"unsure"`` for a whole reply like 是 / 否 / 不确定; else None."""
    text = as_command(message)
    return _ANSWER_WORDS.get(text)


def score_type(type_key: str, answers: Mapping[str, str]) -> TypeScore:
    """Fit of one type: (yes + 0.5 * unsure) / number of its preconditions."""
    qids = PRECONDITIONS[type_key]
    met = tuple(q for q in qids if answers.get(q) == "yes")
    unsure = tuple(q for q in qids if answers.get(q) == "unsure")
    missing = tuple(q for q in qids if answers.get(q) not in ("yes", "unsure"))
    return TypeScore(type_key, (len(met) + 0.5 * len(unsure)) / len(qids), met, unsure, missing)


def recommend(answers: Mapping[str, str], quadrant: str | None = None) -> StrategyRecommendation:
    """Best-fitting type; on an exact tie the SWOT quadrant's preferred type wins if tied.

    Without a quadrant (or when its type is not among the tied) the document's order decides.
    ``scores`` come back best first, ties in document order.
    """
    unknown = {v for v in answers.values() if v not in ANSWERS}
    if unknown:
        raise ValueError(f"answers must be one of {ANSWERS}, got {sorted(unknown)}")
    scores = [score_type(key, answers) for key in STRATEGY_TYPES]
    top = max(s.score for s in scores)
    tied = [s.type_key for s in scores if abs(s.score - top) < 1e-9]
    preferred = QUADRANT_PREFERENCE.get(quadrant or "")
    tie_broken = len(tied) > 1 and preferred in tied
    best = preferred if tie_broken else tied[0]
    ordered = sorted(scores, key=lambda s: (s.type_key != best, -s.score))
    return StrategyRecommendation(best, tuple(ordered), tie_broken, quadrant)
