"""SMART goal check: the three rules on real goal wordings, the wizard run, result and report."""

from __future__ import annotations

import json

import pytest

from bot.tools import runner
from bot.tools.engine import Session, Table
from bot.tools.smart import rules, texts
from bot.tools.smart.tool import TOOL, prefill, report, result, subject


def run(session: Session, *messages: str) -> list[str]:
    """Send messages; the texts of all replies."""
    said = []
    for message in messages:
        turn = runner.handle(TOOL, session, message)
        said += [m.text for m in turn.messages]
    return said


def start(text: str = "") -> Session:
    return runner.start(TOOL, text).session


# --- the rules -------------------------------------------------------------------------------

# goal → (specific, measurable, time-bound) by the rules alone
GOALS = [
    ("今年把保养客户满意度提高到90%", (True, True, True)),
    ("增加销售额15%", (False, True, False)),  # 001 营销管理部工作规划
    ("引进新客户100个", (True, True, False)),
    ("客户满意度达到90%", (True, True, False)),
    ("提高客户满意度", (True, False, False)),
    ("到2005年盈利翻一番", (False, True, True)),  # 001 服务营销规划的内容 (bank example)
    ("到2005年知名度提升到50%，美誉度提升到30%", (False, True, True)),
    ("每两年开发一个新的服务项目", (False, True, True)),
    ("2025年12月底前将售后维修客户满意度从85%提高到90%", (True, True, True)),
    ("三个月内新增会员500名", (True, True, True)),
    ("上半年推出24小时救援服务", (True, False, True)),  # 24小时 names the service
    ("每月新增理财客户二十户", (True, True, True)),
    ("第四季度贷款投放增长一成", (True, True, True)),
    ("明年把城东门店的保养工时收入提高两成", (True, True, True)),
    ("2025年开展营销活动", (False, False, True)),  # a year is a deadline, not a measure
    ("尽快提高服务质量", (False, False, False)),
    ("比去年增长10%", (False, True, False)),  # 去年 is a comparison, not a deadline
    ("进一步统一服务标准", (False, False, False)),  # 一 inside words is no number
    ("提升4S店的服务水平", (True, False, False)),  # 4S is a name
    ("半年内把快修服务的等待时间缩短到30分钟", (True, True, True)),
    ("国庆前完成１００辆车的免费检测", (True, True, True)),  # full-width digits
    ("年底前网点信用卡新开户三千户", (True, True, True)),
]


@pytest.mark.parametrize(("goal", "expected"), GOALS)
def test_rules_on_goal_examples(goal, expected):
    got = tuple(bool(rules.found(c, goal)) for c in ("specific", "measurable", "time_bound"))
    assert got == expected


def test_rules_report_what_they_found():
    goal = "2025年12月底前将售后维修客户满意度从85%提高到90%"
    assert rules.found("measurable", goal) == ["85%", "90%"]
    assert rules.found("time_bound", goal) == ["2025年12月底"]
    assert "新客户" in rules.found("specific", "引进新客户100个")  # the longer word wins
    assert "客户" not in rules.found("specific", "引进新客户100个")


@pytest.mark.parametrize(("data", "expected"), [
    ({"goal": "将售后维修客户满意度从85%提高到90%", "add_time": "2025年12月底"},
     "在2025年12月底前，将售后维修客户满意度从85%提高到90%"),
    ({"goal": "提高满意度", "add_specific": "售后维修客户", "add_measurable": "从85%提高到90%",
      "add_time": "2025年12月底"}, "在2025年12月底前，针对售后维修客户，将满意度从85%提高到90%"),
    ({"goal": "增加销售额", "add_measurable": "15%", "add_time": "三个月内"}, "在三个月内，增加销售额15%"),
    ({"goal": "提高客户满意度", "add_measurable": "到90%", "add_time": "年底前"}, "在年底前，提高客户满意度到90%"),
    ({"goal": "新增会员", "add_measurable": "100名", "add_time": "每月"}, "每月，新增会员100名"),
    ({"goal": "今年把保养客户满意度提高到90%。"}, "今年把保养客户满意度提高到90%"),
    ({"goal": "增加销售额15%", "add_specific": ""}, "增加销售额15%"),  # declined: nothing added
])
def test_rewritten_goal_fills_in_what_was_given(data, expected):
    assert rules.rewritten_goal(data) == expected


def test_an_earlier_addition_can_answer_a_later_rule():
    data = {"goal": "提高满意度", "add_specific": "保养客户，到90%"}
    assert not rules.needs_addition(data, "measurable")
    assert rules.needs_addition(data, "time_bound")


# --- the wizard --------------------------------------------------------------------------------

def test_one_shot_prefill_fills_the_goal_and_asks_only_a_and_r():
    turn = runner.start(TOOL, "帮我看看这个目标：今年把保养客户满意度提高到90%")
    session = turn.session
    assert session.data == {"goal": "今年把保养客户满意度提高到90%"}
    assert turn.save
    assert session.step == "attainable"
    assert "今年把保养客户满意度提高到90%" in runner.prompt(TOOL, session).text
    run(session, "是", "不确定")
    assert session.finished
    assert session.data["attainable"] == "yes" and session.data["relevant"] == "unsure"
    json.dumps(session.to_dict(), ensure_ascii=False)


@pytest.mark.parametrize("text", ["SMART目标检查", "帮我检查一下目标", "目标：好"])
def test_no_prefill_without_a_usable_goal(text):
    assert prefill(text) == {}


def test_full_run_asks_for_every_missing_criterion_and_rechecks():
    session = start()
    assert session.step == "goal"
    said = run(session, "提高满意度")
    assert session.step == "add_specific"
    said = run(session, "售后维修客户")
    assert "S 具体明确已满足" in said[-1]
    assert session.step == "add_measurable"
    said = run(session, "提高一些")  # no number: asked again with an example
    assert said == [texts.ADD_INVALID["measurable"]]
    assert "例如" in said[0]
    assert session.step == "add_measurable"
    assert session.data["add_specific"] == "售后维修客户"  # earlier answer kept
    said = run(session, "从85%提高到90%")
    assert session.step == "add_time"
    said = run(session, "尽快")
    assert said == [texts.ADD_INVALID["time_bound"]]
    said = run(session, "2025年12月底")
    assert "在2025年12月底前，针对售后维修客户，将满意度从85%提高到90%" in said[-1]
    assert session.step == "attainable"
    run(session, "能", "否")
    assert session.finished
    rows = {row[0]: row for row in result(session.data)[0].table.rows}
    assert rows["S 具体明确"][1] == "满足（已补充）"
    assert rows["M 可量化"][2] == "您补充了数字：从85%提高到90%"
    assert rows["A 可达成"][1] == "满足"
    assert rows["R 相关（组织与个人结合）"][1] == "不满足"


def test_a_complete_goal_skips_the_addition_steps():
    session = start()
    run(session, "2025年12月底前将售后维修客户满意度从85%提高到90%")
    assert session.step == "attainable"
    assert TOOL.step_number(session.data, TOOL.step("attainable")) == (2, 3)


def test_declining_an_addition_marks_the_criterion_unmet():
    session = start()
    run(session, "增加销售额15%", "暂不补充", "跳过", "是", "是")
    assert session.finished
    assert session.data["add_specific"] == "" and session.data["add_time"] == ""
    table = result(session.data)[0].table
    statuses = {row[0]: row[1] for row in table.rows}
    assert statuses["S 具体明确"] == "不满足"
    assert statuses["T 有时限"] == "不满足"
    assert statuses["M 可量化"] == "满足"
    text = result(session.data)[1].text
    assert "五项准则中满足3项" in text
    assert texts.ADVICE["specific"] in text and texts.ADVICE["time_bound"] in text


@pytest.mark.parametrize("bad", ["好", "   ", "🙂🙂", "x" * 201])
def test_unusable_goal_is_asked_again_with_an_example(bad):
    session = start()
    said = run(session, bad)
    assert session.step == "goal"
    assert "例如" in said[0]


def test_unclear_judgement_is_asked_again_and_keeps_the_goal():
    session = start("帮我看看这个目标：今年把保养客户满意度提高到90%")
    said = run(session, "看情况吧")
    assert said == [texts.ANSWER_INVALID]
    assert session.step == "attainable"
    assert session.data["goal"] == "今年把保养客户满意度提高到90%"


def test_back_returns_to_the_previous_applicable_step():
    session = start()
    run(session, "提高客户满意度")  # specific by rule; asks measure, then time
    assert session.step == "add_measurable"
    run(session, "到90%")
    assert session.step == "add_time"
    said = run(session, "上一步")
    assert session.step == "add_measurable"
    assert "add_measurable" not in session.data
    assert texts.ADD_TITLES["measurable"] in said[0]
    run(session, "上一步")
    assert session.step == "goal"
    run(session, "三个月内新增会员500名")  # a new goal: no addition needed any more
    assert session.step == "attainable"


def test_a_new_goal_drops_additions_made_to_the_old_one():
    session = start()
    run(session, "提高满意度", "保养客户")
    session.step = "goal"  # e.g. resumed at the goal step
    run(session, "三个月内新增会员500名")
    assert "add_specific" not in session.data


def test_help_shows_the_guiding_questions():
    session = start()
    run(session, "提高满意度")
    said = run(session, "怎么填")
    assert texts.ADD_GUIDE["specific"][0] in said[0]


def test_report_has_the_table_the_rewrite_and_the_source():
    data = {"goal": "提高满意度", "add_specific": "售后维修客户", "add_measurable": "从85%提高到90%",
            "add_time": "2025年12月底", "attainable": "yes", "relevant": "unsure"}
    markdown = report(data, subject(data))
    assert markdown.startswith("# SMART目标检查：提高满意度")
    assert "| 准则 | 是否满足 | 依据 |" in markdown
    assert "| T 有时限 | 满足（已补充） | 您补充了期限：2025年12月底 |" in markdown
    assert "在2025年12月底前，针对售后维修客户，将满意度从85%提高到90%" in markdown
    assert texts.ADVICE["relevant"] in markdown
    assert "营销目标的制定--SMART原则" in markdown


def test_result_is_a_table_then_conclusions_then_the_source():
    data = {"goal": "今年把保养客户满意度提高到90%", "attainable": "yes", "relevant": "yes"}
    replies = result(data)
    assert isinstance(replies[0].table, Table)
    assert replies[0].table.columns == ("准则", "是否满足", "依据")
    assert len(replies[0].table.rows) == 5
    assert texts.RESULT_ALL_MET in replies[1].text
    assert replies[-1].text.startswith("出处：") and "SMART原则" in replies[-1].text


def test_unfinished_run_summaries_read_as_words():
    data = {"goal": "增加销售额15%", "add_specific": "", "attainable": "no"}
    assert TOOL.step("add_specific").summary(data) == texts.SKIP_ADDITION
    assert TOOL.step("attainable").summary(data) == "否"
    assert TOOL.step("relevant").summary(data) is None


def test_subject_is_the_goal_shortened():
    assert subject({"goal": "提高客户满意度"}) == "提高客户满意度"
    assert subject({"goal": "很" * 40}).endswith("…")


def test_a_deadline_inside_the_added_measure_goes_in_front() -> None:
    from bot.tools.smart.rules import rewritten_goal

    data = {"goal": "提高保养客户满意度", "add_measurable": "到年底从85%提高到90%"}
    assert rewritten_goal(data) == "在年底前，将保养客户满意度从85%提高到90%"
