"""Knowledge operations from the action side: which turns are logged, the 👍/👎 hook,
handoff, and that a database outage never costs the user the answer."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.handoff as handoff_actions
import actions.knowledge as knowledge_actions
from bot.db import get_engine
from bot.knowledge.loader import load
from bot.knowledge.repository import KnowledgeCache
from bot.ops.policy import outcome_of


@pytest.fixture
def app_db(env_database, monkeypatch) -> KnowledgeCache:
    """A fresh database (knowledge + application tables) behind DATABASE_URL."""
    load()
    cache = KnowledgeCache(max_age=0.0)
    monkeypatch.setattr(knowledge_actions, "default_cache", lambda: cache)
    monkeypatch.setattr(handoff_actions, "default_cache", lambda: cache)
    return cache


def tracker(text: str, intent: str = "ask_concept", confidence: float = 0.9,
            slots: dict[str, Any] | None = None) -> Tracker:
    return Tracker(
        sender_id="u-ops", slots={"last_topic": None, "previous_topic": None, "last_facet": None,
                                  **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": confidence},
                        "entities": []},
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name=None,
    )


def run(action: Any, tracker_: Tracker) -> CollectingDispatcher:
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker_, {}))
    return dispatcher


@pytest.mark.parametrize(("declined", "by_retrieval", "chat", "confidence", "expected"), [
    (True, False, False, 0.99, "declined"),
    (False, True, False, 0.99, "fallback"),
    (False, False, False, 0.3, "low_confidence"),
    (False, False, False, 0.9, None),
    (False, False, True, 0.2, None),  # small talk is no knowledge gap
    (False, False, False, None, None),
])
def test_which_turns_are_logged(declined, by_retrieval, chat, confidence, expected) -> None:
    assert outcome_of(declined=declined, by_retrieval=by_retrieval, chat=chat,
                      confidence=confidence) == expected


def test_a_declined_question_is_logged_and_an_answer_is_not(app_db) -> None:
    from bot.ops.log import unanswered_groups

    run(knowledge_actions.ActionAnswerQuestion(), tracker("明天上海天气怎么样", "out_of_scope"))
    answered = run(knowledge_actions.ActionAnswerQuestion(), tracker("什么是SWOT分析"))
    groups = unanswered_groups()
    questions = [e["question"] for g in groups for e in g["examples"]]
    assert questions == ["明天上海天气怎么样"]
    assert groups[0]["examples"][0]["outcome"] == "declined"
    meta = answered.messages[0]["custom"]
    assert meta["type"] == "answer_meta" and meta["topic"] and meta["question"] == "什么是SWOT分析"


def test_no_feedback_hook_on_a_decline(app_db) -> None:
    declined = run(knowledge_actions.ActionAnswerQuestion(), tracker("给我讲个笑话", "out_of_scope"))
    assert not declined.messages[0].get("custom")


def test_database_down_still_answers(app_db, monkeypatch) -> None:
    """Knowledge read once, then the database goes away: the answer arrives, the log is skipped."""
    run(knowledge_actions.ActionAnswerQuestion(), tracker("什么是SWOT分析"))  # warm the cache
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/down")
    get_engine.cache_clear()
    reply = run(knowledge_actions.ActionAnswerQuestion(), tracker("服务蓝图有什么用", confidence=0.2))
    assert reply.messages[0]["text"].startswith("【")
    declined = run(knowledge_actions.ActionAnswerQuestion(), tracker("今天股票买什么", "out_of_scope"))
    assert declined.messages[0]["text"]


def test_handoff_gives_the_owners_contact_and_records_it(app_db) -> None:
    from bot.ops.handoff import list_handoffs

    reply = run(handoff_actions.ActionHandoff(),
                tracker("转人工", "handoff", slots={"last_topic": "after_sales_service_manager"}))
    text = reply.messages[0]["text"]
    assert "售后服务经理" in text and "联系" in text
    [request] = list_handoffs()
    assert request["topic_id"] == "after_sales_service_manager" and request["user_id"] == "u-ops"


def test_handoff_without_a_database_still_gives_a_contact(app_db, monkeypatch) -> None:
    app_db.get()
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/down")
    get_engine.cache_clear()
    reply = run(handoff_actions.ActionHandoff(), tracker("找专家", "handoff"))
    assert "联系" in reply.messages[0]["text"]


@pytest.mark.parametrize(("text", "expected"), [
    ("转人工", True), ("找专家", True), ("联系人是谁", True), ("能找个真人吗", True),
    ("/handoff", True), ("合作伙伴找谁", False), ("晚上找不到人，老给差评", False),
    ("酒店该找哪些伙伴合作", False),
])
def test_only_an_explicit_request_is_a_handoff(text: str, expected: bool) -> None:
    from bot.ops.policy import asks_for_a_person

    assert asks_for_a_person(text) is expected


def test_a_misread_question_is_answered_not_handed_off(app_db) -> None:
    reply = run(handoff_actions.ActionHandoff(), tracker("SWOT分析找谁做比较好", "handoff"))
    assert "可以直接联系" not in reply.messages[0]["text"] and "SWOT" in reply.messages[0]["text"]
