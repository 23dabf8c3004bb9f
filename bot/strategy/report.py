"""Chinese explanations and the Markdown report of an analysis.

The report is rebuilt from the stored inputs (factors, weights, answers) every time, so the
saved data never holds derived numbers that could drift from the engine's rules.

The ``analysis`` mapping (the shape stored in ``Analysis.data`` plus ``subject``/``kind``)::

    {"subject": str, "kind": "swot" | "strategy_type",
     "swot": SwotInput.to_dict(),          # optional
     "answers": {question_id: "yes" | "no" | "unsure"},   # optional
     "quadrant": "SO" | "ST" | "WO" | "WT"}                # optional context
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.strategy import texts
from bot.strategy.decision import SwotDecision, decide
from bot.strategy.factors import PARTS, Factor, SwotInput
from bot.strategy.measures import measure_note, measures_for
from bot.strategy.strategy_types import (
    StrategyRecommendation,
    ordered_questions,
    recommend,
)
from bot.strategy.tows import TowsLine, tows_matrix


def error_message(code: str) -> str:
    """Chinese message for an error code from the parsers."""
    return texts.ERROR_MESSAGES.get(code, texts.UNKNOWN_ERROR)


def explain_decision(decision: SwotDecision) -> str:
    """The quadrant with the numbers behind it; for a balanced side, all candidates."""
    lines = [
        texts.DECISION_SCORES.format(
            s=decision.strength_score,
            w=decision.weakness_score,
            o=decision.opportunity_score,
            t=decision.threat_score,
            internal=decision.internal,
            external=decision.external,
        )
        + ("" if decision.weighted else texts.DECISION_WEIGHTS_EQUAL)
    ]
    if decision.quadrant:
        q = decision.quadrant
        lines.append(
            texts.DECISION_SINGLE.format(
                quadrant=q,
                strategy=texts.QUADRANT_STRATEGIES[q],
                situation=texts.QUADRANT_SITUATIONS[q],
            )
        )
        return "\n".join(lines)
    if decision.balanced_internal:
        lines.append(texts.DECISION_BALANCED_INTERNAL)
    if decision.balanced_external:
        lines.append(texts.DECISION_BALANCED_EXTERNAL)
    candidates = texts.LIST_SEPARATOR.join(
        texts.CANDIDATE_ITEM.format(quadrant=q, strategy=texts.QUADRANT_STRATEGIES[q])
        for q in decision.quadrants
    )
    lines.append(texts.DECISION_CANDIDATES.format(candidates=candidates))
    return "\n".join(lines)


def format_measures(quadrant: str) -> str:
    """Numbered measures for one quadrant, as chat text."""
    lines = [f"{n}. {m.label}：{m.detail}" for n, m in enumerate(measures_for(quadrant), start=1)]
    note = measure_note(quadrant)
    return "\n".join(lines + (["", note] if note else []))


def format_tows(matrix: Mapping[str, list[TowsLine]]) -> str:
    """The TOWS lines as chat text: one heading per quadrant, numbered lines naming the pair."""
    blocks = []
    for quadrant, lines in matrix.items():
        body = [f"{n}. [{line.label}] {line.text}" for n, line in enumerate(lines, start=1)]
        blocks.append(
            "\n".join([texts.TOWS_TITLES[quadrant], *(body or [texts.REPORT_TOWS_EMPTY])])
        )
    return "\n\n".join(blocks)


def format_recommendation(rec: StrategyRecommendation) -> str:
    """Recommended type with reasons, ways to implement, and the others' missing preconditions."""
    lines = [texts.REPORT_RECOMMENDED.format(name=rec.name, score=_percent(rec.best.score))]
    if rec.tie_broken_by_quadrant:
        lines.append(texts.REPORT_TIE_BREAK.format(quadrant=rec.quadrant))
    lines.append(texts.STRATEGY_TYPE_SUMMARIES[rec.type_key])
    if rec.reasons:
        lines.append(texts.REPORT_REASONS)
        lines += [f"{n}. {r}" for n, r in enumerate(rec.reasons, start=1)]
    else:
        lines.append(texts.REPORT_NO_REASONS)
    lines.append(texts.REPORT_WAYS)
    lines += [f"{n}. {w}" for n, w in enumerate(rec.ways, start=1)]
    lines.append(texts.REPORT_SCORES)
    lines += [f"- {s.name}：{_percent(s.score)}%" for s in rec.scores]
    lines.append(texts.REPORT_MISSING)
    for key, missing in rec.missing_for_others.items():
        name = texts.STRATEGY_TYPE_NAMES[key]
        lines.append(
            "- "
            + (
                texts.REPORT_MISSING_ITEM.format(
                    name=name, items=texts.LIST_SEPARATOR.join(missing)
                )
                if missing
                else texts.REPORT_NOTHING_MISSING.format(name=name)
            )
        )
    return "\n".join(lines)


def render_markdown(analysis: Mapping[str, Any]) -> str:
    """Full Markdown report: factors, scores and quadrant, measures, TOWS, strategy type."""
    swot = _swot_of(analysis)
    subject = str(analysis.get("subject") or (swot.subject if swot else "")).strip()
    out = [texts.REPORT_TITLE.format(subject=subject or texts.REPORT_DEFAULT_SUBJECT)]
    quadrant = analysis.get("quadrant")
    if swot is not None:
        decision = decide(swot)
        quadrant = quadrant or decision.quadrant
        out += ["", texts.REPORT_FACTORS, *_factor_sections(swot)]
        out += [
            "",
            texts.REPORT_DECISION,
            "",
            *_score_table(decision),
            "",
            explain_decision(decision),
        ]
        for q in decision.quadrants:
            out += [
                "",
                texts.REPORT_MEASURES.format(strategy=texts.QUADRANT_STRATEGIES[q]),
            ]
            out += ["", format_measures(q)]
        out += ["", texts.REPORT_TOWS, "", *_tows_table(tows_matrix(swot))]
    answers = analysis.get("answers") or {}
    if answers:
        rec = recommend(answers, quadrant)
        out += ["", texts.REPORT_STRATEGY_TYPE, "", format_recommendation(rec)]
        out += ["", texts.REPORT_ANSWERS, *_answer_lines(answers)]
    if swot is not None:
        out += ["", texts.SOURCE_SWOT]
    if answers:
        out += ["", texts.SOURCE_STRATEGY_TYPE]
    return "\n".join(out) + "\n"


def _swot_of(analysis: Mapping[str, Any]) -> SwotInput | None:
    raw = analysis.get("swot")
    if raw is None:
        return None
    return raw if isinstance(raw, SwotInput) else SwotInput.from_dict(raw)


def _percent(score: float) -> int:
    return round(score * 100)


def _cell(text: str) -> str:
    """Table cells may not contain a bare pipe."""
    return text.replace("|", "\\|")


def _factor_line(n: int, factor: Factor) -> str:
    weight = (
        texts.REPORT_NO_WEIGHT
        if factor.weight is None
        else texts.REPORT_WEIGHT.format(weight=factor.weight)
    )
    return f"{n}. {factor.text}（{weight}）"


def _factor_sections(swot: SwotInput) -> list[str]:
    out: list[str] = []
    for key in PARTS:
        factors = swot.part(key)
        out += ["", f"### {texts.PART_NAMES[key]}（{key}）", ""]
        out += [_factor_line(n, f) for n, f in enumerate(factors, start=1)] or [
            texts.REPORT_EMPTY_PART
        ]
    return out


def _score_table(decision: SwotDecision) -> list[str]:
    values = {
        "S": decision.strength_score,
        "W": decision.weakness_score,
        "O": decision.opportunity_score,
        "T": decision.threat_score,
        "internal": decision.internal,
        "external": decision.external,
    }
    rows = [f"| {texts.REPORT_SCORE_ROWS[k]} | {v} |" for k, v in values.items()]
    return [texts.REPORT_SCORE_TABLE_HEADER, *rows]


def _tows_table(matrix: Mapping[str, list[TowsLine]]) -> list[str]:
    rows = [
        f"| {q} | {line.label} | {_cell(line.text)} | {line.weight} |"
        for q, lines in matrix.items()
        for line in lines
    ]
    return [texts.REPORT_TOWS_HEADER, *rows] if rows else [texts.REPORT_TOWS_EMPTY]


def _answer_lines(answers: Mapping[str, str]) -> list[str]:
    return [
        f"- {texts.PRECONDITION_LABELS[qid]}：{texts.ANSWER_LABELS[answers[qid]]}"
        for qid, _type, _question in ordered_questions()
        if qid in answers
    ]
