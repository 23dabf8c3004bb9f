"""Plays Rasa's part of ``tool_form`` for action-level tests of the generic tool path."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tools import ActionAskToolInput, ActionFinishTool, ActionStartTool, ValidateToolForm
from bot.tools.engine import Session

ROOT = Path(__file__).resolve().parents[2]
DOMAIN: dict[str, Any] = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
FORM = "tool_form"


def run(coro):
    return asyncio.run(coro)


def texts_of(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def make_tracker(
    slots: dict[str, Any], text: str | None = None, intent: str = "inform",
    entities: list[dict[str, Any]] | None = None, form: str | None = None,
    sender: str = "manager-1",
) -> Tracker:
    """A tracker whose latest user turn is ``text`` (inside ``form`` if given)."""
    latest = {"text": text or "", "intent": {"name": intent, "confidence": 0.9},
              "entities": entities or []}
    events: list[dict[str, Any]] = [{"event": "action", "name": "action_listen"}]
    if text is not None:
        events.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker(sender, dict(slots), latest, events, False, None,
                   {"name": form} if form else {}, "action_listen")


class ToolDriver:
    """Plays the Rasa side of ``tool_form``: one user text per turn, then the question."""

    def __init__(self, intent: str, slots: dict[str, Any] | None = None,
                 sender: str = "manager-1", text: str | None = None) -> None:
        self.sender = sender
        dispatcher = CollectingDispatcher()
        tracker = make_tracker(dict(slots or {}), text or f"/{intent}", intent, sender=sender)
        events = run(ActionStartTool().run(dispatcher, tracker, DOMAIN))
        self.slots: dict[str, Any] = {**(slots or {}), **slot_events(events)}
        self.start_text = texts_of(dispatcher)
        self.prompt = self._ask() if self.active else ""

    @property
    def session(self) -> Session | None:
        return Session.from_dict(self.slots.get("tool_session"))

    @property
    def data(self) -> dict[str, Any]:
        return self.session.data if self.session else {}

    @property
    def step(self) -> str | None:
        return self.session.step if self.session and self.active else None

    @property
    def active(self) -> bool:
        return self.session is not None and self.slots.get("tool_input") != "done"

    @property
    def analysis_id(self) -> int | None:
        if self.session is not None:
            return self.session.analysis_id
        return (self.slots.get("tool_last") or {}).get("analysis_id")

    def _ask(self) -> str:
        dispatcher = CollectingDispatcher()
        run(ActionAskToolInput().run(dispatcher, self.tracker(), DOMAIN))
        self.prompt_messages = dispatcher.messages
        return texts_of(dispatcher)

    def say(self, text: str, intent: str = "inform") -> str:
        """The validator's reply to ``text`` (the question asked next is in ``prompt``)."""
        dispatcher = CollectingDispatcher()
        slots = {**self.slots, "tool_input": text, "requested_slot": "tool_input"}
        tracker = make_tracker(slots, text, intent, form=FORM, sender=self.sender)
        events = run(ValidateToolForm().run(dispatcher, tracker, DOMAIN))
        self.slots.update(slot_events(events))
        self.prompt = self._ask() if self.active else ""
        return texts_of(dispatcher)

    def tracker(self) -> Tracker:
        return make_tracker(self.slots, sender=self.sender)


def finish(driver: ToolDriver) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    """The finish action after the form ended: reply text, messages, slot events."""
    dispatcher = CollectingDispatcher()
    events = run(ActionFinishTool().run(dispatcher, driver.tracker(), DOMAIN))
    driver.slots.update(slot_events(events))
    return texts_of(dispatcher), dispatcher.messages, slot_events(events)
