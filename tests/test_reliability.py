"""Failure and bad-input behaviour through the real servers: no 5xx, never an empty reply."""

from __future__ import annotations

import json
import random
import time
import urllib.error
import urllib.request

import pytest

from bot import texts

pytestmark = pytest.mark.servers


def post(url: str, body: bytes, timeout: float = 30) -> tuple[int, object]:
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode("utf-8") or "null")


def fuzz_corpus(size: int = 1000, seed: int = 20261123) -> list[object]:
    """Messages of every awkward kind, deterministic so failures reproduce."""
    rng = random.Random(seed)
    fixed = ["", " ", "\n\t ", "好" * 10_000, "😀" * 50, "🤔🔥💯", "\x00\x01\x02", "\u202e反转",
             "'; DROP TABLE kb_topics; --", "1 OR 1=1", "<script>alert(1)</script>",
             "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd",
             "SWOT分析 是什么？？？", "ｓｗｏｔ", "Привет", "مرحبا", "こんにちは", "售后服务经理" * 80,
             None, 12345, ["list"], {"dict": 1}, True, "/ask_concept{\"concept\": \"nope\"}",
             "/ask_concept{broken json", "/unknown_intent", "/restart"]
    alphabet = ("服务营销管理售后经理职责要求战略蓝图的是什么吗呢，。？！、；abcXYZ0123456789 "
                "😀🔥\n\t<>'\"%;&|{}[]\\/\u200b\u3000")
    corpus: list[object] = list(fixed)
    while len(corpus) < size:
        length = rng.choice([1, 2, 5, 20, 80, 300, 499, 501, 2000])
        corpus.append("".join(rng.choice(alphabet) for _ in range(length)))
    return corpus


def test_fuzz_corpus_yields_no_5xx_and_no_empty_reply(bot_servers) -> None:
    corpus = fuzz_corpus()
    assert len(corpus) >= 1000
    for i, message in enumerate(corpus):
        status, reply = post(bot_servers.url, json.dumps({"sender": f"fuzz-{i % 7}", "message": message}).encode())
        assert status < 500, (message, status)
        assert isinstance(reply, list) and reply and any(m.get("text") for m in reply), (message, reply)


@pytest.mark.parametrize("body", [b"", b"not json", b"{\"sender\": ", b"[1, 2, 3]", b"\xff\xfe", b"null"])
def test_invalid_json_gets_a_chinese_400(bot_servers, body: bytes) -> None:
    status, reply = post(bot_servers.url, body)
    assert status == 400 and reply[0]["text"] == texts.BAD_REQUEST


def test_over_long_message_is_answered_without_reaching_the_classifier(bot_servers) -> None:
    status, reply = post(bot_servers.url, json.dumps({"sender": "long", "message": "售后服务经理" * 100}).encode())
    assert status == 200 and "太长" in reply[0]["text"]
    # Nothing reached the tracker: the next real question is this sender's first turn.
    assert "【服务培训经理】" in bot_servers.say("long", "服务培训经理的职责")


def test_action_server_down_gives_a_prompt_apology_and_recovers(bot_servers) -> None:
    user = f"down-{time.time_ns()}"
    assert "【服务经理】" in bot_servers.say(user, "服务经理的职责有哪些")
    with bot_servers.provoking():  # Rasa logs the unreachable action server, on purpose
        bot_servers.stop_actions()
        try:
            _apologises_while_actions_are_down(bot_servers, user)
        finally:
            bot_servers.start_actions()
    answer = bot_servers.say(user, "那任职要求呢？")
    assert "【服务经理】" in answer and "任职要求：" in answer


def _apologises_while_actions_are_down(bot_servers, user: str) -> None:
    started = time.monotonic()
    reply = bot_servers.say(user, "那任职要求呢？")
    assert time.monotonic() - started < 10
    assert reply == texts.NO_REPLY_APOLOGY
    # Rasa keeps serving: every message (small talk too) gets the apology, promptly.
    started = time.monotonic()
    assert bot_servers.say(user, "你好") == texts.NO_REPLY_APOLOGY
    assert time.monotonic() - started < 10
