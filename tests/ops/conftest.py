"""Fixtures of the knowledge-operations tests: a fresh SQLite database per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from bot.db import create_schema, get_engine
from bot.knowledge.loader import KNOWLEDGE_DIR, load


@pytest.fixture()
def engine(tmp_path: Path) -> Engine:
    """Empty tables, no knowledge loaded."""
    engine = get_engine(f"sqlite:///{tmp_path / 'ops.db'}")
    create_schema(engine)
    return engine


@pytest.fixture()
def kb(engine: Engine) -> Engine:
    """The real knowledge base loaded into the test's own database."""
    load(engine=engine)
    return engine


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target
