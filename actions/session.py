"""``/restart``: Rasa's default restart, with a Chinese confirmation instead of silence.

Rasa's own ``action_restart`` utters ``utter_restart`` (this domain has no responses) and
restarts the tracker; naming a custom action ``action_restart`` replaces it. Saved analyses
live in the application database and are not touched.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import payloads
from actions.common import send
from bot import texts


class ActionRestart(Action):
    def name(self) -> str:
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        send(dispatcher, texts.RESTART_DONE, [(texts.BUTTON_CAPABILITIES, payloads.intent("ask_capabilities"))])
        return [Restarted()]
