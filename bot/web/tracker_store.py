"""Rasa's SQL tracker store with a kept connection and the write-ahead log for SQLite files.

Named by module path in ``endpoints.yml`` (``type: bot.web.tracker_store.SQLiteWALTrackerStore``),
the route Rasa 3.6 supports for custom tracker stores. SQLAlchemy 1.4 gives a SQLite file no
connection pool, so Rasa's ``SQLTrackerStore`` opened and closed a connection for every read
and write and committed every turn with a full fsync (rollback journal), all on the server's
event loop (docs/performance.md). This subclass keeps a small pool of connections and puts
the file in write-ahead-log mode once, when the store opens it (the mode is stored in the
file); each connection uses ``synchronous=NORMAL``: a committed turn survives a crash or
``kill -9`` of the server (only a power cut can lose the last turns), readers no longer block
the writer, and several Sanic workers can share the file. PostgreSQL and in-memory SQLite are
left exactly as Rasa makes them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool


def is_sqlite_file(url: Any) -> bool:
    url = make_url(str(url))
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def _synchronous_normal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def pooled_sqlite_engine(url: Any) -> Engine:
    """A kept connection (one event loop uses it; a little overflow for worker threads)."""
    engine = sa.create_engine(url, poolclass=QueuePool, pool_size=1, max_overflow=2,
                              connect_args={"check_same_thread": False})
    sa_event.listen(engine, "connect", _synchronous_normal)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    return engine


class SQLiteWALTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore``; on a SQLite file, pooled and in write-ahead-log mode."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # creates the tables with Rasa's own engine
        if is_sqlite_file(self.engine.url):
            url = self.engine.url
            self.engine.dispose()
            self.engine = pooled_sqlite_engine(url)
            self.sessionmaker = sessionmaker(bind=self.engine)
