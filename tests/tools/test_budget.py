"""The annual marketing budget tool: the arithmetic, the input parsing and a full run.

The source (有关服务营销的策划设计方案, 二、年度预算额度如何进行分配以100万为例) fixes the
method and the 100万 total but prints no monthly figures, so the three years of sales below
are our own example; every expected amount is worked out by hand in the comments.
"""

from __future__ import annotations

import json

import pytest

from bot.tools import runner
from bot.tools.budget import texts
from bot.tools.budget.compute import allocate, monthly_weights, shares_off
from bot.tools.budget.tool import TOOL, parse_money, parse_sales, prefill, report, result
from bot.tools.engine import Invalid, Session, Turn

# Three years of monthly sales; month by month they add up to
# 60 50 80 80 90 80 70 80 90 100 100 120 = 1000 cars, so 1 car = 1,000,000 / 1000 = 1000 yuan.
YEAR_1 = [20, 15, 25, 25, 30, 25, 20, 25, 30, 30, 35, 40]  # 320
YEAR_2 = [20, 17, 27, 27, 30, 27, 23, 27, 30, 35, 32, 40]  # 335
YEAR_3 = [20, 18, 28, 28, 30, 28, 27, 28, 30, 35, 33, 40]  # 345
EXAMPLE_AMOUNTS = [60_000, 50_000, 80_000, 80_000, 90_000, 80_000,
                   70_000, 80_000, 90_000, 100_000, 100_000, 120_000]  # fmt: skip
EXAMPLE_SHARES = [0.06, 0.05, 0.08, 0.08, 0.09, 0.08, 0.07, 0.08, 0.09, 0.10, 0.10, 0.12]


def line(values: list[int]) -> str:
    return " ".join(f"{m}月{v}" for m, v in enumerate(values, start=1))


# --- compute -------------------------------------------------------------------------------


def test_document_example_one_million_by_three_year_share() -> None:
    alloc = allocate(1_000_000, monthly_weights([YEAR_1, YEAR_2, YEAR_3]))
    assert list(alloc.amounts) == EXAMPLE_AMOUNTS
    assert list(alloc.shares) == pytest.approx(EXAMPLE_SHARES)
    assert alloc.remainder == 0 and alloc.remainder_months == ()
    assert sum(alloc.amounts) == 1_000_000


def test_largest_remainder_by_hand() -> None:
    # weights 1..12 (sum 78): month m gets 1,000,000 * m / 78 = 12,820.5128… * m.
    # Floors leave 4 yuan; the largest fractional parts are months 11 (.641), 9 (.615),
    # 7 (.590) and 5 (.564), which get 1 yuan each.
    alloc = allocate(1_000_000, list(range(1, 13)))
    assert list(alloc.amounts) == [12_820, 25_641, 38_461, 51_282, 64_103, 76_923,
                                   89_744, 102_564, 115_385, 128_205, 141_026, 153_846]
    assert alloc.remainder == 4
    assert alloc.remainder_months == (5, 7, 9, 11)
    assert sum(alloc.amounts) == 1_000_000


def test_awkward_total_with_equal_shares_sums_exactly() -> None:
    # 1,000,001 / 12 = 83,333.4166…: 12 floors give 999,996, the 5 yuan left go to the
    # earliest months on the tie.
    alloc = allocate(1_000_001, [100] * 12)
    assert alloc.amounts == (83_334,) * 5 + (83_333,) * 7
    assert alloc.remainder == 5 and alloc.remainder_months == (1, 2, 3, 4, 5)
    assert sum(alloc.amounts) == 1_000_001


@pytest.mark.parametrize("total", [1, 7, 11, 999_999, 1_234_567, 10**9 + 3])
def test_sum_is_exact_for_any_total(total: int) -> None:
    weights = [3.3, 0, 7.1, 2.2, 9.9, 1.05, 4.4, 0, 6.6, 8.8, 5.5, 0.01]
    alloc = allocate(total, weights)
    assert sum(alloc.amounts) == total
    assert all(a >= 0 for a in alloc.amounts)


def test_zero_sales_month_gets_nothing() -> None:
    alloc = allocate(1_100_000, [0] + [100] * 11)
    assert alloc.amounts == (0,) + (100_000,) * 11
    assert alloc.zero_months == (1,)
    assert alloc.shares[0] == 0


def test_zero_month_never_takes_remainder() -> None:
    alloc = allocate(1_000_001, [0, 0] + [1] * 10)
    assert alloc.amounts[:2] == (0, 0)
    assert sum(alloc.amounts) == 1_000_001


def test_shares_off_and_bad_input() -> None:
    assert not shares_off([8.33] * 11 + [8.37])
    assert shares_off([8] * 12)
    with pytest.raises(ValueError):
        allocate(100, [1] * 11)
    with pytest.raises(ValueError):
        allocate(100, [0] * 12)
    with pytest.raises(ValueError):
        monthly_weights([[1] * 12, [1] * 11])


# --- parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("60万", 600_000), ("600000元", 600_000), ("60万元", 600_000), ("0", 0), ("没有", 0),
     ("一百万", 1_000_000), ("1.5万", 15_000), ("600元", 600), ("5000", 5000),
     ("１２万", 120_000), ("约40万吧", 400_000)],
)  # fmt: skip
def test_parse_money(text: str, expected: int) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("很多", texts.MONEY_INVALID), ("60到80万", texts.MONEY_SEVERAL),
     ("60", texts.MONEY_UNIT_UNCLEAR.format(value="60")), ("-5万", texts.MONEY_NEGATIVE),
     ("2000亿", texts.MONEY_TOO_LARGE)],
)  # fmt: skip
def test_parse_money_refusals(text: str, message: str) -> None:
    refused = parse_money(text)
    assert isinstance(refused, Invalid) and refused.message == message


@pytest.mark.parametrize(
    "text",
    [line(YEAR_1),
     " ".join(map(str, YEAR_1)),
     "，".join(map(str, YEAR_1)),
     "、".join(map(str, YEAR_1)),
     ",".join(map(str, YEAR_1)),
     "2023年：" + line(YEAR_1),
     "十二月40 " + line(YEAR_1[:11])],  # months in any order
)  # fmt: skip
def test_parse_sales_one_year(text: str) -> None:
    assert parse_sales(text) == ([[float(v) for v in YEAR_1]], False)


def test_parse_sales_three_years_in_one_message() -> None:
    plain = " ".join(map(str, YEAR_1 + YEAR_2 + YEAR_3))
    labelled = "2021年 " + line(YEAR_1) + " 2022年 " + line(YEAR_2) + " 2023年 " + line(YEAR_3)
    for text in (plain, labelled):
        rows, percent = parse_sales(text)
        assert rows == [YEAR_1, YEAR_2, YEAR_3] and not percent


def test_parse_sales_shares_and_thousands() -> None:
    assert parse_sales(" ".join(["8%"] * 12)) == ([[8.0] * 12], True)
    assert parse_sales(" ".join(["0.06", "0.05", "0.08", "0.08", "0.09", "0.08",
                                 "0.07", "0.08", "0.09", "0.1", "0.1", "0.12"])) == (
        [pytest.approx([v * 100 for v in EXAMPLE_SHARES])], True)
    assert parse_sales(" ".join(["1,200"] * 12)) == ([[1200.0] * 12], False)
    assert parse_sales(" ".join(["1.2万"] * 12)) == ([[12000.0] * 12], False)


@pytest.mark.parametrize(
    ("text", "message"),
    [(" ".join(["100"] * 11), texts.SALES_WRONG_COUNT.format(count=11)),
     ("很多", texts.SALES_NO_NUMBERS),
     (line(YEAR_1[:11]), texts.SALES_MISSING_MONTHS.format(months="12月")),
     ("1月120 2月 3月130", texts.SALES_BAD_MONTH.format(month=2)),
     ("-5 " + " ".join(["100"] * 11), texts.SALES_NEGATIVE)],
)  # fmt: skip
def test_parse_sales_refusals(text: str, message: str) -> None:
    refused = parse_sales(text)
    assert isinstance(refused, Invalid) and refused.message == message


# --- running the tool ----------------------------------------------------------------------


def say(session: Session, text: str) -> Turn:
    return runner.handle(TOOL, session, text)


def texts_of(turn: Turn) -> list[str]:
    return [m.text for m in turn.messages]


def test_full_run_three_messages() -> None:
    turn = runner.start(TOOL)
    session = turn.session
    assert session.step == "subject" and texts_of(turn) == [texts.INTRO]
    for answer, next_step in [("城东4S店", "support"), ("60万", "own"), ("40万", "basis"),
                              (texts.BASIS_HISTORY, "sales"), (line(YEAR_1), "sales"),
                              (line(YEAR_2), "sales")]:
        assert not session.finished
        say(session, answer)
        assert session.step == next_step, answer
    assert runner.prompt(TOOL, session).buttons == [(texts.DONE, texts.DONE)]
    last = say(session, line(YEAR_3))
    assert session.finished and last.save
    assert session.data["sales"] == [YEAR_1, YEAR_2, YEAR_3]
    json.dumps(session.to_dict())  # everything kept in the slot is plain JSON

    shown = result(session.data)
    assert shown[0].text.startswith(texts.RESULT_TITLE.format(subject="城东4S店"))
    assert texts.RESULT_TOTAL.format(total="1,000,000", support="600,000", own="400,000") \
        in shown[0].text
    table = shown[1].table
    assert table is not None and table.columns == texts.COLUMNS
    assert [row[2] for row in table.rows[:12]] == [f"{a:,}" for a in EXAMPLE_AMOUNTS]
    assert table.rows[0] == ("1月", "6.00%", "60,000")
    assert table.rows[12] == (texts.TOTAL_ROW, "100.00%", "1,000,000")
    assert texts.REMAINDER_NONE.format(total="1,000,000") in shown[2].text
    assert "出处：" + texts.SOURCE_NAME in shown[2].text


def test_full_run_plan_with_remainder_and_skip() -> None:
    session = runner.start(TOOL).session
    for answer in ["跳过", "0", "1,000,001元", "新店计划销量", " ".join(["30"] * 12)]:
        say(session, answer)
    assert session.finished
    assert session.data["subject"] == "" and TOOL.subject(session.data) == texts.DEFAULT_SUBJECT
    shown = result(session.data)
    assert texts.BASIS_PLAN_LINE in shown[0].text
    assert "1月、2月、3月、4月、5月" in shown[2].text and "5 元" in shown[2].text


def test_one_year_then_done() -> None:
    session = runner.start(TOOL, "厂家支持60万，自筹40万，按近三年销量").session
    assert session.step == "subject"
    say(session, "城东店")
    assert session.step == "sales"
    turn = say(session, " ".join(str(v) for v in monthly_weights([YEAR_1, YEAR_2, YEAR_3])))
    assert not session.finished and turn.save
    turn = say(session, texts.DONE)
    assert session.finished
    assert texts_of(turn) == [texts.SALES_USING.format(count=1)]
    assert texts.BASIS_ONE_ROW_LINE in result(session.data)[0].text


def test_reask_keeps_earlier_data() -> None:
    session = runner.start(TOOL).session
    say(session, "城东4S店")
    turn = say(session, "很多钱")
    assert texts_of(turn) == [texts.MONEY_INVALID] and session.step == "support"
    turn = say(session, "60")
    assert texts_of(turn) == [texts.MONEY_UNIT_UNCLEAR.format(value="60")]
    say(session, "60万")
    say(session, "40万")
    turn = say(session, "随便")
    assert texts_of(turn) == [texts.BASIS_INVALID] and session.step == "basis"
    say(session, "近三年")
    say(session, line(YEAR_1))
    turn = say(session, " ".join(["100"] * 11))
    assert texts_of(turn) == [texts.SALES_WRONG_COUNT.format(count=11)]
    turn = say(session, " ".join(["100"] * 36))
    assert texts_of(turn) == [texts.SALES_TOO_MANY_YEARS.format(have=1, new=3, left=2)]
    assert session.data["subject"] == "城东4S店"
    assert session.data["support"] == 600_000 and session.data["own"] == 400_000
    assert session.data["sales"] == [YEAR_1] and session.step == "sales"
    say(session, line(YEAR_2))
    say(session, line(YEAR_3))
    assert session.finished
    assert [r[2] for r in result(session.data)[1].table.rows[:12]] == [f"{a:,}" for a in EXAMPLE_AMOUNTS]


def test_two_years_at_once_then_shares_are_refused() -> None:
    session = runner.start(TOOL, "厂家支持60万，自筹40万，按近三年销量").session
    turn = say(session, "60万")
    assert texts_of(turn) == [texts.SUBJECT_IS_NUMBER] and session.step == "subject"
    say(session, "城东店")
    turn = say(session, " ".join(map(str, YEAR_1 + YEAR_2)))
    assert session.data["sales"] == [YEAR_1, YEAR_2] and not session.finished
    assert texts_of(turn) == [texts.SALES_YEARS_RECEIVED.format(
        count=2, totals="第1年合计 320，第2年合计 335")]
    turn = say(session, " ".join(["8%"] * 12))
    assert texts_of(turn) == [texts.SALES_MIXED]
    say(session, line(YEAR_3))
    assert session.finished


def test_both_zero_is_refused() -> None:
    session = runner.start(TOOL, "").session
    say(session, "跳过")
    say(session, "0")
    turn = say(session, "0")
    assert texts_of(turn) == [texts.TOTAL_ZERO] and session.step == "own"


def test_all_zero_sales_are_refused() -> None:
    session = runner.start(TOOL, "厂家支持60万，自筹40万，新店").session
    say(session, "跳过")
    turn = say(session, " ".join(["0"] * 12))
    assert texts_of(turn) == [texts.SALES_ALL_ZERO] and not session.finished
    assert "sales" not in session.data and session.data["support"] == 600_000


def test_shares_not_summing_to_hundred_are_normalised() -> None:
    session = runner.start(TOOL, "厂家支持60万 自筹40万 近三年销量").session
    say(session, "跳过")
    say(session, " ".join(["8%"] * 12))  # 96 %
    assert session.finished and session.data["sales_pct"]
    notes = result(session.data)[2].text
    assert texts.NORMALISED_NOTE.format(total="96") in notes
    assert sum(int(r[2].replace(",", "")) for r in result(session.data)[1].table.rows[:12]) \
        == 1_000_000


def test_zero_month_note() -> None:
    session = runner.start(TOOL, "厂家支持60万 自筹50万 新店").session
    say(session, "跳过")
    say(session, "0 " + " ".join(["100"] * 11))
    assert texts.ZERO_MONTHS_NOTE.format(months="1月") in result(session.data)[2].text


# --- one-shot input and report -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("年度预算100万，厂家支持60万，自筹40万",
      {"budget": 1_000_000, "support": 600_000, "own": 400_000}),
     ("预算100万，其中厂家支持60万", {"budget": 1_000_000, "support": 600_000, "own": 400_000}),
     ("自筹30万，新建店", {"own": 300_000, "basis": "plan"}),
     ("厂家支持80万元，按近三年销量分", {"support": 800_000, "basis": "history"}),
     ("预算60", {}),
     ("帮我分配一下营销预算", {})],
)  # fmt: skip
def test_prefill(text: str, expected: dict[str, object]) -> None:
    assert prefill(text) == expected


def test_one_shot_skips_filled_steps() -> None:
    turn = runner.start(TOOL, "年度预算100万，厂家支持60万，自筹40万")
    session = turn.session
    assert turn.save and session.step == "subject"
    say(session, "城东4S店")
    assert session.step == "basis"  # support and own were in the first message


def test_budget_only_derives_own_spend() -> None:
    session = runner.start(TOOL, "年度预算100万").session
    say(session, "跳过")
    turn = say(session, "120万")
    assert texts_of(turn) == [texts.SUPPORT_OVER_BUDGET.format(support="1,200,000",
                                                               budget="1,000,000")]
    turn = say(session, "70万")
    assert session.data["own"] == 300_000 and session.step == "basis"
    assert texts.OWN_DERIVED.format(budget="1,000,000", support="700,000", own="300,000") \
        in texts_of(turn)


def test_back_to_basis_forgets_sales() -> None:
    session = runner.start(TOOL, "厂家支持60万，自筹40万").session
    say(session, "跳过")
    say(session, "近三年销量")
    say(session, line(YEAR_1))
    say(session, "上一步")
    assert session.step == "basis" and "sales" not in session.data
    say(session, "新店计划销量")
    say(session, line(YEAR_1))
    assert session.finished


def test_report_has_inputs_table_note_and_source() -> None:
    data = {"subject": "城东4S店", "support": 600_000, "own": 400_000, "basis": "history",
            "sales": [YEAR_1, YEAR_2, YEAR_3], "sales_pct": False, "sales_done": True}
    text = report(data, TOOL.subject(data))
    assert text.startswith(texts.REPORT_TITLE.format(subject="城东4S店"))
    assert texts.REPORT_SUPPORT.format(amount="600,000") in text
    assert texts.REPORT_YEAR.format(year=3, values="、".join(map(str, YEAR_3))) in text
    assert "| 月份 | 销量占比 | 分配金额(元) |" in text
    assert "| 12月 | 12.00% | 120,000 |" in text
    assert texts.REMAINDER_NONE.format(total="1,000,000") in text
    assert texts.REPORT_SOURCE in text and "出处：" + texts.SOURCE_NAME in text


def test_report_of_unfinished_run() -> None:
    text = report({"support": 600_000}, "")
    assert texts.REPORT_NOT_READY in text and texts.REPORT_MISSING in text
    assert "出处：" + texts.SOURCE_NAME in text


def test_tool_declaration() -> None:
    assert TOOL.kind == "budget" and TOOL.name == "年度营销预算分配"
    assert TOOL.source == "有关服务营销的策划设计方案（年度预算额度分配）"
    assert [s.key for s in TOOL.steps] == ["subject", "support", "own", "basis", "sales"]
    assert all(step.guide for step in TOOL.steps)


def test_the_intro_names_the_documents_rule_of_sales_shares() -> None:
    assert "销售占比" in texts.INTRO and "近三年" in texts.INTRO
