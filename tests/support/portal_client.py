"""A minimal socket.io client for the portal channel, over a plain WebSocket.

python-socketio's own async client needs a newer aiohttp than Rasa 3.6 pins, and its polling
transport holds every connect/disconnect for a long-poll cycle (~30 s). Engine.IO v4 over a
WebSocket is a few text frames, so tests speak it directly, which also lets them send what
no well-behaved client would (events without data, lists instead of objects).
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import websockets


class Refused(Exception):
    """The server refused the socket.io connection (bad or missing token)."""


class PortalClient:
    def __init__(self, url: str, token: str | None) -> None:
        self.ws_url = url.replace("http://", "ws://", 1).rstrip("/") + "/socket.io/?EIO=4&transport=websocket"
        self.token = token
        self.ws: Any = None
        self.events: list[tuple[str, Any]] = []

    async def __aenter__(self) -> PortalClient:
        self.ws = await websockets.connect(self.ws_url, open_timeout=10, max_size=2**24)
        opening = await asyncio.wait_for(self.ws.recv(), 10)
        if not opening.startswith("0"):
            raise Refused(opening)
        await self.ws.send("40" + (json.dumps({"token": self.token}) if self.token else ""))
        while True:
            frame = await asyncio.wait_for(self._frame(), 10)
            if frame.startswith("44"):
                await self.ws.close()
                raise Refused(frame[2:])
            if frame.startswith("40"):
                return self

    async def __aexit__(self, *exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _frame(self) -> str:
        while True:
            frame = await self.ws.recv()
            if frame == "2":  # ping
                await self.ws.send("3")
                continue
            if frame.startswith("42"):
                name, *args = json.loads(frame[2:])
                self.events.append((name, args[0] if args else None))
            return frame

    async def emit(self, event: str, *args: Any) -> None:
        await self.ws.send("42" + json.dumps([event, *args], ensure_ascii=False))

    async def wait_for(self, name: str, timeout: float = 20) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for seen, data in self.events:
                if seen == name:
                    return data
            try:
                await asyncio.wait_for(self._frame(), max(0.05, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                break
        raise TimeoutError(f"no {name} within {timeout}s")

    async def bot_messages_after(self, start: int, timeout: float = 20, quiet: float = 0.8) -> list[Any]:
        """Bot messages after event index ``start``: wait for the first, then until quiet."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = [d for n, d in self.events[start:] if n == "bot_uttered"]
            try:
                await asyncio.wait_for(self._frame(), quiet if got else max(0.05, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                if got:
                    return got
        return [d for n, d in self.events[start:] if n == "bot_uttered"]


async def _turns(url: str, token: str | None, messages: list[Any]) -> list[Any]:
    async with PortalClient(url, token) as client:
        await client.emit("session_request", {})
        await client.wait_for("session_confirm")
        replies: list[Any] = []
        for message in messages:
            start = len(client.events)
            if message is None:
                await client.emit("user_uttered")  # an event without data
            else:
                await client.emit("user_uttered", message)
            replies += await client.bot_messages_after(start)
        return replies


def portal_turns(url: str, token: str | None, *messages: Any) -> list[Any]:
    """The bot's messages for each message sent in one portal session (raises :class:`Refused`)."""
    return asyncio.run(_turns(url, token, list(messages)))
