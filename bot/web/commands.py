"""Typed ``/intent{…}`` payloads: which ones a user may send, checked before Rasa sees them.

Rasa treats any message that starts with ``/`` as an intent with entities, bypassing NLU, so
a user can type what a button sends and also what no button sends: Rasa's internal intents
(``/session_start``, ``/back``, ``/nlu_fallback``), intents the domain does not know, entity
names no component produces, or an ``@confidence`` suffix. Both input channels run every
message through :func:`screen_payload` with the domain's intents and entities:

* a payload of a domain intent with domain entities (scalar values, no confidence suffix)
  goes on unchanged: that is what the buttons send, and deletions still pass through the
  confirmation step their buttons lead to (``action_confirm_delete_analysis``);
* ``/restart`` goes on too (Rasa restarts the conversation; ``action_restart`` confirms);
* any other payload-shaped message is refused with a Chinese explanation before NLU;
* a message that merely starts with ``/`` (``/4P是什么``) loses the slashes and is read as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass

from bot import texts

# Rasa default intents that only Rasa itself may trigger.
INTERNAL_INTENTS = frozenset({"session_start", "back", "nlu_fallback"})
MAX_ENTITY_CHARS = 100
_PAYLOAD = re.compile(r"^/(?P<intent>[A-Za-z_][A-Za-z0-9_\-]*)(?P<rest>.*)$", re.DOTALL)


@dataclass(frozen=True)
class Screened:
    """What to pass to Rasa (``text``), or the reply that refuses it (``refusal``)."""

    text: str
    refusal: str | None = None


def _entities_ok(raw: str, entities: Collection[str]) -> bool:
    if not raw:
        return True
    try:
        values = json.loads(raw)
    except ValueError:
        return False
    if not isinstance(values, dict):
        return False
    for name, value in values.items():
        if name not in entities or isinstance(value, bool):
            return False
        if not isinstance(value, str | int | float) or len(str(value)) > MAX_ENTITY_CHARS:
            return False
    return True


def screen_payload(text: str, intents: Collection[str], entities: Collection[str]) -> Screened:
    """Let through what a button could have sent; refuse other payloads; read the rest as text."""
    if not text.startswith("/"):
        return Screened(text)
    match = _PAYLOAD.match(text)
    if match is None:
        rest = text.lstrip("/").strip()
        return Screened(rest) if rest else Screened(text, texts.PAYLOAD_REFUSED)
    intent, rest = match.group("intent"), match.group("rest").strip()
    if intent not in intents or intent in INTERNAL_INTENTS:
        return Screened(text, texts.PAYLOAD_REFUSED)
    if rest and not (rest.startswith("{") and _entities_ok(rest, entities)):
        return Screened(text, texts.PAYLOAD_REFUSED)
    return Screened(f"/{intent}{rest}")


def domain_vocabulary(app: object) -> tuple[frozenset[str], frozenset[str]]:
    """The loaded model's intents and entities (from Rasa's Sanic app), for :func:`screen_payload`.

    Before a model is loaded only ``/restart`` is known.
    """
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    domain = getattr(agent, "domain", None)
    if domain is None:
        return frozenset({"restart"}), frozenset()
    return frozenset(domain.intents), frozenset(domain.entities)
