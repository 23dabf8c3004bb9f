"""The Rasa adjustments take effect and keep Rasa's behaviour (bot/web/rasa_patches.py,
bot/web/tracker_store.py); each test fails if its adjustment stops taking effect."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
import rasa.core.actions.action as rasa_action
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.web import rasa_patches
from bot.web.tracker_store import SQLiteWALTrackerStore

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="module")
def installed() -> None:
    rasa_patches.install()


def test_install_refuses_another_rasa_version() -> None:
    with pytest.raises(rasa_patches.UnsupportedRasaVersion, match="written for Rasa 3.6.21, found 3.7.0"):
        rasa_patches.install(version="3.7.0")


def test_install_sets_the_action_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "4")
    rasa_patches.install()
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 4
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "junk")
    rasa_patches.install()
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == rasa_patches.DEFAULT_ACTION_TIMEOUT_SECONDS


def test_the_model_applies_the_adjustments() -> None:
    """KnowledgeEntityExtractor.create is the one caller (every process that loads the model)."""
    from bot.nlu.components import KnowledgeEntityExtractor

    rasa_action.RemoteAction._validate_action_result = lambda self, result: True  # as if unpatched
    KnowledgeEntityExtractor.create({}, None, None, None)
    assert rasa_action.RemoteAction._validate_action_result is rasa_patches._validate_action_result


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
    store = SQLiteWALTrackerStore(_domain(), dialect="sqlite", db=str(db))
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
    store = SQLiteWALTrackerStore(_domain(), dialect="sqlite", db="")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "memory"


def test_endpoints_file_names_the_wal_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Rasa falls back to an in-memory store with only a warning when a custom class is missing."""
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import AvailableEndpoints

    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://127.0.0.1:1/webhook")
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "t")
    monkeypatch.setenv("TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "trackers.db"))
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    store = TrackerStore.create(endpoints.tracker_store, _domain())
    assert type(store) is SQLiteWALTrackerStore
    with sqlite3.connect(tmp_path / "trackers.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.servers
def test_a_hung_action_server_gets_an_apology_within_the_timeout(tmp_path: Path) -> None:
    """With only Rasa's stock REST channel listed, so nothing but the model applies the patch."""
    import socket
    import threading
    import time

    from bot import texts
    from tests.support.servers import BotServers

    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(16)  # accepts connections, never answers
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: [accepted.append(hung.accept()[0]) for _ in range(16)], daemon=True).start()
    (tmp_path / "credentials.yml").write_text("rest:\n", encoding="utf-8")
    servers = BotServers(tmp_path, extra_env={
        "ACTION_TIMEOUT_SECONDS": "3", "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{hung.getsockname()[1]}/webhook"})
    servers.credentials = str(tmp_path / "credentials.yml")
    try:
        servers.start_rasa()
        started = time.monotonic()
        body = servers.send("hung", "售后服务经理的职责有哪些")
        elapsed = time.monotonic() - started
    finally:
        servers.stop()
        hung.close()
    assert elapsed < 3 + 2, elapsed
    # Stock RestInput answers [] when the action fails; the point here is the time it took.
    assert body == [] or body[0]["text"] == texts.NO_REPLY_APOLOGY
