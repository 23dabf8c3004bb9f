"""Runtime adjustments to Rasa 3.6, applied when the Rasa server imports our channels.

Each one fixes a measured problem (docs/performance.md) that has no configuration switch in
Rasa 3.6; none changes what Rasa stores or answers:

* The custom-action HTTP timeout is hard-coded to 300 s, so a hung action server would keep a
  user waiting for five minutes; ``ACTION_TIMEOUT_SECONDS`` (default 10) replaces it.
* Every action-server reply is checked with ``jsonschema.validate``, which re-checks the
  schema and builds a new validator on each call — a fifth of the server's CPU per turn.
  The validator is now built once; the check itself and its error message are unchanged.
* ``Event.resolve_by_type`` walks every ``Event`` subclass (with ``inspect.isabstract`` on
  each) for every event it deserialises, i.e. for every stored event on every tracker read:
  about half the time of a tracker-store read. The name → class table is now built once;
  unknown names still go through Rasa's own function (same default / error behaviour).
* SQLite tracker store: SQLAlchemy 1.4 gives a SQLite file no connection pool, so Rasa's
  ``SQLTrackerStore`` opened and closed a connection for every read and write and committed
  every turn with a full fsync (rollback journal) — all on the server's event loop. Its SQLite
  file engine now keeps its connection (a small pool) and uses the write-ahead log with
  ``synchronous=NORMAL``: a committed turn survives a crash or ``kill -9`` of the server (only
  a power cut of the machine can lose the last turns), readers no longer block the writer, and
  several Sanic workers can share the file. PostgreSQL and in-memory SQLite are not affected.
"""

from __future__ import annotations

import os
from typing import Any

import rasa.core.actions.action as rasa_action
import rasa.core.tracker_store as rasa_tracker_store
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses
from sqlalchemy import event as sa_event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

rasa_action.DEFAULT_REQUEST_TIMEOUT = int(os.environ.get("ACTION_TIMEOUT_SECONDS", "10"))

# --- action-server replies: validator built once ----------------------------------------------

_validator: Any = None


def _validate_action_result(self: rasa_action.RemoteAction, result: dict[str, Any]) -> bool:
    global _validator
    if _validator is None:
        spec = self.action_response_format_spec()
        cls = validator_for(spec)
        cls.check_schema(spec)
        _validator = cls(spec)
    try:
        _validator.validate(result)
    except ValidationError as error:
        error.message += (". Failed to validate Action server response from API, make sure your "
                          "response from the Action endpoint is valid.")
        raise
    return True


rasa_action.RemoteAction._validate_action_result = _validate_action_result

# --- event deserialisation: name -> class table built once ------------------------------------

_rasa_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


def resolve_event_class(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """Rasa's ``Event.resolve_by_type`` with the subclass walk done once, not per event."""
    if not _event_classes:
        for cls in all_subclasses(Event):  # Rasa's order: the first class with a name wins
            _event_classes.setdefault(cls.type_name, cls)
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    return _rasa_resolve_by_type(type_name, default)  # unknown / "topic": Rasa decides


Event.resolve_by_type = staticmethod(resolve_event_class)

# --- SQLite tracker store: pooled connection, write-ahead log ---------------------------------

SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


def _is_sqlite_file(url: Any) -> bool:
    url = make_url(str(url))
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


_rasa_engine_kwargs = rasa_tracker_store.create_engine_kwargs


def _engine_kwargs(url: Any) -> dict[str, Any]:
    """Rasa's engine options, plus a kept connection for a SQLite file (one event loop uses it)."""
    if _is_sqlite_file(url):
        return {"poolclass": QueuePool, "pool_size": 1, "max_overflow": 2,
                "connect_args": {"check_same_thread": False}}
    return _rasa_engine_kwargs(url)


def _use_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


_rasa_sql_store_init = SQLTrackerStore.__init__


def _sql_store_init(self: SQLTrackerStore, *args: Any, **kwargs: Any) -> None:
    _rasa_sql_store_init(self, *args, **kwargs)
    if _is_sqlite_file(self.engine.url):
        self.engine.dispose()  # the connection that created the tables had no pragmas yet
        sa_event.listen(self.engine, "connect", _use_wal)


rasa_tracker_store.create_engine_kwargs = _engine_kwargs
SQLTrackerStore.__init__ = _sql_store_init
