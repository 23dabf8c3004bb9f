"""👍 / 👎 on answers: stored per answer, summarised per topic for the admin."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.engine import Engine

from bot.db import session_scope
from bot.ops import texts
from bot.ops.csv_export import table_csv
from bot.ops.models import Feedback

REASONS = ("答非所问", "不完整", "过时", "其他")
RATINGS = ("up", "down")
QUESTION_MAX, ANSWER_MAX, COMMENT_MAX = 500, 2000, 500


def _clip(value: str | None, limit: int) -> str:
    return (value or "").strip()[:limit]


def record_feedback(user_id: str, *, topic_id: str | None, question: str, answer: str, rating: str,
                    reason: str | None = None, comment: str | None = None,
                    engine: Engine | None = None) -> int:
    """Store one rating; ValueError (Chinese message) for an unknown rating or reason."""
    if not user_id or not str(user_id).strip():
        raise ValueError(texts.FEEDBACK_NO_USER)
    if rating not in RATINGS:
        raise ValueError(texts.FEEDBACK_BAD_RATING)
    reason = (reason or "").strip() or None
    if reason is not None and reason not in REASONS:
        raise ValueError(texts.FEEDBACK_BAD_REASON.format(allowed="、".join(REASONS)))
    row = Feedback(
        user_id=str(user_id)[:128], topic_id=(topic_id or None) and str(topic_id)[:80],
        question=_clip(question, QUESTION_MAX), answer=_clip(answer, ANSWER_MAX), rating=rating,
        reason=reason, comment=_clip(comment, COMMENT_MAX) or None,
    )
    with session_scope(engine) as session:
        session.add(row)
        session.flush()
        return row.id


def topic_stats(*, engine: Engine | None = None) -> list[dict]:
    """Per topic: 👍, 👎 and the share of 👍; the worst rated (most 👎) first."""
    up = func.sum(case((Feedback.rating == "up", 1), else_=0))
    down = func.sum(case((Feedback.rating == "down", 1), else_=0))
    query = (select(Feedback.topic_id, up, down).where(Feedback.topic_id.is_not(None))
             .group_by(Feedback.topic_id))
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    stats = [{"topic_id": t, "up": int(u or 0), "down": int(d or 0),
              "rate": (u or 0) / ((u or 0) + (d or 0)) if (u or d) else 0.0} for t, u, d in rows]
    return sorted(stats, key=lambda s: (s["rate"], -s["down"], s["topic_id"]))


def _as_dict(row: Feedback) -> dict[str, Any]:
    return {"id": row.id, "created_at": row.created_at.isoformat(), "user_id": row.user_id,
            "topic_id": row.topic_id, "question": row.question, "answer": row.answer,
            "reason": row.reason, "comment": row.comment}


def latest_negative(limit: int = 20, *, engine: Engine | None = None) -> list[dict]:
    query = Feedback.newest_first(limit).where(Feedback.rating == "down")
    with session_scope(engine) as session:
        return [_as_dict(row) for row in session.execute(query).scalars()]


def feedback_csv(*, engine: Engine | None = None) -> str:
    return table_csv(Feedback, texts.FEEDBACK_CSV_HEADER, lambda r: (
        r.user_id, r.topic_id or "", r.question, r.answer, r.rating, r.reason or "", r.comment or ""),
        engine=engine)
