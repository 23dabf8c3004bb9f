"""The ``analyses`` table: one wizard run per row, its inputs kept as JSON text.

Only user inputs are stored (factors, weights, answers); scores, quadrant and report are
recomputed by ``bot.strategy`` so old rows follow the current rules.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import Column, DateTime, Index, Integer, String, Text

from bot.metadata import Base

_UTC = timezone(timedelta(0))  # datetime.UTC needs 3.11; the project runs on 3.10


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite keeps no time zone, so store all times as UTC)."""
    return datetime.now(_UTC).replace(tzinfo=None)


class Analysis(Base):
    """One SWOT or strategy-type analysis owned by ``user_id`` (the chat sender id)."""

    __tablename__ = "analyses"

    id = Column(Integer, primary_key=True, autoincrement=True)
    user_id = Column(String(128), nullable=False, index=True)
    kind = Column(String(32), nullable=False)
    subject = Column(String(200), nullable=False, default="")
    status = Column(String(16), nullable=False, default="in_progress")
    step = Column(String(64), nullable=False, default="")
    data = Column(Text, nullable=False, default="{}")  # JSON, see bot.strategy.report
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    __table_args__ = (Index("ix_analyses_user_status_updated", "user_id", "status", "updated_at"),)

    def __repr__(self) -> str:
        return f"<Analysis {self.id} {self.kind} user={self.user_id!r} {self.status}>"
