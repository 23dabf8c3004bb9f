"""Tables of knowledge operations (SQLAlchemy 1.4 declarative on ``bot.metadata.Base``).

New tables only, never new columns on existing ones, so databases made before them keep
working: ``create_schema`` adds the missing tables. Times are naive UTC.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Integer, String, Text, select
from sqlalchemy.sql import Select

from bot.analyses.models import utcnow
from bot.metadata import Base


class _Event:
    """What every ops row starts with: its id and when it happened (indexed: the admin lists
    and the retention clean-up sort and cut by it). Plain mixin columns, copied in this order
    in front of each table's own, so new tables match those of existing databases."""

    id = Column(Integer, primary_key=True, autoincrement=True)
    created_at = Column(DateTime, nullable=False, default=utcnow, index=True)

    @classmethod
    def newest_first(cls, limit: int) -> Select:
        """The admin lists' query: the latest ``limit`` rows, ties broken by id."""
        return select(cls).order_by(cls.created_at.desc(), cls.id.desc()).limit(limit)


class _UserEvent(_Event):
    """An event of one chat user (the Rasa sender id)."""

    user_id = Column(String(128), nullable=False)


class QuestionLog(_UserEvent, Base):
    """A question the bot could not answer well (fallback, low confidence, declined)."""

    __tablename__ = "ops_question_log"

    question = Column(Text, nullable=False)
    intent = Column(String(64), nullable=True)
    confidence = Column(Float, nullable=True)
    outcome = Column(String(16), nullable=False)
    topic_ids = Column(Text, nullable=False, default="[]")  # JSON list
    resolved_at = Column(DateTime, nullable=True)  # an admin fixed the gap (alias, question, topic)
    resolved_by = Column(String(128), nullable=True)


class Feedback(_UserEvent, Base):
    """A 👍 / 👎 on one answer, with the reason and comment of a 👎."""

    __tablename__ = "ops_feedback"

    topic_id = Column(String(80), nullable=True, index=True)
    question = Column(Text, nullable=False, default="")
    answer = Column(Text, nullable=False, default="")
    rating = Column(String(8), nullable=False)
    reason = Column(String(32), nullable=True)
    comment = Column(Text, nullable=True)


class Handoff(_UserEvent, Base):
    """A request for a person, with the contact that was given to the user."""

    __tablename__ = "ops_handoffs"

    topic_id = Column(String(80), nullable=True)
    question = Column(Text, nullable=False, default="")
    owner = Column(String(80), nullable=True)
    name = Column(String(200), nullable=False, default="")
    contact = Column(String(300), nullable=False, default="")


class OverlayEntry(_Event, Base):
    """One admin edit of the knowledge not yet exported to YAML (see bot/ops/overlay.py)."""

    __tablename__ = "kb_overlay"

    created_at = Column(DateTime, nullable=False, default=utcnow)  # not indexed: read whole, in id order
    actor = Column(String(128), nullable=False)
    action = Column(String(16), nullable=False)  # alias | question | topic
    topic_id = Column(String(80), nullable=False)
    payload = Column(Text, nullable=False)  # JSON


class AuditEntry(_Event, Base):
    """Who changed what and when, with the state before and after (JSON)."""

    __tablename__ = "ops_audit"

    actor = Column(String(128), nullable=False)
    action = Column(String(32), nullable=False)
    target = Column(String(80), nullable=False, default="")
    before = Column(Text, nullable=True)
    after = Column(Text, nullable=True)
