"""Shared pieces of the two strategy wizards: input extraction, 取消 confirmation, saving.

Wizard input slots use ``custom`` mappings filled here (``extract_<slot>``) instead of
``from_text``: the text of the user's turn becomes the requested slot's value unless it is a
knowledge question (then nothing is extracted, the form is rejected and the rules in
data/rules/wizard.yml answer it with ``action_answer_question`` and return to the form).
Deciding "question or input" needs the text as well as the intent, because factors such as
"客户忠诚度高" are often classified ``ask_concept``.
"""

from __future__ import annotations

import abc
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions import payloads
from actions.common import off_loop, send
from bot.analyses import store
from bot.strategy import texts
from bot.strategy.wizard import (
    confirm_answer,
    is_cancel,
    is_how_to_question,
    is_question,
    is_resume_request,
)

T = TypeVar("T")

FORMS = ("swot_form", "strategy_type_form")
CONFIRM_SLOT = "wizard_confirm_cancel"
CANCEL_PENDING = "wizard_cancel_pending"
CANCELLED = "wizard_cancelled"
_NOT_AFTER_USER = ("action_listen", *FORMS)

async def db(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a ``bot.analyses.store`` call in a worker thread (never on the event loop)."""
    return await off_loop(functools.partial(func, *args, **kwargs))


def buttons(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(pairs)


def one_block(text: str) -> str:
    """Rasa's channels split a reply at blank lines; keep a report or matrix in one bubble."""
    return "\n".join(line for line in text.splitlines() if line.strip())


def message_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def message_intent(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def is_fresh_input(tracker: Tracker, slot: str) -> bool:
    """True when the latest user message answers ``slot``, the question the form asked.

    False at activation or resumption (nothing was asked yet) and when the form returns
    after an interruption (another action ran since the user spoke), so a message is never
    taken as input twice and prefilled values pass through untouched.
    """
    if tracker.get_slot(REQUESTED_SLOT) != slot:
        return False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return True
        if kind == "action" and event.get("name") not in _NOT_AFTER_USER:
            return False
    return False


async def save_progress(
    tracker: Tracker, kind: str, step: str, data: dict[str, Any], subject: str
) -> int:
    """Save the current inputs of the running analysis; start a new row if it vanished."""
    user = tracker.sender_id
    analysis_id = tracker.get_slot("analysis_id")
    if analysis_id is not None:
        try:
            await db(store.save_step, int(analysis_id), user, step, data, subject=subject)
            return int(analysis_id)
        except store.AnalysisNotFound:
            pass
    return await db(store.start, user, kind, subject, data, step=step)


class WizardValidation(FormValidationAction):
    """Base of the form validators: extraction of wizard input and the 取消 confirmation."""

    @abc.abstractmethod
    def name(self) -> str:  # abstract, so rasa_sdk does not register the base class
        raise NotImplementedError

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot(CANCELLED):
            return []  # form ends; the result action sees the flag and says 已退出
        if tracker.get_slot(CANCEL_PENDING):
            return [CONFIRM_SLOT, *domain_slots]
        return domain_slots

    def extract_input(self, slot: str, tracker: Tracker) -> dict[str, Any]:
        """The user's text for ``slot``; nothing for a knowledge question (form rejected)."""
        if not is_fresh_input(tracker, slot):
            return {}
        text = message_text(tracker)
        if slot != CONFIRM_SLOT and is_question(text, message_intent(tracker)):
            return {}
        return {slot: text}

    def fresh_value(self, slot: str, value: Any, tracker: Tracker) -> str | None:
        """The text to process, or None when the value is not new user input."""
        if value is None or not isinstance(value, str) or not is_fresh_input(tracker, slot):
            return None
        return value

    @staticmethod
    def cancel_requested(slot: str) -> dict[str, Any]:
        return {slot: None, CANCEL_PENDING: True}

    def intercept(
        self, slot: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any] | None:
        """Slots for a wizard command (取消, 继续我的分析) instead of step input, else None."""
        intent = message_intent(tracker)
        if is_cancel(text, intent):
            return self.cancel_requested(slot)
        if is_resume_request(text, intent):
            send(dispatcher, texts.WIZARD_RESUMED_HERE)
            return {slot: None}
        return None

    async def extract_wizard_confirm_cancel(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self.extract_input(CONFIRM_SLOT, tracker)

    async def validate_wizard_confirm_cancel(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = self.fresh_value(CONFIRM_SLOT, value, tracker)
        if text is None:
            return {CONFIRM_SLOT: value}
        answer = confirm_answer(text, message_intent(tracker))
        if answer is None:
            send(dispatcher, texts.WIZARD_CONFIRM_UNCLEAR)
            return {CONFIRM_SLOT: None}
        if answer:
            return {CONFIRM_SLOT: None, CANCEL_PENDING: False, CANCELLED: True}
        send(dispatcher, texts.WIZARD_CANCEL_CONTINUE)
        return {CONFIRM_SLOT: None, CANCEL_PENDING: False}


def reset_flags() -> list[EventType]:
    return [SlotSet(CONFIRM_SLOT, None), SlotSet(CANCEL_PENDING, False), SlotSet(CANCELLED, False)]


def cancelled_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    saved = tracker.get_slot("analysis_id") is not None
    if saved:
        send(dispatcher, texts.WIZARD_CANCELLED_SAVED,
             buttons([(texts.BUTTON_RESUME_LATEST, payloads.intent("resume_analysis")), (texts.BUTTON_LIST, payloads.intent("list_analyses"))]))
    else:
        send(dispatcher, texts.WIZARD_CANCELLED_NOTHING,
             buttons([(texts.BUTTON_START_SWOT, payloads.intent("start_swot"))]))


class ActionAskWizardConfirmCancel(Action):
    """确定要退出吗 with 是 / 否 buttons (text payloads, read by the validator)."""

    def name(self) -> str:
        return "action_ask_wizard_confirm_cancel"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        lines = [texts.WIZARD_CONFIRM_CANCEL]
        if tracker.get_slot("analysis_id") is not None:
            lines.append(texts.WIZARD_CONFIRM_CANCEL_SAVED)
        send(dispatcher, "".join(lines), buttons([(texts.BUTTON_CONFIRM_QUIT, texts.BUTTON_YES),
                                                  (texts.BUTTON_CONFIRM_CONTINUE, texts.BUTTON_CONTINUE)]))
        return []


async def answer_instead_of_starting(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, offer: str,
    button: tuple[str, str],
) -> list[EventType] | None:
    """A start intent that reads like a how-to question ("SWOT分析怎么做") gets the knowledge
    answer and a button to start; the form is not activated. None: start the wizard."""
    if not is_how_to_question(message_text(tracker)):
        return None
    from actions.knowledge import ActionAnswerQuestion

    events = await ActionAnswerQuestion().run(dispatcher, tracker, domain)
    send(dispatcher, offer, buttons([button]))
    return [*events, FollowupAction("action_listen")]
