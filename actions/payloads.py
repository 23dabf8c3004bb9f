"""Every button payload the bot sends, built here: Rasa's ``/intent{"entity": value}`` syntax
belongs to ``actions/``, the core only says what a button asks for."""

from __future__ import annotations

import json

from bot.answering.replies import Ask

# Which intent asks about a topic: roles have their own two; concepts one.
_ROLE_INTENTS = {"requirements": "ask_role_requirements"}
_ROLE_DEFAULT_INTENT = "ask_role_duties"
_CONCEPT_INTENT = "ask_concept"
_CAPABILITIES_INTENT = "ask_capabilities"


def intent(name: str, **entities: str | int) -> str:
    """``/name`` or ``/name{"entity": value}``."""
    return f"/{name}{json.dumps(entities, ensure_ascii=False)}" if entities else f"/{name}"


def ask(what: Ask) -> str:
    """The payload that asks what a core button asks (no NLU involved)."""
    if what.topic_id is None:
        return intent(_CAPABILITIES_INTENT)
    entities: dict[str, str | int] = {}
    if what.topic_kind == "role":
        name = _ROLE_INTENTS.get(what.aspect or "", _ROLE_DEFAULT_INTENT)
        entities["role"] = what.topic_id
    else:
        name = _CONCEPT_INTENT
        entities["concept"] = what.topic_id
    if what.aspect:
        entities["aspect"] = what.aspect
    return intent(name, **entities)


def analysis(name: str, analysis_id: int) -> str:
    """A button about one saved analysis (export, resume, delete)."""
    return intent(name, analysis_id=int(analysis_id))
