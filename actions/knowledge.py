"""Q&A actions: every message that is not a wizard input or a command is answered here.

The core (:mod:`bot.advisor`) decides by knowledge evidence; this module only turns the
tracker into a question (:func:`bot.conversation.question_from`), sends the reply and
stores the conversation state in slots.
"""

from __future__ import annotations

import logging
from dataclasses import astuple
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import ChatAction, off_loop, send
from bot.advisor import respond
from bot.answering.answers import capabilities_text
from bot.answering.replies import Reply
from bot.conversation import DialogueState, next_state, question_from
from bot.knowledge.repository import default_cache
from bot.ops.log import log_question
from bot.ops.policy import outcome_of

logger = logging.getLogger(__name__)

# The slots that hold :class:`DialogueState`, in its field order.
STATE_SLOTS = ("last_topic", "previous_topic", "last_facet")


def state_of(tracker: Tracker) -> DialogueState:
    return DialogueState(*(tracker.get_slot(slot) for slot in STATE_SLOTS))


def _answer(message: dict[str, Any], state: DialogueState) -> Reply:
    return respond(question_from(message, state), default_cache().get())


ANSWER_META_CHARS = 300


def _log_turn(user: str, message: dict[str, Any], reply: Reply) -> None:
    """Store a turn the admin may need to fix; a logging failure never reaches the user."""
    intent = message.get("intent") or {}
    outcome = outcome_of(declined=reply.declined, by_retrieval=reply.by_retrieval,
                         chat=reply.kind == "chat", confidence=intent.get("confidence"))
    text = str(message.get("text") or "")
    if outcome is None or not text or text.startswith("/"):
        return
    try:
        log_question(user, text, intent=intent.get("name"), confidence=intent.get("confidence"),
                     outcome=outcome, topic_ids=[reply.topic_id] if reply.topic_id else [])
    except Exception:  # the answer matters more than its log entry
        logger.warning("question log unavailable; turn not logged", exc_info=True)


def answer_meta(message: dict[str, Any], reply: Reply) -> dict[str, Any] | None:
    """The widget's 👍/👎 hook after a knowledge answer (not after small talk or a decline)."""
    if reply.kind not in ("answer", "compare"):
        return None
    return {"type": "answer_meta", "topic": reply.topic_id,
            "question": str(message.get("text") or "")[:ANSWER_META_CHARS],
            "answer": reply.text[:ANSWER_META_CHARS]}


class ActionAnswerQuestion(ChatAction, action_name="action_answer_question"):
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        state = state_of(tracker)
        message = tracker.latest_message or {}
        reply = await off_loop(_answer, message, state)
        send(dispatcher, reply.text, reply.buttons, answer_meta(message, reply))
        await off_loop(_log_turn, tracker.sender_id, message, reply)
        before, after = astuple(state), astuple(next_state(state, reply))
        return [SlotSet(slot, new) for slot, old, new in zip(STATE_SLOTS, before, after, strict=True) if new != old]


class ActionShowCapabilities(ChatAction, action_name="action_show_capabilities"):
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        text = await off_loop(lambda: capabilities_text(default_cache().get()))
        send(dispatcher, text)
        return []
