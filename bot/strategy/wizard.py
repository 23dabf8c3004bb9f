"""Step logic and prompts of the SWOT and strategy-type wizards (Rasa-free).

The Rasa form validators in ``actions/`` only read the tracker and call these functions, so
what a step accepts, refuses and says is unit tested here without a model or server.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.normalize import as_command, normalize
from bot.strategy import texts
from bot.strategy.factors import (
    PARTS,
    Command,
    Factor,
    ParseError,
    SwotInput,
    collect_factors,
    parse_command,
    parse_weight,
    parse_weights,
    validate_factor,
)
from bot.strategy.measures import guiding_questions
from bot.strategy.report import error_message
from bot.strategy.strategy_types import ordered_questions, parse_answer

DONE = "done"
SWOT_STEPS: tuple[str, ...] = (
    "swot_subject",
    "swot_strengths",
    "swot_weaknesses",
    "swot_opportunities",
    "swot_threats",
    "swot_weights",
)
PART_STEPS: dict[str, str] = dict(zip(SWOT_STEPS[1:5], PARTS, strict=True))  # slot -> "S" / "W" / "O" / "T"
STRATEGY_STEP = "strategy_answer"

# A knowledge question inside a wizard is answered, not taken as input: the NLU intent must be
# a Q&A one *and* the text must read like a question (factors such as "客户忠诚度高" are often
# classified ask_concept, so the intent alone is not enough).
QUESTION_INTENTS = frozenset(
    {"ask_concept", "ask_compare", "ask_role_duties", "ask_role_requirements", "ask_capabilities"}
)
_QUESTION_MARKERS = re.compile(
    r"[?？]|什么|啥|吗|呢|怎么|怎样|如何|哪|区别|不同|为什么|为何|意思|介绍|解释|讲讲|说说|是不是"
)
_CANCEL_WORDS = frozenset(
    {"取消", "退出", "不做了", "算了", "停止", "结束", "退出分析", "取消分析", "不弄了",
     "我要退出", "先不做了", "退出流程", "cancel", "quit", "stop", "exit"}
)  # fmt: skip
_RESUME_WORDS = ("继续", "接着", "恢复", "回到")
_CONFIRM_YES = frozenset({"是", "是的", "确定", "确定退出", "退出", "对", "嗯", "好", "好的", "yes",
                          "取消", "算了", "不做了"})  # fmt: skip
_CONFIRM_NO = frozenset({"否", "不", "不是", "继续", "不退出", "不要", "no", "接着做", "不了"})


def is_payload(text: str) -> bool:
    """A button payload such as ``/affirm`` (the NLU intent is given, not predicted)."""
    return (text or "").startswith("/")


def is_question(text: str, intent: str | None) -> bool:
    """True for a knowledge question the wizard should hand to the Q&A side."""
    if intent not in QUESTION_INTENTS:
        return False
    return is_payload(text) or bool(_QUESTION_MARKERS.search(text or ""))


_ASKING = re.compile(r"[?？]|怎么|怎样|如何|什么|啥|吗|哪|几种|几类|几步")
_REQUESTING = re.compile(r"帮|测一|选个|选一|我想|我要|想要|开始|来做|做个|做一|做次|给我们|给公司|一起|带我|再做|重新|新的|启动|替我|请")


def is_how_to_question(text: str) -> bool:
    """"SWOT分析怎么做" asks about the method; "帮我做SWOT分析" asks to start the wizard."""
    if is_payload(text):
        return False
    return bool(_ASKING.search(text or "")) and not _REQUESTING.search(text or "")


def is_cancel(text: str, intent: str | None = None) -> bool:
    """取消 / 退出 and the like as a whole message (a factor "退出市场的风险" is not)."""
    cleaned = as_command(text)
    return cleaned in _CANCEL_WORDS or (intent == "stop" and is_payload(text))


def is_resume_request(text: str, intent: str | None) -> bool:
    """继续我的分析 said while the wizard is already running (e.g. after a server restart)."""
    if intent != "resume_analysis":
        return False
    cleaned = as_command(text)
    return is_payload(text) or (len(cleaned) <= 12 and any(w in cleaned for w in _RESUME_WORDS))


def confirm_answer(text: str, intent: str | None = None) -> bool | None:
    """Reply to 确定要退出吗: True (quit), False (continue) or None (unclear)."""
    cleaned = as_command(text)
    if cleaned in _CONFIRM_YES or (is_payload(text) and intent in ("affirm", "stop")):
        return True
    if cleaned in _CONFIRM_NO or (is_payload(text) and intent == "deny"):
        return False
    return None


def swot_from_slot(value: Any, subject: str = "") -> SwotInput:
    """The SwotInput kept in the ``swot_data`` slot (a dict), with ``subject`` as fallback."""
    swot = SwotInput.from_dict(value) if isinstance(value, Mapping) else SwotInput()
    if not swot.subject:
        swot.subject = subject or ""
    return swot


def numbered(swot: SwotInput, key: str) -> list[str]:
    return [f"{key}{n}. {f.text}" for n, f in enumerate(swot.part(key), start=1)]


# --- subject ---------------------------------------------------------------------------------


def subject_error(text: str) -> str | None:
    """Error message for an unusable subject, or None."""
    code = validate_factor(text)
    return error_message(code) if code else None


# --- factor steps ----------------------------------------------------------------------------


@dataclass
class StepResult:
    """What one message did to a step: whether it is finished, and what to tell the user."""

    done: bool = False
    changed: bool = False
    messages: list[str] = field(default_factory=list)


def apply_factor_input(swot: SwotInput, key: str, message: str) -> StepResult:
    """Add factors to part ``key`` (in place), or apply 完成 / 跳过 / 撤销."""
    part = swot.part(key)
    name = texts.PART_NAMES[key]
    command = parse_command(message)
    if command in (Command.NEXT, Command.SKIP):
        if part:
            return StepResult(done=True, messages=[
                texts.WIZARD_PART_DONE.format(name=name, count=len(part))])
        return StepResult(done=True, messages=[texts.WIZARD_PART_SKIPPED.format(name=name)])
    if command is Command.UNDO:
        if not part:
            return StepResult(messages=[texts.WIZARD_NOTHING_TO_UNDO])
        removed = part.pop()
        return StepResult(changed=True, messages=[texts.WIZARD_UNDONE.format(text=removed.text)])
    if is_payload(message):
        return StepResult(messages=[texts.WIZARD_PAYLOAD_IGNORED])
    batch = collect_factors(message, [f.text for f in part])
    part.extend(Factor(text) for text in batch.accepted)
    messages = [
        texts.WIZARD_REJECTED_ITEM.format(text=_short(text), reason=error_message(code))
        if text else error_message(code)
        for text, code in batch.rejected
    ]
    return StepResult(changed=bool(batch.accepted), messages=messages)


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def part_prompt(swot: SwotInput, key: str) -> str:
    """The question for one SWOT part: guidance first time, the list so far afterwards."""
    name = texts.PART_NAMES[key]
    part = swot.part(key)
    if part:
        lines = [texts.WIZARD_PART_SO_FAR.format(name=name, key=key, count=len(part))]
        return "\n".join([*lines, *numbered(swot, key), texts.COMMAND_HINT])
    step = PARTS.index(key) + 1
    lines = [
        texts.WIZARD_PART_INTRO.format(step=step, name=name, key=key,
                                       definition=texts.PART_DEFINITIONS[key]),
        texts.WIZARD_PART_GUIDE,
        *(f"{n}. {q}" for n, q in enumerate(guiding_questions(key), start=1)),
        texts.WIZARD_PART_ASK.format(name=name),
    ]
    return "\n".join(lines)


def part_buttons(swot: SwotInput, key: str) -> list[tuple[str, str]]:
    """(title, payload) pairs; payloads are plain text so they pass through the same parsing."""
    buttons = [(texts.BUTTON_NEXT, texts.BUTTON_NEXT), (texts.BUTTON_SKIP, texts.BUTTON_SKIP)]
    if swot.part(key):
        buttons.append((texts.BUTTON_UNDO, texts.BUTTON_UNDO))
    return buttons


# --- weights -------------------------------------------------------------------------------


def labelled_factors(swot: SwotInput) -> list[tuple[str, Factor]]:
    return [(f"{key}{n}", f) for key in PARTS for n, f in enumerate(swot.part(key), start=1)]


def pending_weights(swot: SwotInput) -> list[tuple[str, Factor]]:
    return [(label, f) for label, f in labelled_factors(swot) if f.weight is None]


def apply_weight_input(swot: SwotInput, message: str) -> StepResult:
    """Weigh the next factor (or all remaining at once); 跳过 makes all weights equal."""
    pending = pending_weights(swot)
    if not pending:
        return StepResult(done=True)
    if parse_command(message) is Command.SKIP:
        for _label, factor in labelled_factors(swot):
            factor.weight = None
        return StepResult(done=True, changed=True, messages=[texts.WIZARD_WEIGHTS_SKIPPED])
    tokens = [t for t in re.split(r"[，、；;,\s]+", normalize(message)) if t]
    several = len(tokens) > 1 or (
        len(pending) > 1 and len(tokens) == 1 and tokens[0].isdigit()
        and len(tokens[0]) == len(pending)
    )
    if several:
        values = parse_weights(message, len(pending))
        if isinstance(values, ParseError):
            return StepResult(messages=[error_message(values.code)])
        if values is None:
            return StepResult(messages=[error_message("weight_not_a_number")])
        for (_label, factor), value in zip(pending, values, strict=True):
            factor.weight = value
        return StepResult(done=True, changed=True)
    value = parse_weight(message)
    if isinstance(value, ParseError) or value is None:
        return StepResult(messages=[error_message(getattr(value, "code", "weight_not_a_number"))])
    label, factor = pending[0]
    factor.weight = value
    return StepResult(done=len(pending) == 1, changed=True,
                      messages=[texts.WIZARD_WEIGHT_SET.format(label=label, weight=value)])


def weight_prompt(swot: SwotInput) -> str:
    everything = labelled_factors(swot)
    pending = pending_weights(swot)
    if not pending:
        return texts.WIZARD_NO_FACTORS_TO_WEIGH
    label, factor = pending[0]
    index = len(everything) - len(pending) + 1
    lines = [] if index > 1 else [texts.WIZARD_WEIGHT_INTRO]
    lines.append(texts.WIZARD_WEIGHT_CURRENT.format(index=index, total=len(everything),
                                                    label=label, text=factor.text))
    lines.append(texts.WIZARD_WEIGHT_HINT.format(remaining=len(pending)))
    return "\n".join(lines)


def weight_buttons() -> list[tuple[str, str]]:
    return [(str(n), str(n)) for n in range(5, 0, -1)] + [(texts.BUTTON_SKIP, texts.BUTTON_SKIP)]


# --- strategy type -----------------------------------------------------------------------------


def next_question(answers: Mapping[str, str]) -> tuple[int, str, str, str] | None:
    """(1-based index, question id, type key, text) of the first unanswered question."""
    for index, (qid, type_key, text) in enumerate(ordered_questions(), start=1):
        if qid not in answers:
            return index, qid, type_key, text
    return None


def apply_strategy_answer(answers: dict[str, str], message: str,
                          intent: str | None = None) -> StepResult:
    """Record 是 / 否 / 不确定 for the next question (in place); 撤销 clears the last one."""
    if parse_command(message) is Command.UNDO:
        answered = [qid for qid, _t, _q in ordered_questions() if qid in answers]
        if not answered:
            return StepResult(messages=[texts.STRATEGY_NOTHING_TO_UNDO])
        answers.pop(answered[-1])
        return StepResult(changed=True, messages=[texts.STRATEGY_UNDONE])
    answer = parse_answer(message)
    if answer is None and is_payload(message):
        answer = {"affirm": "yes", "deny": "no"}.get(intent or "")
    if answer is None:
        return StepResult(messages=[error_message("answer_unrecognized")])
    current = next_question(answers)
    if current is None:
        return StepResult(done=True)
    answers[current[1]] = answer
    return StepResult(done=next_question(answers) is None, changed=True)


def strategy_prompt(answers: Mapping[str, str]) -> str:
    current = next_question(answers)
    if current is None:
        return ""
    index, _qid, type_key, text = current
    return texts.STRATEGY_QUESTION.format(index=index, total=len(ordered_questions()),
                                          type_name=texts.STRATEGY_TYPE_NAMES[type_key],
                                          question=text)


def answer_buttons() -> list[tuple[str, str]]:
    return [(t, t) for t in (texts.BUTTON_YES, texts.BUTTON_NO, texts.BUTTON_UNSURE)]


# --- resuming ---------------------------------------------------------------------------------


def swot_slots_for_step(step: str, data: Mapping[str, Any], subject: str) -> dict[str, Any]:
    """Slot values that put the SWOT form back at ``step`` (earlier steps count as done)."""
    swot = swot_from_slot(data.get("swot"), subject)
    position = SWOT_STEPS.index(step) if step in SWOT_STEPS else len(SWOT_STEPS)
    slots: dict[str, Any] = {}
    for index, name in enumerate(SWOT_STEPS):
        if index >= position:
            slots[name] = None
        else:
            slots[name] = (swot.subject or subject) if name == "swot_subject" else DONE
    slots["swot_data"] = swot.to_dict()
    return slots
