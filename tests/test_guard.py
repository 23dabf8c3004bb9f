"""Channel input rules: limits, control characters and the never-empty reply."""

from __future__ import annotations

import pytest

from bot import texts
from bot.web.guard import clean, ensure_reply, rejection


def test_clean_drops_control_characters_but_keeps_newlines() -> None:
    assert clean("售后\x00服务\x1b经理\n职责\t呢\u200b ") == "售后服务经理\n职责\t呢"
    assert clean(None) == "" and clean(123) == "123"


@pytest.mark.parametrize(("text", "expected"), [("", texts.EMPTY_MESSAGE), ("你好", None)])
def test_rejection_of_empty_text(text: str, expected: str | None) -> None:
    assert rejection(text) == expected


def test_over_long_message_is_rejected_with_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert rejection("好" * 500) is None
    assert "500" in rejection("好" * 501)
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "20")
    assert "20" in rejection("好" * 21)


def test_ensure_reply_adds_an_apology_only_when_nothing_was_said() -> None:
    said = [{"recipient_id": "u", "text": "你好"}]
    assert ensure_reply(said) == said
    assert ensure_reply([]) == [{"text": texts.NO_REPLY_APOLOGY}]
    assert ensure_reply([{"recipient_id": "u"}]) == [{"text": texts.NO_REPLY_APOLOGY}]


def test_rest_channel_requires_the_token_or_a_local_client(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import json
    from types import SimpleNamespace

    from bot.web.rest import GuardedRestInput

    received = []

    async def on_new_message(message) -> None:
        received.append((message.sender_id, message.text))
        await message.output_channel.send_text_message(message.sender_id, "收到")

    blueprint = GuardedRestInput().blueprint(on_new_message)
    receive = next(r.handler for r in blueprint._future_routes if r.uri == "/webhook")

    def call(headers: dict[str, str], ip: str = "192.0.2.9"):
        request = SimpleNamespace(headers=headers, ip=ip, app=None,
                                  body=json.dumps({"sender": "u", "message": "你好"}).encode())
        result = asyncio.run(receive(request))
        return result.status, json.loads(result.body)

    monkeypatch.setenv("REST_TOKEN", "s3cret")
    denied_status, denied = call({})
    allowed_status, allowed = call({"Authorization": "Bearer s3cret"})
    assert denied_status == 401 and denied[0]["text"] == texts.UNAUTHORIZED
    assert allowed_status == 200 and allowed == [{"recipient_id": "u", "text": "收到"}]
    assert received == [("rest:u", "你好")]  # the conversation id is namespaced, the reply is not
    monkeypatch.delenv("REST_TOKEN")
    assert call({}, ip="192.0.2.9") == (403, [{"text": texts.REST_FORBIDDEN}])
    assert call({}, ip="127.0.0.1")[0] == 200
