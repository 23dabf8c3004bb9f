"""SWOT wizard: ``swot_form`` (subject → S → W → O → T → weights) and its result.

Thin: read the tracker, call ``bot.strategy`` / ``bot.analyses``, send what they format.
Every accepted input is saved at once, so a restart of either server loses nothing.
"""

from __future__ import annotations

import abc
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
    one_block,
    reset_flags,
    save_progress,
)
from bot.analyses import store
from bot.strategy import texts
from bot.strategy.decision import decide
from bot.strategy.report import explain_decision, format_measures, format_tows
from bot.strategy.tows import tows_matrix
from bot.strategy.wizard import (
    DONE,
    PART_STEPS,
    SWOT_STEPS,
    apply_factor_input,
    apply_weight_input,
    part_buttons,
    part_prompt,
    subject_error,
    swot_from_slot,
    weight_buttons,
    weight_prompt,
)

SWOT_SLOTS = (*SWOT_STEPS, "swot_data", "swot_quadrant", "analysis_id")


def current_swot(tracker: Tracker):
    return swot_from_slot(tracker.get_slot("swot_data"), tracker.get_slot("swot_subject") or "")


def next_step(step: str) -> str:
    index = SWOT_STEPS.index(step)
    return SWOT_STEPS[index + 1] if index + 1 < len(SWOT_STEPS) else DONE


class ValidateSwotForm(WizardValidation):
    def name(self) -> str:
        return "validate_swot_form"

    # --- extraction: the user's text for whichever step was asked ---------------------------

    async def extract_swot_subject(self, dispatcher, tracker, domain) -> dict[str, Any]:
        return self.extract_input("swot_subject", tracker)

    async def extract_swot_strengths(self, dispatcher, tracker, domain) -> dict[str, Any]:
        return self.extract_input("swot_strengths", tracker)

    async def extract_swot_weaknesses(self, dispatcher, tracker, domain) -> dict[str, Any]:
        return self.extract_input("swot_weaknesses", tracker)

    async def extract_swot_opportunities(self, dispatcher, tracker, domain) -> dict[str, Any]:
        return self.extract_input("swot_opportunities", tracker)

    async def extract_swot_threats(self, dispatcher, tracker, domain) -> dict[str, Any]:
        return self.extract_input("swot_threats", tracker)

    async def extract_swot_weights(self, dispatcher, tracker, domain) -> dict[str, Any]:
        return self.extract_input("swot_weights", tracker)

    # --- validation ----------------------------------------------------------------------------

    async def validate_swot_subject(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = self.fresh_value("swot_subject", value, tracker)
        if text is None:
            return {"swot_subject": value}
        if (command := self.intercept("swot_subject", text, dispatcher, tracker)) is not None:
            return command
        subject = text.strip()
        error = subject_error(subject)
        if error:
            send(dispatcher, error)
            return {"swot_subject": None}
        swot = current_swot(tracker)
        swot.subject = subject
        analysis_id = await save_progress(
            tracker, "swot", "swot_strengths", {"swot": swot.to_dict()}, subject
        )
        send(dispatcher, texts.WIZARD_SUBJECT_SET.format(subject=subject))
        return {"swot_subject": subject, "swot_data": swot.to_dict(), "analysis_id": analysis_id}

    async def _validate_part(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        text = self.fresh_value(slot, value, tracker)
        if text is None:
            return {slot: value}
        if (command := self.intercept(slot, text, dispatcher, tracker)) is not None:
            return command
        swot = current_swot(tracker)
        result = apply_factor_input(swot, PART_STEPS[slot], text)
        for line in result.messages:
            send(dispatcher, line)
        slots: dict[str, Any] = {slot: DONE if result.done else None, "swot_data": swot.to_dict()}
        if result.done and slot == "swot_threats" and not swot.all_factors:
            slots["swot_weights"] = DONE  # nothing to weigh
        if result.changed or result.done:
            step = next_step(slot) if result.done else slot
            slots["analysis_id"] = await save_progress(
                tracker, "swot", step, {"swot": swot.to_dict()}, swot.subject
            )
        return slots

    async def validate_swot_strengths(self, value, dispatcher, tracker, domain) -> dict[str, Any]:
        return await self._validate_part("swot_strengths", value, dispatcher, tracker)

    async def validate_swot_weaknesses(self, value, dispatcher, tracker, domain) -> dict[str, Any]:
        return await self._validate_part("swot_weaknesses", value, dispatcher, tracker)

    async def validate_swot_opportunities(self, value, dispatcher, tracker, domain) -> dict[str, Any]:
        return await self._validate_part("swot_opportunities", value, dispatcher, tracker)

    async def validate_swot_threats(self, value, dispatcher, tracker, domain) -> dict[str, Any]:
        return await self._validate_part("swot_threats", value, dispatcher, tracker)

    async def validate_swot_weights(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = self.fresh_value("swot_weights", value, tracker)
        if text is None:
            return {"swot_weights": value}
        if (command := self.intercept("swot_weights", text, dispatcher, tracker)) is not None:
            return command
        swot = current_swot(tracker)
        result = apply_weight_input(swot, text)
        for line in result.messages:
            send(dispatcher, line)
        slots: dict[str, Any] = {"swot_weights": DONE if result.done else None,
                                 "swot_data": swot.to_dict()}
        if result.changed:
            slots["analysis_id"] = await save_progress(
                tracker, "swot", "swot_weights", {"swot": swot.to_dict()}, swot.subject
            )
        return slots


class ActionAskSwotSubject(Action):
    def name(self) -> str:
        return "action_ask_swot_subject"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        send(dispatcher, texts.WIZARD_ASK_SUBJECT)
        return []


class _AskPart(Action, abc.ABC):
    """``action_ask_swot_<part>``: guidance the first time, the list so far afterwards."""

    slot = ""

    @abc.abstractmethod
    def name(self) -> str:  # abstract, so rasa_sdk does not register the base class
        raise NotImplementedError

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        swot = current_swot(tracker)
        key = PART_STEPS[self.slot]
        send(dispatcher, part_prompt(swot, key), buttons(part_buttons(swot, key)))
        return []


class ActionAskSwotStrengths(_AskPart):
    slot = "swot_strengths"

    def name(self) -> str:
        return "action_ask_swot_strengths"


class ActionAskSwotWeaknesses(_AskPart):
    slot = "swot_weaknesses"

    def name(self) -> str:
        return "action_ask_swot_weaknesses"


class ActionAskSwotOpportunities(_AskPart):
    slot = "swot_opportunities"

    def name(self) -> str:
        return "action_ask_swot_opportunities"


class ActionAskSwotThreats(_AskPart):
    slot = "swot_threats"

    def name(self) -> str:
        return "action_ask_swot_threats"


class ActionAskSwotWeights(Action):
    def name(self) -> str:
        return "action_ask_swot_weights"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        send(dispatcher, weight_prompt(current_swot(tracker)), buttons(weight_buttons()))
        return []


def reset_swot() -> list[EventType]:
    return [SlotSet(slot, None) for slot in SWOT_SLOTS] + reset_flags()


class ActionStartSwot(Action):
    """Clears the previous run's slots; the rule then activates ``swot_form``."""

    def name(self) -> str:
        return "action_start_swot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answered = await answer_instead_of_starting(
            dispatcher, tracker, domain, texts.WIZARD_OFFER_SWOT,
            (texts.BUTTON_START_SWOT_FIRST, payloads.intent("start_swot")))
        return answered if answered is not None else reset_swot()


class ActionShowSwotResult(Action):
    """After ``swot_form``: the decision with numbers, measures, TOWS matrix, next steps."""

    def name(self) -> str:
        return "action_show_swot_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("wizard_cancelled"):
            cancelled_reply(dispatcher, tracker)
            return reset_swot()
        swot = current_swot(tracker)
        decision = decide(swot)
        data = {"swot": swot.to_dict(), "quadrant": decision.quadrant}
        analysis_id = tracker.get_slot("analysis_id")
        if analysis_id is None:
            analysis_id = await db(store.start, tracker.sender_id, "swot", swot.subject, data,
                                   step="done")
        await db(store.complete, int(analysis_id), tracker.sender_id, data)
        subject = swot.subject or texts.REPORT_DEFAULT_SUBJECT
        send(dispatcher, "\n".join([texts.WIZARD_RESULT_TITLE.format(subject=subject),
                                    explain_decision(decision)]))
        for quadrant in decision.quadrants:
            send(dispatcher, one_block("\n".join([
                texts.WIZARD_RESULT_MEASURES.format(
                    quadrant=quadrant, strategy=texts.QUADRANT_STRATEGIES[quadrant]),
                format_measures(quadrant),
            ])))
        send(dispatcher, one_block("\n".join([texts.WIZARD_RESULT_TOWS, format_tows(tows_matrix(swot))])))
        send(dispatcher, texts.WIZARD_RESULT_NEXT, buttons([
            (texts.BUTTON_START_STRATEGY, payloads.intent("start_strategy_type")),
            (texts.BUTTON_EXPORT, payloads.analysis("export_analysis", analysis_id)),
            (texts.BUTTON_START_SWOT, payloads.intent("start_swot")),
        ]))
        return [SlotSet("swot_quadrant", decision.quadrant), SlotSet("analysis_id", int(analysis_id)),
                SlotSet("swot_data", swot.to_dict()), *reset_flags()]

