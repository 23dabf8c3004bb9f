"""转人工 / 找专家: the contact of the last topic's owner, and the request recorded for admins."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import ChatAction, message_text, off_loop, send
from actions.knowledge import ActionAnswerQuestion
from bot import texts
from bot.knowledge.repository import default_cache
from bot.ops.handoff import contact_for, record_handoff
from bot.ops.policy import asks_for_a_person

logger = logging.getLogger(__name__)


def _handoff(user: str, topic_id: str | None, question: str) -> tuple[dict[str, Any], bool]:
    """The contact, and whether the request was recorded (the contact comes either way)."""
    try:
        return record_handoff(user, topic_id=topic_id, question=question), True
    except Exception:  # a recording failure must not hide the contact from the user
        logger.warning("handoff not recorded", exc_info=True)
        return contact_for(topic_id), False


class ActionHandoff(ChatAction, action_name="action_handoff"):
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        question = message_text(tracker)
        if not asks_for_a_person(question):  # a knowledge question the classifier misread
            return await ActionAnswerQuestion().act(dispatcher, tracker)
        topic_id = tracker.get_slot("last_topic")
        contact, recorded = await off_loop(_handoff, tracker.sender_id, topic_id, question)
        topic = await off_loop(lambda: default_cache().get().get(topic_id))
        lines = [texts.HANDOFF_CONTACT.format(name=contact["name"], contact=contact["contact"])]
        if topic is not None:
            lines.insert(0, texts.HANDOFF_ABOUT.format(topic=topic.name))
        lines.append(texts.HANDOFF_RECORDED if recorded else texts.HANDOFF_NOT_RECORDED)
        send(dispatcher, "\n".join(lines))
        return []
