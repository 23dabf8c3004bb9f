"""Input limits and the never-empty-reply rule shared by every input channel.

Rasa-free so the rules are unit tested directly; the channels in ``bot/web`` apply them
before a message reaches NLU and after the bot has answered.
"""

from __future__ import annotations

import os
import unicodedata

from bot import texts

DEFAULT_MAX_MESSAGE_CHARS = 500


def max_message_chars() -> int:
    try:
        return max(1, int(os.environ.get("MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS)))
    except ValueError:
        return DEFAULT_MAX_MESSAGE_CHARS


def clean(text: object) -> str:
    """Message text without control characters (newlines and tabs are kept)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()


def rejection(text: str) -> str | None:
    """A Chinese explanation when the message must not reach the bot, else None."""
    if not text:
        return texts.EMPTY_MESSAGE
    limit = max_message_chars()
    if len(text) > limit:
        return texts.TOO_LONG.format(limit=limit)
    return None


def ensure_reply(messages: list[dict]) -> list[dict]:
    """The bot's messages, or an apology when it produced none (e.g. action server down)."""
    if any(m.get("text") or m.get("buttons") or m.get("custom") or m.get("image") for m in messages):
        return messages
    return [{"text": texts.NO_REPLY_APOLOGY}]
