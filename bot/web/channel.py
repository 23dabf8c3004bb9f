"""The portal's socket.io input channel: who is talking is decided by a signed token.

This module is the second place that plugs into Rasa (the first is ``bot/nlu``): it is a
custom input channel, listed in ``credentials.yml`` as ``bot.web.channel.PortalInput``.
It works like Rasa's ``socketio`` channel with three differences:

* **Identity from a JWT.** The widget connects with ``auth: {token}``, an HS256 JWT signed
  with ``PORTAL_JWT_SECRET`` (claims: ``sub`` and ``exp`` required). The conversation id
  (Rasa's sender id) is the token's ``sub``; any ``session_id`` or sender the client sends is
  ignored, so nobody reads or writes another user's conversation or analyses. A ``sub`` in
  the REST channel's namespace (``rest:…``) is refused (:mod:`bot.web.access`). With
  ``PORTAL_JWT_SECRET`` unset (development only) connections without a token are allowed
  and get an anonymous id ``anon-<hex>``, which the client may present again to resume.
* **Only configured origins.** ``CORS_ORIGINS`` (comma separated, default
  ``http://localhost:8080``) is enforced on the socket.io handshake, websocket included.
* **History on reconnect.** ``session_request`` answers ``session_confirm`` and then
  ``history``: the last user/bot messages of this user's tracker, in the same shape as live
  bot messages, so the widget re-renders the conversation after a reload or on another page.

* **Answer feedback.** A ``feedback`` event (👍 / 👎 of the widget) is stored for the
  connection's user through ``bot.ops.feedback.record_feedback`` in a worker thread and
  answered with ``feedback_saved`` (``{ok}``); a failing database never breaks the chat.

The same blueprint serves the admin page and API under ``/webhooks/portal/admin``
(:mod:`bot.web.admin`, admin JWT required; docs/admin.md).

Bot messages are ``{"text": ..., "buttons": [{"title", "payload"}]}``, ``{"custom": {...}}``
or ``{"attachment": ...}``; see docs/portal.md for the ``swot_matrix`` custom payload.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from sanic import Blueprint, response
from socketio import AsyncServer

from bot import texts
from bot.web import admin_texts
from bot.web.access import portal_subject_allowed
from bot.web.admin import add_admin_routes
from bot.web.commands import domain_vocabulary, screen_payload
from bot.web.guard import clean, ensure_reply, rejection

logger = logging.getLogger(__name__)

ALGORITHM = "HS256"
HISTORY_LIMIT = 60
FEEDBACK_FIELD_CHARS = 4000  # bot.ops.feedback truncates further; this bounds the thread's work
ANONYMOUS_ID = re.compile(r"^anon-[0-9a-f]{32}$")


def allowed_origins() -> list[str]:
    raw = os.environ.get("CORS_ORIGINS", "http://localhost:8080")
    return [origin.strip().rstrip("/") for origin in re.split(r"[,\s]+", raw) if origin.strip()]


def verify_token(token: str | None, secret: str) -> dict[str, Any] | None:
    """The token's claims when it is a valid, unexpired HS256 JWT with a ``sub``; else None."""
    if not token:
        return None
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], leeway=30,
                            options={"require": ["sub", "exp"]})
    except jwt.PyJWTError as exc:
        logger.info("portal: rejected token (%s)", exc)
        return None
    return claims if portal_subject_allowed(claims.get("sub")) else None


def room(sender_id: str) -> str:
    return f"user:{sender_id}"


class PortalOutput(SocketIOOutput):
    """Sends to every connection of one user; buttons and custom JSON in the widget's shape."""

    @classmethod
    def name(cls) -> str:
        return "portal"

    sent = 0  # messages sent for the current user turn (checked for the never-empty rule)

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await self.sio.emit(self.bot_message_evt, response, room=room(socket_id))

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        parts = [part for part in text.strip().split("\n\n") if part] or [""]
        for part in parts[:-1]:
            await self._send_message(recipient_id, {"text": part})
        await self._send_message(recipient_id, {"text": parts[-1], "buttons": _buttons(buttons)})

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any],
                               **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


def _buttons(buttons: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    return [{"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in buttons or []]


def history_from_events(events: list[dict[str, Any]], limit: int = HISTORY_LIMIT) -> list[dict]:
    """User and bot messages of a tracker, oldest first, as the widget renders them."""
    items: list[dict[str, Any]] = []
    for event in events:
        if event.get("event") == "user":
            metadata = event.get("metadata") or {}
            items.append({"from": "user", "text": metadata.get("display") or event.get("text") or ""})
        elif event.get("event") == "bot":
            data = event.get("data") or {}
            item: dict[str, Any] = {"from": "bot", "text": event.get("text") or ""}
            if data.get("buttons"):
                item["buttons"] = _buttons(data["buttons"])
            if data.get("custom"):
                item["custom"] = data["custom"]
            if data.get("attachment"):
                item["attachment"] = data["attachment"]
            items.append(item)
    return items[-limit:]


def _field(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return clean(value)[:FEEDBACK_FIELD_CHARS] or None if isinstance(value, str) else None


async def save_feedback(sender: str, data: dict[str, Any]) -> dict[str, Any]:
    """Store one 👍/👎 of ``sender`` (never a user the client names); ``{ok}`` plus an error text.

    Runs the database write in a worker thread. Invalid input (bot.ops raises ValueError with a
    Chinese message) and a failing database both answer ``ok: false``; neither reaches the chat.
    """
    try:
        from bot.ops.feedback import record_feedback

        await asyncio.to_thread(
            record_feedback, sender, topic_id=_field(data, "topic"), question=_field(data, "question") or "",
            answer=_field(data, "answer") or "", rating=_field(data, "rating") or "",
            reason=_field(data, "reason"), comment=_field(data, "comment"))
    except ValueError as exc:
        return {"ok": False, "error": str(exc) or admin_texts.FEEDBACK_FAILED}
    except Exception:
        logger.exception("portal: feedback of %s not saved", sender)
        return {"ok": False, "error": admin_texts.FEEDBACK_FAILED}
    return {"ok": True}


class PortalInput(InputChannel):
    """socket.io for the intranet portal widget, with the user taken from a signed JWT."""

    @classmethod
    def name(cls) -> str:
        return "portal"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(credentials.get("user_message_evt", "user_uttered"),
                   credentials.get("bot_message_evt", "bot_uttered"),
                   credentials.get("socketio_path", "/socket.io"))

    def __init__(self, user_message_evt: str = "user_uttered", bot_message_evt: str = "bot_uttered",
                 socketio_path: str = "/socket.io") -> None:
        self.user_message_evt = user_message_evt
        self.bot_message_evt = bot_message_evt
        self.socketio_path = socketio_path
        self.secret = os.environ.get("PORTAL_JWT_SECRET") or None
        self.sio: AsyncServer | None = None
        self.app: Any = None
        if self.secret is None:
            logger.warning("portal: PORTAL_JWT_SECRET is unset: anonymous development mode")

    def get_output_channel(self) -> OutputChannel | None:
        return PortalOutput(self.sio, self.bot_message_evt) if self.sio else None

    async def _history(self, sender_id: str) -> list[dict[str, Any]]:
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        if agent is None or agent.tracker_store is None:
            return []
        tracker = await agent.tracker_store.retrieve(sender_id)
        return history_from_events([e.as_dict() for e in tracker.events]) if tracker else []

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=allowed_origins())
        self.sio = sio
        blueprint = SocketBlueprint(sio, self.socketio_path, "portal_webhook", __name__)

        @blueprint.route("/", methods=["GET"])
        async def health(_: Any) -> Any:
            return response.json({"status": "ok"})

        add_admin_routes(blueprint, self.secret)

        @sio.on("connect")
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            request = environ.get("sanic.request")
            if request is not None:
                self.app = request.app
            token = auth.get("token") if isinstance(auth, dict) else None
            token = token if isinstance(token, str) else None
            if self.secret is None and not token:
                await sio.save_session(sid, {"sender": None, "exp": None})
                return True
            claims = verify_token(token, self.secret) if self.secret else None
            if claims is None:
                return False  # the client sees a connect_error
            await sio.save_session(sid, {"sender": claims["sub"], "exp": claims["exp"]})
            return True

        @sio.on("session_request")
        async def session_request(sid: str, data: Any = None) -> None:
            session = await sio.get_session(sid)
            if session["sender"] is None:  # anonymous development mode
                wanted = str(data.get("session_id") or "") if isinstance(data, dict) else ""
                session["sender"] = wanted if ANONYMOUS_ID.match(wanted) else f"anon-{secrets.token_hex(16)}"
                await sio.save_session(sid, session)
            sender = session["sender"]
            await sio.enter_room(sid, room(sender))
            await sio.emit("session_confirm", sender, room=sid)
            await sio.emit("history", await self._history(sender), room=sid)

        @sio.on("feedback")
        async def handle_feedback(sid: str, data: Any = None) -> None:
            session = await sio.get_session(sid)
            data = data if isinstance(data, dict) else {}
            ref = data.get("ref") if isinstance(data.get("ref"), str) else None
            reply: dict[str, Any] = {"ok": False, "ref": ref[:40]} if ref else {"ok": False}
            sender = session.get("sender")
            if sender is None:
                await sio.emit("feedback_saved", {**reply, "error": admin_texts.FEEDBACK_NO_SESSION}, room=sid)
                return
            if session["exp"] is not None and session["exp"] < time.time() - 30:
                await sio.emit("auth_expired", room=sid)
                await sio.disconnect(sid)
                return
            reply.update(await save_feedback(sender, data))
            await sio.emit("feedback_saved", reply, room=sid)

        @sio.on(self.user_message_evt)
        async def handle_message(sid: str, data: Any = None) -> None:
            session = await sio.get_session(sid)
            sender = session.get("sender")
            if sender is None:
                return  # no session_request yet
            if session["exp"] is not None and session["exp"] < time.time() - 30:
                await sio.emit("auth_expired", room=sid)
                await sio.disconnect(sid)
                return
            data = data if isinstance(data, dict) else {}
            if data.get("message") is not None and not isinstance(data.get("message"), str):
                await sio.emit(self.bot_message_evt, {"text": texts.BAD_MESSAGE_TYPE}, room=sid)
                return
            text = clean(data.get("message"))
            display = clean(data.get("display"))[:200] if isinstance(data.get("display"), str) else ""
            problem = rejection(text)
            screened = screen_payload(text, *domain_vocabulary(self.app)) if not problem else None
            problem = problem or screened.refusal
            if problem:  # never reaches NLU; the user keeps what was typed in the input box
                await sio.emit(self.bot_message_evt, {"text": problem}, room=sid)
                return
            text = screened.text
            await sio.emit("user_echo", {"text": display or text}, room=room(sender), skip_sid=sid)
            output = PortalOutput(sio, self.bot_message_evt)
            try:
                await on_new_message(UserMessage(
                    text, output, sender,
                    input_channel=self.name(), metadata={"display": display} if display else None))
            except Exception:
                logger.exception("portal: message handling failed for %s", sender)
            if output.sent == 0:
                for message in ensure_reply([]):
                    await output._send_message(sender, message)

        return blueprint
