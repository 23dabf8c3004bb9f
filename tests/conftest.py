"""Shared fixtures. Tests that need the trained model and live servers use ``bot_servers``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from bot.db import create_schema, get_engine
from bot.knowledge.loader import load
from bot.knowledge.repository import Snapshot, read_snapshot
from tests.support.servers import BotServers


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``last`` (the server-log check) run after all the others."""
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)


@pytest.fixture(scope="session")
def kb_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A SQLite database loaded with the real knowledge base (once per test session)."""
    path = tmp_path_factory.mktemp("kb") / "kb.db"
    engine = get_engine(f"sqlite:///{path}")
    create_schema(engine)
    load(engine=engine)
    return engine


@pytest.fixture
def env_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """A fresh SQLite database with all tables behind ``DATABASE_URL``, for code calling
    ``get_engine()`` without a URL (whose cache, holding the first URL it saw, is cleared around the test)."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_engine.cache_clear()
    engine = get_engine(url)
    create_schema(engine)
    yield engine
    get_engine.cache_clear()


@pytest.fixture(scope="session")
def snapshot(kb_engine: Engine) -> Snapshot:
    return read_snapshot(kb_engine)


@pytest.fixture(scope="session")
def bot_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServers]:
    """The real Rasa server and action server, shared by the conversation tests."""
    servers = BotServers(Path(tmp_path_factory.mktemp("servers"))).start()
    yield servers
    servers.stop()
