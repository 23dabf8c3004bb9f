"""Q&A actions: every message that is not a wizard input or a command is answered here.

The core (:mod:`bot.advisor`) decides by knowledge evidence; this module only turns the
tracker into a question (:func:`bot.conversation.question_from`), sends the reply and
stores the conversation state in slots.
"""

from __future__ import annotations

from dataclasses import astuple
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import off_loop, send
from bot.advisor import Reply, capabilities_text, respond
from bot.conversation import DialogueState, next_state, question_from
from bot.knowledge.repository import default_cache

# The slots that hold :class:`DialogueState`, in its field order.
STATE_SLOTS = ("last_topic", "previous_topic", "last_facet")


def state_of(tracker: Tracker) -> DialogueState:
    return DialogueState(*(tracker.get_slot(slot) for slot in STATE_SLOTS))


def _answer(message: dict[str, Any], state: DialogueState) -> Reply:
    return respond(question_from(message, state), default_cache().get())


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        state = state_of(tracker)
        reply = await off_loop(_answer, tracker.latest_message or {}, state)
        send(dispatcher, reply.text, reply.buttons)
        before, after = astuple(state), astuple(next_state(state, reply))
        return [SlotSet(slot, new) for slot, old, new in zip(STATE_SLOTS, before, after, strict=True) if new != old]


class ActionShowCapabilities(Action):
    def name(self) -> str:
        return "action_show_capabilities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = await off_loop(lambda: capabilities_text(default_cache().get()))
        send(dispatcher, text)
        return []
