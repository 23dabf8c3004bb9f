"""Loader: idempotent, removals propagate, a bad file changes nothing and names file + field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from bot.db import create_schema, get_engine, session_scope
from bot.knowledge.loader import KNOWLEDGE_DIR, load, read_knowledge
from bot.knowledge.models import Alias, Topic
from bot.knowledge.repository import read_snapshot
from bot.knowledge.schema import KnowledgeError


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


@pytest.fixture()
def engine(tmp_path: Path):
    engine = get_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    create_schema(engine)
    return engine


def _counts(engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        return (session.scalar(select(func.count()).select_from(Topic)),
                session.scalar(select(func.count()).select_from(Alias)))


def test_real_knowledge_loads_and_second_load_changes_nothing(kb_copy: Path, engine) -> None:
    revision, changed = load(kb_copy, engine)
    assert changed
    before = read_snapshot(engine)
    assert len(before.topics) == len(read_knowledge(kb_copy).topics) >= 80
    again, changed_again = load(kb_copy, engine)
    assert (again, changed_again) == (revision, False)
    assert read_snapshot(engine) == before


def test_removed_entry_disappears(kb_copy: Path, engine) -> None:
    load(kb_copy, engine)
    roles_file = kb_copy / "roles.yml"
    data = yaml.safe_load(roles_file.read_text(encoding="utf-8"))
    removed = data["roles"].pop()
    for role in data["roles"]:  # nothing may still point at the removed role
        role["related"] = [r for r in role.get("related", []) if r != removed["id"]]
    roles_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, changed = load(kb_copy, engine)
    assert changed
    assert removed["id"] not in read_snapshot(engine).topics


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda roles: roles[0].pop("duties"), "roles[0].duties"),
        (lambda roles: roles[1].update(id="Bad Id"), "roles[1].id"),
        (lambda roles: roles[2].update(source={"doc": "000_cca45a3cc66b965b.txt", "section": "不存在的章节"}),
         "roles[2].source"),
    ],
)
def test_malformed_file_is_rejected_and_database_unchanged(kb_copy: Path, engine, mutate, field: str) -> None:
    load(kb_copy, engine)
    before = _counts(engine), read_snapshot(engine)
    roles_file = kb_copy / "roles.yml"
    data = yaml.safe_load(roles_file.read_text(encoding="utf-8"))
    mutate(data["roles"])
    roles_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load(kb_copy, engine)
    message = str(error.value)
    assert "roles.yml" in message and field in message
    assert "数据库内容未做任何改动" in message
    assert (_counts(engine), read_snapshot(engine)) == before


def test_yaml_syntax_error_names_file_and_line(kb_copy: Path, engine) -> None:
    (kb_copy / "concepts" / "broken.yml").write_text("concepts:\n  - id: x\n   name: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load(kb_copy, engine)
    assert "broken.yml" in str(error.value) and "行" in str(error.value)


def test_duplicate_alias_across_topics_is_rejected(kb_copy: Path) -> None:
    roles_file = kb_copy / "roles.yml"
    data = yaml.safe_load(roles_file.read_text(encoding="utf-8"))
    data["roles"][1].setdefault("aliases", []).append(data["roles"][0]["title"])
    roles_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="别名"):
        read_knowledge(kb_copy)


def test_example_questions_are_stored_and_a_change_reloads(kb_copy: Path, engine) -> None:
    roles_file = kb_copy / "roles.yml"
    data = yaml.safe_load(roles_file.read_text(encoding="utf-8"))
    data["roles"][0]["questions"] = ["新来的这个岗位要干些啥", "这个岗位考核看啥"]
    roles_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    first, _ = load(kb_copy, engine)
    topic = read_snapshot(engine).topics[data["roles"][0]["id"]]
    assert topic.questions == ("新来的这个岗位要干些啥", "这个岗位考核看啥")
    data["roles"][0]["questions"] = ["只剩一个问题"]
    roles_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    second, changed = load(kb_copy, engine)
    assert changed and second != first
    assert read_snapshot(engine).topics[data["roles"][0]["id"]].questions == ("只剩一个问题",)


def test_a_database_made_before_example_questions_still_loads(tmp_path: Path, kb_copy: Path) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'old.db'}")
    create_schema(engine)
    with engine.begin() as connection:  # as databases made before the kb_questions table
        connection.exec_driver_sql("DROP TABLE kb_questions")
    revision, changed = load(kb_copy, engine)
    assert changed and read_snapshot(engine).revision == revision
