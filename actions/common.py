"""Helpers shared by the action modules: run core work off the event loop, send replies."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from rasa_sdk.executor import CollectingDispatcher

from actions import payloads
from bot.advisor import Button

T = TypeVar("T")


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


def entity_values(latest_message: dict[str, Any], *types: str) -> list[str]:
    """Entity values of the given types in message order, without duplicates."""
    entities = sorted(latest_message.get("entities") or [], key=lambda e: e.get("start", 0))
    values = [str(e["value"]) for e in entities if e.get("entity") in types and e.get("value")]
    return list(dict.fromkeys(values))
