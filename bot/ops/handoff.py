"""Handing a user to a person: the topic's owner from knowledge/contacts.yml, else the default.

The contacts and each topic's owner are read from the database (the loader stores them
with the knowledge, ``kb_meta`` key ``contacts``), so a topic an admin created with an owner
counts at once and every server sees the same contacts. A user asking for a person must get
one even when the database is down: then the YAML in ``knowledge/`` answers.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.db import session_scope
from bot.knowledge.models import Meta
from bot.ops import texts
from bot.ops.models import Handoff

QUESTION_MAX = 500
logger = logging.getLogger(__name__)


def _contacts(engine: Engine | None) -> dict[str, Any]:
    try:
        with session_scope(engine) as session:
            row = session.get(Meta, "contacts")
            return json.loads(row.value) if row else {}
    except SQLAlchemyError:
        logger.warning("contacts not readable from the database; using knowledge/", exc_info=True)
        return _contacts_from_files()


def _contacts_from_files() -> dict[str, Any]:
    from bot.knowledge.loader import contacts_json, read_knowledge
    from bot.knowledge.schema import KnowledgeError

    try:
        return contacts_json(read_knowledge()) or {}
    except (KnowledgeError, OSError):
        logger.warning("contacts not readable from knowledge/", exc_info=True)
        return {}


def contact_for(topic_id: str | None, *, engine: Engine | None = None) -> dict:
    """``{"owner", "name", "contact"}`` of the topic's owner, else of the default owner."""
    data = _contacts(engine)
    owners = data.get("owners") or {}
    owner = (data.get("topics") or {}).get(topic_id or "") or data.get("default")
    if owner not in owners:
        return {"owner": None, "name": texts.FALLBACK_CONTACT_NAME, "contact": texts.FALLBACK_CONTACT}
    return {"owner": owner, "name": owners[owner]["name"], "contact": owners[owner]["contact"]}


def record_handoff(user_id: str, *, topic_id: str | None, question: str,
                   engine: Engine | None = None) -> dict:
    """Store the request with the contact given; returns that contact plus the row ``id``."""
    contact = contact_for(topic_id, engine=engine)
    row = Handoff(user_id=str(user_id)[:128], topic_id=(topic_id or None) and str(topic_id)[:80],
                  question=(question or "").strip()[:QUESTION_MAX], owner=contact["owner"],
                  name=contact["name"], contact=contact["contact"])
    with session_scope(engine) as session:
        session.add(row)
        session.flush()
        return {**contact, "id": row.id}


def list_handoffs(limit: int = 50, *, engine: Engine | None = None) -> list[dict]:
    with session_scope(engine) as session:
        return [{"id": r.id, "created_at": r.created_at.isoformat(), "user_id": r.user_id,
                 "topic_id": r.topic_id, "question": r.question, "owner": r.owner,
                 "name": r.name, "contact": r.contact}
                for r in session.execute(Handoff.newest_first(limit)).scalars()]
