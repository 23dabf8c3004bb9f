"""One retention rule for everything users typed: the question log, feedback and handoffs.

All three hold user text, so ``python -m bot purge-log`` removes rows older than the same
``QUESTION_LOG_RETENTION_DAYS`` from each.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.analyses.models import utcnow
from bot.db import session_scope
from bot.ops import log
from bot.ops.models import Feedback, Handoff


def purge_all(days: int | None = None, *, now: datetime | None = None,
              engine: Engine | None = None) -> dict[str, int]:
    """Rows deleted per kind: ``{"log", "feedback", "handoff"}``."""
    days = log.retention_days() if days is None else days
    now = now or utcnow()
    counts = {"log": log.purge(days, now=now, engine=engine)}
    cutoff = now - timedelta(days=days)
    with session_scope(engine) as session:
        for key, model in (("feedback", Feedback), ("handoff", Handoff)):
            counts[key] = session.execute(delete(model).where(model.created_at < cutoff)).rowcount
    return counts
