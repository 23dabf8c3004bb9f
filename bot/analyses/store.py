"""Saving and loading analyses, always scoped to the owning user.

Every function opens one short session (``session_scope``) and returns plain
:class:`AnalysisRecord` values, never ORM objects, so callers (Rasa actions running these in a
worker thread) cannot touch a closed session. Pass ``engine`` in tests; by default the engine
comes lazily from ``DATABASE_URL``. A row that is missing or belongs to someone else is
treated the same way: not found.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.analyses.models import Analysis, utcnow
from bot.db import session_scope
from bot.tools import registry
from bot.tools.report import progress_report

DEFAULT_LIST_LIMIT = 20
_SUBJECT_MAX = 200


class AnalysisNotFound(LookupError):
    """No analysis with this id for this user (it may exist for another user)."""


@dataclass(frozen=True)
class AnalysisRecord:
    """A detached copy of one row with ``data`` decoded from JSON."""

    id: int
    user_id: str
    kind: str
    subject: str
    status: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_complete(self) -> bool:
        return self.status == "complete"


def _record(row: Analysis) -> AnalysisRecord:
    """The row's columns by their field names (the record mirrors the table), ``data`` decoded."""
    columns = {f.name: getattr(row, f.name) for f in fields(AnalysisRecord) if f.name != "data"}
    return AnalysisRecord(**columns, data=json.loads(row.data or "{}"))


def _dump(data: dict[str, Any] | None) -> str:
    if data is not None and not isinstance(data, dict):
        raise TypeError("analysis data must be a dict")
    return json.dumps(data or {}, ensure_ascii=False)


def _require_user(user_id: str) -> str:
    if not user_id or not str(user_id).strip():
        raise ValueError("user_id is required")
    return str(user_id)


def _owned(session: Session, user_id: str, analysis_id: int) -> Analysis | None:
    return session.execute(
        select(Analysis).where(Analysis.id == analysis_id, Analysis.user_id == str(user_id))
    ).scalar_one_or_none()


@contextmanager
def _changing(analysis_id: int, user_id: str, engine: Engine | None) -> Iterator[Analysis]:
    """The user's analysis row to change in one transaction; stamps ``updated_at`` after the change."""
    with session_scope(engine) as session:
        row = _owned(session, user_id, analysis_id)
        if row is None:
            raise AnalysisNotFound(analysis_id)
        yield row
        row.updated_at = utcnow()


def start(
    user_id: str,
    kind: str,
    subject: str = "",
    data: dict[str, Any] | None = None,
    *,
    step: str = "",
    engine: Engine | None = None,
) -> int:
    """Create an in-progress analysis and return its id."""
    if registry.get(kind) is None:
        raise ValueError(f"kind must be one of {sorted(registry.all_tools())}, got {kind!r}")
    row = Analysis(
        user_id=_require_user(user_id),
        kind=kind,
        subject=(subject or "").strip()[:_SUBJECT_MAX],
        status="in_progress",
        step=step,
        data=_dump(data),
    )
    with session_scope(engine) as session:
        session.add(row)
        session.flush()
        return row.id


def save_step(
    analysis_id: int,
    user_id: str,
    step: str,
    data: dict[str, Any],
    *,
    subject: str | None = None,
    engine: Engine | None = None,
) -> None:
    """Record the step reached and the full current inputs (replaces ``data``)."""
    with _changing(analysis_id, user_id, engine) as row:
        row.step = step
        row.data = _dump(data)
        if subject is not None:
            row.subject = subject.strip()[:_SUBJECT_MAX]


def complete(
    analysis_id: int,
    user_id: str,
    data: dict[str, Any] | None = None,
    *,
    step: str = "done",
    engine: Engine | None = None,
) -> None:
    """Mark an analysis complete, optionally with its final inputs."""
    with _changing(analysis_id, user_id, engine) as row:
        row.status = "complete"
        row.step = step
        if data is not None:
            row.data = _dump(data)


def latest_in_progress(
    user_id: str, kind: str | None = None, *, engine: Engine | None = None
) -> AnalysisRecord | None:
    """The user's most recently touched unfinished analysis (to resume), if any."""
    query = select(Analysis).where(
        Analysis.user_id == str(user_id), Analysis.status == "in_progress"
    )
    if kind is not None:
        query = query.where(Analysis.kind == kind)
    query = query.order_by(Analysis.updated_at.desc(), Analysis.id.desc()).limit(1)
    with session_scope(engine) as session:
        row = session.execute(query).scalar_one_or_none()
        return _record(row) if row else None


def list_for_user(
    user_id: str,
    *,
    status: str | None = None,
    limit: int = DEFAULT_LIST_LIMIT,
    engine: Engine | None = None,
) -> list[AnalysisRecord]:
    """The user's analyses, most recently updated first."""
    query = select(Analysis).where(Analysis.user_id == str(user_id))
    if status is not None:
        query = query.where(Analysis.status == status)
    query = query.order_by(Analysis.updated_at.desc(), Analysis.id.desc()).limit(limit)
    with session_scope(engine) as session:
        return [_record(row) for row in session.execute(query).scalars()]


def get(user_id: str, analysis_id: int, *, engine: Engine | None = None) -> AnalysisRecord | None:
    """One analysis if it belongs to ``user_id``; None otherwise."""
    with session_scope(engine) as session:
        row = _owned(session, user_id, analysis_id)
        return _record(row) if row else None


def delete(user_id: str, analysis_id: int, *, engine: Engine | None = None) -> bool:
    """Delete the user's analysis; False when it does not exist or is someone else's."""
    with session_scope(engine) as session:
        row = _owned(session, user_id, analysis_id)
        if row is None:
            return False
        session.delete(row)
        return True


def export_markdown(user_id: str, analysis_id: int, *, engine: Engine | None = None) -> str:
    """Markdown report of the user's analysis (by its tool); raises AnalysisNotFound."""
    record = get(user_id, analysis_id, engine=engine)
    tool = registry.get(record.kind) if record else None
    if record is None or tool is None:
        raise AnalysisNotFound(analysis_id)
    subject = record.subject or str(record.data.get("subject", ""))
    if record.is_complete or tool.reports_partial:
        return tool.report(record.data, subject)
    return progress_report(tool, record.data, subject)
