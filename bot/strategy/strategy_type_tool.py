"""The strategy-type choice as an engine tool: one 是/否/不确定 step per precondition.

Started on its own or after a SWOT in the same conversation; then the SWOT and its
quadrant (used only to break ties) are kept in the data, so the report holds both parts.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.strategy import texts
from bot.strategy.report import error_message, format_recommendation, render_markdown
from bot.strategy.strategy_types import ordered_questions, recommend
from bot.tools.engine import Data, Link, Reply, Step, Tool
from bot.tools.render import ChoiceStep


class PreconditionStep(ChoiceStep):
    """是 / 否 / 不确定 for one precondition, kept in ``data["answers"]`` (what ``recommend``
    reads); 撤销 goes back to the previous question."""

    back_words = frozenset({"撤销"})

    def __init__(self, index: int, total: int, qid: str, type_key: str, question: str) -> None:
        super().__init__(f"strategy_{qid}",
                         texts.STEP_NAMES["strategy_answer"] + f" {index}/{total}", question,
                         error_message("answer_unrecognized"),
                         guide=(texts.STRATEGY_GUIDE_YES, texts.STRATEGY_GUIDE_UNSURE))
        self.index, self.total, self.qid, self.type_key = index, total, qid, type_key

    def question_text(self, data: Data) -> str:
        return texts.STRATEGY_QUESTION.format(
            index=self.index, total=self.total,
            type_name=texts.STRATEGY_TYPE_NAMES[self.type_key], question=self.question)

    def store(self, data: Data, answer: str) -> None:
        data.setdefault("answers", {})[self.qid] = answer

    def stored(self, data: Data) -> str | None:
        value = (data.get("answers") or {}).get(self.qid)
        return None if value is None else str(value)

    def clear(self, data: Data) -> None:
        (data.get("answers") or {}).pop(self.qid, None)


def _steps() -> tuple[Step, ...]:
    questions = ordered_questions()
    return tuple(PreconditionStep(n, len(questions), qid, type_key, text)
                 for n, (qid, type_key, text) in enumerate(questions, start=1))


def new_data(context: Mapping[str, Data]) -> Data:
    """A SWOT finished in this conversation becomes context (its quadrant breaks ties)."""
    swot = context.get("swot") or {}
    if not swot.get("swot"):
        return {"answers": {}}
    return {"swot": swot["swot"], "quadrant": swot.get("quadrant"), "answers": {}}


def intro(data: Data) -> str:
    lines = [texts.STRATEGY_INTRO.format(count=len(ordered_questions()))]
    quadrant = data.get("quadrant")
    if quadrant:
        lines.append(texts.STRATEGY_CONTEXT.format(
            quadrant=quadrant, strategy=texts.QUADRANT_STRATEGIES[quadrant]))
    return "\n".join(lines)


def subject(data: Data) -> str:
    return str((data.get("swot") or {}).get("subject") or texts.STRATEGY_DEFAULT_SUBJECT)


def result(data: Data) -> list[Reply]:
    rec = recommend(dict(data.get("answers") or {}), data.get("quadrant"))
    return [Reply("\n".join([texts.STRATEGY_RESULT_TITLE.format(subject=subject(data)),
                             format_recommendation(rec), texts.SOURCE_STRATEGY_TYPE]))]


def report(data: Data, title: str) -> str:
    return render_markdown({**data, "subject": title, "kind": "strategy_type"})


TOOL = Tool(
    kind="strategy_type",
    name="竞争战略类型选择",
    source="《服务营销规划》“服务营销战略类型的选择”",
    steps=_steps(),
    result=result,
    report=report,
    subject=subject,
    reports_partial=True,
    intro=intro,
    new_data=new_data,
    uses=("swot",),
    next_text=texts.STRATEGY_RESULT_NEXT,
    cues=("战略", "成本领先", "特色", "差异化", "集中化", "多角化", "多元化", "竞争策略"),
    result_buttons=lambda data: [
        (texts.BUTTON_EXPORT, Link("export")),
        (texts.BUTTON_START_SWOT, Link("start", "swot")),
        (texts.BUTTON_LIST, Link("list")),
    ],
)
