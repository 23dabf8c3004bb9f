"""The question log: validation, grouping of similar questions, retention, CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from bot.db import session_scope
from bot.ops import log
from bot.ops.grouping import group_questions, jaccard
from bot.ops.models import QuestionLog

NOW = datetime(2025, 6, 1, 12, 0, 0)


def _log(engine, question: str, outcome: str = "fallback", user: str = "u1") -> int:
    return log.log_question(user, question, intent="nlu_fallback", confidence=0.31, outcome=outcome,
                            topic_ids=[], engine=engine)


def _age(engine, entry_id: int, created_at: datetime) -> None:
    with session_scope(engine) as session:
        session.execute(update(QuestionLog).where(QuestionLog.id == entry_id).values(created_at=created_at))


def test_entry_is_stored_and_read_back(engine) -> None:
    entry_id = log.log_question("portal:42", "  保修期过了还修吗  ", intent="ask_concept", confidence=0.4,
                                outcome="low_confidence", topic_ids=["after_sales_service_management"],
                                engine=engine)
    entry = log.get_entry(entry_id, engine=engine)
    assert entry["question"] == "保修期过了还修吗" and entry["user_id"] == "portal:42"
    assert entry["outcome"] == "low_confidence" and entry["confidence"] == pytest.approx(0.4)
    assert entry["topic_ids"] == ["after_sales_service_management"]
    assert log.get_entry(entry_id + 1, engine=engine) is None


def test_unknown_outcome_is_refused_and_long_questions_are_cut(engine) -> None:
    with pytest.raises(ValueError):
        _log(engine, "问题", outcome="answered")
    entry_id = _log(engine, "长" * 2000)
    assert len(log.get_entry(entry_id, engine=engine)["question"]) == log.QUESTION_MAX


def test_similar_questions_form_one_group_biggest_first(engine) -> None:
    for question in ["保修期过了还修吗", "保修期过了还给修吗？", "过了保修期还修不修", "电话一直打不通"]:
        _log(engine, question)
    _log(engine, "保修期过了还修吗", user="u2")
    groups = log.unanswered_groups(engine=engine)
    assert [g["count"] for g in groups] == [4, 1]
    first = groups[0]
    assert first["key"] == "保修期过了还修吗"  # asked twice in these words
    assert first["latest"] == first["examples"][0]["created_at"]
    assert len(first["examples"]) == 3 and first["examples"][0]["user_id"] == "u2"
    assert len(first["ids"]) == 4 and {e["id"] for e in first["examples"]} <= set(first["ids"])
    assert groups[1]["key"] == "电话一直打不通"
    assert set(first["examples"][0]) == {"id", "question", "created_at", "outcome", "user_id"}


def test_group_limit_and_example_count(engine) -> None:
    for question in ["价格怎么定", "价格如何制定", "会员卡怎么推广", "门店排班"]:
        _log(engine, question)
    groups = log.unanswered_groups(limit=2, examples=1, engine=engine)
    assert len(groups) == 2 and all(len(g["examples"]) == 1 for g in groups)


def test_grouping_is_by_token_overlap() -> None:
    tokens = {"a b c": ["a", "b", "c"], "a b": ["a", "b"], "x y": ["x", "y"], "?": []}.__getitem__
    assert group_questions(["a b c", "x y", "a b", "?", "?"], tokenizer=tokens) == [[0, 2], [3, 4], [1]]
    assert jaccard(frozenset("ab"), frozenset("bc")) == pytest.approx(1 / 3)
    assert jaccard(frozenset(), frozenset("a")) == 0.0


def test_purge_deletes_only_rows_past_retention(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    old, recent = _log(engine, "旧问题"), _log(engine, "新问题")
    _age(engine, old, NOW - timedelta(days=181))
    _age(engine, recent, NOW - timedelta(days=179))
    monkeypatch.delenv(log.RETENTION_ENV, raising=False)
    assert log.purge(now=NOW, engine=engine) == 1  # default: 180 days
    assert log.get_entry(old, engine=engine) is None and log.get_entry(recent, engine=engine)
    monkeypatch.setenv(log.RETENTION_ENV, "30")
    assert log.purge(now=NOW, engine=engine) == 1
    assert log.purge(0, now=NOW, engine=engine) == 0


def test_bad_retention_setting_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(log.RETENTION_ENV, "half a year")
    with pytest.raises(ValueError, match=log.RETENTION_ENV):
        log.retention_days()


def test_log_csv_has_a_header_and_neutralises_formulas(engine) -> None:
    _log(engine, "=HYPERLINK(\"http://evil\")")
    _log(engine, "售后流程是啥")
    rows = list(csv.reader(io.StringIO(log.log_csv(engine=engine))))
    assert rows[0][0] == "编号" and len(rows) == 3
    assert rows[1][3].startswith("'=") and rows[2][3] == "售后流程是啥"


def test_resolving_a_question_takes_its_group_off_the_queue(engine) -> None:
    from bot.ops.log import log_question, resolve_group_of, unanswered_groups

    first = log_question("u1", "门店晨会怎么开", intent=None, confidence=None, outcome="declined",
                         topic_ids=[], engine=engine)
    log_question("u2", "门店晨会怎么开？", intent=None, confidence=None, outcome="declined",
                 topic_ids=[], engine=engine)
    log_question("u3", "明天天气如何", intent=None, confidence=None, outcome="declined",
                 topic_ids=[], engine=engine)
    resolved = resolve_group_of(first, actor="admin", engine=engine)
    assert len(resolved) == 2
    assert [g["key"] for g in unanswered_groups(engine=engine)] == ["明天天气如何"]


def test_a_fixed_wording_asked_again_does_not_reenter_the_queue(engine) -> None:
    from bot.ops.log import log_question, resolve_group_of, unanswered_groups

    first = log_question("u1", "门店晨会怎么开", intent=None, confidence=None, outcome="declined",
                         topic_ids=[], engine=engine)
    resolve_group_of(first, actor="admin", engine=engine)
    log_question("u1", "门店晨会怎么开", intent="ask_concept", confidence=0.3,
                 outcome="low_confidence", topic_ids=["x"], engine=engine)
    assert unanswered_groups(engine=engine) == []
