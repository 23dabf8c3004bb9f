"""SWOT / strategy-type engine: plain Python (stdlib only) so it is tested without Rasa.

Actions import the modules directly; the most used names are re-exported here.
"""

from bot.strategy.decision import SwotDecision, decide
from bot.strategy.factors import (
    Command,
    Factor,
    ParseError,
    SwotInput,
    collect_factors,
    parse_command,
    parse_factors,
    parse_weight,
    parse_weights,
    validate_factor,
)
from bot.strategy.measures import guiding_questions, measures_for
from bot.strategy.report import error_message, explain_decision, render_markdown
from bot.strategy.strategy_types import ordered_questions, parse_answer, recommend
from bot.strategy.tows import tows_lines, tows_matrix

__all__ = [
    "Command",
    "Factor",
    "ParseError",
    "SwotDecision",
    "SwotInput",
    "collect_factors",
    "decide",
    "error_message",
    "explain_decision",
    "guiding_questions",
    "measures_for",
    "ordered_questions",
    "parse_answer",
    "parse_command",
    "parse_factors",
    "parse_weight",
    "parse_weights",
    "recommend",
    "render_markdown",
    "tows_lines",
    "tows_matrix",
    "validate_factor",
]
