"""REST input channel with the product's guarantees, mounted at ``/webhooks/rest/webhook``.

Rasa's stock ``RestInput`` passes any text to NLU and may answer ``[]`` when an action
fails. This subclass (a Rasa plug-in, like ``bot.web.channel``) rejects empty and over-long
messages and malformed JSON with a Chinese explanation before NLU, and always answers with
at least one message.

The sender id comes from the request, so it is namespaced (``rest:<sender>``) and never
reaches a portal user's conversation or analyses; without ``REST_TOKEN`` only clients on this
host are served, with it every request needs ``Authorization: Bearer <token>``
(:mod:`bot.web.access`). Typed ``/intent`` payloads are screened by :mod:`bot.web.commands`.
"""

from __future__ import annotations

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

from bot import texts
from bot.web.access import rest_access, rest_sender_id, visible_sender
from bot.web.commands import domain_vocabulary, screen_payload
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
            if not rest_access(request.ip, request.headers.get("Authorization")):
                if os.environ.get("REST_TOKEN"):
                    return response.json([{"text": texts.UNAUTHORIZED}], status=401)
                return response.json([{"text": texts.REST_FORBIDDEN}], status=403)
            try:
                body = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError, RecursionError):
                body = None
            if not isinstance(body, dict):
                return response.json([{"text": texts.BAD_REQUEST}], status=400)
            sender_id = rest_sender_id(body.get("sender"))
            if sender_id is None:
                return response.json([{"text": texts.BAD_SENDER}], status=400)
            recipient = visible_sender(sender_id)
            if body.get("message") is not None and not isinstance(body.get("message"), str):
                return response.json([{"recipient_id": recipient, "text": texts.BAD_MESSAGE_TYPE}], status=400)
            text = clean(body.get("message"))
            problem = rejection(text)
            if problem:
                return response.json([{"recipient_id": recipient, "text": problem}])
            screened = screen_payload(text, *domain_vocabulary(request.app))
            if screened.refusal:
                return response.json([{"recipient_id": recipient, "text": screened.refusal}])
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(screened.text, collector, sender_id,
                                                 input_channel=self.name(), metadata=metadata))
            except Exception:  # the user still gets an answer; the log keeps the details
                logger.exception("message handling failed for sender %s", sender_id)
            return response.json([{**m, "recipient_id": recipient} if "recipient_id" in m else m
                                  for m in ensure_reply(collector.messages)])

        return webhook
