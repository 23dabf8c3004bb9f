"""Service marketing plan builder: the eight parts, skipping, quoting a SWOT, result and report."""

from __future__ import annotations

import json

import pytest

from bot.tools import runner
from bot.tools.engine import Session
from bot.tools.marketing_plan import plan, texts
from bot.tools.marketing_plan.tool import TOOL, new_data, prefill, report, result, subject

SWOT_CONTEXT = {"swot": {
    "swot": {"subject": "城东服务站",
             "S": [{"text": "技师经验丰富", "weight": 4}, {"text": "品牌好", "weight": None}],
             "W": [{"text": "等待时间长", "weight": 3}],
             "O": [{"text": "区域保有量增长", "weight": 5}],
             "T": [{"text": "快修店低价竞争", "weight": 2}]},
    "quadrant": "SO", "analysis_id": 7}}

ANSWERS = {
    "situation": "本区域保有车辆约1.2万辆，我站保养份额约18%，附近有两家快修店。",
    "issues": "机会：老客户回厂率可提升；问题：等待时间长。",
    "objectives": "2025年12月底前保养工时收入增长15%。",
    "strategy": "以老客户为目标，推出保养套餐和取送车服务。",
    "actions": "10月上线预约，11月推出套餐，12月总结。",
    "budget": "共8万元，预计新增工时收入30万元。",
    "control": "每周看预约量，每月回访满意度。",
    "summary": "以老客户保养为重点，预算8万元，目标工时收入增长15%。",
}


def run(session: Session, *messages: str) -> list[str]:
    said = []
    for message in messages:
        said += [m.text for m in runner.handle(TOOL, session, message).messages]
    return said


def start(context=None) -> Session:
    return runner.start(TOOL, "", context).session


def test_steps_follow_the_document_with_the_summary_last():
    assert [s.key for s in TOOL.steps] == ["title", "situation", "issues", "objectives", "strategy",
                                          "actions", "budget", "control", "summary"]
    assert plan.PART_KEYS[0] == "summary" and len(plan.PART_KEYS) == 8
    for step in TOOL.steps:
        assert step.guide, step.key  # every step has guiding questions for 怎么填


def test_full_run_from_start_to_finished():
    session = start()
    assert session.step == "title"
    run(session, "城东服务站2025年售后服务营销策划")
    for key in plan.ASK_ORDER:
        assert session.step == key
        run(session, ANSWERS[key])
    assert session.finished
    assert session.data["objectives"] == ANSWERS["objectives"]
    json.dumps(session.to_dict(), ensure_ascii=False)
    replies = result(session.data)
    assert replies[0].text.startswith("《城东服务站2025年售后服务营销策划》")
    assert "（4）目标：2025年12月底前保养工时收入增长15%。" in replies[0].text
    table = replies[1].table
    assert table.columns == ("部分", "状态")
    assert [row[1] for row in table.rows] == [texts.STATUS_TYPED] * 8
    assert texts.RESULT_ALL_FILLED in replies[2].text
    assert replies[-1].text.startswith("出处：") and "表13-2" in replies[-1].text


def test_prompts_carry_the_four_questions_of_table_13_2():
    session = start()
    run(session, "城东站营销策划")
    assert "我们现在在哪里？" in runner.prompt(TOOL, session).text
    run(session, ANSWERS["situation"], ANSWERS["issues"])
    assert "我们想要去哪里？" in runner.prompt(TOOL, session).text
    run(session, ANSWERS["objectives"])
    assert "我们将如何到达那里？" in runner.prompt(TOOL, session).text
    run(session, ANSWERS["strategy"], ANSWERS["actions"])
    assert "需要多少，应当分配在哪里？" in runner.prompt(TOOL, session).text


def test_optional_parts_can_be_skipped_required_ones_cannot():
    session = start()
    run(session, "城东站营销策划", ANSWERS["situation"])
    assert session.step == "issues"
    assert ("跳过", "跳过") in runner.prompt(TOOL, session).buttons
    run(session, "跳过")
    assert session.data["issues"] == ""
    assert session.step == "objectives"
    said = run(session, "跳过")
    assert session.step == "objectives"
    assert "不能跳过" in said[0] and "例如" in said[0]
    run(session, ANSWERS["objectives"], ANSWERS["strategy"], ANSWERS["actions"], "跳过", "跳过", "跳过")
    assert session.finished
    states = dict(result(session.data)[1].table.rows)
    assert states["3. 机会与问题分析"] == texts.STATUS_SKIPPED
    assert states["1. 执行概要"] == texts.STATUS_SKIPPED
    conclusions = result(session.data)[2].text
    assert "八个部分中已填写4个" in conclusions
    assert texts.RESULT_TODO["budget"] in conclusions


@pytest.mark.parametrize("bad", ["好", "……", "x" * 2001])
def test_too_little_or_too_much_is_asked_again_with_an_example(bad):
    session = start()
    run(session, "城东站营销策划")
    said = run(session, bad)
    assert session.step == "situation"
    assert "例如" in said[0]
    assert session.data["title"] == "城东站营销策划"  # earlier data kept


def test_bad_title_is_asked_again():
    session = start()
    said = run(session, "x")
    assert said == [texts.TITLE_INVALID]
    assert session.step == "title"


def test_back_clears_the_previous_part():
    session = start()
    run(session, "城东站营销策划", ANSWERS["situation"], ANSWERS["issues"])
    assert session.step == "objectives"
    said = run(session, "上一步")
    assert session.step == "issues"
    assert "issues" not in session.data
    assert "机会与问题分析" in said[0]
    run(session, "新的机会与问题：会员流失。")
    assert session.step == "objectives"
    assert session.data["issues"] == "新的机会与问题：会员流失。"


# --- pulling in a SWOT -----------------------------------------------------------------------

def test_new_data_keeps_a_copy_of_the_swot():
    data = new_data(SWOT_CONTEXT)
    assert data["swot_analysis"]["swot"]["subject"] == "城东服务站"
    assert data["swot_analysis"]["quadrant"] == "SO"
    assert "analysis_id" not in data["swot_analysis"]
    data["swot_analysis"]["swot"]["S"].clear()
    assert SWOT_CONTEXT["swot"]["swot"]["S"]  # a copy, not the caller's dict
    assert new_data({}) == {}
    assert new_data({"swot": {"swot": {"subject": "空", "S": [], "W": [], "O": [], "T": []}}}) == {}


def test_situation_quotes_the_swot():
    session = start(SWOT_CONTEXT)
    title_prompt = runner.prompt(TOOL, session)
    assert ("城东服务站服务营销策划", "城东服务站服务营销策划") in title_prompt.buttons
    run(session, "城东服务站服务营销策划")
    prompt = runner.prompt(TOOL, session)
    assert (texts.BUTTON_QUOTE, texts.BUTTON_QUOTE) in prompt.buttons
    assert "城东服务站" in prompt.text
    said = run(session, "引用SWOT")
    situation = session.data["situation"]
    for expected in ("城东服务站", "技师经验丰富（权重4）", "品牌好", "等待时间长", "区域保有量增长",
                     "快修店低价竞争", "SO（扩张性战略）"):
        assert expected in situation
    assert situation in said[0]
    assert session.data["quoted"] == ["situation"]
    assert session.step == "issues"
    run(session, "引用SWOT")
    assert session.data["issues"].startswith("机会：区域保有量增长")
    assert "等待时间长（权重3）、快修店低价竞争（权重2）" in session.data["issues"]
    states = dict(TOOL.result({**session.data, **{k: "x" * 5 for k in ("objectives", "strategy",
                                                                       "actions")}})[1].table.rows)
    assert states["2. 当前营销状况"] == texts.STATUS_QUOTED


def test_text_after_the_quote_is_appended():
    session = start(SWOT_CONTEXT)
    run(session, "城东站营销策划", "引用SWOT，另外附近新开两家快修店")
    assert session.data["situation"].endswith("另外附近新开两家快修店。")
    assert session.data["situation"].startswith("SWOT分析对象：城东服务站")


def test_without_a_swot_there_is_no_quote_button_and_quoting_is_refused():
    session = start()
    run(session, "城东站营销策划")
    assert (texts.BUTTON_QUOTE, texts.BUTTON_QUOTE) not in runner.prompt(TOOL, session).buttons
    said = run(session, "引用SWOT")
    assert session.step == "situation"
    assert "没有找到已完成的SWOT分析" in said[0] and "例如" in said[0]


def test_typed_text_replaces_a_quote_after_going_back():
    session = start(SWOT_CONTEXT)
    run(session, "城东站营销策划", "引用SWOT", "上一步", ANSWERS["situation"])
    assert session.data["situation"] == ANSWERS["situation"]
    assert session.data["quoted"] == []


# --- report ----------------------------------------------------------------------------------

def finished_data() -> dict:
    data = {"title": "城东服务站营销策划", **ANSWERS, "budget": "", "quoted": []}
    return data


def test_report_is_a_plan_document_with_contents_sections_table_and_source():
    data = finished_data()
    markdown = report(data, subject(data))
    assert markdown.startswith("# 服务营销策划书：城东服务站营销策划")
    assert "## 目录" in markdown
    for n, key in enumerate(plan.PART_KEYS, start=1):
        assert f"## {n}. {texts.PART_NAMES[key]}" in markdown
    assert markdown.index("## 1. 执行概要") < markdown.index("## 2. 当前营销状况")
    assert "> 我们想要去哪里？" in markdown
    assert "| 部分 | 状态 |" in markdown
    assert "| 7. 预计的利润表 | 已跳过 |" in markdown
    assert "13.1 服务营销策划" in markdown and "表13-2" in markdown


def test_unfinished_plan_reports_open_parts_as_missing():
    data = {"title": "城东站营销策划", "situation": ANSWERS["situation"]}
    markdown = report(data, subject(data))
    assert "| 4. 目标 | 未填写 |" in markdown
    assert texts.RESULT_TODO["objectives"] in markdown
    assert TOOL.reports_partial


def test_prefill_takes_the_title_after_a_colon():
    assert prefill("帮我写一份服务营销策划书：城东站2025年保养营销") == {"title": "城东站2025年保养营销"}
    assert prefill("帮我写一份服务营销策划书") == {}


def test_uses_the_swot_tool():
    assert TOOL.uses == ("swot",)
    assert TOOL.kind == "marketing_plan" and TOOL.name == "服务营销策划书"
