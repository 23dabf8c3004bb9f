"""The SMART goal check wizard: the goal, additions for what the rules miss, A and R, result.

Steps: goal → (add_specific) → (add_measurable) → (add_time) → attainable → relevant. An
addition step applies only when its rule finds nothing in the goal amended so far; the two
judged criteria are always asked, since no wording can show them.
"""

from __future__ import annotations

from bot.normalize import as_command
from bot.tools.engine import Data, Invalid, Reply, Step, StepResult, Table, ValueStep
from bot.tools.render import (
    ChoiceStep,
    advisory_tool,
    markdown_report,
    meaningful_chars,
    shorten,
    source_reply,
)
from bot.tools.smart import texts
from bot.tools.smart.rules import (
    ADDITION_KEY,
    JUDGED_CRITERIA,
    MISSING,
    RULE_CRITERIA,
    Assessment,
    assess,
    found,
    needs_addition,
    rewritten_goal,
)

MIN_GOAL_CHARS = 4
MAX_GOAL_CHARS = 200
MAX_ADDITION_CHARS = 60


def parse_goal(text: str, data: Data) -> str | Invalid:
    goal = text.strip()
    if meaningful_chars(goal) < MIN_GOAL_CHARS:
        return Invalid(texts.GOAL_TOO_SHORT)
    if len(goal) > MAX_GOAL_CHARS:
        return Invalid(texts.GOAL_TOO_LONG)
    return goal


class GoalStep(ValueStep):
    """The goal; a new goal drops the additions made to the old one."""

    def accept(self, data: Data, text: str) -> StepResult:
        result = super().accept(data, text)
        if result.done:
            for key in ADDITION_KEY.values():
                data.pop(key, None)
        return result


class AdditionStep(Step):
    """Asks for what one rule found missing, and rereads the goal with the addition.

    A declined addition is stored as "" so the step counts as answered (resume skips it).
    """

    def __init__(self, criterion: str) -> None:
        self.criterion = criterion
        self.key = ADDITION_KEY[criterion]
        self.title = texts.ADD_TITLES[criterion]
        self.guide = texts.ADD_GUIDE[criterion]

    def prompt(self, data: Data) -> Reply:
        return Reply(texts.ADD_QUESTIONS[self.criterion],
                     [(texts.SKIP_ADDITION, texts.SKIP_ADDITION)])

    def accept(self, data: Data, text: str) -> StepResult:
        name = texts.CRITERION_NAMES[self.criterion]
        if as_command(text) in texts.SKIP_WORDS:
            data[self.key] = ""
            return StepResult.finished(texts.SKIPPED_CONFIRM.format(criterion=name))
        addition = text.strip().rstrip("。")
        if not self._satisfies(addition):
            return StepResult.again(texts.ADD_INVALID[self.criterion])
        data[self.key] = addition
        return StepResult.finished(texts.ADDED_CONFIRM.format(goal=rewritten_goal(data),
                                                              criterion=name))

    def _satisfies(self, addition: str) -> bool:
        """The addition must pass the rule it answers; a target the user names is taken
        as given (the vocabulary cannot list every service), if it has some words."""
        if meaningful_chars(addition) < 2 or len(addition) > MAX_ADDITION_CHARS:
            return False
        return self.criterion == "specific" or bool(found(self.criterion, addition))

    def applies(self, data: Data) -> bool:
        return needs_addition(data, self.criterion)

    def is_filled(self, data: Data) -> bool:
        return data.get(self.key) is not None

    def clear(self, data: Data) -> None:
        data.pop(self.key, None)

    def summary(self, data: Data) -> str | None:
        value = data.get(self.key)
        return None if value is None else (str(value) or texts.SKIP_ADDITION)


class JudgementStep(ChoiceStep):
    """是 / 否 / 不确定 for a criterion no rule can judge; the question repeats the goal."""

    def __init__(self, criterion: str) -> None:
        super().__init__(
            criterion, texts.ANSWER_TITLES[criterion], texts.ANSWER_QUESTIONS[criterion],
            texts.ANSWER_INVALID, guide=texts.ANSWER_GUIDE[criterion],
            extra_yes=texts.EXTRA_YES_WORDS, extra_no=texts.EXTRA_NO_WORDS,
        )

    def question_text(self, data: Data) -> str:
        return self.question.format(goal=rewritten_goal(data))


STEPS: tuple[Step, ...] = (
    GoalStep("goal", texts.GOAL_TITLE, texts.GOAL_QUESTION, parse_goal, guide=texts.GOAL_GUIDE),
    *(AdditionStep(c) for c in RULE_CRITERIA),
    *(JudgementStep(c) for c in JUDGED_CRITERIA),
)


# --- result and report -----------------------------------------------------------------------

def evidence(item: Assessment) -> str:
    if item.criterion in JUDGED_CRITERIA:
        return texts.EVIDENCE_JUDGED[item.status]
    words = texts.WORD_JOIN.join(item.evidence)
    if item.status == MISSING:
        return texts.EVIDENCE_MISSING[item.criterion]
    table = texts.EVIDENCE_ADDED if item.status == "added" else texts.EVIDENCE_MET
    return table[item.criterion].format(words=words)


def result_table(data: Data) -> Table:
    rows = tuple((texts.CRITERION_NAMES[a.criterion], texts.STATUS_LABELS[a.status], evidence(a))
                 for a in assess(data))
    return Table(texts.RESULT_COLUMNS, rows, texts.RESULT_TABLE_CAPTION)


def advice(data: Data) -> list[str]:
    """One suggestion per criterion that is not (or not surely) met."""
    return [texts.ADVICE[a.criterion] for a in assess(data) if a.satisfied is not True]


def summary(data: Data) -> str:
    met = sum(1 for a in assess(data) if a.satisfied)
    return texts.RESULT_ALL_MET if met == 5 else texts.RESULT_SUMMARY.format(met=met)


def result(data: Data) -> list[Reply]:
    lines = [summary(data), texts.RESULT_REWRITE.format(goal=rewritten_goal(data))]
    tips = advice(data)
    if tips:
        lines.append(texts.RESULT_ADVICE_TITLE)
        lines += [f"{n}. {tip}" for n, tip in enumerate(tips, start=1)]
    return [Reply("", table=result_table(data)), Reply("\n".join(lines)),
            source_reply(texts.SOURCE)]


def report(data: Data, subject: str) -> str:
    tips = [f"{n}. {tip}" for n, tip in enumerate(advice(data), start=1)]
    return markdown_report(texts.REPORT_TITLE.format(subject=subject), [
        (texts.REPORT_GOAL, [str(data.get("goal") or "")]),
        (texts.REPORT_RESULT, [*result_table(data).as_markdown(), "", summary(data)]),
        (texts.REPORT_REWRITE, [rewritten_goal(data)]),
        (texts.REPORT_ADVICE, tips or [texts.REPORT_NO_ADVICE]),
    ], texts.SOURCE)


def subject(data: Data) -> str:
    return shorten(str(data.get("goal") or texts.NAME), texts.SUBJECT_LIMIT)


def prefill(text: str) -> Data:
    """"帮我看看这个目标：今年把保养客户满意度提高到90%" → the goal after the marker."""
    for marker in texts.PREFILL_MARKERS:
        head, found_marker, goal = text.partition(marker)
        if found_marker and head and not isinstance(parse_goal(goal, {}), Invalid):
            return {"goal": goal.strip()}
    return {}


TOOL = advisory_tool("smart", texts, STEPS, result=result, report=report, subject=subject,
                     prefill=prefill, cues=("smart", "目标"))
