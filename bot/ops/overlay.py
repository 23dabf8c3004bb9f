"""The overlay: admin edits kept in the database until exported to ``admin_additions.yml``.

Why an overlay and not a write-back into the curated YAML: the servers may run on several
hosts (docs/production.md) where ``knowledge/`` is part of the image, not a shared disk,
while they all share the database. So an edit is stored as a row of ``kb_overlay``; the
loader reads YAML + overlay, so ``python -m bot reload`` never loses an edit. ``python -m bot
export-knowledge`` turns the rows into ``knowledge/admin_additions.yml`` (a normal knowledge
file, reviewed and committed like any other) and clears them; the knowledge stays identical.

The overlay is expressed in exactly that file's format (``concepts:`` for new topics,
``additions:`` for aliases and questions of existing ones), so the schema checks, the merge
and the export are one code path.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.db import session_scope
from bot.ops.models import OverlayEntry

ADDITIONS_FILE = "admin_additions.yml"
ACTIONS = ("alias", "question", "topic")


@dataclass(frozen=True)
class Entry:
    id: int
    created_at: datetime
    actor: str
    action: str
    topic_id: str
    payload: dict[str, Any]


def file_label(directory: Path) -> str:
    """The name the loader gives ``admin_additions.yml`` (so exported topics keep their file)."""
    return f"{directory.name}/{ADDITIONS_FILE}"


def read_entries(engine: Engine | None = None) -> list[Entry]:
    with session_scope(engine) as session:
        rows = session.execute(select(OverlayEntry).order_by(OverlayEntry.id)).scalars().all()
        return [Entry(r.id, r.created_at, r.actor, r.action, r.topic_id, json.loads(r.payload))
                for r in rows]


def document(entries: list[Entry]) -> dict[str, Any] | None:
    """The entries as one knowledge document; None when there are none."""
    if not entries:
        return None
    concepts: list[dict[str, Any]] = []
    additions: list[dict[str, Any]] = []
    for entry in entries:
        if entry.action == "topic":
            concepts.append(copy.deepcopy(entry.payload))
        else:
            key, value = _addition_of(entry)
            additions.append({"topic": entry.topic_id, key: [value]})
    return merge_documents(None, {"concepts": concepts, "additions": additions})


def _addition_of(entry: Entry) -> tuple[str, str]:
    if entry.action == "alias":
        return "aliases", entry.payload["alias"]
    return "questions", entry.payload["question"]


def merge_documents(base: dict[str, Any] | None, extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` followed by ``extra``, reading the same as the two files one after the other.

    Additions to a concept of the document are folded into that concept; the others are
    grouped per topic. Either way a topic's aliases and questions keep their order (the
    loader appends additions after all files), so the merged knowledge and its revision
    do not change.
    """
    merged = copy.deepcopy(base) if base else {}
    concepts = merged.setdefault("concepts", [])
    concepts.extend(copy.deepcopy(extra.get("concepts") or []))
    by_id = {c.get("id"): c for c in concepts if isinstance(c, dict)}
    grouped = {a.get("topic"): a for a in merged.get("additions") or [] if isinstance(a, dict)}
    additions = merged.setdefault("additions", list(grouped.values()))
    for addition in extra.get("additions") or []:
        target = by_id.get(addition["topic"])
        if target is None:
            target = grouped.get(addition["topic"])
            if target is None:
                target = grouped[addition["topic"]] = {"topic": addition["topic"]}
                additions.append(target)
        for key in ("aliases", "questions"):
            if addition.get(key):
                target.setdefault(key, []).extend(addition[key])
    for key in ("concepts", "additions"):
        if not merged[key]:
            del merged[key]
    return merged


def overlay_document(engine: Engine | None = None) -> dict[str, Any] | None:
    """The current overlay as a knowledge document (what the loader merges)."""
    return document(read_entries(engine))
