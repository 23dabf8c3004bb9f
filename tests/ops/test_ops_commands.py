"""`python -m bot purge-log` and `python -m bot export-knowledge` on a temp database."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.__main__ import main
from bot.analyses.models import utcnow
from bot.db import session_scope
from bot.knowledge.loader import load
from bot.knowledge.repository import read_revision
from bot.ops import feedback, handoff, log
from bot.ops.knowledge_edit import add_alias
from bot.ops.models import Feedback, Handoff, QuestionLog
from bot.ops.overlay import ADDITIONS_FILE, read_entries
from bot.ops.retention import purge_all


def _age_all(engine, when: datetime) -> None:
    with session_scope(engine) as session:
        for model in (QuestionLog, Feedback, Handoff):
            session.execute(update(model).values(created_at=when))


def _fill(engine) -> None:
    log.log_question("u", "老问题", intent=None, confidence=None, outcome="declined", topic_ids=[], engine=engine)
    feedback.record_feedback("u", topic_id=None, question="q", answer="a", rating="up", engine=engine)
    handoff.record_handoff("u", topic_id=None, question="找人工", engine=engine)


def test_purge_all_uses_one_cutoff_for_every_kind(engine) -> None:
    now = datetime(2025, 6, 1)
    _fill(engine)
    _age_all(engine, now - timedelta(days=10))
    assert purge_all(11, now=now, engine=engine) == {"log": 0, "feedback": 0, "handoff": 0}
    assert purge_all(9, now=now, engine=engine) == {"log": 1, "feedback": 1, "handoff": 1}


def test_purge_log_command(env_database, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _fill(env_database)
    _age_all(env_database, utcnow() - timedelta(days=40))
    monkeypatch.setenv(log.RETENTION_ENV, "60")
    assert main(["purge-log"]) == 0
    assert "问题日志 0 条" in capsys.readouterr().out
    assert main(["purge-log", "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert "30 天" in out and "问题日志 1 条" in out and "反馈 1 条" in out and "转人工 1 条" in out


def test_export_knowledge_command(env_database, kb_copy: Path, capsys) -> None:
    load(kb_copy, env_database)
    assert main(["export-knowledge", "--directory", str(kb_copy)]) == 0
    assert "没有" in capsys.readouterr().out
    add_alias("four_p", "四个P", actor="admin", engine=env_database, directory=kb_copy)
    revision = read_revision(env_database)
    assert main(["export-knowledge", "--directory", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert ADDITIONS_FILE in out and revision in out
    assert read_entries(env_database) == [] and read_revision(env_database) == revision
    assert "四个P" in (kb_copy / ADDITIONS_FILE).read_text(encoding="utf-8")
