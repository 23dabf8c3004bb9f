"""Admin edits: validated like `reload`, live without retraining, audited, exported losslessly."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
import yaml

from bot.advisor import respond
from bot.answering.replies import Question
from bot.knowledge.loader import KNOWLEDGE_DIR, load, read_knowledge
from bot.knowledge.repository import KnowledgeCache, read_revision, read_snapshot
from bot.knowledge.schema import KnowledgeError
from bot.ops import knowledge_edit as edit
from bot.ops.knowledge_edit import EditError
from bot.ops.overlay import ADDITIONS_FILE, read_entries

SOURCE = {"doc": "000_cca45a3cc66b965b.txt", "section": "服务管理与营销管理讲义"}
NEW_TOPIC = {
    "name": "备件库存管理", "summary": "售后备件的入库、盘点和出库管理，保证维修时有件可用。",
    "category": "服务管理", "aliases": ["备件管理"], "questions": ["仓库里的备件多久盘点一次"],
    "facets": [{"kind": "steps", "title": "管理环节", "items": ["入库登记", "定期盘点", "按单出库"]}],
    "source": SOURCE, "owner": "after_sales",
}


def _ask(engine, text: str):
    return respond(Question(text=text, intent="nlu_fallback"), read_snapshot(engine))


def test_added_alias_is_live_for_the_cache_and_the_advisor(kb) -> None:
    cache = KnowledgeCache(kb, max_age=0)
    before = cache.get()
    assert _ask(kb, "保修那摊事是啥").topic_id != "after_sales_service_management"
    entry = edit.add_alias("after_sales_service_management", "保修那摊事", actor="admin:li", engine=kb)
    after = cache.get()
    assert after.revision != before.revision
    assert "保修那摊事" in after.topics["after_sales_service_management"].aliases
    reply = _ask(kb, "保修那摊事是啥")
    assert reply.kind == "answer" and reply.topic_id == "after_sales_service_management"
    assert entry["actor"] == "admin:li" and entry["action"] == "alias"
    assert entry["target"] == "after_sales_service_management"
    assert entry["after"]["aliases"] == [*entry["before"]["aliases"], "保修那摊事"]


def test_added_question_answers_that_question(kb) -> None:
    question = "退换货的单子归谁签字"
    assert _ask(kb, question).declined
    edit.add_question("after_sales_service_manager", question, actor="admin", engine=kb)
    assert question in read_snapshot(kb).topics["after_sales_service_manager"].questions
    reply = _ask(kb, question)
    assert reply.kind == "answer" and reply.topic_id == "after_sales_service_manager"


def test_created_topic_is_answered_and_has_its_owner(kb) -> None:
    entry = edit.create_topic(NEW_TOPIC, actor="admin", engine=kb)
    topic_id = entry["target"]
    assert topic_id == "bei_jian_ku_cun_guan_li" and entry["before"] is None
    topic = read_snapshot(kb).topics[topic_id]
    assert topic.name == "备件库存管理" and topic.summary == NEW_TOPIC["summary"]
    assert topic.facet("steps").items == ("入库登记", "定期盘点", "按单出库")
    assert _ask(kb, "仓库里的备件多久盘点一次").topic_id == topic_id
    from bot.ops.handoff import contact_for
    assert contact_for(topic_id, engine=kb)["owner"] == "after_sales"


def test_derived_ids_are_pinyin_snake_case_and_unique() -> None:
    assert edit._derive_id("备件库存管理", set()) == "bei_jian_ku_cun_guan_li"
    assert edit._derive_id("备件库存管理", {"bei_jian_ku_cun_guan_li"}) == "bei_jian_ku_cun_guan_li_2"
    assert edit._derive_id("SMART 目标", set()) == "smart_mu_biao"
    assert edit._derive_id("7P组合", set()) == "topic_7p_zu_he"
    assert edit._derive_id("！？", set()) == "topic"


@pytest.mark.parametrize(("call", "message"), [
    (lambda e: edit.add_alias("after_sales_service_management", "SWOT", actor="a", engine=e), "SWOT分析.*只能指向"),
    (lambda e: edit.add_alias("after_sales_service_management", "售后管理", actor="a", engine=e), "无需重复"),
    (lambda e: edit.add_alias("after_sales_service_management", "  ", actor="a", engine=e), "不能为空"),
    (lambda e: edit.add_alias("no_such_topic", "某某", actor="a", engine=e), "找不到条目"),
    (lambda e: edit.add_question("swot_analysis", "", actor="a", engine=e), "不能为空"),
    (lambda e: edit.add_question("swot_analysis", "问" * 301, actor="a", engine=e), "太长"),
    (lambda e: edit.add_alias("swot_analysis", "别名", actor=" ", engine=e), "actor"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "source": None}, actor="a", engine=e), "缺少出处"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "source": {"doc": "x.txt", "section": "无"}}, actor="a", engine=e),
     "章节不存在"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "facets": [{"kind": "magic", "title": "t", "items": ["i"]}]},
                                 actor="a", engine=e), "magic"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "summary": " "}, actor="a", engine=e), "不能为空"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "aliases": ["4P"]}, actor="a", engine=e), "别名"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "id": "swot_analysis"}, actor="a", engine=e), "重复"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "id": "Bad Id"}, actor="a", engine=e), "id"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "owner": "ghost"}, actor="a", engine=e), "ghost"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "kind": "role"}, actor="a", engine=e), "concept"),
    (lambda e: edit.create_topic({**NEW_TOPIC, "colour": "red"}, actor="a", engine=e), "colour"),
])
def test_bad_edits_are_refused_in_chinese_and_change_nothing(kb, call, message: str) -> None:
    revision = read_revision(kb)
    with pytest.raises(EditError, match=message) as error:
        call(kb)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error.value))
    assert read_revision(kb) == revision and read_entries(kb) == [] and edit.audit_log(engine=kb) == []


def test_reload_keeps_the_overlay_and_its_revision(kb) -> None:
    base = read_revision(kb)
    edit.add_alias("swot_analysis", "态势四格", actor="admin", engine=kb)
    edited = read_revision(kb)
    assert edited != base
    assert load(engine=kb) == (edited, False)  # `python -m bot reload` = YAML + overlay
    assert "态势四格" in read_snapshot(kb).topics["swot_analysis"].aliases


def test_audit_log_and_csv(kb) -> None:
    edit.add_alias("swot_analysis", "=态势四格", actor="admin:wang", engine=kb)
    edit.add_question("swot_analysis", "优劣势机会威胁怎么排", actor="admin:li", engine=kb)
    audit = edit.audit_log(engine=kb)
    assert [a["action"] for a in audit] == ["question", "alias"]
    assert audit[0]["actor"] == "admin:li" and audit[0]["after"]["questions"][-1] == "优劣势机会威胁怎么排"
    assert set(audit[0]) == {"id", "created_at", "actor", "action", "target", "before", "after"}
    rows = list(csv.reader(io.StringIO(edit.audit_csv(engine=kb))))
    assert rows[0][0] == "编号" and [r[3] for r in rows[1:]] == ["alias", "question"]
    assert rows[1][2] == "admin:wang" and "=态势四格" in rows[1][6]


def test_export_then_reload_gives_identical_knowledge(kb, kb_copy: Path) -> None:
    edit.add_alias("swot_analysis", "态势四格", actor="admin", engine=kb)
    edit.create_topic(NEW_TOPIC, actor="admin", engine=kb)
    edit.add_alias("bei_jian_ku_cun_guan_li", "配件库存", actor="admin", engine=kb)
    edit.add_question("swot_analysis", "优劣势机会威胁怎么排", actor="admin", engine=kb)
    revision, snapshot = read_revision(kb), read_snapshot(kb)
    path = edit.export_overlay(kb_copy, engine=kb)
    assert path == kb_copy / ADDITIONS_FILE and read_entries(kb) == []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["concepts"][0]["aliases"] == ["备件管理", "配件库存"]  # folded into the new concept
    assert data["additions"] == [{"topic": "swot_analysis", "aliases": ["态势四格"],
                                  "questions": ["优劣势机会威胁怎么排"]}]
    assert load(kb_copy, kb) == (revision, False)
    assert read_snapshot(kb) == snapshot
    # A second export appends to the file and still loads to the same knowledge.
    # Later edits merge with the directory that now holds the exported file.
    edit.add_question("bei_jian_ku_cun_guan_li", "备件不够用找谁", actor="admin", engine=kb,
                      directory=kb_copy)
    edit.add_alias("swot_analysis", "强弱机危", actor="admin", engine=kb, directory=kb_copy)
    revision = read_revision(kb)
    edit.export_overlay(kb_copy, engine=kb)
    assert load(kb_copy, kb) == (revision, False)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["concepts"][0]["questions"][-1] == "备件不够用找谁"
    assert data["additions"][0]["aliases"] == ["态势四格", "强弱机危"]
    assert len(read_knowledge(kb_copy).topics) == len(read_knowledge(KNOWLEDGE_DIR).topics) + 1
    assert edit.export_overlay(kb_copy, engine=kb) is None  # nothing left to export
    assert edit.audit_log(limit=1, engine=kb)[0]["action"] == "export"


def test_an_addition_to_a_missing_topic_in_the_file_is_a_schema_error(kb_copy: Path) -> None:
    (kb_copy / ADDITIONS_FILE).write_text(
        "additions:\n  - topic: gone_topic\n    aliases: [某名]\n", encoding="utf-8")
    with pytest.raises(Exception, match="gone_topic"):
        read_knowledge(kb_copy)


def test_an_edit_takes_effect_within_a_second(kb) -> None:
    cache = KnowledgeCache(kb, max_age=0)
    cache.get()
    started = time.perf_counter()
    edit.add_alias("four_p", "四个P", actor="admin", engine=kb)
    assert "四个P" in cache.get().topics["four_p"].aliases
    assert time.perf_counter() - started < 1.5


def test_a_stored_edit_that_no_longer_fits_the_yaml_stops_reload(kb, kb_copy: Path) -> None:
    edit.create_topic(NEW_TOPIC, actor="admin", engine=kb, directory=kb_copy)
    revision = read_revision(kb)
    concepts = kb_copy / "concepts" / "zz_curated.yml"  # someone curates the same id by hand
    concepts.write_text(yaml.safe_dump({"concepts": [{
        "id": "bei_jian_ku_cun_guan_li", "name": "备件", "definition": "备件。", "source": SOURCE}]},
        allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="重复"):
        load(kb_copy, kb)
    assert read_revision(kb) == revision


def test_a_malformed_stored_edit_is_named_as_not_exported(kb_copy: Path) -> None:
    with pytest.raises(KnowledgeError, match="尚未导出"):
        read_knowledge(kb_copy, {"additions": [{"topic": "Bad Id"}]})
