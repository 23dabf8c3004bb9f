"""The Q&A side of a conversation's state: what a question means after the previous turns.

The action and the evaluators build questions and carry state with these two functions,
so what the tests measure is the path users get ("那它的缺点呢" after a topic).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.answering.replies import Question, Reply

TOPIC_ENTITIES = ("concept", "role")


@dataclass(frozen=True)
class DialogueState:
    last_topic: str | None = None
    previous_topic: str | None = None  # the topic before last_topic ("这俩有啥区别")
    last_facet: str | None = None  # the facet kind shown last ("其中第二个是啥")


def _values(entities: Iterable[Mapping[str, Any]], *types: str) -> list[str]:
    ordered = sorted(entities, key=lambda e: e.get("start", 0))
    return list(dict.fromkeys(str(e["value"]) for e in ordered if e.get("entity") in types and e.get("value")))


def question_from(message: Mapping[str, Any], state: DialogueState) -> Question:
    """A :class:`Question` from one parsed message (Rasa's parse data shape) and the state."""
    entities = message.get("entities") or []
    aspects = _values(entities, "aspect")
    return Question(
        text=message.get("text") or "",
        intent=(message.get("intent") or {}).get("name"),
        topics=_values(entities, *TOPIC_ENTITIES),
        aspect=aspects[0] if aspects else None,
        last_topic=state.last_topic,
        previous_topic=state.previous_topic,
        last_facet=state.last_facet,
    )


def next_state(state: DialogueState, reply: Reply) -> DialogueState:
    """The state after ``reply``: a reply about a topic makes it the last topic."""
    if reply.topic_id is None:
        return state
    previous = state.last_topic if reply.topic_id != state.last_topic else state.previous_topic
    return DialogueState(reply.topic_id, previous, reply.aspect)
