"""The service marketing plan wizard: a title, then one free-text step per part of the plan.

The situation and issues parts can be filled from the user's latest finished SWOT analysis
(``uses=("swot",)``): ``new_data`` keeps that analysis in the session, the step offers the
button 引用SWOT, and text after 引用SWOT is appended to the summary.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from bot.normalize import as_command, normalize
from bot.tools.engine import Buttons, Data, Invalid, Reply, Step, StepResult, Table, ValueStep
from bot.tools.marketing_plan import texts
from bot.tools.marketing_plan.plan import (
    ASK_ORDER,
    MISSING,
    OPTIONAL,
    PART_KEYS,
    QUOTABLE,
    QUOTED,
    SKIPPED,
    TYPED,
    filled_count,
    linked_swot,
    number,
    quote,
    state,
)
from bot.tools.render import (
    Section,
    advisory_tool,
    markdown_report,
    meaningful_chars,
    shorten,
    source_reply,
)

MIN_TITLE_CHARS, MAX_TITLE_CHARS = 2, 40
MIN_PART_CHARS, MAX_PART_CHARS = 4, 2000
SUMMARY_CHARS = 60


def parse_title(text: str, data: Data) -> str | Invalid:
    title = text.strip().strip("《》")
    if meaningful_chars(title) < MIN_TITLE_CHARS or len(title) > MAX_TITLE_CHARS:
        return Invalid(texts.TITLE_INVALID)
    return title


class TitleStep(ValueStep):
    """The plan's title; a linked SWOT's subject is offered as a button."""

    def prompt(self, data: Data) -> Reply:
        analysis = linked_swot(data)
        subject = str(analysis["swot"].get("subject") or "") if analysis else ""
        offer = texts.TITLE_FROM_SWOT.format(subject=subject) if subject else ""
        buttons: Buttons = [(offer, offer)] if offer and len(offer) <= MAX_TITLE_CHARS else []
        return Reply(self.question, buttons)


def _is_quote_request(text: str) -> bool:
    return normalize(text).startswith(normalize(texts.BUTTON_QUOTE))


class PartStep(Step):
    """One part of the plan as free text; optional parts take 跳过, two parts take 引用SWOT."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.title = texts.PART_NAMES[key]
        self.guide = texts.PART_GUIDES[key]
        self.skippable = key in OPTIONAL
        self.example = texts.PART_EXAMPLES[key]

    def _can_quote(self, data: Data) -> bool:
        return self.key in QUOTABLE and linked_swot(data) is not None

    def prompt(self, data: Data) -> Reply:
        header = texts.PART_HEADER.format(n=number(self.key), name=self.title)
        if self.key in texts.PART_QUESTIONS:
            header += "——" + texts.PART_QUESTIONS[self.key]
        if self.skippable:
            header += texts.PART_OPTIONAL
        lines = [header, texts.PART_PROMPTS[self.key], texts.PART_EXAMPLE.format(example=self.example)]
        buttons: Buttons = []
        analysis = linked_swot(data)
        if analysis is not None and self._can_quote(data):
            lines.append(texts.QUOTE_OFFER.format(subject=analysis["swot"].get("subject") or ""))
            buttons.append((texts.BUTTON_QUOTE, texts.BUTTON_QUOTE))
        if self.skippable:
            buttons.append((texts.BUTTON_SKIP, texts.BUTTON_SKIP))
        return Reply("\n".join(lines), buttons)

    def accept(self, data: Data, text: str) -> StepResult:
        if as_command(text) == texts.BUTTON_SKIP:
            if not self.skippable:
                return StepResult.again(texts.PART_SKIP_REQUIRED.format(name=self.title,
                                                                        example=self.example))
            self._store(data, "", quoted=False)
            return StepResult.finished()
        if _is_quote_request(text):
            return self._quote(data, text)
        body = text.strip()
        if meaningful_chars(body) < MIN_PART_CHARS:
            return StepResult.again(texts.PART_TOO_SHORT.format(example=self.example))
        if len(body) > MAX_PART_CHARS:
            return StepResult.again(texts.PART_TOO_LONG.format(example=self.example))
        self._store(data, body, quoted=False)
        return StepResult.finished()

    def _quote(self, data: Data, text: str) -> StepResult:
        analysis = linked_swot(data)
        if analysis is None or not self._can_quote(data):
            return StepResult.again(texts.QUOTE_NOTHING.format(example=self.example))
        extra = text.strip()[len(texts.BUTTON_QUOTE):].strip(" ，,：:；;。")
        body = quote(self.key, analysis) + (extra + "。" if extra else "")
        self._store(data, body[:MAX_PART_CHARS], quoted=True)
        return StepResult.finished(texts.PART_QUOTED.format(text=body))

    def _store(self, data: Data, value: str, quoted: bool) -> None:
        data[self.key] = value
        keys = [k for k in data.get("quoted") or [] if k != self.key]
        data["quoted"] = keys + [self.key] if quoted else keys

    def is_filled(self, data: Data) -> bool:
        return data.get(self.key) is not None

    def clear(self, data: Data) -> None:
        data.pop(self.key, None)
        data["quoted"] = [k for k in data.get("quoted") or [] if k != self.key]

    def summary(self, data: Data) -> str | None:
        value = data.get(self.key)
        if value is None:
            return None
        text = str(value) or texts.STATUS_SKIPPED
        return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "…"


STEPS: tuple[Step, ...] = (
    TitleStep("title", texts.TITLE_TITLE, texts.TITLE_QUESTION, parse_title, guide=texts.TITLE_GUIDE),
    *(PartStep(key) for key in ASK_ORDER),
)


# --- result and report -----------------------------------------------------------------------

STATUS_LABELS = {TYPED: texts.STATUS_TYPED, QUOTED: texts.STATUS_QUOTED,
                 SKIPPED: texts.STATUS_SKIPPED, MISSING: texts.STATUS_MISSING}


def completeness_table(data: Data) -> Table:
    rows = tuple((f"{number(key)}. {texts.PART_NAMES[key]}", STATUS_LABELS[state(data, key)])
                 for key in PART_KEYS)
    return Table(texts.COMPLETENESS_COLUMNS, rows, texts.COMPLETENESS_CAPTION)


def _title(data: Data) -> str:
    return str(data.get("title") or texts.NAME)


def _part_text(data: Data, key: str) -> str:
    return str(data.get(key) or "") or texts.RESULT_SKIPPED_TEXT


def conclusions(data: Data) -> list[str]:
    todo = [key for key in PART_KEYS if state(data, key) in (SKIPPED, MISSING)]
    if not todo:
        return [texts.RESULT_ALL_FILLED]
    lines = [texts.RESULT_FILLED.format(filled=filled_count(data)), texts.RESULT_TODO_TITLE]
    lines += [f"{n}. {texts.RESULT_TODO[key]}"
              for n, key in enumerate(todo, start=1)]
    return lines


def result(data: Data) -> list[Reply]:
    plan = [texts.RESULT_TITLE.format(title=_title(data))]
    plan += [texts.RESULT_SECTION.format(n=number(key), name=texts.PART_NAMES[key],
                                         text=_part_text(data, key)) for key in PART_KEYS]
    return [Reply("\n".join(plan)), Reply("", table=completeness_table(data)),
            Reply("\n".join([*conclusions(data), texts.RESULT_NEXT])),
            source_reply(texts.SOURCE)]


def _report_part(data: Data, key: str) -> Section:
    """One part under its heading, with its guiding question quoted above the text."""
    body = [_part_text(data, key)]
    if key in texts.PART_QUESTIONS:
        body = [texts.REPORT_QUESTION.format(question=texts.PART_QUESTIONS[key]), "", *body]
    return texts.REPORT_SECTION.format(n=number(key), name=texts.PART_NAMES[key]), body


def report(data: Data, subject: str) -> str:
    contents = [f"{number(key)}. {texts.PART_NAMES[key]}" for key in PART_KEYS]
    return markdown_report(texts.REPORT_TITLE.format(title=_title(data)), [
        (texts.REPORT_CONTENTS, contents),
        *(_report_part(data, key) for key in PART_KEYS),
        (texts.REPORT_COMPLETENESS, [*completeness_table(data).as_markdown(), "",
                                     *conclusions(data)]),
    ], texts.SOURCE)


def subject(data: Data) -> str:
    return shorten(_title(data), texts.SUBJECT_LIMIT)


def new_data(context: Mapping[str, Data]) -> Data:
    """Keep the latest finished SWOT (a JSON copy) so two parts can quote it."""
    analysis = context.get("swot")
    if not isinstance(analysis, Mapping) or not isinstance(analysis.get("swot"), Mapping):
        return {}
    copy = json.loads(json.dumps({"swot": analysis["swot"], "quadrant": analysis.get("quadrant")},
                                 ensure_ascii=False))
    return {"swot_analysis": copy} if linked_swot({"swot_analysis": copy}) else {}


def prefill(text: str) -> Data:
    """"帮我写一份服务营销策划书：城东站2025年保养营销" → the title after the colon."""
    for marker in ("：", ":"):
        head, found, title = text.partition(marker)
        if found and head and not isinstance(parse_title(title, {}), Invalid):
            return {"title": parse_title(title, {})}
    return {}


TOOL = advisory_tool(
    "marketing_plan", texts, STEPS, result=result, report=report, subject=subject,
    prefill=prefill, new_data=new_data, uses=("swot",),
    pull_saved=True,  # the user's latest finished SWOT, even from an earlier chat
    reports_partial=True,  # an unfinished plan exports with its open parts marked 未填写
    cues=("策划", "计划", "规划", "方案"),
)
