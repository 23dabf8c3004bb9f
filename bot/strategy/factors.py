"""SWOT factors: the data kept per analysis and the parsing of what a manager types.

Parsing returns error *codes* (see ``texts.ERROR_MESSAGES``) instead of Chinese sentences, so
the wizard can decide how to phrase and repeat a step while keeping what was already entered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from bot.normalize import as_command, normalize

PARTS: tuple[str, ...] = ("S", "W", "O", "T")
MAX_FACTOR_LENGTH = 100
MAX_FACTORS_PER_PART = 10
MIN_WEIGHT, MAX_WEIGHT = 1, 5

_SEPARATORS = re.compile(r"[，、；;,\n\r]+")
_WEIGHT_SEPARATORS = re.compile(r"[，、；;,\s]+")
# Bullets and numbering people paste from documents ("1. ", "①", "- ").
_LEADING_MARKER = re.compile(r"^(?:[-*•·●▲]+|\d{1,2}[.)、．）](?!\d)|[①-⑳]|[（(]\d{1,2}[）)])\s*")
_CHINESE_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}  # fmt: skip
_WEIGHT_SUFFIX = re.compile(r"(?:分|星|颗星)$")


class Command(str, Enum):
    """Wizard commands recognised inside a factor step."""

    NEXT = "next"
    SKIP = "skip"
    UNDO = "undo"


_COMMANDS: dict[str, Command] = {
    **dict.fromkeys(("完成", "下一步", "好了", "没有了", "next", "done"), Command.NEXT),
    **dict.fromkeys(("跳过", "没有", "无", "skip"), Command.SKIP),
    **dict.fromkeys(("撤销", "删除上一条", "undo"), Command.UNDO),
}


@dataclass(frozen=True)
class ParseError:
    """An input the wizard must reject; ``code`` is a key of ``texts.ERROR_MESSAGES``."""

    code: str


@dataclass
class Factor:
    """One SWOT factor; ``weight`` is 1–5 or None when the manager skipped weighting."""

    text: str
    weight: int | None = None

    @property
    def effective_weight(self) -> int:
        """Weight used in sums: a skipped weight counts as 1 (all factors equal)."""
        return 1 if self.weight is None else self.weight

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "weight": self.weight}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str) -> Factor:
        if isinstance(data, str):
            return cls(data)
        return cls(str(data.get("text", "")), data.get("weight"))


@dataclass
class SwotInput:
    """What the manager entered: a subject and the four factor lists (kept in input order)."""

    subject: str = ""
    strengths: list[Factor] = field(default_factory=list)
    weaknesses: list[Factor] = field(default_factory=list)
    opportunities: list[Factor] = field(default_factory=list)
    threats: list[Factor] = field(default_factory=list)

    def part(self, key: str) -> list[Factor]:
        """The factor list for ``"S"``, ``"W"``, ``"O"`` or ``"T"``."""
        return {
            "S": self.strengths,
            "W": self.weaknesses,
            "O": self.opportunities,
            "T": self.threats,
        }[key]

    @property
    def all_factors(self) -> list[Factor]:
        return [f for key in PARTS for f in self.part(key)]

    @property
    def weighted(self) -> bool:
        """True when at least one factor carries an explicit weight."""
        return any(f.weight is not None for f in self.all_factors)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, the one stored in ``Analysis.data['swot']``."""
        return {"subject": self.subject} | {
            key: [f.to_dict() for f in self.part(key)] for key in PARTS
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SwotInput:
        def load(key: str) -> list[Factor]:
            return [Factor.from_dict(item) for item in data.get(key) or []]

        return cls(str(data.get("subject") or ""), load("S"), load("W"), load("O"), load("T"))


def parse_command(message: str) -> Command | None:
    """The command a whole message stands for, if any ("没有竞争对手" is a factor, not a skip)."""
    text = as_command(message)
    return _COMMANDS.get(text)


def parse_factors(message: str) -> list[str]:
    """Split one message into factor texts on ，、；,; and new lines; trim; drop empties."""
    items: list[str] = []
    # Strip list markers per line first, so "1、品牌好" does not yield a factor "1".
    lines = (_LEADING_MARKER.sub("", line.strip()) for line in (message or "").splitlines())
    for piece in _SEPARATORS.split("\n".join(lines)):
        text = _LEADING_MARKER.sub("", piece.strip()).strip("。. \t")
        if text:
            items.append(text)
    return items


def _has_meaningful_text(text: str) -> bool:
    """Letters or digits in any script; emoji, symbols and punctuation alone do not count."""
    return any(ch.isalnum() for ch in text)


def validate_factor(text: str, existing: Iterable[str] = ()) -> str | None:
    """Error code for an unusable factor text, or None when it can be kept."""
    stripped = (text or "").strip()
    if not stripped:
        return "empty"
    if len(stripped) > MAX_FACTOR_LENGTH:
        return "too_long"
    if not _has_meaningful_text(stripped):
        return "no_meaningful_text"
    if stripped in {e.strip() for e in existing}:
        return "duplicate"
    return None


@dataclass(frozen=True)
class FactorBatch:
    """Result of reading one message: factors to add and (text, code) pairs that were refused."""

    accepted: list[str]
    rejected: list[tuple[str, str]]


def collect_factors(message: str, existing: Iterable[str] = ()) -> FactorBatch:
    """Parse and validate a message against the factors already in the part.

    Valid factors are accepted even when others in the same message are refused, so nothing
    correct is lost; the part never grows beyond ``MAX_FACTORS_PER_PART``.
    """
    known = [e.strip() for e in existing]
    texts = parse_factors(message)
    if not texts:
        return FactorBatch([], [((message or "").strip(), "empty")])
    accepted: list[str] = []
    rejected: list[tuple[str, str]] = []
    for text in texts:
        code = validate_factor(text, known + accepted)
        if code is None and len(known) + len(accepted) >= MAX_FACTORS_PER_PART:
            code = "too_many"
        if code is None:
            accepted.append(text)
        else:
            rejected.append((text, code))
    return FactorBatch(accepted, rejected)


def _number_value(token: str) -> int | None:
    """Integer value of ASCII digits or a Chinese numeral up to 十, else None."""
    if token.isascii() and token.isdigit():
        return int(token)
    if token.startswith("-") and token[1:].isdigit():
        return -int(token[1:])
    if len(token) == 1 and token in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[token]
    if token and all(ch in _CHINESE_DIGITS for ch in token):
        return MAX_WEIGHT + 1  # 十一, 二十 …: out of range whatever the exact value
    return None


def parse_weight(text: str) -> int | ParseError | None:
    """A 1–5 importance: ``int``; ``None`` for 跳过 (weigh all equally); else a ParseError.

    Accepts ASCII and full-width digits and 一二三四五 (两 as 2), with an optional 分/星.
    """
    if parse_command(text) is Command.SKIP:
        return None
    token = _WEIGHT_SUFFIX.sub("", as_command(text)).strip()
    if not token:
        return ParseError("weight_not_a_number")
    value = _number_value(token)
    if value is None:
        return ParseError("weight_not_a_number")
    if not MIN_WEIGHT <= value <= MAX_WEIGHT:
        return ParseError("weight_out_of_range")
    return value


def parse_weights(text: str, count: int) -> list[int] | ParseError | None:
    """Several weights in one message ("5 3 4" or "5、3、4") for ``count`` factors.

    A single weight for several factors is refused as a count mismatch rather than guessed.
    """
    if parse_command(text) is Command.SKIP:
        return None
    tokens = [t for t in _WEIGHT_SEPARATORS.split(normalize(text)) if t]
    if len(tokens) == 1 and count > 1 and len(tokens[0]) == count and tokens[0].isdigit():
        tokens = list(tokens[0])  # "534" typed without separators
    weights: list[int] = []
    for token in tokens:
        value = parse_weight(token)
        if isinstance(value, ParseError):
            return value
        if value is None:
            return ParseError("weight_not_a_number")
        weights.append(value)
    if len(weights) != count:
        return ParseError("weight_count_mismatch")
    return weights
