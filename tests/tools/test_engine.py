"""The engine on its own, and a tool defined only here running through the generic actions.

The test tool ("会议室预订") is not in bot/: registering it is all it takes for
``action_start_tool`` / ``validate_tool_form`` / ``action_finish_tool`` to run it, save it,
list it, export it and resume it.
"""

from __future__ import annotations

import pytest

from actions.analyses import ActionResumeAnalysis
from bot.analyses import store
from bot.tools import registry, runner
from bot.tools.engine import Command, Invalid, Reply, Table, Tool, ValueStep
from tests.support.tool_driver import (
    DOMAIN,
    CollectingDispatcher,
    ToolDriver,
    finish,
    make_tracker,
    run,
    slot_events,
    texts_of,
)


def _people(text: str, data: dict) -> int | Invalid:
    return int(text) if text.isdigit() and 0 < int(text) <= 50 else Invalid("请输入人数，例如：8")


def _room(text: str, data: dict) -> str | Invalid:
    return text if text in ("大", "小") else Invalid("请回答“大”或“小”，例如：大")


ROOMS = Tool(
    kind="test_rooms",
    name="会议室预订",
    source="测试用工具（不属于文档）",
    steps=(
        ValueStep("people", "人数", "几个人参会？", _people, guide=("算上主持人",)),
        ValueStep("room", "会议室", "要大会议室还是小会议室？", _room,
                  buttons=[("大", "大"), ("小", "小")]),
        ValueStep("note", "备注", "还有什么要求？", lambda t, d: t, skippable=True),
    ),
    result=lambda data: [Reply(f"已为{data['people']}人预订{data['room']}会议室",
                               table=Table(("项目", "值"), (("人数", str(data["people"])),)))],
    report=lambda data, subject: f"# 预订\n人数：{data['people']}\n",
    subject=lambda data: f"{data.get('people', '?')}人会议",
    prefill=lambda text: {"people": int(text[:-1])} if text.endswith("人") and text[:-1].isdigit() else {},
)


@pytest.fixture(autouse=True)
def rooms_tool(env_database):
    registry.register(ROOMS)
    yield
    registry.unregister(ROOMS.kind)


# --- the runner, pure ------------------------------------------------------------------------


def test_steps_in_order_reask_keeps_data_and_finishes() -> None:
    turn = runner.start(ROOMS)
    session = turn.session
    assert session.step == "people" and runner.prompt(ROOMS, session).text == "几个人参会？"
    turn = runner.handle(ROOMS, session, "很多")
    assert turn.messages[0].text == "请输入人数，例如：8" and session.step == "people"
    runner.handle(ROOMS, session, "8")
    turn = runner.handle(ROOMS, session, "中")
    assert "例如：大" in turn.messages[0].text and session.data == {"people": 8}
    runner.handle(ROOMS, session, "大")
    assert [b[0] for b in runner.prompt(ROOMS, session).buttons] == ["跳过"]
    runner.handle(ROOMS, session, "跳过")
    assert session.finished and session.data == {"people": 8, "room": "大", "note": None}


def test_back_clears_the_previous_answer_and_asks_it_again() -> None:
    session = runner.start(ROOMS).session
    runner.handle(ROOMS, session, "8")
    turn = runner.handle(ROOMS, session, "上一步")
    assert session.step == "people" and "people" not in session.data and turn.save
    assert "已经是第一步" in runner.handle(ROOMS, session, "上一步").messages[0].text


@pytest.mark.parametrize(("text", "command"), [
    ("我的分析", Command.LIST), ("导出报告", Command.EXPORT)])
def test_list_and_export_are_left_to_the_caller(text: str, command: Command) -> None:
    session = runner.start(ROOMS).session
    turn = runner.handle(ROOMS, session, text)
    assert turn.command is command and session.data == {}


def test_help_cancel_and_one_shot() -> None:
    session = runner.start(ROOMS).session
    help_text = runner.handle(ROOMS, session, "怎么填").messages[0].text
    assert "算上主持人" in help_text and "出处：测试用工具" in help_text
    runner.handle(ROOMS, session, "取消")
    assert "确定要退出吗" in runner.prompt(ROOMS, session).text
    runner.handle(ROOMS, session, "否")
    assert not session.cancelled and session.step == "people"
    turn = runner.start(ROOMS, "12人")
    assert turn.session.data == {"people": 12} and turn.session.step == "room" and turn.save


def test_resume_goes_back_to_the_saved_step() -> None:
    session = runner.resume(ROOMS, "room", {"people": 3}, analysis_id=7)
    assert session.step == "room" and session.analysis_id == 7
    session = runner.resume(ROOMS, "gone", {"people": 3}, analysis_id=7)
    assert session.step == "room"


# --- the same tool through the generic Rasa actions -----------------------------------------


def test_a_tool_defined_in_a_test_runs_end_to_end_through_the_generic_path() -> None:
    d = ToolDriver("start_test_rooms", text="我要订会议室")
    assert d.prompt == "几个人参会？"
    assert "例如：8" in d.say("好多人")
    d.say("6")
    assert d.analysis_id is not None and store.get("manager-1", d.analysis_id).step == "room"
    assert "#" in d.say("我的分析") and d.step == "room"
    assert [b["title"] for b in d.prompt_messages[0]["buttons"]] == ["大", "小"]
    d.say("小")
    d.say("投影仪")
    assert not d.active
    analysis_id = d.analysis_id
    text, messages, events = finish(d)
    assert "已为6人预订小会议室" in text
    table = next(m["custom"] for m in messages if m.get("custom"))
    assert table["type"] == "table" and table["rows"] == [["人数", "6"]]
    assert events["tool_last"] == {"kind": "test_rooms", "analysis_id": analysis_id}
    record = store.get("manager-1", analysis_id)
    assert record.status == "complete" and record.data["note"] == "投影仪"
    assert store.export_markdown("manager-1", analysis_id).startswith("# 预订")


def test_a_test_tool_resumes_after_a_restart_and_one_shot_finishes_at_once() -> None:
    d = ToolDriver("start_test_rooms")
    d.say("4")
    dispatcher = CollectingDispatcher()
    events = run(ActionResumeAnalysis().run(
        dispatcher, make_tracker({}, "继续我的分析", "resume_analysis"), DOMAIN))
    assert "会议室" in texts_of(dispatcher)
    assert slot_events(events)["tool_session"]["step"] == "room"
    partial = store.export_markdown("manager-1", d.analysis_id)
    assert "（未完成）" in partial and "人数：4" in partial
    one_shot = ToolDriver("start_test_rooms", text="5人")
    assert one_shot.step == "room" and "#" not in one_shot.start_text


def test_a_narrated_start_is_no_request_to_start_a_tool() -> None:
    from bot.tools.commands import reads_like_request

    # "厂家开始自建售后" tells what happened; the manager asks what to do, not for the tool.
    assert not reads_like_request("厂家开始自建售后了，我们该怎么应对")
    assert reads_like_request("开始做竞争对手对比") and reads_like_request("那就开始吧")


def test_a_question_after_i_am_about_to_is_no_request_to_start_a_tool() -> None:
    from bot.tools.commands import reads_like_request

    # "我要…" / "…来做" introduce a what/which question about the subject.
    assert not reads_like_request("我要牵头做服务营销规划，按流程第一步应该先干什么")
    assert not reads_like_request("我们要给理财业务做定位，定位可以从哪几个层面来做")
    assert not reads_like_request("想跟隔壁店比一比服务，一般从哪些方面比")
    # Without a what/which question, or with a real request word, it asks for the tool.
    assert reads_like_request("我要做SWOT分析") and reads_like_request("帮我看看哪些地方不足")
