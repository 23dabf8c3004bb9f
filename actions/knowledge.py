"""Q&A actions: answer concept / role questions from the knowledge base."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import entity_values, off_loop, send
from bot.advisor import Question, Reply, capabilities_text, respond
from bot.knowledge.repository import default_cache


def _answer(question: Question) -> Reply:
    return respond(question, default_cache().get())


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        topics = entity_values(message, "concept", "role")
        aspects = entity_values(message, "aspect")
        question = Question(
            text=message.get("text") or "",
            intent=intent,
            topics=topics,
            aspect=aspects[0] if aspects else None,
            last_topic=tracker.get_slot("last_topic"),
            last_aspect=tracker.get_slot("last_aspect"),
        )
        reply = await off_loop(_answer, question)
        send(dispatcher, reply.text, reply.buttons)
        if reply.topic_id is None or reply.kind == "out_of_scope":
            return []
        return [SlotSet("last_topic", reply.topic_id), SlotSet("last_aspect", reply.aspect)]


class ActionShowCapabilities(Action):
    def name(self) -> str:
        return "action_show_capabilities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = await off_loop(lambda: capabilities_text(default_cache().get()))
        send(dispatcher, text)
        return []
