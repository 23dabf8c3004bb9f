"""Engine and session factory built lazily from ``DATABASE_URL``.

Nothing touches the database at import time: the engine is created on first use and
shared per URL; every unit of work opens its own short session via :func:`session_scope`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.analyses import models as analyses_models
from bot.knowledge import models as knowledge_models
from bot.metadata import Base
from bot.ops import models as ops_models

# The model modules register their tables on Base when imported; they import only
# bot.metadata, so there is no import circle.
MODEL_MODULES = (analyses_models, knowledge_models, ops_models)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "advisor.db"


def database_url() -> str:
    """The configured database URL; defaults to a SQLite file under ``var/``."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """One engine per URL, created on first use (never at import)."""
    url = url or database_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    else:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    return engine


def create_schema(engine: Engine | None = None) -> None:
    """Create all tables of :data:`MODEL_MODULES` (idempotent)."""
    Base.metadata.create_all(engine or get_engine())


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A short-lived session: commit on success, roll back on error, always close."""
    session = sessionmaker(bind=engine or get_engine(), future=True, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
