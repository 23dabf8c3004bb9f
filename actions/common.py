"""Helpers shared by the action modules: the action base class, run core work off the event
loop, send replies."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import payloads
from bot.answering.replies import Button

T = TypeVar("T")


class ChatAction(Action, ABC):
    """A custom action named in its class line, ``class X(ChatAction, action_name="action_x")``,
    that implements :meth:`act`. No action reads Rasa's domain, so ``act`` does without it; being
    abstract, this base is skipped when rasa_sdk registers the actions it finds."""

    action_name: ClassVar[str]

    def __init_subclass__(cls, action_name: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if action_name is not None:
            cls.action_name = action_name

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        return await self.act(dispatcher, tracker)

    @abstractmethod
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """Reply through ``dispatcher``; return the events for the tracker."""


async def off_loop(func: Callable[..., T], *args: Any) -> T:
    """Database and CPU work runs in a worker thread, never on the action server's loop."""
    return await asyncio.to_thread(func, *args)


def send(dispatcher: CollectingDispatcher, text: str,
         buttons: Sequence[Button | tuple[str, str]] | None = None,
         custom: dict[str, Any] | None = None) -> None:
    """One reply; buttons are the core's (asking for a topic) or (title, payload) pairs.

    ``custom`` rides along as the channel's custom payload (the widget's answer_meta)."""
    dispatcher.utter_message(text=text, json_message=custom, buttons=[
        {"title": b.title, "payload": payloads.ask(b.ask)} if isinstance(b, Button)
        else {"title": b[0], "payload": b[1]} for b in buttons or []])


def message_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def message_intent(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def entity_values(latest_message: dict[str, Any], *types: str) -> list[str]:
    """Entity values of the given types in message order, without duplicates."""
    entities = sorted(latest_message.get("entities") or [], key=lambda e: e.get("start", 0))
    values = [str(e["value"]) for e in entities if e.get("entity") in types and e.get("value")]
    return list(dict.fromkeys(values))
