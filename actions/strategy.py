"""Strategy-type wizard: ``strategy_type_form`` asks the preconditions, then recommends.

Started on its own (帮我选个竞争战略) or from a SWOT result; then the SWOT (and its quadrant,
used to break ties) is copied into the new analysis so its report holds both parts.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import payloads
from actions.common import send
from actions.wizard import (
    WizardValidation,
    answer_instead_of_starting,
    buttons,
    cancelled_reply,
    db,
    message_intent,
    one_block,
    reset_flags,
    save_progress,
)
from bot.analyses import store
from bot.strategy import texts
from bot.strategy.report import format_recommendation
from bot.strategy.strategy_types import ordered_questions, recommend
from bot.strategy.wizard import (
    DONE,
    STRATEGY_STEP,
    answer_buttons,
    apply_strategy_answer,
    strategy_prompt,
)

STRATEGY_SLOTS = (STRATEGY_STEP, "strategy_answers", "strategy_context", "analysis_id")


def analysis_data(tracker: Tracker, answers: dict[str, str]) -> dict[str, Any]:
    context = tracker.get_slot("strategy_context") or {}
    return {**context, "answers": answers}


def subject_of(tracker: Tracker) -> str:
    context = tracker.get_slot("strategy_context") or {}
    return str((context.get("swot") or {}).get("subject") or texts.STRATEGY_DEFAULT_SUBJECT)


class ValidateStrategyTypeForm(WizardValidation):
    def name(self) -> str:
        return "validate_strategy_type_form"

    async def extract_strategy_answer(self, dispatcher, tracker, domain) -> dict[str, Any]:
        return self.extract_input(STRATEGY_STEP, tracker)

    async def validate_strategy_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = self.fresh_value(STRATEGY_STEP, value, tracker)
        if text is None:
            return {STRATEGY_STEP: value}
        if (command := self.intercept(STRATEGY_STEP, text, dispatcher, tracker)) is not None:
            return command
        answers = dict(tracker.get_slot("strategy_answers") or {})
        result = apply_strategy_answer(answers, text, message_intent(tracker))
        for line in result.messages:
            send(dispatcher, line)
        slots: dict[str, Any] = {STRATEGY_STEP: DONE if result.done else None,
                                 "strategy_answers": answers}
        if result.changed:
            slots["analysis_id"] = await save_progress(
                tracker, "strategy_type", STRATEGY_STEP, analysis_data(tracker, answers),
                subject_of(tracker),
            )
        return slots


class ActionAskStrategyAnswer(Action):
    def name(self) -> str:
        return "action_ask_strategy_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        send(dispatcher, strategy_prompt(tracker.get_slot("strategy_answers") or {}),
             buttons(answer_buttons()))
        return []


def reset_strategy() -> list[EventType]:
    return [SlotSet(slot, None) for slot in STRATEGY_SLOTS] + reset_flags()


class ActionStartStrategyType(Action):
    """Creates the analysis (with the finished SWOT as context, if any) and explains the quiz."""

    def name(self) -> str:
        return "action_start_strategy_type"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answered = await answer_instead_of_starting(
            dispatcher, tracker, domain, texts.WIZARD_OFFER_STRATEGY,
            (texts.BUTTON_START_STRATEGY, payloads.intent("start_strategy_type")))
        if answered is not None:
            return answered
        swot = tracker.get_slot("swot_data")
        finished_swot = bool(swot) and tracker.get_slot("swot_weights") == DONE
        quadrant = tracker.get_slot("swot_quadrant") if finished_swot else None
        context: dict[str, Any] = {"swot": swot, "quadrant": quadrant} if finished_swot else {}
        subject = str((swot or {}).get("subject") or "") if finished_swot else ""
        subject = subject or texts.STRATEGY_DEFAULT_SUBJECT
        analysis_id = await db(store.start, tracker.sender_id, "strategy_type", subject,
                               {**context, "answers": {}}, step=STRATEGY_STEP)
        lines = [texts.STRATEGY_INTRO.format(count=len(ordered_questions()))]
        if quadrant:
            lines.append(texts.STRATEGY_CONTEXT.format(
                quadrant=quadrant, strategy=texts.QUADRANT_STRATEGIES[quadrant]))
        send(dispatcher, "\n".join(lines))
        return [*reset_strategy(), SlotSet("strategy_context", context),
                SlotSet("strategy_answers", {}), SlotSet("analysis_id", analysis_id)]


class ActionRecommendStrategyType(Action):
    """After ``strategy_type_form``: recommendation, reasons, ways, others' missing preconditions."""

    def name(self) -> str:
        return "action_recommend_strategy_type"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("wizard_cancelled"):
            cancelled_reply(dispatcher, tracker)
            return reset_strategy()
        answers = dict(tracker.get_slot("strategy_answers") or {})
        context = tracker.get_slot("strategy_context") or {}
        data = analysis_data(tracker, answers)
        analysis_id = tracker.get_slot("analysis_id")
        if analysis_id is None:
            analysis_id = await db(store.start, tracker.sender_id, "strategy_type",
                                   subject_of(tracker), data, step="done")
        await db(store.complete, int(analysis_id), tracker.sender_id, data)
        rec = recommend(answers, context.get("quadrant"))
        send(dispatcher, one_block("\n".join([
            texts.STRATEGY_RESULT_TITLE.format(subject=subject_of(tracker)), format_recommendation(rec)])))
        send(dispatcher, texts.STRATEGY_RESULT_NEXT, buttons([
            (texts.BUTTON_EXPORT, payloads.analysis("export_analysis", analysis_id)),
            (texts.BUTTON_START_SWOT, payloads.intent("start_swot")),
            (texts.BUTTON_LIST, payloads.intent("list_analyses")),
        ]))
        return [SlotSet(STRATEGY_STEP, None), SlotSet("analysis_id", int(analysis_id)), *reset_flags()]
