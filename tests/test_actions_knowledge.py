"""Q&A actions driven with hand-built trackers and a CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

import actions.knowledge as knowledge_actions
from bot.knowledge.repository import KnowledgeCache


@pytest.fixture(autouse=True)
def use_test_database(monkeypatch: pytest.MonkeyPatch, kb_engine) -> None:
    cache = KnowledgeCache(kb_engine)
    monkeypatch.setattr(knowledge_actions, "default_cache", lambda: cache)


def tracker(text: str, intent: str, entities: list[dict[str, Any]] | None = None,
            slots: dict[str, Any] | None = None) -> Tracker:
    return Tracker(
        sender_id="tester", slots={"last_topic": None, "previous_topic": None, "last_facet": None, **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9},
                        "entities": entities or []},
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name=None,
    )


def run(action, tracker_: Tracker) -> tuple[CollectingDispatcher, list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return dispatcher, events


def test_answers_role_question_and_remembers_topic() -> None:
    dispatcher, events = run(knowledge_actions.ActionAnswerQuestion(), tracker(
        "售后服务经理的职责有哪些", "ask_role_duties",
        [{"entity": "role", "value": "after_sales_service_manager", "start": 0, "end": 6}]))
    [message] = dispatcher.messages
    assert message["text"].startswith("【售后服务经理】") and "1. " in message["text"]
    assert message["buttons"] and {"title", "payload"} <= set(message["buttons"][0])
    assert SlotSet("last_topic", "after_sales_service_manager") in events


def test_followup_reads_the_slot() -> None:
    dispatcher, _ = run(knowledge_actions.ActionAnswerQuestion(), tracker(
        "那任职要求呢？", "ask_role_requirements", slots={"last_topic": "service_manager"}))
    assert "【服务经理】" in dispatcher.messages[0]["text"]
    assert "任职要求：" in dispatcher.messages[0]["text"]


def test_out_of_scope_is_declined_politely_with_a_hint() -> None:
    dispatcher, events = run(knowledge_actions.ActionAnswerQuestion(), tracker("明天会下雨吗", "out_of_scope"))
    assert "超出了我的范围" in dispatcher.messages[0]["text"] and events == []
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/ask_capabilities"


def test_unknown_entity_value_never_yields_an_empty_reply() -> None:
    dispatcher, _ = run(knowledge_actions.ActionAnswerQuestion(), tracker(
        "那个东西是什么", "ask_concept", [{"entity": "concept", "value": "no_such_topic", "start": 0, "end": 2}]))
    assert dispatcher.messages and dispatcher.messages[0]["text"].strip()


def test_capabilities_lists_roles_and_categories() -> None:
    dispatcher, _ = run(knowledge_actions.ActionShowCapabilities(), tracker("你能做什么", "ask_capabilities"))
    text = dispatcher.messages[0]["text"]
    assert "售后服务经理" in text and "服务营销规划" in text
