"""The annual marketing budget as an engine tool: amounts, basis, monthly sales, then the table.

Data kept in the session (all JSON): ``subject`` (str, "" = not given), ``support`` and
``own`` (whole yuan, int), ``budget`` (int, only when the first message named a total),
``basis`` ("history" | "plan"), ``sales`` (list of 12-figure rows: one per year, or one row
of planned sales or of shares in %), ``sales_pct`` (the row is shares) and ``sales_done``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.normalize import as_command
from bot.tools import texts as engine_texts
from bot.tools.budget import texts
from bot.tools.budget.compute import (
    MONTHS,
    Allocation,
    allocate,
    monthly_weights,
    shares_off,
)
from bot.tools.engine import Data, Invalid, Reply, Step, StepResult, Table, ValueStep
from bot.tools.numbers import find_quantities, fold_width, format_number, parse_number
from bot.tools.render import advisory_tool

MAX_YEARS = 3
MAX_AMOUNT = 10**10  # 100亿 yuan: beyond that the unit was surely mistyped
UNCLEAR_BELOW = 1000  # a bare "60" is 60万 or 60元: ask
_NEGATIVE = re.compile(r"(?<![0-9])[-−－]\s*[0-9]|负")
_EXPLICIT_UNIT = re.compile(r"[万萬千仟亿億元块wWkK]")
_YEAR_LABEL = re.compile(r"(?:19|20)[0-9]{2}\s*年度?|第\s*[一二三123]\s*年|大前年|前年|去年|今年")
_MONTH_LABEL = re.compile(r"(?<![0-9.])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?\s*[:：]?")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}  # fmt: skip
SALES_KEYS = ("sales", "sales_pct", "sales_done")


# --- amounts -------------------------------------------------------------------------------


def _whole_yuan(value: float) -> int:
    return int(value + 0.5)


def parse_money(text: str, data: Data | None = None) -> int | Invalid:
    """One amount in whole yuan; a bare number under 1000 needs its unit (万 or 元)."""
    if as_command(text) in texts.ZERO_WORDS:
        return 0
    if _NEGATIVE.search(text):
        return Invalid(texts.MONEY_NEGATIVE)
    if not find_quantities(text):
        return Invalid(texts.MONEY_INVALID)
    value = parse_number(text)
    if value is None:
        return Invalid(texts.MONEY_SEVERAL)
    if value > MAX_AMOUNT:
        return Invalid(texts.MONEY_TOO_LARGE)
    if 0 < value < UNCLEAR_BELOW and not _EXPLICIT_UNIT.search(text):
        return Invalid(texts.MONEY_UNIT_UNCLEAR.format(value=format_number(value)))
    return _whole_yuan(value)


def _parse_support(text: str, data: Data) -> int | Invalid:
    value = parse_money(text, data)
    budget = data.get("budget")
    if isinstance(value, int) and budget is not None and value > budget:
        return Invalid(texts.SUPPORT_OVER_BUDGET.format(
            support=format_number(value), budget=format_number(budget)))
    return value


def _parse_own(text: str, data: Data) -> int | Invalid:
    value = parse_money(text, data)
    if value == 0 and not data.get("support"):
        return Invalid(texts.TOTAL_ZERO)
    return value


class SupportStep(ValueStep):
    """厂家支持; when the first message named the total, 自筹 follows from it."""

    def accept(self, data: Data, text: str) -> StepResult:
        result = super().accept(data, text)
        budget, support = data.get("budget"), data.get("support")
        if result.done and budget is not None and support is not None and data.get("own") is None:
            data["own"] = budget - support
            result.messages.append(Reply(texts.OWN_DERIVED.format(
                budget=format_number(budget), support=format_number(support),
                own=format_number(data["own"]))))
        return result


# --- subject and basis ---------------------------------------------------------------------


def _parse_subject(text: str, data: Data) -> str | Invalid:
    name = text.strip()
    if as_command(name) in texts.SKIP_WORDS:
        return ""  # answered: no name (not None, so a resumed run does not ask again)
    if len(name) > 30:
        return Invalid(texts.SUBJECT_TOO_LONG)
    found = find_quantities(name)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
        return Invalid(texts.SUBJECT_IS_NUMBER)  # "60万" typed one step too early
    return name


def _parse_basis(text: str, data: Data) -> str | Invalid:
    word = as_command(text)
    if any(w in word for w in texts.PLAN_WORDS):
        return "plan"
    if any(w in word for w in texts.HISTORY_WORDS):
        return "history"
    return Invalid(texts.BASIS_INVALID)


class BasisStep(ValueStep):
    """The basis decides what the sales figures mean, so forgetting it forgets them too."""

    def clear(self, data: Data) -> None:
        super().clear(data)
        for key in SALES_KEYS:
            data.pop(key, None)


# --- monthly sales -------------------------------------------------------------------------


def _month_number(label: str) -> int:
    return int(label) if label.isdigit() else _CN_MONTHS[label]


def _labelled_rows(text: str, labels: list[re.Match[str]]) -> list[list[float]] | Invalid:
    """Figures written as "1月120 2月95 …"; a month seen again starts the next year."""
    years: list[dict[int, float]] = [{}]
    for index, label in enumerate(labels):
        month = _month_number(label.group(1))
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        found = find_quantities(text[label.end():end])
        if len(found) != 1:
            return Invalid(texts.SALES_BAD_MONTH.format(month=month))
        if month in years[-1]:
            years.append({})
        years[-1][month] = found[0].value
    for year in years:
        missing = [m for m in range(1, MONTHS + 1) if m not in year]
        if missing:
            return Invalid(texts.SALES_MISSING_MONTHS.format(
                months=texts.MONTH_JOIN.join(texts.MONTH.format(month=m) for m in missing)))
    return [[year[m] for m in range(1, MONTHS + 1)] for year in years]


def parse_sales(text: str) -> tuple[list[list[float]], bool] | Invalid:
    """12, 24 or 36 figures (month labels optional) → rows of 12, and whether they are %.

    Year labels ("2023年", "第一年", "去年") are ignored; the order of the rows is the order
    typed. ASCII commas are thousands separators unless that gives a count that does not
    split into years ("120,95,130" is then a list).
    """
    folded = _YEAR_LABEL.sub(" ", fold_width(text))
    if _NEGATIVE.search(folded):
        return Invalid(texts.SALES_NEGATIVE)
    labels = list(_MONTH_LABEL.finditer(folded))
    percent = False
    if labels:
        rows = _labelled_rows(folded, labels)
        if isinstance(rows, Invalid):
            return rows
        percent = "%" in folded
    else:
        found = find_quantities(folded)
        if len(found) % MONTHS:
            found = find_quantities(folded, grouping=False)
        if not found:
            return Invalid(texts.SALES_NO_NUMBERS)
        if len(found) % MONTHS:
            return Invalid(texts.SALES_WRONG_COUNT.format(count=len(found)))
        values = [q.value for q in found]
        percent = any(q.unit == "%" for q in found)
        if not percent and len(values) == MONTHS and all(v <= 1 for v in values) \
                and abs(sum(values) - 1) < 0.02:
            values, percent = [v * 100 for v in values], True  # shares typed as 0.08 0.07 …
        rows = [values[i:i + MONTHS] for i in range(0, len(values), MONTHS)]
    return rows, percent


class MonthlySalesStep(Step):
    """The 12 monthly figures: up to three years (one message each or all at once) or shares."""

    key = "sales"
    title = texts.SALES_TITLE
    guide = texts.SALES_GUIDE

    def prompt(self, data: Data) -> Reply:
        if data.get("basis") == "plan":
            return Reply(texts.SALES_PLAN_QUESTION)
        rows = data.get("sales") or []
        if rows:
            return Reply(texts.SALES_NEXT_YEAR.format(count=len(rows)), [(texts.DONE, texts.DONE)])
        return Reply(texts.SALES_HISTORY_QUESTION)

    def accept(self, data: Data, text: str) -> StepResult:
        rows: list[list[float]] = list(data.get("sales") or [])
        if as_command(text) in texts.DONE_WORDS:
            if not rows:
                return StepResult.again(texts.SALES_NEED_FIRST)
            return self._finish(data, texts.SALES_USING.format(count=len(rows)))
        parsed = parse_sales(text)
        if isinstance(parsed, Invalid):
            return StepResult.again(parsed.message)
        new_rows, percent = parsed
        plan = data.get("basis") == "plan"
        if percent:
            if rows:
                return StepResult.again(texts.SALES_MIXED)
            if len(new_rows) != 1:
                return StepResult.again(texts.SALES_SHARES_COUNT)
        elif plan and len(new_rows) != 1:
            return StepResult.again(texts.SALES_WRONG_COUNT_PLAN.format(count=MONTHS * len(new_rows)))
        elif len(rows) + len(new_rows) > MAX_YEARS:
            return StepResult.again(texts.SALES_TOO_MANY_YEARS.format(
                have=len(rows), new=len(new_rows), left=MAX_YEARS - len(rows)))
        data["sales"], data["sales_pct"] = rows + new_rows, percent
        if percent or plan or len(data["sales"]) == MAX_YEARS:
            return self._finish(data)
        return StepResult(done=False, changed=True, messages=[Reply(_received(data))])

    def _finish(self, data: Data, message: str | None = None) -> StepResult:
        if sum(monthly_weights(data["sales"])) <= 0:
            self.clear(data)
            return StepResult.again(texts.SALES_ALL_ZERO, changed=True)
        data["sales_done"] = True
        return StepResult.finished(message or _received(data))

    def is_filled(self, data: Data) -> bool:
        return bool(data.get("sales_done"))

    def clear(self, data: Data) -> None:
        for key in SALES_KEYS:
            data.pop(key, None)


def _received(data: Data) -> str:
    rows = data.get("sales") or []
    if data.get("sales_pct"):
        return texts.SALES_SHARES_RECEIVED.format(total=format_number(sum(rows[0])))
    totals = "，".join(texts.SALES_YEAR_TOTAL.format(year=n, total=format_number(sum(row)))
                      for n, row in enumerate(rows, start=1))
    return texts.SALES_YEARS_RECEIVED.format(count=len(rows), totals=totals)


# --- result --------------------------------------------------------------------------------


def total_of(data: Data) -> int:
    return int(data.get("support") or 0) + int(data.get("own") or 0)


def allocation(data: Data) -> Allocation | None:
    """The monthly split, or None while the sales are not complete."""
    if not data.get("sales_done") or not data.get("sales"):
        return None
    return allocate(total_of(data), monthly_weights(data["sales"]))


def _months(months: tuple[int, ...]) -> str:
    return texts.MONTH_JOIN.join(texts.MONTH.format(month=m) for m in months)


def _share(fraction: float) -> str:
    """Two fixed decimals, so the column lines up (8.00% next to 8.38%)."""
    return f"{fraction * 100:.2f}%"


def table(alloc: Allocation) -> Table:
    rows = [(texts.MONTH.format(month=m), _share(share), format_number(amount))
            for m, (share, amount) in enumerate(zip(alloc.shares, alloc.amounts, strict=True),
                                                start=1)]
    rows.append((texts.TOTAL_ROW, _share(1.0), format_number(sum(alloc.amounts))))
    return Table(texts.COLUMNS, tuple(rows), texts.TABLE_CAPTION)


def remainder_note(alloc: Allocation) -> str:
    total = format_number(alloc.total)
    if not alloc.remainder:
        return texts.REMAINDER_NONE.format(total=total)
    return texts.REMAINDER_NOTE.format(remainder=alloc.remainder,
                                       months=_months(alloc.remainder_months), total=total)


def notes(data: Data, alloc: Allocation) -> list[str]:
    """The rounding note, then what was normalised or left empty."""
    lines = [remainder_note(alloc)]
    if data.get("sales_pct") and shares_off(data["sales"][0]):
        lines.append(texts.NORMALISED_NOTE.format(total=format_number(sum(data["sales"][0]))))
    if alloc.zero_months:
        lines.append(texts.ZERO_MONTHS_NOTE.format(months=_months(alloc.zero_months)))
    return lines


def _basis_line(data: Data) -> str:
    if data.get("sales_pct"):
        return texts.BASIS_SHARES_LINE
    if data.get("basis") == "plan":
        return texts.BASIS_PLAN_LINE
    if len(data.get("sales") or []) == 1:
        return texts.BASIS_ONE_ROW_LINE
    return texts.BASIS_HISTORY_LINE.format(years=len(data.get("sales") or []))


def _summary(data: Data) -> list[str]:
    total = total_of(data)
    lines = [texts.RESULT_TOTAL.format(total=format_number(total),
                                       support=format_number(data.get("support") or 0),
                                       own=format_number(data.get("own") or 0))]
    budget = data.get("budget")
    if budget is not None and budget != total:
        lines.append(texts.RESULT_BUDGET_MISMATCH.format(budget=format_number(budget),
                                                         total=format_number(total)))
    return lines


def source_line() -> str:
    return engine_texts.SOURCE.format(source=texts.SOURCE_NAME)


def subject(data: Data) -> str:
    return str(data.get("subject") or texts.DEFAULT_SUBJECT)


def result(data: Data) -> list[Reply]:
    alloc = allocation(data)
    head = [texts.RESULT_TITLE.format(subject=subject(data)), *_summary(data), _basis_line(data)]
    if alloc is None:
        return [Reply("\n".join([*head, texts.REPORT_NOT_READY]))]
    return [Reply("\n".join(head)),
            Reply(texts.TABLE_LEAD, table=table(alloc)),
            Reply("\n".join([*notes(data, alloc), texts.RESULT_TIP, source_line()]))]


def _input_lines(data: Data) -> list[str]:
    def amount(key: str) -> str:
        value = data.get(key)
        return format_number(value) if value is not None else texts.REPORT_MISSING

    lines = [texts.REPORT_SUPPORT.format(amount=amount("support")),
             texts.REPORT_OWN.format(amount=amount("own")),
             texts.REPORT_TOTAL.format(amount=format_number(total_of(data)))]
    if data.get("budget") is not None and data["budget"] != total_of(data):
        lines.append(texts.REPORT_BUDGET.format(amount=format_number(data["budget"])))
    basis = texts.BASIS_LABELS.get(data.get("basis") or "", texts.REPORT_MISSING)
    lines.append(texts.REPORT_BASIS.format(basis=basis))
    for year, row in enumerate(data.get("sales") or [], start=1):
        values = texts.MONTH_JOIN.join(format_number(v) for v in row)
        if data.get("sales_pct"):
            lines.append(texts.REPORT_SHARES.format(values=values))
        elif data.get("basis") == "plan":
            lines.append(texts.REPORT_PLAN.format(values=values))
        else:
            lines.append(texts.REPORT_YEAR.format(year=year, values=values))
    return lines


def report(data: Data, title: str) -> str:
    """Markdown export: inputs, the monthly table, the rounding note and the source."""
    lines = [texts.REPORT_TITLE.format(subject=title or subject(data)), "",
             texts.REPORT_INPUTS, *_input_lines(data), "", texts.REPORT_TABLE]
    alloc = allocation(data)
    if alloc is None:
        lines.append(texts.REPORT_NOT_READY)
    else:
        lines += [_basis_line(data), "", *table(alloc).as_markdown(), "", texts.REPORT_NOTES]
        lines += [f"- {line}" for line in notes(data, alloc)]
    lines += ["", texts.REPORT_SOURCE, source_line()]
    return "\n".join(lines) + "\n"


# --- one-shot input ------------------------------------------------------------------------


def _label(before: str) -> str | None:
    """Which amount the words before a number name: the keyword typed last wins."""
    best, best_at = None, -1
    for key, words in (("support", texts.SUPPORT_WORDS), ("own", texts.OWN_WORDS),
                       ("budget", texts.BUDGET_WORDS)):
        at = max(before.rfind(w) for w in words)
        if at > best_at:
            best, best_at = key, at
    return best


def prefill(text: str) -> Data:
    """Amounts and basis named in the first message ("年度预算100万，厂家支持60万，自筹40万")."""
    data: Data = {}
    previous_end = 0
    for quantity in find_quantities(text):
        before, previous_end = text[previous_end:quantity.start], quantity.end
        key = _label(before)
        typed = text[quantity.start:quantity.end]
        if quantity.unit not in ("", "元") or key is None or key in data:
            continue
        if quantity.value > MAX_AMOUNT or (0 < quantity.value < UNCLEAR_BELOW
                                           and not _EXPLICIT_UNIT.search(typed)):
            continue
        data[key] = _whole_yuan(quantity.value)
    budget = data.get("budget")
    if budget is not None and ("support" in data) != ("own" in data):
        known, other = ("support", "own") if "support" in data else ("own", "support")
        if data[known] <= budget:
            data[other] = budget - data[known]
    if data.get("support") == 0 and data.get("own") == 0:
        data.pop("own")
    if any(w in text for w in texts.PREFILL_PLAN_WORDS):
        data["basis"] = "plan"
    elif any(w in text for w in texts.PREFILL_HISTORY_WORDS):
        data["basis"] = "history"
    return data


def _money_confirm(template: str) -> Callable[[int], str]:
    return lambda value: template.format(amount=format_number(value))


TOOL = advisory_tool(
    "budget", texts, (
        ValueStep("subject", texts.SUBJECT_TITLE, texts.SUBJECT_QUESTION, _parse_subject,
                  guide=texts.SUBJECT_GUIDE, buttons=[(texts.SKIP, texts.SKIP)]),
        SupportStep("support", texts.SUPPORT_TITLE, texts.SUPPORT_QUESTION, _parse_support,
                    guide=texts.SUPPORT_GUIDE, confirm=_money_confirm(texts.SUPPORT_CONFIRM)),
        ValueStep("own", texts.OWN_TITLE, texts.OWN_QUESTION, _parse_own,
                  guide=texts.OWN_GUIDE, confirm=_money_confirm(texts.OWN_CONFIRM)),
        BasisStep("basis", texts.BASIS_TITLE, texts.BASIS_QUESTION, _parse_basis,
                  guide=texts.BASIS_GUIDE,
                  buttons=[(texts.BASIS_HISTORY, texts.BASIS_HISTORY),
                           (texts.BASIS_PLAN, texts.BASIS_PLAN)]),
        MonthlySalesStep(),
    ),
    name=texts.TOOL_NAME, source=texts.SOURCE_NAME,
    result=result, report=report, subject=subject, prefill=prefill,
    cues=("预算", "费用", "经费", "开销", "分到每个月", "按月分"),
)
