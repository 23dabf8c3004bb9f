"""REST input channel with the product's guarantees, mounted at ``/webhooks/rest/webhook``.

Rasa's stock ``RestInput`` passes any text to NLU and may answer ``[]`` when an action
fails. This subclass (a Rasa plug-in, like ``bot.web.channel``) rejects empty and over-long
messages and malformed JSON with a Chinese explanation before NLU, and always answers with
at least one message; importing it applies :mod:`bot.web.rasa_patches`.

The REST channel takes the sender id from the request, so outside a trusted network set
``REST_TOKEN``: requests must then carry ``Authorization: Bearer <token>`` (the portal widget
uses the JWT channel instead).
"""

from __future__ import annotations

import hmac
import inspect
import json
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

import bot.web.rasa_patches  # noqa: F401  (action timeout, validator built once)
from bot import texts
from bot.web.guard import clean, ensure_reply, rejection

logger = logging.getLogger(__name__)



class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        module = inspect.getmodule(self)
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", module.__name__ if module else None)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            token = os.environ.get("REST_TOKEN", "")
            if token and not hmac.compare_digest(request.headers.get("Authorization", ""), f"Bearer {token}"):
                return response.json([{"text": texts.UNAUTHORIZED}], status=401)
            try:
                body = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError):
                body = None
            if not isinstance(body, dict):
                return response.json([{"text": texts.BAD_REQUEST}], status=400)
            sender = clean(body.get("sender")) or "default"
            text = clean(body.get("message"))
            problem = rejection(text)
            if problem:
                return response.json([{"recipient_id": sender, "text": problem}])
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                                 metadata=metadata))
            except Exception:  # the user still gets an answer; the log keeps the details
                logger.exception("message handling failed for sender %s", sender)
            return response.json(ensure_reply(collector.messages))

        return webhook
