"""YAML → database, idempotent and all-or-nothing.

The whole knowledge directory is validated first; only then is the database content
replaced inside one transaction. A content hash (the *revision*) is stored so that a
second load of unchanged files writes nothing and running processes can notice changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

import yaml
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from bot import texts
from bot.db import PROJECT_ROOT, create_schema, get_engine, session_scope
from bot.knowledge.models import Alias, ExampleQuestion, Facet, Meta, Relation, Synonym, Topic
from bot.knowledge.schema import (
    KnowledgeError,
    KnowledgeSet,
    check_consistency,
    parse_document,
    read_sections,
)
from bot.normalize import normalize

KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
# Metadata and language tables beside the knowledge, read by their own modules.
SKIPPED_FILES = {"sections.yml", "uncovered.yml", "colloquial.yml", "situations.yml"}


def knowledge_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.yml") if p.name not in SKIPPED_FILES)


def read_knowledge(directory: Path = KNOWLEDGE_DIR) -> KnowledgeSet:
    """Parse and validate every YAML file; raise :class:`KnowledgeError` on the first fault."""
    sections = read_sections(directory / "sections.yml")
    merged = KnowledgeSet()
    for path in knowledge_files(directory):
        name = str(path.relative_to(directory.parent)) if directory.parent in path.parents else str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"第{mark.line + 1}行" if mark else "(文件)"
            raise KnowledgeError(name, where, texts.ERR_YAML_SYNTAX) from exc
        if data is None:
            continue
        part = parse_document(data, name, sections)
        merged.topics.extend(part.topics)
        merged.synonyms.update(part.synonyms)
    check_consistency(merged)
    return merged


def revision_of(knowledge: KnowledgeSet) -> str:
    payload = json.dumps(
        {"topics": [asdict(t) for t in knowledge.topics], "synonyms": knowledge.synonyms},
        ensure_ascii=False, sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def stored_revision(engine: Engine | None = None) -> str | None:
    create_schema(engine)
    with session_scope(engine) as session:
        row = session.get(Meta, "revision")
        return row.value if row else None


def _sources_json(sources) -> str:
    return json.dumps([{"doc": s.doc, "section": s.section} for s in sources], ensure_ascii=False)


def load(directory: Path = KNOWLEDGE_DIR, engine: Engine | None = None) -> tuple[str, bool]:
    """Load the knowledge into the database. Returns (revision, changed)."""
    knowledge = read_knowledge(directory)
    revision = revision_of(knowledge)
    engine = engine or get_engine()
    if stored_revision(engine) == revision:
        return revision, False
    with session_scope(engine) as session:
        for model in (Relation, ExampleQuestion, Facet, Alias, Topic, Synonym):
            session.execute(delete(model))
        for position, record in enumerate(knowledge.topics):
            topic = Topic(
                id=record.id, kind=record.kind, name=record.name, summary=record.summary,
                category=record.category, sources=_sources_json(record.sources),
                file=record.file, position=position,
            )
            seen: set[str] = set()
            for alias in [record.name, *record.aliases]:
                key = normalize(alias)
                if key and key not in seen:
                    seen.add(key)
                    topic.aliases.append(Alias(alias=alias, normalized=key, position=len(seen)))
            for i, facet in enumerate(record.facets):
                topic.facets.append(
                    Facet(kind=facet.kind, title=facet.title, position=i,
                          items=json.dumps(facet.items, ensure_ascii=False),
                          sources=_sources_json(facet.sources))
                )
            for i, question in enumerate(record.questions):
                topic.questions.append(ExampleQuestion(text=question, position=i))
            for i, related in enumerate(record.related):
                topic.related.append(Relation(related_id=related, position=i))
            session.add(topic)
        for word, canonical in knowledge.synonyms.items():
            session.add(Synonym(word=word, canonical=canonical))
        meta = session.get(Meta, "revision")
        if meta is None:
            session.add(Meta(key="revision", value=revision))
        else:
            meta.value = revision
    return revision, True


def topic_count(engine: Engine | None = None) -> int:
    with session_scope(engine) as session:
        return len(session.execute(select(Topic.id)).all())
