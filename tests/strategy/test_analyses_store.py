"""Analyses saved per user in a temporary SQLite file: resume, list, owner isolation, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from bot.analyses import store
from bot.analyses.models import Analysis
from bot.db import get_engine
from bot.metadata import Base
from bot.strategy.factors import Factor, SwotInput


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = get_engine(f"sqlite:///{tmp_path}/t.db")
    Base.metadata.create_all(engine, tables=[Analysis.__table__])
    return engine


def swot_data() -> dict:
    swot = SwotInput(
        "A公司", [Factor("品牌好", 5)], [Factor("人少", 2)], [Factor("需求增长", 3)], []
    )
    return {"swot": swot.to_dict()}


def test_start_save_complete_round_trip(engine: Engine) -> None:
    aid = store.start("alice", "swot", "A公司", engine=engine)
    rec = store.get("alice", aid, engine=engine)
    assert rec is not None
    assert (rec.kind, rec.subject, rec.status, rec.step, rec.data) == (
        "swot",
        "A公司",
        "in_progress",
        "",
        {},
    )
    store.save_step(aid, "alice", "weights", swot_data(), engine=engine)
    rec = store.get("alice", aid, engine=engine)
    assert rec.step == "weights"
    assert rec.data["swot"]["S"] == [{"text": "品牌好", "weight": 5}]
    store.complete(aid, "alice", engine=engine)
    rec = store.get("alice", aid, engine=engine)
    assert rec.is_complete and rec.step == "done"
    assert rec.data == swot_data()


def test_other_user_cannot_read_change_or_delete(engine: Engine) -> None:
    aid = store.start("alice", "swot", "A公司", swot_data(), engine=engine)
    assert store.get("bob", aid, engine=engine) is None
    assert store.delete("bob", aid, engine=engine) is False
    with pytest.raises(store.AnalysisNotFound):
        store.save_step(aid, "bob", "S", {}, engine=engine)
    with pytest.raises(store.AnalysisNotFound):
        store.complete(aid, "bob", engine=engine)
    with pytest.raises(store.AnalysisNotFound):
        store.export_markdown("bob", aid, engine=engine)
    assert store.list_for_user("bob", engine=engine) == []
    assert store.latest_in_progress("bob", engine=engine) is None
    rec = store.get("alice", aid, engine=engine)
    assert rec is not None and rec.status == "in_progress" and rec.data == swot_data()


def test_resume_latest_in_progress(engine: Engine) -> None:
    first = store.start("alice", "swot", "一店", engine=engine)
    second = store.start("alice", "swot", "二店", engine=engine)
    done = store.start("alice", "strategy_type", "三店", engine=engine)
    store.complete(done, "alice", engine=engine)
    latest = store.latest_in_progress("alice", engine=engine)
    assert latest is not None and latest.id == second
    store.save_step(first, "alice", "O", swot_data(), engine=engine)
    latest = store.latest_in_progress("alice", engine=engine)
    assert latest is not None and latest.id == first and latest.step == "O"
    assert store.latest_in_progress("alice", kind="strategy_type", engine=engine) is None


def test_list_for_user_newest_first_and_by_status(engine: Engine) -> None:
    ids = [store.start("alice", "swot", f"店{i}", engine=engine) for i in range(3)]
    store.start("bob", "swot", "别人的", engine=engine)
    store.complete(ids[0], "alice", engine=engine)
    listed = store.list_for_user("alice", engine=engine)
    assert listed[0].id == ids[0]
    assert sorted(r.id for r in listed) == sorted(ids)
    assert [r.id for r in store.list_for_user("alice", status="complete", engine=engine)] == [
        ids[0]
    ]
    assert len(store.list_for_user("alice", limit=2, engine=engine)) == 2


def test_delete_own_analysis(engine: Engine) -> None:
    aid = store.start("alice", "swot", "A公司", engine=engine)
    assert store.delete("alice", aid, engine=engine) is True
    assert store.get("alice", aid, engine=engine) is None
    assert store.delete("alice", aid, engine=engine) is False
    assert store.latest_in_progress("alice", engine=engine) is None


def test_export_markdown(engine: Engine) -> None:
    aid = store.start("alice", "swot", "A公司", swot_data(), engine=engine)
    md = store.export_markdown("alice", aid, engine=engine)
    assert md.startswith("# 服务营销战略分析报告：A公司")
    assert "品牌好（重要程度 5）" in md
    assert "| SO | S1+O1 |" in md


def test_invalid_inputs_are_refused(engine: Engine) -> None:
    with pytest.raises(ValueError):
        store.start("alice", "pest", "x", engine=engine)
    with pytest.raises(ValueError):
        store.start("", "swot", "x", engine=engine)
    aid = store.start("alice", "swot", "x", engine=engine)
    with pytest.raises(TypeError):
        store.save_step(aid, "alice", "S", ["not", "a", "dict"], engine=engine)  # type: ignore[arg-type]


def test_data_survives_a_new_engine(tmp_path: Path, engine: Engine) -> None:
    aid = store.start("alice", "swot", "A公司", swot_data(), engine=engine)
    get_engine.cache_clear()
    fresh = get_engine(f"sqlite:///{tmp_path}/t.db")
    assert fresh is not engine
    rec = store.get("alice", aid, engine=fresh)
    assert rec is not None and rec.data == swot_data()


def test_export_to_file_writes_latest_or_given(tmp_path: Path, engine: Engine) -> None:
    from bot.analyses.export import export_to_file

    older = store.start("alice", "swot", "旧分析", swot_data(), engine=engine)
    newer = store.start("alice", "swot", "新分析", swot_data(), engine=engine)
    out = tmp_path / "out" / "r.md"
    assert export_to_file("alice", None, out, engine=engine) == 0
    assert out.read_text(encoding="utf-8").startswith("# 服务营销战略分析报告：新分析")
    assert export_to_file("alice", older, out, engine=engine) == 0
    assert "旧分析" in out.read_text(encoding="utf-8")
    assert export_to_file("bob", newer, tmp_path / "b.md", engine=engine) == 1
    assert not (tmp_path / "b.md").exists()
    assert export_to_file("bob", None, tmp_path / "b.md", engine=engine) == 1
