"""Every Rasa name the tool engine is driven by: form, slots, intents, payloads.

``bot/tools`` knows none of them; adding a tool needs no entry here, because its start
intent is derived from its kind (``start_<kind>``).
"""

from __future__ import annotations

from typing import Any

from actions import payloads
from bot.tools import registry
from bot.tools.engine import Command, Link

FORM = "tool_form"
INPUT_SLOT = "tool_input"  # from_text while the form runs; emptied after every message
SESSION_SLOT = "tool_session"  # the running bot.tools.engine.Session as a dict
LAST_SLOT = "tool_last"  # {"kind", "analysis_id"} of the last run in this chat, or its unsaved "pending" data
ANALYSIS_ENTITY = "analysis_id"
START_PREFIX = "start_"
SAVE_INTENT = "save_analysis"  # 保存 after a one-shot result
DONE = "done"

# Intents that carry a wizard command when they come from a button or a short message.
HINTS: dict[str, Command] = {
    "list_analyses": Command.LIST,
    "export_analysis": Command.EXPORT,
    "stop": Command.CANCEL,
    "resume_analysis": Command.RESUME,
    "ask_concept": Command.QUESTION,
    "ask_compare": Command.QUESTION,
    "ask_role_duties": Command.QUESTION,
    "ask_role_requirements": Command.QUESTION,
    "ask_capabilities": Command.QUESTION,
}
YES_NO: dict[str, bool] = {"affirm": True, "deny": False}
# A yes/no button inside a step answers in words, so the step's own parser reads it.
PAYLOAD_WORDS: dict[str, str] = {"/affirm": "是", "/deny": "否"}


def start_intent(kind: str) -> str:
    return f"{START_PREFIX}{kind}"


def kind_of(intent: str | None) -> str | None:
    """The tool a start intent names (``start_swot`` → ``swot``)."""
    if intent and intent.startswith(START_PREFIX):
        return intent[len(START_PREFIX):]
    return None


def link_payload(link: Link, analysis_id: int | None, kind: str | None = None) -> str:
    """The Rasa payload of a core button that leaves the step.

    A start button carries the current analysis when the tool it starts can be derived
    from this kind (competitor comparison → SWOT).
    """
    target = link.analysis_id if link.analysis_id is not None else analysis_id
    if link.action == "start" and link.tool:
        tool = registry.get(link.tool)
        if target is not None and tool is not None and kind in tool.derive:
            return payloads.intent(start_intent(link.tool), **{ANALYSIS_ENTITY: int(target)})
        return payloads.intent(start_intent(link.tool))
    if link.action in ("export", "resume") and target is not None:
        return payloads.analysis(f"{link.action}_analysis", target)
    return payloads.intent({"export": "export_analysis", "resume": "resume_analysis"}.get(
        link.action, "list_analyses"))


def button_pairs(buttons: list[tuple[str, Any]], analysis_id: int | None = None,
                 kind: str | None = None) -> list[tuple[str, str]]:
    return [(title, link_payload(value, analysis_id, kind) if isinstance(value, Link) else value)
            for title, value in buttons]
