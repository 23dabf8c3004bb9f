"""What the advisor returns and what a button asks for: plain data, no logic."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.knowledge.repository import TopicView


@dataclass(frozen=True)
class Ask:
    """What a button asks for: a topic (and facet kind), or, without a topic, the list of
    what the bot can answer. ``actions/payloads.py`` turns it into a Rasa payload."""

    topic_id: str | None = None
    topic_kind: str | None = None
    aspect: str | None = None


@dataclass(frozen=True)
class Button:
    title: str
    ask: Ask


@dataclass
class Question:
    text: str
    intent: str | None = None
    topics: list[str] = field(default_factory=list)  # knowledge ids from NLU entities, in order
    aspect: str | None = None  # explicit aspect (from a button payload)
    last_topic: str | None = None
    previous_topic: str | None = None  # the topic before ``last_topic`` ("这俩有啥区别")
    last_facet: str | None = None  # the facet kind shown last ("其中第二个是啥")


@dataclass
class Reply:
    kind: str  # answer | compare | chat | out_of_scope | unknown | need_topic
    text: str
    buttons: list[Button] = field(default_factory=list)
    topic_id: str | None = None
    aspect: str | None = None  # the facet kind shown
    chat: str | None = None  # small-talk kind for kind == "chat" (greet, thanks, …)
    case: bool = False  # answers a described case with a decision: no extra fact line
    by_retrieval: bool = False  # only the retrieval fallback found it (the question log keeps it)

    @property
    def declined(self) -> bool:
        return self.kind in ("out_of_scope", "unknown", "need_topic")


def ask_for(topic: TopicView, aspect: str | None = None) -> Ask:
    return Ask(topic.id, topic.kind, aspect)


CAPABILITIES = Ask()
