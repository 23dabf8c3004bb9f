"""The runtime adjustments to Rasa keep Rasa's behaviour (bot/web/rasa_patches.py)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.web import rasa_patches

ROOT = Path(__file__).resolve().parents[1]


def test_event_classes_resolve_like_rasa() -> None:
    assert Event.resolve_by_type is rasa_patches.resolve_event_class
    for cls in all_subclasses(Event):
        expected = rasa_patches._rasa_resolve_by_type(cls.type_name)
        assert Event.resolve_by_type(cls.type_name) is expected


def test_unknown_event_names_keep_rasas_answers() -> None:
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="no_such_event"):
        Event.resolve_by_type("no_such_event")


def test_events_round_trip_through_dicts() -> None:
    events = [UserUttered("你好", {"name": "greet", "confidence": 0.9}), ActionExecuted("utter_greet"),
              BotUttered("您好", {"buttons": []}), SlotSet("topic", "服务蓝图")]
    assert [Event.from_parameters(e.as_dict()) for e in events] == events


def test_invalid_action_reply_is_still_rejected() -> None:
    action = RemoteAction("action_answer_question", None)
    assert action._validate_action_result({"events": [], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": "not a list"})


def _domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def test_sqlite_tracker_store_uses_the_write_ahead_log(tmp_path: Path) -> None:
    db = tmp_path / "trackers.db"
    store = SQLTrackerStore(_domain(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker.from_events("u1", [
        ActionExecuted("action_listen"), UserUttered("什么是服务蓝图", {"name": "ask_concept", "confidence": 1.0}),
    ])
    asyncio.run(store.save(tracker))
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store.engine.connect() as connection:  # the store's own, kept connection
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    assert type(store.engine.pool).__name__ == "QueuePool"
    tracker.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve("u1"))
    assert again is not None
    assert list(again.events) == list(tracker.events)
    with sqlite3.connect(db) as connection:  # another process sees every committed event
        assert connection.execute("SELECT count(*) FROM events WHERE sender_id = 'u1'").fetchone()[0] == 3


def test_in_memory_sqlite_store_is_left_alone() -> None:
    store = SQLTrackerStore(_domain(), dialect="sqlite", db="")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "memory"
