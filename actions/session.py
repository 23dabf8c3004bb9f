"""``/restart``: Rasa's default restart, with a Chinese confirmation instead of silence.

Rasa's own ``action_restart`` utters ``utter_restart`` (this domain has no responses) and
restarts the tracker; naming a custom action ``action_restart`` replaces it. Saved analyses
live in the application database and are not touched.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, Restarted
from rasa_sdk.executor import CollectingDispatcher

from actions import payloads
from actions.common import ChatAction, send
from bot import texts


class ActionRestart(ChatAction, action_name="action_restart"):
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        send(dispatcher, texts.RESTART_DONE, [(texts.BUTTON_CAPABILITIES, payloads.intent("ask_capabilities"))])
        return [Restarted()]
