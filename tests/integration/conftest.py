"""Fixtures of the integration tests: real PostgreSQL, Redis, Rasa and action servers.

``production`` is the setup of docs/production.md and docker-compose.yml on loopback: two Rasa
servers started with ``endpoints.production.yml`` (PostgreSQL tracker store, Redis lock store)
and one action server, all with ``DATABASE_URL`` on the same PostgreSQL. The variable names are
the ones docker-compose.yml sets.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from bot.db import get_engine
from tests.integration.services import (
    KNOWLEDGE_DB,
    TRACKER_DB,
    PostgresServer,
    RedisServer,
    ServiceUnavailable,
    production_env,
)
from tests.support.servers import MODEL, BotServers


def _start(service):
    try:
        return service().start()
    except ServiceUnavailable as exc:
        pytest.fail(f"{exc}: run `make integration-deps` (make test does)", pytrace=False)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = _start(PostgresServer)
    try:
        server.create_database(KNOWLEDGE_DB)
        server.create_database(TRACKER_DB)
        yield server
    finally:
        get_engine.cache_clear()  # drop pooled connections before the server goes away
        server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = _start(RedisServer)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def model_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trained model copied once, so a retraining meanwhile cannot change it under us."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make test` (it trains the model first)", pytrace=False)
    target = tmp_path_factory.mktemp("model") / MODEL.name
    shutil.copy2(MODEL, target)
    return target


@dataclass
class Production:
    """Two Rasa servers (``first`` also runs the one action server) sharing the stores."""

    first: BotServers
    second: BotServers
    engine: Engine  # knowledge + analyses on PostgreSQL
    tracker_url: str
    postgres: PostgresServer
    redis: RedisServer

    @property
    def rasa_servers(self) -> tuple[BotServers, BotServers]:
        return self.first, self.second


@pytest.fixture(scope="session")
def production(postgres: PostgresServer, redis_server: RedisServer, model_copy: Path,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Production]:
    env = production_env(postgres, redis_server)
    # BotServers runs `python -m bot reload` against DATABASE_URL, i.e. loads the knowledge
    # base into PostgreSQL (and the second time proves the reload is idempotent there).
    first = BotServers(tmp_path_factory.mktemp("rasa-1"), extra_env=env, model=model_copy)
    second = BotServers(tmp_path_factory.mktemp("rasa-2"), model=model_copy, extra_env={
        **env, "ACTION_ENDPOINT_URL": first.env["ACTION_ENDPOINT_URL"],
        "ACTION_SERVER_TOKEN": first.env["ACTION_SERVER_TOKEN"]})
    try:
        # One after the other: each Rasa server creates the tracker table if it is missing.
        first.start()
        second.start_rasa()
        yield Production(first, second, get_engine(postgres.url(KNOWLEDGE_DB)),
                         postgres.url(TRACKER_DB), postgres, redis_server)
    finally:
        second.stop()
        first.stop()
