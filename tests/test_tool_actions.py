"""The generic tool path with hand-built trackers: start, validator, ask, finish, analyses.

A small driver plays Rasa's part of ``tool_form`` (the user's text into ``tool_input``, the
validator, then the question or the finish action), so whole SWOT and strategy-type runs are
checked without a model; the database is a temporary SQLite file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from actions.analyses import (
    ActionConfirmDeleteAnalysis,
    ActionDeleteAnalysis,
    ActionExportAnalysis,
    ActionListAnalyses,
    ActionResumeAnalysis,
)
from bot.analyses import store
from bot.analyses.export import export_to_file
from bot.strategy import texts
from bot.strategy.strategy_types import ordered_questions
from bot.tools import registry, runner
from bot.tools import texts as tool_texts
from bot.tools.commands import command_of
from bot.tools.engine import Command, Session
from tests.support.tool_driver import (
    DOMAIN,
    ToolDriver,
    finish,
    make_tracker,
    run,
    slot_events,
    texts_of,
)

# Every test gets its own empty SQLite database through DATABASE_URL, its tables created as the
# action server does at start-up (actions/server.py).
pytestmark = pytest.mark.usefixtures("env_database")


def swot_driver(sender: str = "manager-1") -> ToolDriver:
    return ToolDriver("start_swot", sender=sender)


def fill_swot(driver: ToolDriver, s: str, w: str, o: str, t: str, weights: str = "跳过") -> None:
    driver.say("城东支行")
    for text in (s, w, o, t):
        driver.say(text)
        driver.say("完成")
    if driver.active:
        driver.say(weights)


result_of = finish


# --- SWOT steps ---------------------------------------------------------------------------------


def test_factors_split_accumulate_undo_and_move_on() -> None:
    d = swot_driver()
    assert d.step == "swot_subject"
    assert "城东支行" in d.say("城东支行")
    assert d.step == "swot_strengths" and d.analysis_id
    d.say("品牌知名度高，网点多、客户信赖；团队稳定\n资金充足")
    assert [f["text"] for f in d.data["swot"]["S"]] == ["品牌知名度高", "网点多", "客户信赖",
                                                              "团队稳定", "资金充足"]
    d.say("服务响应快")
    assert len(d.data["swot"]["S"]) == 6
    assert "已撤销：服务响应快" in d.say("撤销")
    assert len(d.data["swot"]["S"]) == 5 and d.step == "swot_strengths"
    d.say("完成")
    assert d.step == "swot_weaknesses"
    record = store.get("manager-1", d.analysis_id)
    assert record.step == "swot_weaknesses" and len(record.data["swot"]["S"]) == 5
    assert record.status == "in_progress"


def test_skip_leaves_a_part_empty() -> None:
    d = swot_driver()
    d.say("信用卡业务")
    assert "留空" in d.say("跳过")
    d.say("没有")
    assert d.data["swot"]["S"] == [] and d.data["swot"]["W"] == []
    assert d.step == "swot_opportunities"


@pytest.mark.parametrize(("bad", "message"), [
    ("，，", texts.ERROR_MESSAGES["empty"]),
    ("很" * 500, texts.ERROR_MESSAGES["too_long"]),
    ("😀😀👍", texts.ERROR_MESSAGES["no_meaningful_text"]),
])
def test_bad_factor_is_refused_and_nothing_is_lost(bad: str, message: str) -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("品牌知名度高")
    reply = d.say(bad)
    assert message in reply
    assert d.step == "swot_strengths"
    assert [f["text"] for f in d.data["swot"]["S"]] == ["品牌知名度高"]


def test_bad_subject_repeats_the_step() -> None:
    d = swot_driver()
    assert texts.ERROR_MESSAGES["no_meaningful_text"] in d.say("🙂")
    assert d.step == "swot_subject" and d.slots.get("analysis_id") is None


def test_weights_one_by_one_all_at_once_and_bad_scores() -> None:
    d = swot_driver()
    d.say("城东支行")
    for text in ("品牌好、网点多", "完成", "成本高", "完成", "政策支持", "完成", "对手降价", "完成"):
        d.say(text)
    assert d.step == "swot_weights"
    assert texts.ERROR_MESSAGES["weight_out_of_range"] in d.say("十")
    assert texts.ERROR_MESSAGES["weight_out_of_range"] in d.say("7")
    assert texts.ERROR_MESSAGES["weight_not_a_number"] in d.say("很重要")
    assert "S1 记为 5 分" in d.say("5")
    assert d.step == "swot_weights"
    d.say("4 3 2 1")
    assert not d.active and d.session.finished
    weights = [f["weight"] for key in "SWOT" for f in d.data["swot"][key]]
    assert weights == [5, 4, 3, 2, 1]


def test_weights_skip_means_equal() -> None:
    d = swot_driver()
    fill_swot(d, "品牌好", "成本高", "政策支持", "对手降价", weights="跳过")
    assert d.session.finished
    assert all(f["weight"] is None for key in "SWOT" for f in d.data["swot"][key])


def test_ask_actions_show_guidance_then_the_list() -> None:
    d = swot_driver()
    d.say("城东支行")
    first = d.prompt
    assert "企业在行业中处于什么地位？" in first and "完成" in first
    d.say("品牌好、网点多")
    again = d.prompt
    assert "S1. 品牌好" in again and "S2. 网点多" in again
    assert [b["title"] for b in d.prompt_messages[0]["buttons"]] == ["完成", "跳过", "撤销"]


def test_weight_prompt_names_the_factor() -> None:
    d = swot_driver()
    for text in ("城东支行", "品牌好", "完成", "跳过", "跳过", "跳过"):
        d.say(text)
    assert d.step == "swot_weights" and "S1 品牌好" in d.prompt


# --- interruptions and cancel ---------------------------------------------------------------------


def test_knowledge_question_is_answered_then_the_step_is_asked_again() -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("品牌好")
    before = dict(d.data)
    for question, word in (("什么是SWOT？", "SWOT"), ("服务经理的职责是什么？", "服务经理")):
        reply = d.say(question, intent="ask_concept")
        assert word in reply  # the knowledge answer
        assert d.step == "swot_strengths" and "S1. 品牌好" in d.prompt
    assert d.data == before


def test_a_factor_classified_as_a_question_intent_is_still_a_factor() -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("客户忠诚度高", intent="ask_concept")
    assert [f["text"] for f in d.data["swot"]["S"]] == ["客户忠诚度高"]


@pytest.mark.parametrize(("text", "intent"), [("我的分析", "list_analyses"), ("导出报告", "inform"),
                                              ("怎么填", "inform"), ("帮助", "ask_capabilities")])
def test_commands_inside_a_tool_are_never_stored_as_input(text: str, intent: str) -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("品牌好")
    reply = d.say(text, intent=intent)
    assert [f["text"] for f in d.data["swot"]["S"]] == ["品牌好"]
    assert d.step == "swot_strengths" and "S1. 品牌好" in d.prompt
    assert reply.strip()


def test_my_analyses_inside_a_tool_lists_them_and_returns_to_the_step() -> None:
    d = swot_driver()
    d.say("城东支行")
    reply = d.say("我的分析", intent="inform")
    assert f"#{d.analysis_id} SWOT分析 · 城东支行 · 未完成" in reply
    assert tool_texts.BACK_TO_STEP in reply and d.step == "swot_strengths"


def test_help_shows_the_steps_guiding_questions_and_the_source() -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("成本高")  # nothing special: a strength as typed
    reply = d.say("怎么填")
    assert "企业在行业中处于什么地位？" in reply and "出处：" in reply


def test_back_returns_to_the_previous_step_and_keeps_its_factors() -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("品牌好")
    d.say("完成")
    assert d.step == "swot_weaknesses"
    assert "回到上一步" in d.say("上一步")
    assert d.step == "swot_strengths" and "S1. 品牌好" in d.prompt
    assert "已经是第一步" not in d.say("上一步") and d.step == "swot_subject"
    assert "已经是第一步" in d.say("上一步")


def test_export_inside_a_tool_gives_the_report_so_far() -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("品牌好")
    reply = d.say("导出报告")
    assert "城东支行" in reply and "品牌好" in reply and d.step == "swot_strengths"


def test_cancel_asks_for_confirmation_and_continue_keeps_everything() -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("品牌好")
    d.say("取消", intent="stop")
    assert d.session.confirming_cancel
    assert "确定要退出吗" in d.prompt and len(d.prompt_messages[0]["buttons"]) == 2
    assert tool_texts.CONFIRM_UNCLEAR in d.say("嗯？随便")
    assert tool_texts.CANCEL_CONTINUE in d.say("继续")
    assert d.step == "swot_strengths"
    assert [f["text"] for f in d.data["swot"]["S"]] == ["品牌好"]


def test_cancel_confirmed_ends_without_completing() -> None:
    d = swot_driver()
    d.say("城东支行")
    d.say("品牌好")
    d.say("退出", intent="stop")
    d.say("是", intent="affirm")
    assert d.session.cancelled and not d.active
    analysis_id = d.analysis_id
    text, _messages, events = result_of(d)
    assert tool_texts.CANCELLED_SAVED in text
    assert events["tool_session"] is None
    record = store.get("manager-1", analysis_id)
    assert record.status == "in_progress" and record.data["swot"]["S"][0]["text"] == "品牌好"


# --- results per quadrant ---------------------------------------------------------------------------


@pytest.mark.parametrize(("parts", "quadrant", "strategy", "measure"), [
    (("品牌好、网点多", "成本高", "政策支持、需求增长", "跳过"), "SO", "扩张性战略", "外延扩张式"),
    (("品牌好、网点多", "成本高", "政策支持", "对手降价、替代品多"), "ST", "分散化战略", "同心多角化"),
    (("品牌好", "成本高、人员流失", "政策支持、需求增长", "对手降价"), "WO", "防卫性战略", "引入创新机制"),
    (("品牌好", "成本高、人员流失", "政策支持", "对手降价、替代品多"), "WT", "退出性战略", "果断撤离"),
])
def test_result_per_quadrant(parts: tuple[str, ...], quadrant: str, strategy: str, measure: str) -> None:
    d = swot_driver()
    fill_swot(d, *parts)
    text, messages, events = result_of(d)
    assert f"结论：{quadrant}象限，宜采取{strategy}" in text
    assert "内部位置 = 优势" in text and measure in text and "TOWS" in text
    assert d.data.get("quadrant") is None  # the finish action stores, the driver's copy is old
    assert store.get("manager-1", d.analysis_id).data["quadrant"] == quadrant
    payloads = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert "/start_strategy_type" in payloads and "/start_swot" in payloads
    assert any(p.startswith("/export_analysis") for p in payloads)
    assert store.get("manager-1", d.analysis_id).status == "complete"


def test_result_tows_pairs_heaviest_first() -> None:
    d = swot_driver()
    fill_swot(d, "品牌好、网点多", "成本高", "政策支持", "对手降价", weights="2 5 1 4 3")
    text, _m, _e = result_of(d)
    so = text[text.index("SO（优势+机会）"):text.index("ST（优势+威胁）")]
    assert so.index("[S2+O1]") < so.index("[S1+O1]")


def test_balanced_result_shows_both_candidates() -> None:
    d = swot_driver()
    fill_swot(d, "品牌好", "成本高", "政策支持、需求增长", "对手降价")
    text, _m, events = result_of(d)
    assert texts.DECISION_BALANCED_INTERNAL in text
    assert "SO（扩张性战略）" in text and "WO（防卫性战略）" in text
    assert store.get("manager-1", d.analysis_id).data["quadrant"] is None


# --- strategy type -------------------------------------------------------------------------------


def strategy_driver(slots: dict[str, Any], sender: str = "manager-1") -> tuple[ToolDriver, str]:
    driver = ToolDriver("start_strategy_type", slots, sender)
    return driver, driver.start_text


def test_strategy_type_after_swot_uses_the_quadrant_and_recommends() -> None:
    d = swot_driver()
    fill_swot(d, "品牌好、网点多", "成本高", "政策支持、需求增长", "跳过")
    result_of(d)
    s, intro = strategy_driver(d.slots)
    assert "SO象限" in intro and "14" in intro
    assert "第 1/14 题" in s.prompt and "总成本领先战略" in s.prompt
    assert texts.ERROR_MESSAGES["answer_unrecognized"] in s.say("还行吧")
    s.say("是", intent="affirm")
    assert "第 2/14 题" in s.prompt
    assert "回到上一步" in s.say("撤销")
    assert s.data["answers"] == {} and "第 1/14 题" in s.prompt
    replies = ["否", "否", "否", "是", "是", "是", "是", "不确定", "否", "否", "否", "否", "否", "否"]
    for reply in replies:
        s.say(reply)
    assert not s.active and len(s.data["answers"]) == len(ordered_questions())
    text, _m, _e = result_of(s)
    assert "推荐：**特色经营战略**" in text and "实施途径" in text and "其他类型尚缺的前提" in text
    record = store.get("manager-1", s.analysis_id)
    assert record.kind == "strategy_type" and record.status == "complete"
    report = store.export_markdown("manager-1", record.id)
    assert "## TOWS 矩阵" in report and "## 战略类型建议" in report


def test_strategy_type_on_its_own_and_cancel() -> None:
    s, intro = strategy_driver({})
    assert "象限" not in intro
    s.say("是")
    s.say("算了", intent="stop")
    s.say("是")
    analysis_id = s.analysis_id
    text, _m, _e = result_of(s)
    assert tool_texts.CANCELLED_SAVED in text
    record = store.get("manager-1", analysis_id)
    assert record.status == "in_progress" and record.data["answers"] == {"cl_same_quality": "yes"}


def test_a_yes_button_payload_answers_a_precondition() -> None:
    s, _intro = strategy_driver({})
    s.say("/affirm", intent="affirm")
    assert s.data["answers"] == {"cl_same_quality": "yes"}


# --- saved analyses --------------------------------------------------------------------------------


def test_resume_restores_the_step_and_reactivates_the_form() -> None:
    d = swot_driver()
    for text in ("城东支行", "品牌好、网点多", "完成", "成本高"):
        d.say(text)
    dispatcher = CollectingDispatcher()
    events = run(ActionResumeAnalysis().run(dispatcher, make_tracker({}, "继续我的分析", "resume_analysis"),
                                            DOMAIN))
    session = Session.from_dict(slot_events(events)["tool_session"])
    assert "城东支行" in texts_of(dispatcher) and "劣势" in texts_of(dispatcher)
    assert session.kind == "swot" and session.step == "swot_weaknesses"
    assert session.data["swot"]["W"][0]["text"] == "成本高" and session.analysis_id == d.analysis_id
    assert any(e.get("event") == "followup" and e.get("name") == "tool_form" for e in events)


def test_resume_with_nothing_in_progress() -> None:
    dispatcher = CollectingDispatcher()
    events = run(ActionResumeAnalysis().run(dispatcher, make_tracker({}, "继续我的分析", "resume_analysis"),
                                            DOMAIN))
    assert events == [] and texts.ANALYSES_NONE_IN_PROGRESS in texts_of(dispatcher)


def test_list_export_and_delete_with_confirmation(tmp_path: Path) -> None:
    d = swot_driver()
    fill_swot(d, "品牌好", "成本高", "政策支持", "跳过")
    result_of(d)
    analysis_id = d.analysis_id
    other = swot_driver(sender="someone-else")
    other.say("别人的分析")

    dispatcher = CollectingDispatcher()
    run(ActionListAnalyses().run(dispatcher, make_tracker({}, "我的分析", "list_analyses"), DOMAIN))
    listing = texts_of(dispatcher)
    assert f"#{analysis_id} SWOT分析 · 城东支行 · 已完成" in listing and "别人的分析" not in listing
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert f'/delete_analysis{{"analysis_id": {analysis_id}}}' in payloads

    dispatcher = CollectingDispatcher()
    entity = [{"entity": "analysis_id", "value": analysis_id, "start": 0}]
    run(ActionExportAnalysis().run(dispatcher, make_tracker({}, "/export_analysis", "export_analysis",
                                                            entity), DOMAIN))
    exported = texts_of(dispatcher)
    assert "# 服务营销战略分析报告：城东支行" in exported
    assert f"python -m bot export --user manager-1 --analysis {analysis_id}" in exported
    out = tmp_path / "report.md"
    assert export_to_file("manager-1", analysis_id, out) == 0 and "## TOWS 矩阵" in out.read_text("utf-8")

    dispatcher = CollectingDispatcher()
    events = run(ActionConfirmDeleteAnalysis().run(
        dispatcher, make_tracker({}, f"删除分析{analysis_id}", "delete_analysis"), DOMAIN))
    assert "确定删除" in texts_of(dispatcher) and slot_events(events)["pending_delete_id"] == analysis_id
    dispatcher = CollectingDispatcher()
    run(ActionDeleteAnalysis().run(dispatcher, make_tracker({"pending_delete_id": analysis_id}, "否", "deny"),
                                   DOMAIN))
    assert texts.ANALYSES_DELETE_KEPT in texts_of(dispatcher)
    assert store.get("manager-1", analysis_id) is not None
    dispatcher = CollectingDispatcher()
    run(ActionDeleteAnalysis().run(dispatcher, make_tracker({"pending_delete_id": analysis_id}, "是", "affirm"),
                                   DOMAIN))
    assert texts.ANALYSES_DELETED.format(id=analysis_id) in texts_of(dispatcher)
    assert store.get("manager-1", analysis_id) is None


def test_someone_elses_analysis_cannot_be_deleted_or_exported() -> None:
    other = swot_driver(sender="someone-else")
    other.say("别人的分析")
    foreign = other.analysis_id
    dispatcher = CollectingDispatcher()
    run(ActionConfirmDeleteAnalysis().run(dispatcher, make_tracker({}, f"删除分析{foreign}", "delete_analysis"),
                                          DOMAIN))
    assert texts.ANALYSES_NOT_FOUND.format(id=foreign) in texts_of(dispatcher)
    dispatcher = CollectingDispatcher()
    run(ActionExportAnalysis().run(dispatcher, make_tracker({}, f"导出分析{foreign}", "export_analysis"),
                                   DOMAIN))
    assert texts.ANALYSES_NOT_FOUND.format(id=foreign) in texts_of(dispatcher)


ROOT = Path(__file__).resolve().parents[1]


# --- what counts as a question, a command or input ------------------------------------------------


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("什么是SWOT？", Command.QUESTION, Command.QUESTION),
    ("机会和优势有什么区别", Command.QUESTION, Command.QUESTION),
    ('/ask_concept{"concept": "swot_analysis"}', Command.QUESTION, Command.QUESTION),
    ("客户忠诚度高", Command.QUESTION, None),  # a factor, whatever the classifier says
    ("服务质量怎么样都不稳定吗？", None, None),  # not a Q&A intent: input
    ("我的分析", None, Command.LIST), ("导出报告", None, Command.EXPORT),
    ("上一步", None, Command.BACK), ("怎么填", None, Command.HELP),
])
def test_command_of(text: str, hint: Command | None, expected: Command | None) -> None:
    assert command_of(text, hint) is expected


@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("swot", "SWOT分析怎么做", False), ("strategy_type", "竞争战略一般分几种", False),
    ("swot", "帮我做SWOT分析", True), ("swot", "我们公司该采取什么战略，帮我分析分析", True),
    ("strategy_type", "测一测我们适合什么竞争战略", True), ("swot", "做个态势分析", True),
    ("swot", "/start_swot", True), ("swot", "start swot", True),
    ("market_share", "市场份额是多少", False),
    ("market_share", "区域有8000台车，每台每年2.5小时，我们做了5000工时，份额多少", True),
    ("budget", "营销费用使用效率咋提高", False), ("budget", "年度预算100万，厂家支持60万", True),
    ("marketing_plan", "策划书里的效果评估咋做", False), ("marketing_plan", "帮我写服务营销策划书", True),
    ("competitors", "我想问下对比竞争对手第一步先做什么", False), ("swot", "请问SWOT分析分几步", False),
    ("competitors", "我想和竞争对手对比一下", True),
])
def test_only_requests_and_data_start_a_tool(kind: str, text: str, expected: bool) -> None:
    assert runner.asks_to_start(registry.get(kind), text) is expected


def test_cancel_words_are_whole_messages() -> None:
    assert command_of("取消") is Command.CANCEL and command_of("退出。") is Command.CANCEL
    assert command_of("/stop", Command.CANCEL) is Command.CANCEL
    assert command_of("退出市场的风险") is None and command_of("取消了部分网点") is None


def test_one_shot_result_is_offered_for_saving_then_saved_on_request() -> None:
    from actions.tools import ActionSaveResult

    d = ToolDriver("start_market_share",
                   text="我们区域有1.2万辆车，每车每年修3小时，去年做了9000个工时，市场份额是多少")
    assert "25%" in d.start_text and not d.active
    assert store.list_for_user("manager-1") == []  # offered, not saved
    dispatcher = CollectingDispatcher()
    events = run(ActionSaveResult().run(dispatcher, make_tracker(d.slots, "保存", "save_analysis"),
                                        DOMAIN))
    saved = store.list_for_user("manager-1")
    assert len(saved) == 1 and saved[0].kind == "market_share" and saved[0].is_complete
    assert slot_events(events)["tool_last"] == {"kind": "market_share", "analysis_id": saved[0].id}
    dispatcher = CollectingDispatcher()
    run(ActionSaveResult().run(dispatcher, make_tracker(slot_events(events), "保存", "save_analysis"),
                               DOMAIN))
    assert tool_texts.NOTHING_TO_SAVE in texts_of(dispatcher)


@pytest.mark.parametrize(("kind", "text"), [
    ("competitors", "分行要推一个新的理财服务，按流程最开始得先做啥"),
    ("competitors", "帮我们网点想想办法，客户老抱怨排队太久"),
    ("swot", "请帮我看看营销部年底要忙啥"),
])
def test_a_request_that_names_no_subject_of_the_tool_starts_nothing(kind: str, text: str) -> None:
    assert not runner.asks_to_start(registry.get(kind), text)


def test_a_start_intent_on_a_question_offers_only_a_tool_it_names() -> None:
    offer = tool_texts.OFFER_TOOL.format(name=registry.get("competitors").name)
    named = ToolDriver("start_competitors", text="我想问下对比竞争对手第一步先做什么")
    assert not named.active and offer in named.start_text
    unnamed = ToolDriver("start_competitors", text="分行要推一个新的理财服务，按流程最开始得先做啥")
    assert not unnamed.active and unnamed.start_text and offer not in unnamed.start_text


def _start_examples() -> list[tuple[str, str]]:
    examples = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            intent = block.get("intent", "")
            if intent.startswith("start_") and registry.get(intent.removeprefix("start_")):
                examples += [(intent.removeprefix("start_"), line.lstrip("- ").strip())
                             for line in block["examples"].splitlines() if line.strip()]
    return examples


def test_every_start_example_names_its_tools_subject() -> None:
    """The cues gate typed starts: a training example without one could never start its tool."""
    examples = _start_examples()
    assert len(examples) > 50
    missing = [(kind, text) for kind, text in examples if not runner.names_subject(registry.get(kind), text)]
    assert missing == []


@pytest.mark.parametrize("text", ["客服营销活动策划书预算一共多少", "预算一般怎么做", "这个选一项就行吗"])
def test_words_inside_other_words_are_no_request(text: str) -> None:
    assert not runner.asks_to_start(registry.get("budget"), text)
