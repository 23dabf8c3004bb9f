"""Competitor comparison: parsing names and scores, leads and lags, the SWOT conversion."""

from __future__ import annotations

import json

import pytest

from bot.tools import runner
from bot.tools.competitors import compare, texts
from bot.tools.competitors.to_swot import MAX_FACTOR_CHARS, swot_data_from_comparison
from bot.tools.competitors.tool import TOOL, report, result, result_buttons, subject
from bot.tools.engine import Link, Session

PARTIES = ["我们", "A店", "B店"]


def run(session: Session, *messages: str) -> list[str]:
    said = []
    for message in messages:
        said += [m.text for m in runner.handle(TOOL, session, message).messages]
    return said


def start() -> Session:
    return runner.start(TOOL, "").session


def compared() -> dict:
    """快修 leads (4 vs 3), 车身 lags (3 vs B店5), 24小时 leads (5 vs 4), 取送车 ties (3 vs 3)."""
    return {"us": "我们", "competitors": ["A店", "B店"],
            "items": ["快修服务", "车身修理", "24小时紧急服务", "上门取车和送车服务"],
            "ratings": {"快修服务": [4, 3, 2], "车身修理": [3, 3, 5], "24小时紧急服务": [5, 4, 3],
                        "上门取车和送车服务": [3, 3, 3]}}


# --- parsing ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("我们4 A店3 B店5", [4, 3, 5]),
    ("4 3 5", [4, 3, 5]),
    ("4，3，5", [4, 3, 5]),
    ("B店5 我们4 A店3", [4, 3, 5]),  # named: any order
    ("我们：4分 A店：3分 B店：5分", [4, 3, 5]),
    ("四 三 五", [4, 3, 5]),
])
def test_scores_named_or_in_order(text, expected):
    assert compare.parse_scores(text, PARTIES) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("4 3", compare.COUNT),
    ("4 3 5 2", compare.COUNT),
    ("我们4 A店3", compare.MISSING),
    ("4.5 3 5", compare.DECIMAL),  # whole numbers only
    ("6 3 5", compare.RANGE),
    ("0 3 5", compare.RANGE),
    ("435", compare.COUNT),
    ("都差不多", compare.NONE),
])
def test_unusable_scores_are_refused(text, code):
    refusal = compare.parse_scores(text, PARTIES)
    assert isinstance(refusal, compare.Refusal)
    assert refusal.code == code


def test_longer_names_are_matched_first():
    assert compare.parse_scores("A店二部2 A店4 我们3", ["我们", "A店", "A店二部"]) == [3, 4, 2]


@pytest.mark.parametrize(("text", "expected"), [
    ("A店、B店", ["A店", "B店"]),
    ("A店，B店, C店", ["A店", "B店", "C店"]),
    ("A店 A店", ["A店"]),
])
def test_competitor_names(text, expected):
    assert compare.split_names(text) == expected


def test_leads_lags_and_ties_against_the_best_competitor():
    rows = {r.item: r for r in compare.compare(compared())}
    assert rows["快修服务"].verdict == compare.LEAD
    assert rows["车身修理"].verdict == compare.LAG
    assert rows["车身修理"].leaders == ("B店",)
    assert rows["车身修理"].best == 5
    assert rows["上门取车和送车服务"].verdict == compare.TIE
    assert [r.item for r in compare.leads(compared())] == ["快修服务", "24小时紧急服务"]
    assert [r.item for r in compare.lags(compared())] == ["车身修理"]


def test_skipped_and_stale_ratings_are_unrated():
    data = compared()
    data["ratings"]["快修服务"] = None
    data["ratings"]["车身修理"] = [3, 3]  # from before a third party was added
    rows = {r.item: r for r in compare.compare(data)}
    assert rows["快修服务"].verdict == compare.UNRATED
    assert rows["车身修理"].verdict == compare.UNRATED


# --- the wizard ------------------------------------------------------------------------------

def test_full_run_with_the_default_checklist_items():
    session = start()
    assert session.step == "us"
    assert ("我们", "我们") in runner.prompt(TOOL, session).buttons
    run(session, "我们", "A店、B店")
    assert (texts.BUTTON_DEFAULT_ITEMS, texts.BUTTON_DEFAULT_ITEMS) in runner.prompt(TOOL, session).buttons
    run(session, texts.BUTTON_DEFAULT_ITEMS)
    assert session.data["items"] == list(texts.DEFAULT_ITEMS)
    assert session.step == "rating_1"
    for n in range(len(texts.DEFAULT_ITEMS)):
        assert session.step == f"rating_{n + 1}"
        assert texts.DEFAULT_ITEMS[n] in runner.prompt(TOOL, session).text
        run(session, "4 3 3" if n % 2 else "我们2 A店3 B店4")
    assert session.finished
    json.dumps(session.to_dict(), ensure_ascii=False)
    assert len(compare.leads(session.data)) == 4 and len(compare.lags(session.data)) == 4


def test_the_items_come_from_the_document_checklists():
    checklists = set(texts.CHECKLIST_1) | set(texts.CHECKLIST_2)
    assert set(texts.DEFAULT_ITEMS) <= checklists
    assert "快修服务" in texts.CHECKLIST_1 and "上门取车和送车服务" in texts.CHECKLIST_2


def test_own_items_our_own_name_and_the_step_count():
    session = start()
    run(session, "城东店", "A店", "快修服务、车身修理")
    assert session.step == "rating_1"
    assert TOOL.step_number(session.data, TOOL.step("rating_1")) == (4, 5)
    prompt = runner.prompt(TOOL, session).text
    assert "城东店、A店" in prompt and "城东店4 A店3" in prompt
    run(session, "城东店5 A店4", "2 4")
    assert session.finished
    assert session.data["ratings"] == {"快修服务": [5, 4], "车身修理": [2, 4]}


def test_refused_scores_are_asked_again_with_an_example_and_keep_earlier_data():
    session = start()
    run(session, "我们", "A店、B店", "快修服务、车身修理", "4 3 5")
    said = run(session, "4.5 3 5")
    assert session.step == "rating_2"
    assert "整数" in said[0] and "例如" in said[0]
    said = run(session, "4 3")
    assert "需要3个分数" in said[0] and "例如" in said[0]
    said = run(session, "我们4 A店3")
    assert "B店" in said[0]
    said = run(session, "9 9 9")
    assert "1到5" in said[0]
    assert session.data["ratings"] == {"快修服务": [4, 3, 5]}


@pytest.mark.parametrize(("competitors", "message"), [
    ("我们", "不能和我方同名"),
    ("A、B、C、D、E、F", "最多对比5家"),
    ("123", "不能只是数字"),
])
def test_bad_competitor_lists_are_refused(competitors, message):
    session = start()
    said = run(session, "我们", competitors)
    assert session.step == "competitors"
    assert message in said[0] and "例如" in said[0]


def test_skip_an_item_and_go_back_one_item():
    session = start()
    run(session, "我们", "A店", "快修服务、车身修理、延长营业时间", "4 3", "跳过")
    assert session.step == "rating_3"
    assert session.data["ratings"]["车身修理"] is None
    said = run(session, "上一步")
    assert session.step == "rating_2"
    assert "车身修理" not in session.data["ratings"]
    assert texts.RATING_TITLE.format(n=2) in said[0]
    run(session, "2 5", "3 3")
    assert session.finished
    assert [r.verdict for r in compare.compare(session.data)] == ["lead", "lag", "tie"]


def test_back_from_the_first_rating_goes_to_the_items():
    session = start()
    run(session, "我们", "A店", "快修服务", "上一步")
    assert session.step == "items"
    assert "items" not in session.data


# --- result, buttons, report -----------------------------------------------------------------

def test_result_table_lists_and_source():
    replies = result(compared())
    table = replies[0].table
    assert table.columns == ("项目", "我们", "A店", "B店", "领先或落后")
    assert table.rows[0] == ("快修服务", "4", "3", "2", "领先")
    assert table.rows[1] == ("车身修理", "3", "3", "5", "落后")
    assert table.rows[3][-1] == "持平"
    text = replies[1].text
    assert "我们领先的项目" in text and "1. 快修服务（4 vs 3）" in text
    assert "我们落后的项目" in text and "1. 车身修理（3 vs B店5）" in text
    assert texts.TO_SWOT_HINT in text
    assert replies[-1].text.startswith("出处：") and "核查清单——与竞争方的绩效对比(1)" in replies[-1].text


def test_result_buttons_offer_the_swot_conversion():
    buttons = result_buttons(compared())
    assert buttons[0] == (texts.BUTTON_TO_SWOT, Link(action="start", tool="swot", analysis_id=None))
    assert ("导出报告", Link("export")) in buttons
    even = compared()
    even["ratings"] = {item: [3, 3, 3] for item in even["items"]}
    assert all(title != texts.BUTTON_TO_SWOT for title, _ in result_buttons(even))


def test_swot_conversion_turns_leads_into_strengths_and_lags_into_weaknesses():
    swot = swot_data_from_comparison(compared())["swot"]
    assert swot["subject"] == "我们与A店、B店的服务对比"
    assert swot["S"] == [{"text": "快修服务领先竞争对手(4 vs 3)", "weight": None},
                         {"text": "24小时紧急服务领先竞争对手(5 vs 4)", "weight": None}]
    assert swot["W"] == [{"text": "车身修理落后竞争对手(3 vs 5)", "weight": None}]
    assert swot["O"] == [] and swot["T"] == []
    json.dumps(swot, ensure_ascii=False)


def test_swot_factor_texts_stay_short_and_at_most_ten():
    items = [f"非常非常长的服务项目名称第{n}号延长版" for n in range(12)]
    data = {"us": "我们", "competitors": ["A店"], "items": items,
            "ratings": {item: [5, 1 + n % 4] for n, item in enumerate(items)}}
    strengths = swot_data_from_comparison(data)["swot"]["S"]
    assert len(strengths) == 10
    assert all(len(f["text"]) <= MAX_FACTOR_CHARS for f in strengths)
    assert strengths[0]["text"].endswith("领先竞争对手(5 vs 1)")


def test_swot_conversion_is_read_by_the_swot_input():
    from bot.strategy.factors import SwotInput

    swot = SwotInput.from_dict(swot_data_from_comparison(compared())["swot"])
    assert [f.text for f in swot.strengths] == ["快修服务领先竞争对手(4 vs 3)", "24小时紧急服务领先竞争对手(5 vs 4)"]
    assert swot.weaknesses[0].weight is None


def test_report_has_inputs_table_conclusions_and_source():
    data = compared()
    markdown = report(data, subject(data))
    assert markdown.startswith("# 竞争对手绩效对比：我们与A店、B店的服务对比")
    assert "- 竞争对手：A店、B店" in markdown
    assert "| 项目 | 我们 | A店 | B店 | 领先或落后 |" in markdown
    assert "| 车身修理 | 3 | 3 | 5 | 落后 |" in markdown
    assert "## 结论" in markdown and "车身修理（3 vs B店5）" in markdown
    assert "核查清单——与竞争方的绩效对比(2)" in markdown


def test_unfinished_run_summaries():
    data = compared()
    assert TOOL.step("competitors").summary(data) == "A店、B店"
    assert TOOL.step("rating_2").summary(data) == "车身修理 3 3 5"
    assert TOOL.step("rating_5").summary(data) is None


def test_going_back_to_the_competitors_drops_the_scores():
    session = start()
    run(session, "我们", "A店、B店", "快修服务、车身修理", "4 3 5")
    session.step = "items"  # e.g. resumed there
    run(session, "上一步")
    assert session.step == "competitors"
    assert "ratings" not in session.data
