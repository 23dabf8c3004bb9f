"""Admin edits of the knowledge that take effect without retraining or a restart.

An edit is checked on the merged knowledge (YAML + every overlay entry + this one) with the
schema ``python -m bot reload`` uses, stored as an overlay row (bot/ops/overlay.py) with its
audit row in one transaction, and then the loader writes the merged knowledge and a new
revision into the same database; each server's ``KnowledgeCache`` notices the revision
within its ``max_age`` and re-reads. Aliases and example questions need no retraining: the
entity extractor and retrieval read the database.

If the final load refuses the knowledge (another admin's edit raced this one), the rows of
this edit are removed again, so the overlay never holds knowledge that does not load.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.analyses.models import utcnow
from bot.db import create_schema, get_engine, session_scope
from bot.knowledge.loader import KNOWLEDGE_DIR, load, read_knowledge
from bot.knowledge.schema import KnowledgeError, KnowledgeSet, TopicRecord
from bot.normalize import normalize
from bot.ops import overlay, texts
from bot.ops.csv_export import table_csv
from bot.ops.models import AuditEntry, OverlayEntry

ALIAS_MAX = 100
QUESTION_MAX = 300
TOPIC_FIELDS = frozenset({"id", "kind", "name", "summary", "category", "aliases", "questions",
                          "facets", "source", "owner"})
_OVERLAY_PATH = re.compile(r"^concepts\[\d+\]\.?")
EXPORT_HEADER = """\
# Knowledge added in the admin page and exported by `python -m bot export-knowledge`.
# A normal knowledge file (knowledge/README.md, "admin_additions.yml"): review and commit it
# like the others; later exports append to it. `additions:` extend topics defined elsewhere.
"""


class EditError(ValueError):
    """A refused edit; the message is Chinese and shown to the admin as is."""


# --- the three edits ------------------------------------------------------------------------

# ``directory`` is the knowledge directory the edit is merged with and loaded from: the
# project's ``knowledge/`` except in tests that work on a copy.

def add_alias(topic_id: str, alias: str, *, actor: str, engine: Engine | None = None,
              directory: Path = KNOWLEDGE_DIR) -> dict:
    """Add another name users type for an existing topic."""
    alias = _clean(alias, texts.EDIT_EMPTY_ALIAS, texts.ALIAS_LABEL, ALIAS_MAX)
    return _edit("alias", topic_id, {"alias": alias}, actor, engine, directory)


def add_question(topic_id: str, question: str, *, actor: str, engine: Engine | None = None,
                 directory: Path = KNOWLEDGE_DIR) -> dict:
    """Add an example question (retrieval evidence) for an existing topic."""
    question = _clean(question, texts.EDIT_EMPTY_QUESTION, texts.QUESTION_LABEL, QUESTION_MAX)
    return _edit("question", topic_id, {"question": question}, actor, engine, directory)


def create_topic(fields: dict, *, actor: str, engine: Engine | None = None,
                 directory: Path = KNOWLEDGE_DIR) -> dict:
    """Add a new concept; ``summary`` becomes its definition, ``id`` is derived if absent."""
    if not isinstance(fields, dict):
        raise EditError(texts.EDIT_NOT_MAPPING)
    unknown = sorted(set(fields) - TOPIC_FIELDS)
    if unknown:
        raise EditError(texts.EDIT_UNKNOWN_FIELD.format(fields="、".join(map(str, unknown))))
    kind = str(fields.get("kind") or "concept").strip()
    if kind != "concept":
        raise EditError(texts.EDIT_BAD_KIND.format(kind=kind))
    payload = _concept_payload(fields)
    return _edit("topic", str(payload.get("id") or ""), payload, actor, engine, directory)


def _clean(value: Any, empty: str, label: str, limit: int) -> str:
    text = str(value or "").strip()
    if not normalize(text):
        raise EditError(empty)
    if len(text) > limit:
        raise EditError(texts.EDIT_TOO_LONG.format(what=label, limit=limit))
    return text


def _concept_payload(fields: dict) -> dict[str, Any]:
    """The concept in the YAML format of knowledge/README.md (what export writes)."""
    payload: dict[str, Any] = {}
    for key, target in (("id", "id"), ("name", "name"), ("category", "category"),
                        ("summary", "definition"), ("owner", "owner")):
        value = fields.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value not in (None, ""):
            payload[target] = value
    for key in ("aliases", "questions"):
        value = fields.get(key)
        if isinstance(value, list):
            value = [v.strip() if isinstance(v, str) else v for v in value]
            value = [v for v in value if v not in ("", None)]
        if value:
            payload[key] = value
    if fields.get("source") is not None:
        payload["source"] = fields["source"]
    facets = fields.get("facets")
    if facets:
        payload["facets"] = [
            {k: f[k] for k in ("kind", "title", "items", "source") if k in f} if isinstance(f, dict) else f
            for f in facets
        ] if isinstance(facets, list) else facets
    return payload


def _derive_id(name: str, taken: set[str]) -> str:
    """snake_case pinyin of the name (服务补救 → fu_wu_bu_jiu), made unique with a number."""
    from pypinyin import lazy_pinyin

    words = [re.sub(r"[^a-z0-9]", "", word.lower()) for word in lazy_pinyin(name)]
    base = "_".join(w for w in words if w)[:60].strip("_") or "topic"
    if not base[0].isalpha():
        base = f"topic_{base}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


# --- the common path ------------------------------------------------------------------------

def _merged(entries: list[overlay.Entry], directory: Path) -> KnowledgeSet:
    try:
        return read_knowledge(directory, overlay.document(entries))
    except KnowledgeError as exc:
        field = _OVERLAY_PATH.sub("", exc.field_path) or exc.field_path
        raise EditError(texts.EDIT_REFUSED.format(field=field, problem=exc.problem)) from exc


def _check(action: str, topic_id: str, payload: dict[str, Any], current: KnowledgeSet) -> dict[str, Any]:
    """Friendly refusals before the schema's; returns the payload (a topic gets its id)."""
    by_id = {t.id: t for t in current.topics}
    if action == "topic":
        if not payload.get("id") and payload.get("name"):
            payload = {"id": _derive_id(str(payload["name"]), set(by_id)), **payload}
        return payload
    topic = by_id.get(topic_id)
    if topic is None:
        raise EditError(texts.EDIT_UNKNOWN_TOPIC.format(topic=topic_id))
    if action == "alias":
        key = normalize(payload["alias"])
        for other in current.topics:
            if key in {normalize(a) for a in [other.name, *other.aliases]}:
                message = texts.EDIT_ALIAS_EXISTS if other.id == topic_id else texts.EDIT_ALIAS_TAKEN
                raise EditError(message.format(alias=payload["alias"], topic=other.name))
    elif normalize(payload["question"]) in {normalize(q) for q in topic.questions}:
        raise EditError(texts.EDIT_QUESTION_EXISTS.format(topic=topic.name))
    return payload


def _state(action: str, topic: TopicRecord | None) -> dict[str, Any] | None:
    if topic is None:
        return None
    if action == "alias":
        return {"topic": topic.id, "aliases": list(topic.aliases)}
    if action == "question":
        return {"topic": topic.id, "questions": list(topic.questions)}
    return {"topic": topic.id, "name": topic.name, "kind": topic.kind}


def _edit(action: str, topic_id: str, payload: dict[str, Any], actor: str,
          engine: Engine | None, directory: Path) -> dict:
    if not actor or not str(actor).strip():
        raise EditError(texts.EDIT_NO_ACTOR)
    engine = engine or get_engine()
    create_schema(engine)
    entries = overlay.read_entries(engine)
    current = _merged(entries, directory)
    payload = _check(action, topic_id, payload, current)
    topic_id = str(payload.get("id", topic_id)) if action == "topic" else topic_id
    new = overlay.Entry(0, utcnow(), str(actor), action, topic_id, payload)
    merged = _merged([*entries, new], directory)
    before = _state(action, next((t for t in current.topics if t.id == topic_id), None))
    if action == "topic":
        before, after = None, payload
    else:
        after = _state(action, next(t for t in merged.topics if t.id == topic_id))
    with session_scope(engine) as session:
        row = OverlayEntry(actor=new.actor, action=action, topic_id=topic_id,
                           payload=json.dumps(payload, ensure_ascii=False))
        audit = AuditEntry(actor=new.actor, action=action, target=topic_id, before=_dump(before),
                           after=_dump(after))
        session.add_all([row, audit])
        session.flush()
        ids = row.id, audit.id
    try:
        load(directory, engine)
    except KnowledgeError as exc:
        with session_scope(engine) as session:
            session.execute(delete(OverlayEntry).where(OverlayEntry.id == ids[0]))
            session.execute(delete(AuditEntry).where(AuditEntry.id == ids[1]))
        raise EditError(texts.EDIT_REFUSED.format(field=exc.field_path, problem=exc.problem)) from exc
    return _audit_entry_by_id(ids[1], engine)


# --- audit ----------------------------------------------------------------------------------

def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _audit_dict(row: AuditEntry) -> dict:
    return {"id": row.id, "created_at": row.created_at.isoformat(), "actor": row.actor,
            "action": row.action, "target": row.target,
            "before": json.loads(row.before) if row.before else None,
            "after": json.loads(row.after) if row.after else None}


def _audit_entry_by_id(audit_id: int, engine: Engine | None) -> dict:
    with session_scope(engine) as session:
        return _audit_dict(session.get(AuditEntry, audit_id))


def audit_log(limit: int = 100, *, engine: Engine | None = None) -> list[dict]:
    """The latest edits, newest first."""
    create_schema(engine or get_engine())
    with session_scope(engine) as session:
        return [_audit_dict(row) for row in session.execute(AuditEntry.newest_first(limit)).scalars()]


def audit_csv(*, engine: Engine | None = None) -> str:
    return table_csv(AuditEntry, texts.AUDIT_CSV_HEADER,
                     lambda r: (r.actor, r.action, r.target, r.before or "", r.after or ""), engine=engine)


# --- export ---------------------------------------------------------------------------------

def export_overlay(directory: Path = KNOWLEDGE_DIR, *, actor: str = "export-knowledge",
                   engine: Engine | None = None) -> Path | None:
    """Append the overlay to ``<directory>/admin_additions.yml`` and clear it; None when empty.

    The file is written whole to a temporary name and renamed, so a reader never sees half
    of it; only the exported rows are removed (an edit made meanwhile stays in the overlay).
    """
    engine = engine or get_engine()
    create_schema(engine)
    entries = overlay.read_entries(engine)
    if not entries:
        return None
    path = directory / overlay.ADDITIONS_FILE
    base = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    document = overlay.merge_documents(base, overlay.document(entries) or {})
    text = EXPORT_HEADER + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    with session_scope(engine) as session:
        session.execute(delete(OverlayEntry).where(OverlayEntry.id.in_([e.id for e in entries])))
        session.add(AuditEntry(actor=actor, action="export", target=overlay.ADDITIONS_FILE,
                               before=None, after=_dump({"path": str(path), "entries": len(entries)})))
    return path
