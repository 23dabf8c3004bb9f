"""Feedback on answers: validation, per-topic rates, the latest 👎, CSV."""

from __future__ import annotations

import csv
import io

import pytest

from bot.ops import feedback


def _rate(engine, rating: str, topic: str | None = "swot_analysis", reason: str | None = None, **kw) -> int:
    return feedback.record_feedback("u1", topic_id=topic, question="SWOT是什么", answer="【SWOT分析】…",
                                    rating=rating, reason=reason, engine=engine, **kw)


def test_rates_per_topic_worst_first(engine) -> None:
    for rating in ("up", "up", "down"):
        _rate(engine, rating)
    _rate(engine, "down", topic="four_p", reason="过时")
    _rate(engine, "up", topic=None)  # no topic: stored, not in the per-topic table
    stats = feedback.topic_stats(engine=engine)
    assert stats == [
        {"topic_id": "four_p", "up": 0, "down": 1, "rate": 0.0},
        {"topic_id": "swot_analysis", "up": 2, "down": 1, "rate": pytest.approx(2 / 3)},
    ]


def test_bad_rating_or_reason_is_refused_in_chinese(engine) -> None:
    with pytest.raises(ValueError, match="up 或 down"):
        _rate(engine, "meh")
    with pytest.raises(ValueError, match="答非所问"):
        _rate(engine, "down", reason="太长")
    with pytest.raises(ValueError):
        feedback.record_feedback(" ", topic_id=None, question="q", answer="a", rating="up", engine=engine)


def test_latest_negative_newest_first_with_texts_cut(engine) -> None:
    _rate(engine, "down", reason="不完整", comment="少了第三步")
    _rate(engine, "up")
    last = feedback.record_feedback("u2", topic_id="four_p", question="问" * 900, answer="答" * 5000,
                                    rating="down", reason="其他", comment="评" * 900, engine=engine)
    negative = feedback.latest_negative(engine=engine)
    assert [n["id"] for n in negative] == [last, 1]
    assert len(negative[0]["question"]) == 500 and len(negative[0]["answer"]) == 2000
    assert len(negative[0]["comment"]) == 500
    assert negative[1]["reason"] == "不完整" and negative[1]["comment"] == "少了第三步"
    assert set(negative[0]) == {"id", "created_at", "user_id", "topic_id", "question", "answer", "reason", "comment"}
    assert len(feedback.latest_negative(limit=1, engine=engine)) == 1


def test_feedback_csv(engine) -> None:
    _rate(engine, "down", reason="其他", comment="@SUM(1)")
    rows = list(csv.reader(io.StringIO(feedback.feedback_csv(engine=engine))))
    assert rows[0][0] == "编号" and rows[1][6:] == ["down", "其他", "'@SUM(1)"]
