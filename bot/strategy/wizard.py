"""Step logic and prompts of the SWOT steps (Rasa-free), used by ``bot.strategy.swot_tool``.

What a step accepts, refuses and says is unit tested here without a model or server; the
engine (``bot.tools``) decides which step runs and handles the commands common to all tools.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.normalize import normalize
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
from bot.tools.commands import is_payload


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
