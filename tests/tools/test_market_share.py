"""Service potential & market share tool: hand-computed figures, the wizard run, one-shot input."""

from __future__ import annotations

import json

import pytest

from bot.tools import runner
from bot.tools.engine import Session, Table
from bot.tools.market_share import compute, texts
from bot.tools.market_share.tool import TOOL, prefill, read_fields, report, result, subject

ONE_SHOT = "我们区域有1.2万辆车，每车每年修3小时，去年做了9000个工时，市场份额是多少"


def region(name: str, vehicles: float, hours: float, sold: float) -> dict:
    return {"name": name, "vehicles": vehicles, "hours_per_vehicle": hours, "sold_hours": sold}


def three_regions() -> dict:
    """城东 25 % (36000 potential), 城西 10 % (20000), 城北 40 % (10000)."""
    return {"current": region("城东站", 12000, 3, 9000),
            "regions": [region("城西站", 8000, 2.5, 2000), region("城北站", 4000, 2.5, 4000)],
            "more_done": True}


# --- compute ---------------------------------------------------------------------------------

def test_potential_and_share_within_band():
    a = compute.assess(region("城东站", 12000, 3, 9000))
    assert a.potential == 36000
    assert a.share == pytest.approx(0.25)
    assert a.status == compute.WITHIN


@pytest.mark.parametrize(("sold", "status"), [
    (2000, compute.BELOW),     # 2000 / 20000 = 10 %
    (8000, compute.ABOVE),     # 8000 / 20000 = 40 %
    (3000, compute.WITHIN),    # 15 % exactly: the bound is inside the band
    (6000, compute.WITHIN),    # 30 % exactly
    (25000, compute.OVER_POTENTIAL),  # 125 %: more hours sold than the region can need
])
def test_band_positions(sold, status):
    a = compute.assess(region("城西站", 8000, 2.5, sold))
    assert a.potential == 20000
    assert a.status == status


@pytest.mark.parametrize("values", [(0, 3, 9000), (12000, 0, 9000), (0, 0, 0)])
def test_zero_potential_is_no_division(values):
    a = compute.assess(region("空区域", *values))
    assert a.potential == 0
    assert a.share is None
    assert a.status == compute.NO_POTENTIAL


def test_ranking_by_share_descending_with_problems_last():
    rows = [region("零", 0, 3, 100), region("城西站", 8000, 2.5, 2000),
            region("超", 100, 1, 500), region("城北站", 4000, 2.5, 4000),
            region("城东站", 12000, 3, 9000)]
    ranked = compute.rank(rows)
    assert [a.name for a in ranked] == ["城北站", "城东站", "城西站", "超", "零"]
    assert [a.ranked for a in ranked] == [True, True, True, False, False]


# --- result and report -----------------------------------------------------------------------

def test_result_table_summary_and_interpretation():
    replies = result(three_regions())
    assert replies[0].text == texts.SUMMARY_MANY.format(best="城北站", best_share="40%",
                                                        worst="城西站", worst_share="10%")
    table = replies[1].table
    assert isinstance(table, Table)
    assert table.columns == texts.COLUMNS
    assert table.rows[0] == ("1", "城北站", "4,000", "2.5", "10,000", "4,000", "40%", "高于常见区间")
    assert table.rows[1] == ("2", "城东站", "12,000", "3", "36,000", "9,000", "25%", "在常见区间内")
    assert table.rows[2] == ("3", "城西站", "8,000", "2.5", "20,000", "2,000", "10%", "低于常见区间")
    explained = replies[2].text
    assert "城西站：份额低于15%" in explained and "城北站：份额高于30%" in explained
    assert "城东站：份额在15%–30%之间" in explained
    assert texts.SOURCE_LINE in explained and "服务市场潜力" in explained


def test_result_flags_data_problems():
    data = {"current": region("城东站", 0, 3, 9000), "regions": [region("超", 100, 1, 500)],
            "more_done": True}
    replies = result(data)
    assert replies[0].text == texts.SUMMARY_NONE
    rows = replies[1].table.rows
    assert [r[0] for r in rows] == [texts.NO_RANK, texts.NO_RANK]
    assert rows[0][6] == "500%" and rows[0][7] == texts.STATUS_CELL["over_potential"]
    assert rows[1][6] == texts.NO_SHARE and rows[1][7] == texts.STATUS_CELL["no_potential"]
    assert "超过100%" in replies[2].text and "算不出潜在工时" in replies[2].text


def test_report_markdown():
    data = three_regions()
    assert subject(data) == "城东站等3个区域"
    text = report(data, subject(data))
    assert text.startswith("# 服务潜力与市场份额：城东站等3个区域")
    assert "| 排名 | 区域(服务站) |" in text
    assert "| 1 | 城北站 | 4,000 | 2.5 | 10,000 | 4,000 | 40% | 高于常见区间 |" in text
    assert "## 解读" in text and texts.SOURCE in text


# --- reading free text -----------------------------------------------------------------------

def test_prefill_one_shot_sentence():
    data = prefill(ONE_SHOT)
    assert data["current"] == region(texts.DEFAULT_NAME, 12000, 3, 9000)
    assert data["more_done"] is True
    json.dumps(data)


def test_prefill_without_numbers_is_empty():
    assert prefill("我想算一下市场份额") == {}


def test_read_fields_of_one_line():
    fields, first = read_fields("城西站 8000辆 每车2.5小时 6000工时")
    assert fields == {"vehicles": 8000, "hours_per_vehicle": 2.5, "sold_hours": 6000}
    assert first == 4


# --- the wizard through the runner -----------------------------------------------------------

def say(session: Session, text: str):
    return runner.handle(TOOL, session, text)


def test_full_run_to_finished():
    turn = runner.start(TOOL)
    session = turn.session
    assert session.step == "name" and not session.finished
    for text, step in [("城东站", "vehicles"), ("1.2万", "hours_per_vehicle"), ("3", "sold_hours"),
                       ("9000", "more")]:
        turn = say(session, text)
        assert session.step == step and turn.save
    turn = say(session, "城西站 8000辆 每车2.5小时 2000工时")
    assert session.step == "more" and turn.save and not session.finished
    assert "城西站" in turn.messages[0].text and "10%" in turn.messages[0].text
    assert "城西站" in runner.prompt(TOOL, session).text
    say(session, "城北站 4000台 每车2.5小时 4000工时")
    say(session, "完成")
    assert session.finished
    assert session.data == three_regions()
    json.dumps(session.to_dict())
    assert result(session.data)[1].table.rows[0][1] == "城北站"


def test_bad_number_is_asked_again_and_keeps_data():
    session = runner.start(TOOL).session
    say(session, "城东站")
    turn = say(session, "很多")
    assert session.step == "vehicles"
    assert turn.messages[0].text == texts.VEHICLES_INVALID
    assert "例如：12000 或 1.2万" in turn.messages[0].text
    assert session.data["current"] == {"name": "城东站"}
    turn = say(session, "-5")
    assert session.step == "vehicles" and "负数" in turn.messages[0].text
    say(session, "12000")
    turn = say(session, "不知道")
    assert session.step == "hours_per_vehicle" and turn.messages[0].text == texts.HOURS_INVALID
    assert session.data["current"] == {"name": "城东站", "vehicles": 12000}


def test_back_goes_to_previous_step_and_forgets_it():
    session = runner.start(TOOL).session
    say(session, "城东站")
    say(session, "12000")
    turn = say(session, "上一步")
    assert session.step == "vehicles"
    assert texts.VEHICLES_TITLE in turn.messages[0].text
    assert "vehicles" not in session.data["current"]
    say(session, "15000")
    assert session.step == "hours_per_vehicle"
    assert session.data["current"]["vehicles"] == 15000


def test_back_from_more_keeps_added_regions():
    session = runner.start(TOOL).session
    for text in ("城东站", "12000", "3", "9000", "城西站 8000辆 每车2.5小时 2000工时", "上一步"):
        say(session, text)
    assert session.step == "sold_hours"
    assert "sold_hours" not in session.data["current"]
    say(session, "6000")
    assert session.step == "more"
    assert [r["name"] for r in session.data["regions"]] == ["城西站"]


def test_more_step_refuses_incomplete_line_and_undoes():
    session = runner.start(TOOL).session
    for text in ("城东站", "12000", "3", "9000"):
        say(session, text)
    turn = say(session, "城西站 8000辆")
    assert session.step == "more" and not turn.save
    assert "每车年维修工时" in turn.messages[0].text and "实际工时" in turn.messages[0].text
    turn = say(session, "城东站 8000辆 每车2.5小时 2000工时")
    assert turn.messages[0].text == texts.NAME_TAKEN.format(name="城东站")
    say(session, "城西站 8000辆 每车2.5小时 2000工时")
    say(session, "城西站 8000辆 每车2.5小时 4000工时")  # same name: updated, not doubled
    assert session.data["regions"] == [region("城西站", 8000, 2.5, 4000)]
    turn = say(session, "撤销")
    assert session.data["regions"] == [] and turn.save
    say(session, "没有了")
    assert session.finished
    assert result(session.data)[0].text.startswith("城东站的服务市场份额为25%")


def test_one_shot_finishes_at_once_with_25_percent():
    turn = runner.start(TOOL, ONE_SHOT)
    assert turn.session.finished and turn.save
    replies = result(turn.session.data)
    assert replies[0].text == texts.SUMMARY_ONE.format(name="本区域", share="25%", sold="9,000",
                                                       potential="36,000")
    assert replies[1].table.rows[0][-1] == "在常见区间内"


def test_one_shot_with_a_gap_asks_only_that_step():
    session = runner.start(TOOL, "我们有1.2万辆车，去年做了9000个工时，份额怎么样").session
    assert session.step == "hours_per_vehicle"
    say(session, "3")
    assert session.finished
    assert session.data["current"] == region(texts.DEFAULT_NAME, 12000, 3, 9000)


def test_name_step_skip_and_whole_line():
    session = runner.start(TOOL).session
    say(session, "跳过")
    assert session.data["current"]["name"] == texts.DEFAULT_NAME
    session = runner.start(TOOL).session
    say(session, "城东站 12000辆 每车3小时 9000工时")
    assert session.step == "more"
    assert session.data["current"] == region("城东站", 12000, 3, 9000)


def test_zero_vehicles_gives_a_message_not_an_error():
    session = runner.start(TOOL).session
    for text in ("城东站", "0", "3", "100", "完成"):
        say(session, text)
    assert session.finished
    replies = result(session.data)
    assert replies[0].text == texts.SUMMARY_NONE
    assert replies[1].table.rows[0][7] == texts.STATUS_CELL["no_potential"]


def test_number_step_takes_several_answers_in_one_line():
    session = runner.start(TOOL).session
    say(session, "城东站")
    assert runner.prompt(TOOL, session).text.startswith("城东站的服务覆盖区域内")
    say(session, "12000辆，每车3小时")
    assert session.step == "sold_hours"
    assert session.data["current"] == {"name": "城东站", "vehicles": 12000, "hours_per_vehicle": 3}


@pytest.mark.parametrize(("line", "name"), [
    ("城西站保有量8000辆 每车2.5小时 去年6000工时", "城西站"),
    ("城西站：车辆8000，每车2.5，实际6000", "城西站"),
    ("3号站 8000辆 每车2.5小时 6000工时", "3号站"),
    ("8000辆 每车2.5小时 6000工时", "区域2"),
])
def test_more_step_reads_names(line, name):
    session = runner.start(TOOL).session
    for text in ("城东站", "12000", "3", "9000", line):
        say(session, text)
    assert session.data["regions"] == [region(name, 8000, 2.5, 6000)]


def test_help_shows_the_step_guide_and_source():
    session = runner.start(TOOL).session
    say(session, "城东站")
    text = runner.help_text(TOOL, session)
    assert texts.GUIDE_VEHICLES[0] in text and "服务市场份额" in text


def test_more_step_warns_about_share_over_100_percent():
    session = runner.start(TOOL).session
    for text in ("城东站", "12000", "3", "9000"):
        say(session, text)
    turn = say(session, "城西站 100辆 每车1小时 500工时")
    assert "500%" in turn.messages[0].text and texts.MORE_OVER in turn.messages[0].text
    turn = say(session, "城北站 0辆 每车1小时 500工时")
    assert turn.messages[0].text == texts.MORE_ADDED_NO_SHARE.format(name="城北站")


def test_the_intro_states_the_documents_formula_in_its_terms() -> None:
    # The intro is the answer a manager asking "服务潜力咋算" gets first: the document's
    # formula (车辆数 × 以小时计的修理要求), not only our field names.
    assert "车辆数" in texts.INTRO and "修理要求" in texts.INTRO and "小时" in texts.INTRO
