"""The curious colleague: every way in that a default deployment offers, tried.

One Rasa + action server pair with the portal's JWT secret, listening on all interfaces so a
client on this machine's network address plays a colleague on another intranet machine
(skipped where the machine has no such address). docs/security.md lists each defence with
the test here that proves it.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest
import yaml

from bot import texts
from bot.analyses import store
from bot.db import get_engine
from bot.strategy import texts as wizard_texts
from bot.web.portal import mint_token
from tests.support.net import get, network_address, post
from tests.support.portal_client import Refused, portal_turns
from tests.support.servers import ROOT, BotServers, owner

pytestmark = pytest.mark.servers

SECRET = "security-suite-secret-" + "0123456789abcdef" * 2
HOSTILE_INPUTS = 2000


def rest(url: str, sender: object, message: object, **kwargs: Any) -> tuple[int, Any]:
    return post(f"{url}/webhooks/rest/webhook",
                json.dumps({"sender": sender, "message": message}, ensure_ascii=False).encode(), **kwargs)


def texts_of(reply: Any) -> str:
    return "\n".join(m.get("text") or "" for m in reply) if isinstance(reply, list) else ""


def token_for(sub: str, secret: str = SECRET, ttl: int = 600) -> str:
    return mint_token(sub, secret, ttl=ttl)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServers]:
    servers = BotServers(Path(tmp_path_factory.mktemp("security")), extra_env={
        "PORTAL_JWT_SECRET": SECRET, "BIND_HOST": "0.0.0.0"}).start()
    yield servers
    servers.stop()


@pytest.fixture(scope="module")
def engine(guarded: BotServers):
    return get_engine(guarded.env["DATABASE_URL"])


@pytest.fixture(scope="module")
def alice_analysis(engine) -> int:
    """A portal user's saved analysis that nobody else may see, change or delete."""
    return store.start("alice", "swot", "阿丽丝的网点", engine=engine)


def slot_values(servers: BotServers, sender_id: str) -> list[tuple[str, Any]]:
    """Every slot event stored for one conversation, as (name, value)."""
    with sqlite3.connect(servers.workdir / "trackers.db") as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot'",
                                  (sender_id,)).fetchall()
    return [(event["name"], event.get("value")) for event in (json.loads(row[0]) for row in rows)]


# --- 1. the REST channel cannot address a portal user's data ---------------------------------

@pytest.mark.parametrize("sender", ["alice", " alice ", "rest:alice"])
def test_rest_sender_named_like_a_portal_user_reaches_none_of_their_analyses(
        guarded: BotServers, engine, alice_analysis: int, sender: str) -> None:
    listed = texts_of(rest(guarded.url, sender, "我的分析")[1])
    assert "阿丽丝的网点" not in listed and listed.startswith(wizard_texts.ANALYSES_EMPTY[:6])
    for verb in ("export_analysis", "resume_analysis"):
        status, reply = rest(guarded.url, sender, f'/{verb}{{"analysis_id": {alice_analysis}}}')
        assert status == 200 and texts_of(reply).startswith(
            wizard_texts.ANALYSES_NOT_FOUND.format(id=alice_analysis)[:8]), texts_of(reply)
    rest(guarded.url, sender, f'/delete_analysis{{"analysis_id": {alice_analysis}}}')
    rest(guarded.url, sender, "/affirm")
    assert store.get("alice", alice_analysis, engine=engine) is not None
    assert "阿丽丝的网点" not in texts_of(rest(guarded.url, sender, "继续我的分析")[1])


def test_the_portal_user_keeps_and_sees_their_analysis(guarded: BotServers, alice_analysis: int) -> None:
    replies = portal_turns(guarded.url, token_for("alice"), {"message": "我的分析"})
    assert any("阿丽丝的网点" in (m.get("text") or "") for m in replies), replies


def test_a_rest_conversation_saves_under_its_own_namespace(guarded: BotServers, engine) -> None:
    for message in ("我想做SWOT分析", "鲍勃的门店"):
        rest(guarded.url, "bob", message)
    assert [r.subject for r in store.list_for_user(owner("bob"), engine=engine)] == ["鲍勃的门店"]
    assert store.list_for_user("bob", engine=engine) == []
    replies = portal_turns(guarded.url, token_for("bob"), {"message": "我的分析"})
    assert not any("鲍勃的门店" in (m.get("text") or "") for m in replies), replies


def test_rest_from_another_machine_needs_a_token(guarded: BotServers) -> None:
    address = network_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    remote = f"http://{address}:{guarded.rasa_port}"
    status, reply = rest(remote, "alice", "我的分析")
    assert status == 403 and reply == [{"text": texts.REST_FORBIDDEN}]
    status, reply = rest(remote, "alice", "我的分析", headers={"Authorization": "Bearer guessed"})
    assert status == 403
    assert rest(guarded.url, "alice", "你好")[0] == 200  # the same request from this host is served


# --- 2. forged portal tokens ------------------------------------------------------------------

def _forged_tokens() -> dict[str, str | None]:
    now = int(time.time())
    return {
        "no token": None,
        "garbage": "not-a-jwt",
        "alg none": jwt.encode({"sub": "alice", "exp": now + 600}, None, algorithm="none"),
        "wrong secret": token_for("alice", secret="another-secret-" + "0123456789abcdef" * 2),
        "expired": jwt.encode({"sub": "alice", "exp": now - 3600}, SECRET, algorithm="HS256"),
        "missing sub": jwt.encode({"exp": now + 600}, SECRET, algorithm="HS256"),
        "missing exp": jwt.encode({"sub": "alice"}, SECRET, algorithm="HS256"),
        "empty sub": jwt.encode({"sub": "", "exp": now + 600}, SECRET, algorithm="HS256"),
        "REST namespace sub": token_for("rest:alice"),
        "HS512": jwt.encode({"sub": "alice", "exp": now + 600}, SECRET, algorithm="HS512"),
    }


@pytest.mark.parametrize("kind", list(_forged_tokens()))
def test_forged_portal_tokens_are_refused(guarded: BotServers, kind: str) -> None:
    token = _forged_tokens()[kind]
    with pytest.raises(Refused):
        portal_turns(guarded.url, token, {"message": "我的分析"})


def test_odd_portal_messages_get_an_answer(guarded: BotServers) -> None:
    odd = [["list"], {"message": 12}, {"message": {"$ne": 1}}, {"message": "好" * 5000}, {"message": ""},
           {"message": "/session_start"}, {"display": ["x"], "message": "你好"}, "plain string", None]
    replies = portal_turns(guarded.url, token_for("odd-portal-user"), *odd)
    answered = [m for m in replies if m.get("text")]
    assert len(answered) == len(odd), replies
    assert any(m["text"] == texts.PAYLOAD_REFUSED for m in answered)
    assert portal_turns(guarded.url, token_for("odd-portal-user"), {"message": "服务蓝图是什么"})


# --- 3. the action server trusts only the Rasa servers ----------------------------------------

def forged_action_call(user: str, analysis_id: int) -> bytes:
    """What a colleague would send to run the delete action as someone else."""
    return json.dumps({
        "next_action": "action_delete_analysis", "sender_id": user, "version": "3.6.2", "domain": {},
        "tracker": {"sender_id": user, "slots": {"pending_delete_id": analysis_id},
                    "latest_message": {"text": "/affirm", "intent": {"name": "affirm", "confidence": 1.0},
                                       "entities": []},
                    "events": [], "paused": False, "followup_action": None, "active_loop": {},
                    "latest_action_name": "action_confirm_delete_analysis"},
    }).encode()


def test_forged_tracker_sent_to_the_action_server_is_refused(guarded: BotServers, engine,
                                                             alice_analysis: int) -> None:
    hosts = [guarded.actions_url]
    if network_address():
        hosts.append(f"http://{network_address()}:{guarded.actions_port}")
    for host in hosts:
        for headers in ({}, {"Authorization": "Bearer guessed"}, {"Authorization": SECRET}):
            status, body = post(f"{host}/webhook", forged_action_call("alice", alice_analysis), headers)
            assert status == 401 and body == {"error": "unauthorized"}, (host, headers, body)
        assert get(f"{host}/actions") == 401
        assert get(f"{host}/health") == 200
    assert store.get("alice", alice_analysis, engine=engine) is not None
    # Control: the same request with the Rasa servers' secret does run (so the 401 is what stopped it).
    victim = store.start("carol", "swot", "卡罗尔", engine=engine)
    token = {"Authorization": f"Bearer {guarded.env['ACTION_SERVER_TOKEN']}"}
    status, body = post(f"{guarded.actions_url}/webhook", forged_action_call("carol", victim), token)
    assert status == 200 and store.get("carol", victim, engine=engine) is None, body


# --- 4. typed control payloads ----------------------------------------------------------------

def test_typed_restart_restarts_with_a_chinese_confirmation(guarded: BotServers) -> None:
    assert "【" in texts_of(rest(guarded.url, "typist", "售后服务经理的职责有哪些")[1])
    status, reply = rest(guarded.url, "typist", "/restart")
    assert status == 200 and texts_of(reply) == texts.RESTART_DONE
    with sqlite3.connect(guarded.workdir / "trackers.db") as connection:
        restarts = connection.execute("SELECT count(*) FROM events WHERE sender_id = ? AND type_name = 'restart'",
                                      (owner("typist"),)).fetchone()[0]
    assert restarts == 1


@pytest.mark.parametrize("payload", ["/session_start", "/back", "/nlu_fallback", "/no_such_intent",
                                     '/greet{"pending_delete_id": 1}', "/greet@0.1", "/affirm{oops"])
def test_payloads_no_button_sends_are_refused(guarded: BotServers, payload: str) -> None:
    status, reply = rest(guarded.url, "typist", payload)
    assert status == 200 and texts_of(reply) == texts.PAYLOAD_REFUSED


def test_a_typed_delete_goes_through_the_same_confirmation(guarded: BotServers, engine) -> None:
    analysis_id = store.start(owner("deleter"), "swot", "要删的分析", engine=engine)
    assert texts_of(rest(guarded.url, "deleter", "/affirm")[1])  # no pending deletion: nothing happens
    assert store.get(owner("deleter"), analysis_id, engine=engine) is not None
    reply = texts_of(rest(guarded.url, "deleter", f'/delete_analysis{{"analysis_id": {analysis_id}}}')[1])
    assert "要删的分析" in reply and store.get(owner("deleter"), analysis_id, engine=engine) is not None
    rest(guarded.url, "deleter", "/affirm")
    assert store.get(owner("deleter"), analysis_id, engine=engine) is None


def test_entities_in_typed_payloads_never_set_slots(guarded: BotServers) -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    slots, entities = list(domain["slots"]), set(domain["entities"])
    assert {"tool_input", "tool_session", "tool_last", "pending_delete_id"} <= set(slots)
    for slot in slots:
        forged = 987654 if slot == "analysis_id" else f"forged-{slot}"
        status, reply = rest(guarded.url, "slotter", "/greet" + json.dumps({slot: forged}))
        assert status == 200 and texts_of(reply)
        if slot not in entities:
            assert texts_of(reply) == texts.PAYLOAD_REFUSED, slot
    forged_values = {987654} | {f"forged-{slot}" for slot in slots}
    assert not [(n, v) for n, v in slot_values(guarded, owner("slotter")) if v in forged_values]


# --- 5. hostile input of new shapes -----------------------------------------------------------

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
EMOJI = ["😀", "🔥", "👍🏽", "👨‍👩‍👧‍👦", "🇨🇳", "🏳️‍🌈", "❤️", "🧑🏿‍💻", "\U0001fae0"]
QUESTIONS = ["售后服务经理的职责有哪些", "什么是SWOT分析", "服务蓝图是什么", "4P和7P有什么区别", "我的分析"]


def hostile_bodies(count: int = HOSTILE_INPUTS, seed: int = 20261201) -> list[bytes]:
    """Request bodies of shapes the 1,000-case fuzz corpus (tests/test_reliability.py) lacks."""
    rng = random.Random(seed)
    wrong_types: list[Any] = [None, 0, -1, 10**40, 1.5, float("1e308"), True, False, [], ["你好"], {},
                              {"text": "你好"}, [[[]]], {"$gt": ""}]

    def body(sender: Any, message: Any, **extra: Any) -> bytes:
        return json.dumps({"sender": sender, "message": message, **extra}, ensure_ascii=rng.random() < 0.5,
                          allow_nan=True).encode("utf-8")

    def question() -> str:
        return rng.choice(QUESTIONS)

    def sprinkle(text: str, chars: str) -> str:
        return "".join(ch + (rng.choice(chars) if rng.random() < 0.5 else "") for ch in text)

    makers = [
        lambda: body(f"h{rng.randrange(100_000)}", rng.choice(wrong_types)),                      # message type
        lambda: body(rng.choice(wrong_types + ["", " " * 3, "x" * 129, "\x00", "rest:"]), question()),
        lambda: body(f"h{rng.randrange(100_000)}", sprinkle(question(), ZERO_WIDTH)),              # zero width
        lambda: body(f"h{rng.randrange(100_000)}", ZERO_WIDTH * rng.randrange(1, 100)),
        lambda: body(f"h{rng.randrange(100_000)}", rng.choice(BIDI) + question()[::-1] + rng.choice(BIDI)),
        lambda: body(f"h{rng.randrange(100_000)}", sprinkle(question(), BIDI)),
        lambda: body(f"h{rng.randrange(100_000)}", "".join(rng.choice(EMOJI) for _ in range(rng.choice([5, 60, 499, 800])))),
        lambda: body(f"h{rng.randrange(100_000)}", question() + "".join(rng.choice(EMOJI) for _ in range(40))),
        lambda: body(f"h{rng.randrange(100_000)}", "a" + "\u0301" * rng.choice([10, 400, 3000])),  # combining flood
        lambda: body(f"h{rng.randrange(100_000)}", question(), metadata=rng.choice(wrong_types)),
        lambda: body(rng.choice(["alice", "demo", "anon-" + "0" * 32]), rng.choice(
            ["我的分析", "导出报告", "/list_analyses", "/export_analysis{\"analysis_id\": 1}", "继续我的分析"])),
        lambda: body(f"h{rng.randrange(100_000)}", rng.choice(["/restart", "/back", "/session_start", "/nlu_fallback",
                                                          "/greet{\"analysis_id\": [1]}", "/greet{\"role\": null}",
                                                          "/ask_concept{\"concept\": \"" + "x" * 200 + "\"}",
                                                          "/ask_role_duties{\"role\": \"sales_manager\", \"x\": 1}",
                                                          "/" + "a" * 300, "/\u202erestart", "／restart"])),
        lambda: ('{"sender": "h1", "message": "' + "\\ud800" + question() + '"}').encode(),   # lone surrogate
        lambda: ('{"sender": "h1", "message": "你好", "message": ' + json.dumps(question()) + "}").encode(),
        lambda: b"\xef\xbb\xbf" + body("h2", question()),                                   # BOM
        lambda: body("h3", question()).decode().encode("utf-16"),
        lambda: body("h4", question())[: rng.randrange(1, 30)],                             # truncated
        lambda: b"[" * rng.choice([100, 5000, 100_000]) + b"]" * rng.choice([0, 100]),      # deep nesting
        lambda: b'{"sender": "h5", "message": ' + b'{"a": ' * 3000 + b"1" + b"}" * 3001,
        lambda: bytes(rng.randrange(256) for _ in range(rng.choice([1, 50, 4000]))),         # binary
    ]
    bodies = [body("h6", "好" * 5_000_000), b'{"sender": "h7", "message": "' + b"A" * 10_000_000 + b'"}',
              b"x" * 10_000_000]  # three 10 MB bodies
    while len(bodies) < count:
        bodies.append(rng.choice(makers)())
    return bodies


def test_hostile_inputs_get_no_5xx_never_an_empty_reply_and_the_servers_keep_answering(
        guarded: BotServers, engine, alice_analysis: int) -> None:
    bodies = hostile_bodies()
    assert len(bodies) >= HOSTILE_INPUTS and len(set(bodies)) > HOSTILE_INPUTS // 2

    def send(raw: bytes) -> tuple[bytes, int, Any]:
        status, reply = post(f"{guarded.url}/webhooks/rest/webhook", raw, timeout=120)
        return raw, status, reply

    # One at a time: parallel turns of the same few senders would only wait on Rasa's
    # per-conversation lock.
    results = [send(raw) for raw in bodies]
    for raw, status, reply in results:
        shown = raw[:120]
        assert status < 500, (shown, status, reply)
        assert isinstance(reply, list) and reply and any(m.get("text") for m in reply), (shown, status, reply)
    assert "【售后服务经理】" in texts_of(rest(guarded.url, "after-hostile", "售后服务经理的职责有哪些")[1])
    assert store.get("alice", alice_analysis, engine=engine).subject == "阿丽丝的网点"
    assert guarded.rasa.poll() is None and guarded.actions.poll() is None


def test_the_suite_left_no_error_in_the_server_logs(guarded: BotServers) -> None:
    """Runs last in this module: what the curious colleague did is refused, not crashed on."""
    assert guarded.error_lines() == []
