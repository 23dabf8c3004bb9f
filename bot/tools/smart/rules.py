"""The SMART checks: three by explicit rules, two by the user's own judgement.

Specific, Measurable and Time-bound can be read off the wording (a named service or customer
group, a number, a deadline); Attainable and Relevant depend on resources and on the
organisation's other goals, which only the user knows. Nothing derived is stored: the checks
are rerun on the stored goal and additions, so a saved run always agrees with these rules.

Session data (plain JSON)::

    {"goal": str,                      # the goal as typed
     "add_specific": str,              # only when the rules found it missing; "" = declined
     "add_measurable": str,
     "add_time": str,
     "attainable": "yes" | "no" | "unsure",
     "relevant": "yes" | "no" | "unsure"}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.tools.smart import texts
from bot.tools.smart.vocabulary import (
    DIRECT_MEASURE_STARTS,
    GOAL_VERBS,
    MEASURE_FROM_MARK,
    MEASURE_PATTERNS,
    NOT_A_MEASURE,
    SPECIFIC_WORDS,
    TIME_BY_ENDINGS,
    TIME_EVERY_MARK,
    TIME_LEAD,
    TIME_PATTERNS,
    TIME_WITHIN_ENDINGS,
    alternation,
    any_of,
)

CRITERIA: tuple[str, ...] = ("specific", "measurable", "attainable", "relevant", "time_bound")
RULE_CRITERIA: tuple[str, ...] = ("specific", "measurable", "time_bound")  # in asking order
JUDGED_CRITERIA: tuple[str, ...] = ("attainable", "relevant")
ADDITION_KEY: dict[str, str] = {
    "specific": "add_specific", "measurable": "add_measurable", "time_bound": "add_time",
}  # fmt: skip

# Status codes; texts.STATUS_LABELS has their wording.
MET, ADDED, MISSING = "met", "added", "missing"  # rule criteria
YES, NO, UNSURE = "yes", "no", "unsure"  # judged criteria

_TARGETS = alternation(tuple(w for words in SPECIFIC_WORDS.values() for w in words))
_TIMES = any_of(TIME_PATTERNS)
_MEASURES = any_of(MEASURE_PATTERNS)
_NOT_MEASURES = any_of(NOT_A_MEASURE)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def targets(text: str) -> list[str]:
    """Named services, customer groups and places (Specific)."""
    return _unique([m.group(0) for m in _TARGETS.finditer(text)])


def deadlines(text: str) -> list[str]:
    """Dates, periods and rhythms (Time-bound)."""
    return _unique([m.group(0) for m in _TIMES.finditer(text)])


def quantities(text: str) -> list[str]:
    """Numbers and quantity words that are not part of a date or of a name (Measurable)."""
    rest = _NOT_MEASURES.sub(" ", _TIMES.sub(" ", text))
    return _unique([m.group(0) for m in _MEASURES.finditer(rest)])


FINDERS = {"specific": targets, "measurable": quantities, "time_bound": deadlines}


def found(criterion: str, text: str) -> list[str]:
    """What the rule of ``criterion`` finds in ``text`` (empty: not met); full-width digits
    and signs (１２０００, ９０％) count like half-width ones."""
    return FINDERS[criterion](unicodedata.normalize("NFKC", text))


def additions_before(data: Mapping[str, Any], criterion: str | None) -> list[str]:
    """The additions made at the rule steps asked before ``criterion`` (None: all of them)."""
    order = RULE_CRITERIA if criterion is None else RULE_CRITERIA[:RULE_CRITERIA.index(criterion)]
    return [str(data[ADDITION_KEY[c]]) for c in order if data.get(ADDITION_KEY[c])]


def text_before(data: Mapping[str, Any], criterion: str | None) -> str:
    """The goal as amended up to the step of ``criterion``: what that step's rule rereads."""
    return texts.CLAUSE_JOIN.join([str(data.get("goal") or ""), *additions_before(data, criterion)])


def needs_addition(data: Mapping[str, Any], criterion: str) -> bool:
    """The rule of ``criterion`` finds nothing in the goal amended so far: ask the user."""
    return bool(data.get("goal")) and not found(criterion, text_before(data, criterion))


@dataclass(frozen=True)
class Assessment:
    """One criterion's verdict: a status code and the words it rests on."""

    criterion: str
    status: str
    evidence: tuple[str, ...] = ()

    @property
    def satisfied(self) -> bool | None:
        """True, False, or None while the user is unsure."""
        if self.status == UNSURE:
            return None
        return self.status in (MET, ADDED, YES)


def assess(data: Mapping[str, Any]) -> list[Assessment]:
    """All five criteria in SMART order."""
    result = []
    for criterion in CRITERIA:
        if criterion in JUDGED_CRITERIA:
            result.append(Assessment(criterion, str(data.get(criterion) or UNSURE)))
            continue
        own = found(criterion, text_before(data, criterion))
        if own:
            result.append(Assessment(criterion, MET, tuple(own)))
            continue
        addition = str(data.get(ADDITION_KEY[criterion]) or "")
        status = ADDED if addition else MISSING
        result.append(Assessment(criterion, status, (addition,) if addition else ()))
    return result


def _time_phrase(deadline: str) -> str:
    """"2025年12月底" → 在2025年12月底前，; "三个月内" → 在三个月内，; "每月" → 每月，."""
    core = deadline.strip().strip("，,。 ").removeprefix(TIME_LEAD)
    if core.startswith(TIME_EVERY_MARK):
        return texts.TIME_EVERY.format(time=core)
    if core.endswith(TIME_WITHIN_ENDINGS):
        return texts.TIME_WITHIN.format(time=core)
    for suffix in TIME_BY_ENDINGS:
        core = core.removesuffix(suffix)
    return texts.TIME_BY.format(time=core)


def _with_measure(goal: str, measure: str) -> str:
    """"提高满意度" + "从85%提高到90%" → 将满意度从85%提高到90%; "+到90%" → 提高满意度到90%."""
    verb = next((v for v in GOAL_VERBS if goal.startswith(v)), None)
    if measure.startswith(MEASURE_FROM_MARK) and verb and len(goal) > len(verb):
        return texts.MEASURE_FROM.format(what=goal[len(verb):], measure=measure)
    if measure.startswith(DIRECT_MEASURE_STARTS) or quantities(measure) == [measure]:
        return goal + measure
    return goal + texts.CLAUSE_JOIN + measure


def rewritten_goal(data: Mapping[str, Any]) -> str:
    """The goal with what the user added woven in: 在…前，针对…，<goal><measure>."""
    body = str(data.get("goal") or "").strip().rstrip("。.！!；; ")
    measure = str(data.get(ADDITION_KEY["measurable"]) or "").strip().rstrip("。")
    deadline = str(data.get(ADDITION_KEY["time_bound"]) or "").strip()
    if measure and not deadline and deadlines(measure):
        # "到年底从85%提高到90%" adds a deadline too: it goes in front, like an added one.
        deadline = deadlines(measure)[0]
        measure = measure.replace(deadline, "", 1).strip("，, ").removeprefix("到").removeprefix("在")
    if measure:
        body = _with_measure(body, measure)
    target = str(data.get(ADDITION_KEY["specific"]) or "").strip().rstrip("。")
    if target:
        body = texts.TARGET_PHRASE.format(target=target) + body
    if deadline:
        body = _time_phrase(deadline) + body
    return body
