"""The SWOT analysis as an engine tool: subject → S → W → O → T → weights → quadrant.

The step logic (factor lists, 完成/跳过/撤销, weights) lives in ``bot.strategy.wizard``; this
module only says which step is which and how the finished analysis is shown and exported.
Step keys are the ones saved analyses have always stored, so old runs resume.
"""

from __future__ import annotations

from bot.strategy import texts
from bot.strategy import wizard as swot_steps
from bot.strategy.decision import decide
from bot.strategy.factors import PARTS, SwotInput
from bot.strategy.report import explain_decision, format_measures, format_tows, render_markdown
from bot.strategy.tows import tows_matrix
from bot.tools.competitors.to_swot import swot_data_from_comparison
from bot.tools.engine import Data, Link, Reply, Step, StepResult, Tool, replies

PART_KEYS: dict[str, str] = {
    "S": "swot_strengths", "W": "swot_weaknesses", "O": "swot_opportunities", "T": "swot_threats",
}


def swot_of(data: Data) -> SwotInput:
    return swot_steps.swot_from_slot(data.get("swot"))


def _store(data: Data, swot: SwotInput) -> None:
    data["swot"] = swot.to_dict()


def _adapt(result: swot_steps.StepResult) -> StepResult:
    return StepResult(done=result.done, changed=result.changed, messages=replies(*result.messages))


class SubjectStep(Step):
    key = "swot_subject"
    title = texts.STEP_NAMES["swot_subject"]
    guide = ("分析整个公司，还是某家分行、门店或某项服务？", "对象越具体，因素越好找。")

    def prompt(self, data: Data) -> Reply:
        return Reply(texts.WIZARD_ASK_SUBJECT)

    def accept(self, data: Data, text: str) -> StepResult:
        error = swot_steps.subject_error(text)
        if error:
            return StepResult.again(error)
        swot = swot_of(data)
        swot.subject = text
        _store(data, swot)
        return StepResult.finished(texts.WIZARD_SUBJECT_SET.format(subject=text))

    def is_filled(self, data: Data) -> bool:
        return bool(swot_of(data).subject)

    def clear(self, data: Data) -> None:
        swot = swot_of(data)
        swot.subject = ""
        _store(data, swot)


class PartStep(Step):
    """One of S/W/O/T: factors accumulate until 完成 / 跳过; 撤销 removes the last one.

    Going back to a part keeps its factors (the list is shown again), nothing is lost.
    """

    def __init__(self, part: str) -> None:
        self.part = part
        self.key = PART_KEYS[part]
        self.title = texts.STEP_NAMES[self.key]
        internal = part in ("S", "W")
        self.guide = texts.INTERNAL_QUESTIONS if internal else texts.EXTERNAL_QUESTIONS

    def prompt(self, data: Data) -> Reply:
        swot = swot_of(data)
        return Reply(swot_steps.part_prompt(swot, self.part),
                     swot_steps.part_buttons(swot, self.part))

    def accept(self, data: Data, text: str) -> StepResult:
        swot = swot_of(data)
        result = swot_steps.apply_factor_input(swot, self.part, text)
        _store(data, swot)
        return _adapt(result)


class WeightStep(Step):
    key = "swot_weights"
    title = texts.STEP_NAMES["swot_weights"]
    guide = ("这一条对达成目标的影响有多大？", "竞争对手在这一点上和我们差多少？",
             "5分最重要，1分影响很小；不想打分就说“跳过”，各条同等看待。")

    def applies(self, data: Data) -> bool:
        return bool(swot_of(data).all_factors)

    def prompt(self, data: Data) -> Reply:
        return Reply(swot_steps.weight_prompt(swot_of(data)), swot_steps.weight_buttons())

    def accept(self, data: Data, text: str) -> StepResult:
        swot = swot_of(data)
        result = swot_steps.apply_weight_input(swot, text)
        _store(data, swot)
        return _adapt(result)


def result(data: Data) -> list[Reply]:
    """The decision with its numbers, measures per quadrant, and the TOWS matrix."""
    swot = swot_of(data)
    decision = decide(swot)
    data["quadrant"] = decision.quadrant
    subject = swot.subject or texts.REPORT_DEFAULT_SUBJECT
    messages = [Reply("\n".join([texts.WIZARD_RESULT_TITLE.format(subject=subject),
                                 explain_decision(decision)]))]
    for quadrant in decision.quadrants:
        messages.append(Reply("\n".join([
            texts.WIZARD_RESULT_MEASURES.format(
                quadrant=quadrant, strategy=texts.QUADRANT_STRATEGIES[quadrant]),
            format_measures(quadrant)])))
    messages.append(Reply("\n".join([texts.WIZARD_RESULT_TOWS, format_tows(tows_matrix(swot)),
                                      texts.SOURCE_SWOT])))
    return messages


def report(data: Data, subject: str) -> str:
    return render_markdown({**data, "subject": subject, "kind": "swot"})


def subject(data: Data) -> str:
    return swot_of(data).subject


TOOL = Tool(
    kind="swot",
    name="SWOT分析",
    source="《服务营销规划》“服务营销战略分析”（SWOT分析法）",
    steps=(SubjectStep(), *(PartStep(part) for part in PARTS), WeightStep()),
    result=result,
    report=report,
    subject=subject,
    reports_partial=True,
    derive={"competitors": swot_data_from_comparison},
    next_text=texts.WIZARD_RESULT_NEXT,
    cues=("swot", "态势", "优势", "劣势", "机会", "威胁", "优劣", "战略", "分析", "环境"),
    result_buttons=lambda data: [
        (texts.BUTTON_START_STRATEGY, Link("start", "strategy_type")),
        (texts.BUTTON_EXPORT, Link("export")),
        (texts.BUTTON_START_SWOT, Link("start", "swot")),
    ],
)
