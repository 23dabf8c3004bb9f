"""Driving the SWOT wizard turn by turn (the turns of tests/test_wizard_conversations.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Say = Callable[[str], str]

START = "我想做SWOT分析"
PART_NAMES = {"S": "优势", "W": "劣势", "O": "机会", "T": "威胁"}


class WizardError(AssertionError):
    pass


def expect(reply: str, *needles: str, turn: str = "") -> str:
    missing = [n for n in needles if n not in reply]
    if missing:
        raise WizardError(f"after {turn!r} expected {missing} in the reply:\n{reply}")
    return reply


@dataclass
class Swot:
    """One user's inputs; ``expected_data`` is what the saved analysis must hold."""

    subject: str
    parts: dict[str, list[str]]
    weights: list[int] | None = None  # None: 跳过 (equal weights)
    transcript: list[tuple[str, str]] = field(default_factory=list)

    def expected_swot(self) -> dict:
        weights = iter(self.weights or [])
        data: dict = {"subject": self.subject}
        for key in ("S", "W", "O", "T"):
            data[key] = [{"text": text, "weight": next(weights, None) if self.weights else None}
                         for text in self.parts[key]]
        return data

    @property
    def factor_count(self) -> int:
        return sum(len(v) for v in self.parts.values())


def turn(say: Say, swot: Swot, text: str, *needles: str) -> str:
    reply = say(text)
    swot.transcript.append((text, reply))
    return expect(reply, *needles, turn=text)


def start(say: Say, swot: Swot) -> None:
    turn(say, swot, START, "分析的对象")
    turn(say, swot, swot.subject, "第1步（共4步）· 优势（S）")


def enter_part(say: Say, swot: Swot, key: str, *, one_by_one: bool = False) -> str:
    """The part's factors (all in one message, or one per message), then 完成."""
    factors = swot.parts[key]
    messages = factors if one_by_one else ["、".join(factors)]
    count = 0
    for message in messages:
        count += len(message.split("、"))
        turn(say, swot, message, f"{key}{count}. {message.split('、')[-1]}")
    return turn(say, swot, "完成")


def enter_weights(say: Say, swot: Swot, *, first_alone: bool = True) -> str:
    """The result message (quadrant, strategy, TOWS)."""
    if swot.weights is None:
        return turn(say, swot, "跳过", "【SWOT分析结果")
    weights = list(swot.weights)
    if first_alone and len(weights) > 1:
        turn(say, swot, str(weights[0]), f"S1 记为 {weights[0]} 分")
        weights = weights[1:]
    return turn(say, swot, " ".join(str(w) for w in weights), "【SWOT分析结果")


def run(say: Say, swot: Swot) -> str:
    """A whole SWOT wizard; returns the result message."""
    start(say, swot)
    reply = ""
    for key in ("S", "W", "O", "T"):
        reply = enter_part(say, swot, key)
    expect(reply, "重要程度打分", turn="完成")
    return enter_weights(say, swot)
