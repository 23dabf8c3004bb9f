"""The competitor comparison wizard: names, items, one rating step per item, result.

Rating steps are fixed slots (one per possible item, ``MAX_ITEMS``) that apply only up to the
number of items chosen, so 上一步 goes back one item and the step count shows progress.
"""

from __future__ import annotations

from bot.normalize import as_command
from bot.tools.competitors import texts
from bot.tools.competitors.compare import (
    COUNT,
    DECIMAL,
    IS_NUMBER,
    LAG,
    LEAD,
    MAX_ITEMS,
    MAX_NAME_CHARS,
    MISSING,
    RANGE,
    TIE,
    TOO_LONG,
    TOO_MANY,
    Refusal,
    Row,
    compare,
    parse_scores,
    parties,
    split_items,
    split_names,
)
from bot.tools.engine import (
    Buttons,
    Data,
    Invalid,
    Link,
    Reply,
    Step,
    StepResult,
    Table,
    ValueStep,
)
from bot.tools.render import (
    advisory_tool,
    export_and_list_buttons,
    markdown_report,
    meaningful_chars,
    shorten,
    source_reply,
)

# --- names and items -------------------------------------------------------------------------


def parse_us(text: str, data: Data) -> str | Invalid:
    name = text.strip()
    if meaningful_chars(name) == 0 or len(name) > MAX_NAME_CHARS:
        return Invalid(texts.US_INVALID)
    return name


_NAME_REFUSALS = {TOO_MANY: texts.COMPETITORS_TOO_MANY, TOO_LONG: texts.COMPETITORS_NAME_TOO_LONG,
                  IS_NUMBER: texts.COMPETITORS_NAME_NUMBER}


def parse_competitors(text: str, data: Data) -> list[str] | Invalid:
    names = split_names(text)
    if isinstance(names, Refusal):
        return Invalid(_NAME_REFUSALS.get(names.code, texts.COMPETITORS_INVALID))
    us = str(data.get("us") or texts.DEFAULT_US)
    if us in names:
        return Invalid(texts.COMPETITORS_SAME_AS_US.format(us=us))
    return names


_ITEM_REFUSALS = {TOO_MANY: texts.ITEMS_TOO_MANY, TOO_LONG: texts.ITEMS_TOO_LONG}


def parse_items(text: str, data: Data) -> list[str] | Invalid:
    if as_command(text) == texts.BUTTON_DEFAULT_ITEMS:
        return list(texts.DEFAULT_ITEMS)
    items = split_items(text)
    if isinstance(items, Refusal):
        return Invalid(_ITEM_REFUSALS.get(items.code, texts.ITEMS_INVALID))
    return items


class ListStep(ValueStep):
    """A list answer (names, items), summarised as one line for an unfinished run's report."""

    def summary(self, data: Data) -> str | None:
        values = data.get(self.key)
        return None if values is None else texts.NAME_JOIN.join(str(v) for v in values)


class CompetitorsStep(ListStep):
    """The competitors; going back to them drops every score (they follow the parties' order)."""

    def clear(self, data: Data) -> None:
        super().clear(data)
        data.pop("ratings", None)


class ItemsStep(ListStep):
    """The items; the default checklist rows are offered as one button."""

    def prompt(self, data: Data) -> Reply:
        question = self.question.format(count=len(texts.DEFAULT_ITEMS),
                                        items=texts.NAME_JOIN.join(texts.DEFAULT_ITEMS))
        return Reply(question, list(self.buttons))


# --- ratings ---------------------------------------------------------------------------------

def _example(names: list[str], named: bool = True) -> str:
    sample = [4, 3, 5, 2, 4, 3][: len(names)]
    if named:
        return " ".join(f"{n}{s}" for n, s in zip(names, sample, strict=False))
    return texts.RATING_EXAMPLE_PLAIN.format(scores=" ".join(str(s) for s in sample))


def _examples(names: list[str]) -> str:
    return texts.EXAMPLE_OR.format(named=_example(names), plain=_example(names, named=False))


class RatingStep(Step):
    """The scores of the ``index``-th item, one message for all parties."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.key = f"rating_{index + 1}"
        self.title = texts.RATING_TITLE.format(n=index + 1)
        self.guide = texts.RATING_GUIDE

    def _item(self, data: Data) -> str:
        return str(data["items"][self.index])

    def prompt(self, data: Data) -> Reply:
        names = parties(data)
        text = texts.RATING_QUESTION.format(
            n=self.index + 1, total=len(data.get("items") or []), item=self._item(data),
            order=texts.NAME_JOIN.join(names), example=_examples(names))
        return Reply(text, [(texts.BUTTON_SKIP, texts.BUTTON_SKIP)])

    def accept(self, data: Data, text: str) -> StepResult:
        item = self._item(data)
        ratings = data.setdefault("ratings", {})
        if as_command(text) == texts.BUTTON_SKIP:
            ratings[item] = None
            return StepResult.finished(texts.RATING_SKIPPED.format(item=item))
        names = parties(data)
        scores = parse_scores(text, names)
        if isinstance(scores, Refusal):
            return StepResult.again(self._refusal(scores, names))
        ratings[item] = scores
        shown = " ".join(f"{n}{s}" for n, s in zip(names, scores, strict=True))
        return StepResult.finished(texts.RATING_SAVED.format(item=item, scores=shown))

    @staticmethod
    def _refusal(refusal: Refusal, names: list[str]) -> str:
        example, order = _examples(names), texts.NAME_JOIN.join(names)
        if refusal.code == COUNT:
            return texts.RATING_COUNT.format(need=len(names), order=order, got=refusal.got,
                                             example=example)
        if refusal.code == MISSING:
            return texts.RATING_MISSING.format(names=texts.NAME_JOIN.join(refusal.names),
                                               example=_example(names))
        if refusal.code == DECIMAL:
            return texts.RATING_DECIMAL.format(example=example)
        if refusal.code == RANGE:
            return texts.RATING_RANGE.format(example=example)
        return texts.RATING_NONE.format(order=order, example=example)

    def applies(self, data: Data) -> bool:
        return self.index < len(data.get("items") or [])

    def is_filled(self, data: Data) -> bool:
        if not self.applies(data):
            return False
        ratings = data.get("ratings") or {}
        item = self._item(data)
        if item not in ratings:
            return False
        scores = ratings[item]
        return scores is None or len(scores) == len(parties(data))

    def clear(self, data: Data) -> None:
        if self.applies(data):
            (data.get("ratings") or {}).pop(self._item(data), None)

    def summary(self, data: Data) -> str | None:
        if not self.is_filled(data):
            return None
        scores = (data.get("ratings") or {})[self._item(data)]
        shown = texts.RATING_SKIPPED_SHORT if scores is None else " ".join(map(str, scores))
        return f"{self._item(data)} {shown}"


STEPS: tuple[Step, ...] = (
    ValueStep("us", texts.US_TITLE, texts.US_QUESTION, parse_us, guide=texts.US_GUIDE,
              buttons=[(texts.DEFAULT_US, texts.DEFAULT_US)]),
    CompetitorsStep("competitors", texts.COMPETITORS_TITLE, texts.COMPETITORS_QUESTION,
              parse_competitors, guide=texts.COMPETITORS_GUIDE),
    ItemsStep("items", texts.ITEMS_TITLE, texts.ITEMS_QUESTION, parse_items, guide=texts.ITEMS_GUIDE,
              buttons=[(texts.BUTTON_DEFAULT_ITEMS, texts.BUTTON_DEFAULT_ITEMS)]),
    *(RatingStep(i) for i in range(MAX_ITEMS)),
)


# --- result and report -----------------------------------------------------------------------

def _us(data: Data) -> str:
    return str(data.get("us") or texts.DEFAULT_US)


def comparison_table(data: Data) -> Table:
    competitors = [str(c) for c in data.get("competitors") or []]
    columns = (texts.COLUMN_ITEM, _us(data), *competitors, texts.COLUMN_VERDICT)
    rows = []
    for row in compare(data):
        scores = [str(s) for s in row.scores] if row.scores else [texts.NO_SCORE] * (len(competitors) + 1)
        rows.append((row.item, *scores, texts.VERDICTS[row.verdict]))
    return Table(columns, tuple(rows), texts.TABLE_CAPTION.format(us=_us(data)))


def _lead_text(row: Row) -> str:
    return texts.LEAD_ITEM.format(item=row.item, ours=row.ours, best=row.best)


def _lag_text(row: Row) -> str:
    return texts.LAG_ITEM.format(item=row.item, ours=row.ours, best=row.best,
                                 leader=texts.NAME_JOIN.join(row.leaders))


def conclusions(data: Data) -> list[str]:
    rows = compare(data)
    us = _us(data)
    leads = [r for r in rows if r.verdict == LEAD]
    lags = [r for r in rows if r.verdict == LAG]
    ties = [r for r in rows if r.verdict == TIE]
    lines = [texts.LEADS_TITLE.format(us=us)]
    lines += [f"{n}. {_lead_text(r)}" for n, r in enumerate(leads, 1)] or [texts.NO_LEADS]
    lines.append(texts.LAGS_TITLE.format(us=us))
    lines += [f"{n}. {_lag_text(r)}" for n, r in enumerate(lags, 1)] or [texts.NO_LAGS]
    if ties:
        lines.append(texts.TIES_TITLE + texts.NAME_JOIN.join(r.item for r in ties))
    lines.append(texts.ADVICE)
    return lines


def _has_factors(data: Data) -> bool:
    return any(r.verdict in (LEAD, LAG) for r in compare(data))


def result(data: Data) -> list[Reply]:
    lines = conclusions(data)
    if _has_factors(data):
        lines.append(texts.TO_SWOT_HINT)
    return [Reply("", table=comparison_table(data)), Reply("\n".join(lines)),
            source_reply(texts.SOURCE)]


def result_buttons(data: Data) -> Buttons:
    """转为SWOT分析 when there is a lead or lag to carry over (the action fills the id),
    then the usual export and list buttons (``result_buttons`` replaces them)."""
    if not _has_factors(data):
        return export_and_list_buttons()
    return [(texts.BUTTON_TO_SWOT, Link(action="start", tool="swot", analysis_id=None)),
            *export_and_list_buttons()]


def report(data: Data, subject: str) -> str:
    competitors = texts.NAME_JOIN.join(str(c) for c in data.get("competitors") or [])
    inputs = [texts.REPORT_US.format(us=_us(data)),
              texts.REPORT_COMPETITORS.format(names=competitors),
              texts.REPORT_ITEMS.format(count=len(data.get("items") or []))]
    return markdown_report(texts.REPORT_TITLE.format(subject=subject), [
        (texts.REPORT_INPUTS, inputs),
        (texts.REPORT_TABLE, comparison_table(data).as_markdown()),
        (texts.REPORT_CONCLUSIONS, conclusions(data)),
    ], texts.SOURCE)


def subject(data: Data) -> str:
    competitors = texts.NAME_JOIN.join(str(c) for c in data.get("competitors") or [])
    if not competitors:
        return texts.NAME
    return shorten(texts.SUBJECT.format(us=_us(data), competitors=competitors), texts.SUBJECT_LIMIT)


TOOL = advisory_tool("competitors", texts, STEPS, result=result, report=report, subject=subject,
                     result_buttons=result_buttons,
                     cues=("对手", "竞品", "同行", "竞争", "友商", "别家", "周边", "核查清单", "比较", "对比", "比一", "比下"))
