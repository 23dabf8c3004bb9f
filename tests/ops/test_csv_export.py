"""CSV exports: header row, csv quoting, and spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from bot.ops.csv_export import cell, to_csv


@pytest.mark.parametrize("text", ["=1+1", "+86 10", "-2", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://x\")"])
def test_formula_starts_get_a_quote(text: str) -> None:
    assert cell(text) == "'" + text


@pytest.mark.parametrize(("value", "expected"), [("售后流程", "售后流程"), (None, ""), (3, "3"), ("a=b", "a=b")])
def test_other_cells_are_unchanged(value, expected: str) -> None:
    assert cell(value) == expected


def test_csv_has_header_and_round_trips_commas_quotes_and_newlines() -> None:
    text = to_csv(("问题", "备注"), [('他说"好",然后\n走了', "=cmd|' /C calc'!A0")])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["问题", "备注"], ['他说"好",然后\n走了', "'=cmd|' /C calc'!A0"]]
