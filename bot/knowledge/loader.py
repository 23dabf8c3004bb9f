"""YAML (+ the admin overlay) → database, idempotent and all-or-nothing.

The whole knowledge directory is validated first, together with the admin edits not yet
exported (``bot/ops/overlay.py``); only then is the database content replaced inside one
transaction. A content hash (the *revision*) is stored so that a second load of unchanged
files writes nothing and running processes can notice changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from bot import texts
from bot.db import PROJECT_ROOT, create_schema, get_engine, session_scope
from bot.knowledge.models import Alias, ExampleQuestion, Facet, Meta, Relation, Synonym, Topic
from bot.knowledge.schema import (
    Contacts,
    KnowledgeError,
    KnowledgeSet,
    apply_additions,
    check_consistency,
    parse_contacts,
    parse_document,
    read_sections,
)
from bot.normalize import normalize
from bot.ops import texts as ops_texts
from bot.ops.overlay import ADDITIONS_FILE, file_label, overlay_document

KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
# Metadata and language tables beside the knowledge, read by their own modules.
SKIPPED_FILES = {"sections.yml", "uncovered.yml", "colloquial.yml", "situations.yml", "situation_clauses.yml",
                 "contacts.yml"}
CONTACTS_FILE = "contacts.yml"
# libyaml when present: the same safe loading, ten times faster (an admin edit re-reads all).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def knowledge_files(directory: Path) -> list[Path]:
    """The knowledge files in name order, ``admin_additions.yml`` last (it extends the rest)."""
    return sorted((p for p in directory.rglob("*.yml") if p.name not in SKIPPED_FILES),
                  key=lambda p: (p == directory / ADDITIONS_FILE, p))


def _name(path: Path, directory: Path) -> str:
    return str(path.relative_to(directory.parent)) if directory.parent in path.parents else str(path)


def _read_yaml(path: Path, name: str) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark else "(文件)"
        raise KnowledgeError(name, where, texts.ERR_YAML_SYNTAX) from exc


def read_contacts(directory: Path = KNOWLEDGE_DIR) -> Contacts | None:
    """``contacts.yml`` validated; None when the directory has none."""
    path = directory / CONTACTS_FILE
    if not path.exists():
        return None
    name = _name(path, directory)
    return parse_contacts(_read_yaml(path, name), name)


def read_knowledge(directory: Path = KNOWLEDGE_DIR, overlay: dict[str, Any] | None = None) -> KnowledgeSet:
    """Parse and validate every YAML file, then the overlay document (admin edits, read as
    if it followed ``admin_additions.yml``); raise :class:`KnowledgeError` on the first fault."""
    sections = read_sections(directory / "sections.yml")
    merged = KnowledgeSet(contacts=read_contacts(directory))
    parts = [(_read_yaml(path, _name(path, directory)), _name(path, directory))
             for path in knowledge_files(directory)]
    file_count = len(parts)
    if overlay:
        parts.append((overlay, file_label(directory)))
    for number, (data, name) in enumerate(parts):
        if data is None:
            continue
        try:
            part = parse_document(data, name, sections)
        except KnowledgeError as exc:
            if number < file_count:
                raise
            # Exported topics keep the file name (same revision); the error says where it is.
            raise KnowledgeError(ops_texts.OVERLAY_LABEL.format(file=name), exc.field_path, exc.problem) from exc
        merged.topics.extend(part.topics)
        merged.synonyms.update(part.synonyms)
        merged.additions.extend(part.additions)
    apply_additions(merged)
    check_consistency(merged)
    return merged


def contacts_json(knowledge: KnowledgeSet) -> dict[str, Any] | None:
    """What ``bot.ops.handoff`` reads: the contacts and each topic's owner."""
    if knowledge.contacts is None:
        return None
    return {
        "default": knowledge.contacts.default,
        "owners": {k: asdict(v) for k, v in knowledge.contacts.owners.items()},
        "topics": {t.id: t.owner for t in knowledge.topics if t.owner},
    }


def revision_of(knowledge: KnowledgeSet) -> str:
    payload = json.dumps(
        {"topics": [asdict(t) for t in knowledge.topics], "synonyms": knowledge.synonyms,
         "contacts": contacts_json(knowledge)},
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


def read_merged(directory: Path = KNOWLEDGE_DIR, engine: Engine | None = None) -> KnowledgeSet:
    """The YAML of ``directory`` plus the overlay stored in the database of ``engine``."""
    engine = engine or get_engine()
    create_schema(engine)
    return read_knowledge(directory, overlay_document(engine))


def load(directory: Path = KNOWLEDGE_DIR, engine: Engine | None = None) -> tuple[str, bool]:
    """Load the knowledge (YAML + overlay) into the database. Returns (revision, changed)."""
    engine = engine or get_engine()
    knowledge = read_merged(directory, engine)
    revision = revision_of(knowledge)
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
        _set_meta(session, "revision", revision)
        contacts = contacts_json(knowledge)
        _set_meta(session, "contacts", None if contacts is None else json.dumps(contacts, ensure_ascii=False))
    return revision, True


def _set_meta(session, key: str, value: str | None) -> None:
    meta = session.get(Meta, key)
    if value is None:
        if meta is not None:
            session.delete(meta)
    elif meta is None:
        session.add(Meta(key=key, value=value))
    else:
        meta.value = value


def topic_count(engine: Engine | None = None) -> int:
    with session_scope(engine) as session:
        return len(session.execute(select(Topic.id)).all())
