"""The question log: what the bot could not answer well, for the admin to fill gaps.

Only questions with an outcome in :data:`OUTCOMES` are logged (a good answer is not), kept
for ``QUESTION_LOG_RETENTION_DAYS`` days (default 180) and deleted by ``python -m bot
purge-log``. Every function opens one short session and returns plain dicts.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from bot.analyses.models import utcnow
from bot.db import session_scope
from bot.ops import texts
from bot.ops.csv_export import table_csv
from bot.ops.grouping import group_questions, representative
from bot.ops.models import QuestionLog

OUTCOMES = ("fallback", "low_confidence", "declined")
RETENTION_ENV = "QUESTION_LOG_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 180
QUESTION_MAX = 500
GROUPING_WINDOW = 5000  # the newest rows grouped; older ones are what purge removes anyway


def retention_days() -> int:
    """Days to keep logged rows, from the environment (default 180)."""
    raw = os.environ.get(RETENTION_ENV, "").strip()
    try:
        days = int(raw) if raw else DEFAULT_RETENTION_DAYS
    except ValueError:
        raise ValueError(f"{RETENTION_ENV} must be a whole number of days, got {raw!r}") from None
    if days < 0:
        raise ValueError(f"{RETENTION_ENV} must not be negative, got {days}")
    return days


def log_question(user_id: str, question: str, *, intent: str | None, confidence: float | None,
                 outcome: str, topic_ids: list[str], engine: Engine | None = None) -> int:
    """Store one poorly answered question; returns its id."""
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {OUTCOMES}, got {outcome!r}")
    row = QuestionLog(
        user_id=str(user_id)[:128], question=(question or "").strip()[:QUESTION_MAX],
        intent=(intent or None) and str(intent)[:64],
        confidence=None if confidence is None else float(confidence), outcome=outcome,
        topic_ids=json.dumps([str(t) for t in topic_ids or []], ensure_ascii=False),
    )
    with session_scope(engine) as session:
        fixed = session.execute(
            select(QuestionLog.resolved_by).where(QuestionLog.question == row.question,
                                                  QuestionLog.resolved_at.is_not(None)).limit(1)
        ).scalar()
        if fixed is not None:  # the same wording was fixed already: kept, not queued again
            row.resolved_at, row.resolved_by = utcnow(), fixed
        session.add(row)
        session.flush()
        return row.id


def purge(days: int | None = None, *, now: datetime | None = None, engine: Engine | None = None) -> int:
    """Delete rows older than ``days`` (default: the retention setting); returns how many."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days() if days is None else days)
    with session_scope(engine) as session:
        return session.execute(delete(QuestionLog).where(QuestionLog.created_at < cutoff)).rowcount


def _entry(row: QuestionLog) -> dict[str, Any]:
    return {"id": row.id, "question": row.question, "created_at": row.created_at.isoformat(),
            "outcome": row.outcome, "user_id": row.user_id}


def unanswered_groups(limit: int = 50, examples: int = 3, *, engine: Engine | None = None) -> list[dict]:
    """The open logged questions grouped by similarity (bot/ops/grouping.py), biggest first.

    Questions an admin has resolved (:func:`resolve_group_of`) are no longer listed.
    """
    with session_scope(engine) as session:
        query = QuestionLog.newest_first(GROUPING_WINDOW).where(QuestionLog.resolved_at.is_(None))
        rows = session.execute(query).scalars().all()
        entries = [_entry(row) for row in rows]
    groups = []
    for members in group_questions([e["question"] for e in entries])[:limit]:
        chosen = [entries[i] for i in members]  # newest first
        groups.append({
            "key": representative([e["question"] for e in chosen]),
            "count": len(chosen),
            "latest": chosen[0]["created_at"],
            "examples": chosen[:examples],
            "ids": [e["id"] for e in chosen],
        })
    return groups


def resolve_group_of(entry_id: int, *, actor: str, engine: Engine | None = None) -> list[int]:
    """Mark the entry and the open questions grouped with it as fixed; returns their ids.

    Called after an admin turned the question into an alias, an example question or a new
    topic: the same gap asked in other words leaves the queue with it.
    """
    group = next((g["ids"] for g in unanswered_groups(limit=10**6, engine=engine)
                  if entry_id in g["ids"]), [entry_id])
    with session_scope(engine) as session:
        for row in session.execute(select(QuestionLog).where(QuestionLog.id.in_(group))).scalars():
            row.resolved_at, row.resolved_by = utcnow(), str(actor)[:128]
    return group


def get_entry(entry_id: int, *, engine: Engine | None = None) -> dict | None:
    with session_scope(engine) as session:
        row = session.get(QuestionLog, entry_id)
        if row is None:
            return None
        return {**_entry(row), "intent": row.intent, "confidence": row.confidence,
                "topic_ids": json.loads(row.topic_ids or "[]")}


def log_csv(*, engine: Engine | None = None) -> str:
    return table_csv(QuestionLog, texts.LOG_CSV_HEADER, lambda r: (
        r.user_id, r.question, r.intent or "", "" if r.confidence is None else f"{r.confidence:.3f}",
        r.outcome, " ".join(json.loads(r.topic_ids or "[]"))), engine=engine)
