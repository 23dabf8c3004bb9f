"""Read access to the knowledge base as immutable snapshots.

The knowledge base is small (hundreds of rows), so a process reads it whole into a
:class:`Snapshot` and keeps it until the stored revision changes. A cheap revision check
(one short session) runs at most every few seconds, so ``make reload`` takes effect in
running servers without a restart.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from bot.db import get_engine, session_scope
from bot.knowledge.models import Meta, Synonym, Topic
from bot.knowledge.schema import Source

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FacetView:
    kind: str
    title: str
    items: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class TopicView:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    category: str
    sources: tuple[Source, ...]
    facets: tuple[FacetView, ...]
    related: tuple[str, ...]
    questions: tuple[str, ...] = ()  # how people ask for it: retrieval evidence only

    def facet(self, kind: str) -> FacetView | None:
        return next((f for f in self.facets if f.kind == kind), None)


@dataclass(frozen=True)
class Snapshot:
    revision: str
    topics: dict[str, TopicView]
    synonyms: dict[str, str] = field(default_factory=dict)

    def get(self, topic_id: str | None) -> TopicView | None:
        return self.topics.get(topic_id or "")

    def ordered(self) -> list[TopicView]:
        return list(self.topics.values())


def _sources(raw: str) -> tuple[Source, ...]:
    return tuple(Source(s["doc"], s["section"]) for s in json.loads(raw))


def read_revision(engine: Engine | None = None) -> str:
    with session_scope(engine) as session:
        row = session.get(Meta, "revision")
        return row.value if row else ""


def read_snapshot(engine: Engine | None = None) -> Snapshot:
    """Read the whole knowledge base in one short session."""
    with session_scope(engine) as session:
        meta = session.get(Meta, "revision")
        rows = session.execute(
            select(Topic).options(
                selectinload(Topic.aliases), selectinload(Topic.facets), selectinload(Topic.related),
                selectinload(Topic.questions),
            ).order_by(Topic.position)
        ).scalars().all()
        topics = {
            row.id: TopicView(
                id=row.id, kind=row.kind, name=row.name,
                aliases=tuple(a.alias for a in row.aliases),
                summary=row.summary, category=row.category, sources=_sources(row.sources),
                facets=tuple(
                    FacetView(f.kind, f.title, tuple(json.loads(f.items)), _sources(f.sources))
                    for f in row.facets
                ),
                related=tuple(r.related_id for r in row.related),
                questions=tuple(q.text for q in row.questions),
            )
            for row in rows
        }
        synonyms = {s.word: s.canonical for s in session.execute(select(Synonym)).scalars()}
        return Snapshot(revision=meta.value if meta else "", topics=topics, synonyms=synonyms)


class KnowledgeCache:
    """Process-wide snapshot holder that re-reads only when the revision changed."""

    def __init__(self, engine: Engine | None = None, max_age: float = 5.0) -> None:
        self._engine = engine
        self._max_age = max_age
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()

    def get(self) -> Snapshot:
        with self._lock:
            now = time.monotonic()
            if self._snapshot is not None and now - self._checked_at < self._max_age:
                return self._snapshot
            engine = self._engine or get_engine()
            try:
                if self._snapshot is None or read_revision(engine) != self._snapshot.revision:
                    self._snapshot = read_snapshot(engine)
            except SQLAlchemyError:
                if self._snapshot is None:
                    raise
                # Database unreachable: keep answering from the knowledge already read.
                logger.warning("knowledge revision check failed; serving the cached snapshot",
                               exc_info=True)
            self._checked_at = now
            return self._snapshot


_default_cache: KnowledgeCache | None = None


def default_cache() -> KnowledgeCache:
    """The shared cache for the configured database (created on first use)."""
    global _default_cache
    if _default_cache is None:
        _default_cache = KnowledgeCache()
    return _default_cache
