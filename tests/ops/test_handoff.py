"""Handoff: the topic's owner from knowledge/contacts.yml, else the default; schema checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.knowledge.loader import load, read_contacts, read_knowledge
from bot.knowledge.schema import KnowledgeError
from bot.ops import handoff


def test_topic_owner_else_default(kb) -> None:
    contacts = read_contacts()
    assert contacts is not None
    manager = handoff.contact_for("after_sales_service_manager", engine=kb)
    assert manager == {"owner": "after_sales", "name": contacts.owners["after_sales"].name,
                       "contact": contacts.owners["after_sales"].contact}
    default = contacts.owners[contacts.default]
    for topic in (None, "swot_analysis", "no_such_topic"):
        assert handoff.contact_for(topic, engine=kb) == {
            "owner": contacts.default, "name": default.name, "contact": default.contact}


def test_without_contacts_a_fallback_is_given(engine) -> None:
    contact = handoff.contact_for("swot_analysis", engine=engine)
    assert contact["owner"] is None and contact["name"] and contact["contact"]


def test_record_and_list_handoffs(kb) -> None:
    first = handoff.record_handoff("portal:7", topic_id="after_sales_engineer", question="维修太慢找谁", engine=kb)
    second = handoff.record_handoff("portal:8", topic_id=None, question="我要找人工", engine=kb)
    assert first["owner"] == "after_sales" and first["id"] and second["id"] > first["id"]
    listed = handoff.list_handoffs(engine=kb)
    assert [h["id"] for h in listed] == [second["id"], first["id"]]
    assert listed[1]["question"] == "维修太慢找谁" and listed[1]["contact"] == first["contact"]
    assert len(handoff.list_handoffs(limit=1, engine=kb)) == 1


def _write(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_topic_naming_an_unknown_owner_is_a_schema_error(kb_copy: Path) -> None:
    roles = kb_copy / "roles.yml"
    data = yaml.safe_load(roles.read_text(encoding="utf-8"))
    data["roles"][0]["owner"] = "nobody_here"
    _write(roles, data)
    with pytest.raises(KnowledgeError, match="nobody_here") as error:
        read_knowledge(kb_copy)
    assert "owner" in error.value.field_path


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda d: d.update(default="ghost"), "default"),
    (lambda d: d["owners"]["after_sales"].pop("contact"), "owners.after_sales.contact"),
    (lambda d: d.update(owners={}), "owners"),
    (lambda d: d["owners"].update({"Bad Id": {"name": "x", "contact": "y"}}), "owners.Bad Id"),
])
def test_malformed_contacts_are_refused(kb_copy: Path, engine, mutate, field: str) -> None:
    path = kb_copy / "contacts.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data)
    _write(path, data)
    with pytest.raises(KnowledgeError) as error:
        load(kb_copy, engine)
    assert "contacts.yml" in str(error.value) and error.value.field_path == field


def test_changed_contact_changes_the_revision(kb_copy: Path, engine) -> None:
    first, _ = load(kb_copy, engine)
    path = kb_copy / "contacts.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["owners"]["after_sales"]["contact"] = "售后服务部 · 分机 9999"
    _write(path, data)
    second, changed = load(kb_copy, engine)
    assert changed and second != first
    assert handoff.contact_for("after_sales_service_manager", engine=engine)["contact"].endswith("9999")


def test_with_the_database_down_the_yaml_contacts_answer(tmp_path: Path) -> None:
    from bot.db import get_engine

    down = get_engine(f"sqlite:///{tmp_path / 'missing' / 'no.db'}")  # directory absent: cannot open
    contact = handoff.contact_for("after_sales_engineer", engine=down)
    assert contact["owner"] == "after_sales" and contact["contact"]
