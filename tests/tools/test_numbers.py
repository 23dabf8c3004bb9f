"""Reading numbers the way Chinese users type them (bot/tools/numbers.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.tools.numbers import (
    Quantity,
    find_quantities,
    format_number,
    format_percent,
    parse_number,
    parse_percent,
)

NUMBERS: list[tuple[str, float]] = [
    ("12000", 12000),
    ("1.2万", 12000),
    ("3千", 3000),
    ("一百万", 1_000_000),
    ("100万元", 1_000_000),
    ("1,200", 1200),
    ("1,200,000元", 1_200_000),
    ("１２０００", 12000),
    ("１．５万", 15000),
    ("两千五百", 2500),
    ("二十", 20),
    ("二十五", 25),
    ("十", 10),
    ("3.5", 3.5),
    ("约8000辆", 8000),
    ("8000台车", 8000),
    ("9千个工时", 9000),
    ("1.5亿", 150_000_000),
    ("十万", 100_000),
    ("一万二", 12000),
    ("三千五", 3500),
    ("一百二", 120),
    ("两万五", 25000),
    ("一千零五", 1005),
    ("一万零五百", 10500),
    ("十二万五千", 125_000),
    ("一亿二千万", 120_000_000),
    ("1万2千", 12000),
    ("1万2", 12000),
    ("百万", 1_000_000),
    ("100 万", 1_000_000),
    ("三点五", 3.5),
    ("一点五万", 15000),
    ("二〇二三", 2023),
    ("12k", 12000),
    ("1.2w", 12000),
    ("一共12000元", 12000),
    ("大概8000多辆吧", 8000),
    ("0", 0),
    ("零", 0),
    ("60万，就是600000元", 600_000),
    ("壹万贰仟", 12000),
    ("两个", 2),
]


NOT_NUMBERS = ["", "   ", "很多", "不知道", "3到5", "3-5万", "一两千", "三五个", "2023年预算100万",
               "万", "大概一点", "统一安排"]  # fmt: skip

PERCENTS: list[tuple[str, float]] = [
    ("15%", 0.15),
    ("15％", 0.15),
    ("15 %", 0.15),
    ("百分之十五", 0.15),
    ("百分之15", 0.15),
    ("0.15", 0.15),
    ("15个百分点", 0.15),
    ("二成", 0.2),
    ("两成", 0.2),
    ("三成五", 0.35),
    ("3成5", 0.35),
    ("25", 0.25),
    ("0.25", 0.25),
    ("1", 1.0),
    ("100", 1.0),
    ("12.5%", 0.125),
    ("四分之一", 0.25),
    ("千分之五", 0.005),
    ("5‰", 0.005),
    ("大约占30%", 0.3),
    ("15%，即0.15", 0.15),
    ("120%", 1.2),
]


NOT_PERCENTS = ["", "很多", "120", "15%到20%", "8000辆", "一两成"]


def parse_cases(parse: Callable[[str], float | None], values: list[tuple[str, float]],
                unreadable: list[str]) -> list[Any]:
    """One case per text: its value, or None for a text the parser must refuse."""
    return [pytest.param(parse, text, expected, id=f"{parse.__name__}({text!r})")
            for text, expected in [*values, *((text, None) for text in unreadable)]]


@pytest.mark.parametrize(("parse", "text", "expected"), [
    *parse_cases(parse_number, NUMBERS, NOT_NUMBERS),
    *parse_cases(parse_percent, PERCENTS, NOT_PERCENTS),
])
def test_parse(parse: Callable[[str], float | None], text: str, expected: float | None) -> None:
    assert parse(text) == (None if expected is None else pytest.approx(expected))


def test_find_quantities_sentence() -> None:
    text = "我们区域有1.2万辆车，每车每年修3小时，去年做了9000个工时"
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(12000, "辆"), (3, "小时"), (9000, "工时")]
    assert [text[q.start:q.end] for q in found] == ["1.2万辆", "3小时", "9000个工时"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年度预算100万，厂家支持60万元，自筹40万",
         [(1_000_000, ""), (600_000, "元"), (400_000, "")]),
        ("占比15%，去年二成", [(15, "%"), (20, "%")]),
        ("百分之十五的客户", [(15, "%")]),
        ("8000台车，3个月", [(8000, "台"), (3, "月")]),
        ("一共500块钱", [(500, "元")]),
        ("１２０００元", [(12000, "元")]),
        ("3到5个", [(3, ""), (5, "个")]),
        ("没有数字", []),
        ("", []),
    ],
)  # fmt: skip
def test_find_quantities_units(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


def test_find_quantities_positions_in_original_text() -> None:
    text = "约１２０００元"  # full width digits are folded, positions are not shifted
    (found,) = find_quantities(text)
    assert found == Quantity(12000, "元", 1, 7)
    assert text[found.start:found.end] == "１２０００元"


def test_find_quantities_commas_as_separators() -> None:
    assert [q.value for q in find_quantities("120,950,130")] == [120_950_130]
    assert [q.value for q in find_quantities("120,950,130", grouping=False)] == [120, 950, 130]
    assert [q.value for q in find_quantities("120，95、130 88")] == [120, 95, 130, 88]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(36000, "36,000"), (25.5, "25.5"), (25.0, "25"), (1_000_001, "1,000,001"), (0, "0"),
     (1 / 3, "0.33"), (1234.567, "1,234.57")],
)  # fmt: skip
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("fraction", "digits", "expected"),
    [(0.25, 1, "25%"), (0.255, 1, "25.5%"), (0.12345, 2, "12.35%"), (0, 1, "0%"),
     (1 / 12, 2, "8.33%"), (1.0, 1, "100%")],
)  # fmt: skip
def test_format_percent(fraction: float, digits: int, expected: str) -> None:
    assert format_percent(fraction, digits) == expected
