"""Parsing what managers type into SWOT factors, weights and commands."""

from __future__ import annotations

import pytest

from bot.strategy.factors import (
    MAX_FACTORS_PER_PART,
    Command,
    Factor,
    ParseError,
    SwotInput,
    collect_factors,
    parse_command,
    parse_factors,
    parse_weight,
    parse_weights,
    validate_factor,
)
from bot.strategy.report import error_message
from bot.strategy.texts import ERROR_MESSAGES


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "品牌知名度高，资金充足、网点多；员工稳定",
            ["品牌知名度高", "资金充足", "网点多", "员工稳定"],
        ),
        ("价格低,服务快;交通方便", ["价格低", "服务快", "交通方便"]),
        ("技术领先\n客户忠诚\r\n人才多", ["技术领先", "客户忠诚", "人才多"]),
        ("  品牌好 ，，、 ；\n\n  价格低。 ", ["品牌好", "价格低"]),
        ("1、品牌好\n2. 价格低\n- 网点多\n① 服务快", ["品牌好", "价格低", "网点多", "服务快"]),
        ("融资1.5亿元", ["融资1.5亿元"]),
        ("", []),
        ("，；、\n", []),
    ],
)
def test_parse_factors_splits_on_all_separators(message: str, expected: list[str]) -> None:
    assert parse_factors(message) == expected


def test_parse_factors_keeps_emoji_pieces_for_validation() -> None:
    assert parse_factors("品牌好，😀😀") == ["品牌好", "😀😀"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("😀😀😀", "no_meaningful_text"),
        ("！！？？……", "no_meaningful_text"),
        ("👍🏻 ✨", "no_meaningful_text"),
        ("好" * 500, "too_long"),
        ("好" * 101, "too_long"),
    ],
)
def test_validate_factor_rejects_with_codes(text: str, code: str) -> None:
    assert validate_factor(text) == code
    assert code in ERROR_MESSAGES


@pytest.mark.parametrize("text", ["好" * 100, "品牌好👍", "5G网络", "ISO认证"])
def test_validate_factor_accepts_real_text(text: str) -> None:
    assert validate_factor(text) is None


def test_validate_factor_flags_duplicates() -> None:
    assert validate_factor("品牌好", existing=["品牌好 "]) == "duplicate"


def test_collect_factors_keeps_valid_ones_and_reports_the_rest() -> None:
    long_one = "很" * 500
    batch = collect_factors(f"品牌好，😀，{long_one}，资金足，品牌好", existing=["网点多"])
    assert batch.accepted == ["品牌好", "资金足"]
    assert batch.rejected == [
        ("😀", "no_meaningful_text"),
        (long_one, "too_long"),
        ("品牌好", "duplicate"),
    ]


def test_collect_factors_empty_message_is_an_error() -> None:
    batch = collect_factors("  ，， ")
    assert batch.accepted == []
    assert [code for _, code in batch.rejected] == ["empty"]


def test_collect_factors_caps_a_part() -> None:
    existing = [f"因素{i}" for i in range(MAX_FACTORS_PER_PART - 1)]
    batch = collect_factors("甲，乙", existing=existing)
    assert batch.accepted == ["甲"]
    assert batch.rejected == [("乙", "too_many")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        ("5", 5),
        ("３", 3),
        ("５", 5),
        ("三", 3),
        ("一", 1),
        ("五", 5),
        ("两", 2),
        (" 4 ", 4),
        ("4分", 4),
        ("跳过", None),
    ],
)
def test_parse_weight_accepts_one_to_five(text: str, expected: int | None) -> None:
    assert parse_weight(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("十", "weight_out_of_range"),
        ("7", "weight_out_of_range"),
        ("0", "weight_out_of_range"),
        ("６", "weight_out_of_range"),
        ("六", "weight_out_of_range"),
        ("10", "weight_out_of_range"),
        ("二十", "weight_out_of_range"),
        ("-1", "weight_out_of_range"),
        ("3.5", "weight_not_a_number"),
        ("很重要", "weight_not_a_number"),
        ("", "weight_not_a_number"),
        ("😀", "weight_not_a_number"),
    ],
)
def test_parse_weight_rejects(text: str, code: str) -> None:
    assert parse_weight(text) == ParseError(code)
    assert code in ERROR_MESSAGES


def test_parse_weights_for_a_whole_part() -> None:
    assert parse_weights("5 3 ４", 3) == [5, 3, 4]
    assert parse_weights("五、三、一", 3) == [5, 3, 1]
    assert parse_weights("534", 3) == [5, 3, 4]
    assert parse_weights("跳过", 3) is None
    assert parse_weights("5 3", 3) == ParseError("weight_count_mismatch")
    assert parse_weights("5 7 3", 3) == ParseError("weight_out_of_range")


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("完成", Command.NEXT),
        ("下一步", Command.NEXT),
        ("好了。", Command.NEXT),
        ("没有了", Command.NEXT),
        ("跳过", Command.SKIP),
        ("没有", Command.SKIP),
        ("无", Command.SKIP),
        ("撤销", Command.UNDO),
        ("删除上一条", Command.UNDO),
        ("没有竞争对手", None),
        ("完成率高", None),
        ("品牌好", None),
    ],
)
def test_parse_command_matches_whole_messages_only(text: str, command: Command | None) -> None:
    assert parse_command(text) is command


def test_error_messages_are_chinese_and_cover_unknown_codes() -> None:
    assert "100" in error_message("too_long")
    assert error_message("no_such_code")


def test_swot_input_round_trips_through_dict() -> None:
    swot = SwotInput("A公司", [Factor("品牌好", 5)], [], [Factor("政策支持")], [])
    data = swot.to_dict()
    assert data == {
        "subject": "A公司",
        "S": [{"text": "品牌好", "weight": 5}],
        "W": [],
        "O": [{"text": "政策支持", "weight": None}],
        "T": [],
    }
    assert SwotInput.from_dict(data) == swot
    assert SwotInput.from_dict({"S": ["品牌好"]}).strengths == [Factor("品牌好")]
