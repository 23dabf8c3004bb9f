"""Who may use the admin API (bot/web/admin_auth.py) and how the routes answer (bot/web/admin.py).

The ``bot.ops`` functions are replaced by fakes here: this tests the door, not the rooms. A
real Sanic server on a free loopback port answers real HTTP requests (aiohttp client).
"""

from __future__ import annotations

import asyncio
import re
import sys
import time
import types
import uuid
from typing import Any

import aiohttp
import jwt
import pytest
from sanic import Blueprint, Sanic

from bot.knowledge.repository import Snapshot
from bot.web import admin_texts
from bot.web.admin import add_admin_routes
from bot.web.admin_auth import admin_claims, bearer_token, is_admin
from tests.support.servers import free_port

SECRET = "admin-unit-secret-" + "0123456789abcdef" * 2
BASE = "/webhooks/portal/admin"


def token(secret: str = SECRET, **claims: Any) -> str:
    now = int(time.time())
    return jwt.encode({"sub": "boss", "exp": now + 600, **claims}, secret, algorithm="HS256")


ADMIN = token(role="admin")


def test_bearer_token_is_only_the_bearer_header() -> None:
    assert bearer_token(f"Bearer {ADMIN}") == ADMIN
    assert bearer_token(f"bearer  {ADMIN} ") == ADMIN
    assert bearer_token(ADMIN) is None
    assert bearer_token(f"Basic {ADMIN}") is None
    assert bearer_token("Bearer ") is None
    assert bearer_token(None) is None
    assert bearer_token("Bearer " + "x" * 5000) is None


def test_admin_role_claims() -> None:
    assert is_admin({"role": "admin"})
    assert is_admin({"roles": ["user", "admin"]})
    assert not is_admin({"role": "user"})
    assert not is_admin({"roles": "admin"})  # a string is not a list of roles
    assert not is_admin({"role": ["admin"]})
    assert not is_admin({})


@pytest.mark.parametrize("header", [
    None,
    "",
    "Bearer garbage",
    f"Bearer {token()}",  # a user token: no role
    f"Bearer {token(role='user', roles=['user'])}",
    f"Bearer {token(role='admin', exp=int(time.time()) - 3600)}",  # expired
    f"Bearer {token('wrong-secret-' + 'f' * 32, role='admin')}",
    f"Bearer {jwt.encode({'sub': 'boss', 'role': 'admin'}, SECRET, algorithm='HS256')}",  # no exp
    f"Bearer {jwt.encode({'exp': int(time.time()) + 60, 'role': 'admin'}, SECRET, algorithm='HS256')}",
    f"Bearer {token(role='admin', sub='rest:boss')}",
    f"Bearer {jwt.encode({'sub': 'boss', 'exp': int(time.time()) + 60, 'role': 'admin'}, None, algorithm='none')}",
    f"Bearer {jwt.encode({'sub': 'boss', 'exp': int(time.time()) + 60, 'role': 'admin'}, SECRET, algorithm='HS512')}",
    ADMIN,  # no "Bearer"
])
def test_refused_headers(header: str | None) -> None:
    assert admin_claims(header, SECRET) is None


def test_admin_tokens_pass_and_never_without_a_secret() -> None:
    assert admin_claims(f"Bearer {ADMIN}", SECRET)["sub"] == "boss"
    assert admin_claims(f"Bearer {token(roles=['admin'])}", SECRET) is not None
    assert admin_claims(f"Bearer {ADMIN}", None) is None
    assert admin_claims(f"Bearer {ADMIN}", "") is None


# ---- the routes on a real Sanic server, with fake bot.ops -----------------------------------

class EditError(ValueError):
    pass


@pytest.fixture
def fake_ops(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    calls: dict[str, list] = {"alias": [], "question": [], "topic": []}

    def module(name: str, **functions: Any) -> None:
        fake = types.ModuleType(name)
        for key, value in functions.items():
            setattr(fake, key, value)
        monkeypatch.setitem(sys.modules, name, fake)

    def add_alias(topic_id: str, alias: str, *, actor: str, engine=None) -> dict:
        if topic_id == "nope":
            raise EditError("没有这个主题")
        calls["alias"].append((topic_id, alias, actor))
        return {"id": 1, "action": "add_alias", "target": topic_id, "actor": actor}

    def add_question(topic_id: str, question: str, *, actor: str, engine=None) -> dict:
        calls["question"].append((topic_id, question, actor))
        return {"id": 2, "action": "add_question"}

    def create_topic(fields: dict, *, actor: str, engine=None) -> dict:
        calls["topic"].append((fields, actor))
        return {"id": 3, "action": "create_topic"}

    def broken(*, engine=None) -> list:
        raise RuntimeError("database is down")

    module("bot.ops.log", unanswered_groups=lambda limit=50, examples=3, engine=None: [
               {"key": "门店晨会", "count": 2, "latest": "2026-01-01T00:00:00", "ids": [7, 8],
                "examples": [{"id": 7, "question": "<b>x</b>", "created_at": "2026-01-01T00:00:00",
                              "outcome": "declined", "user_id": "u"}]}],
           get_entry=lambda entry_id, engine=None: {"id": entry_id} if entry_id == 7 else None,
           resolve_group_of=lambda entry_id, actor, engine=None: [entry_id, 8],
           log_csv=lambda engine=None: "id,question\r\n7,门店晨会\r\n")
    module("bot.ops.feedback", topic_stats=lambda engine=None: [{"topic_id": "t1", "up": 3, "down": 1, "rate": 0.75}],
           latest_negative=lambda limit=20, engine=None: [], feedback_csv=lambda engine=None: "\ufeffa\r\n")
    module("bot.ops.handoff", list_handoffs=broken)
    module("bot.ops.knowledge_edit", EditError=EditError, add_alias=add_alias, add_question=add_question,
           create_topic=create_topic, audit_log=lambda limit=100, engine=None: [], audit_csv=lambda engine=None: "")
    snapshot = Snapshot("r1", {})
    monkeypatch.setattr("bot.knowledge.repository.read_snapshot", lambda engine=None: snapshot)
    return calls


def call(requests: list[tuple[str, str, dict[str, Any]]]) -> list[tuple[int, Any, dict[str, str]]]:
    """Serve the admin routes on a free port and make the requests; (status, body, headers) each."""
    test_mode, Sanic.test_mode = Sanic.test_mode, True  # more than one app per process, like sanic-testing
    app = Sanic(f"admin_test_{uuid.uuid4().hex[:8]}")
    blueprint = Blueprint("portal_test", url_prefix="/webhooks/portal")
    add_admin_routes(blueprint, SECRET)
    app.blueprint(blueprint)
    port = free_port()

    async def run() -> list[tuple[int, Any, dict[str, str]]]:
        server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True,
                                         access_log=False)
        await server.startup()
        await server.start_serving()
        results = []
        try:
            async with aiohttp.ClientSession() as session:
                for method, path, options in requests:
                    async with session.request(method, f"http://127.0.0.1:{port}{BASE}{path}", **options) as res:
                        raw = await res.read()
                        body: Any = raw
                        if res.content_type == "application/json":
                            body = await res.json()
                        results.append((res.status, body, dict(res.headers)))
        finally:
            server.close()
            await server.wait_closed()
        return results

    try:
        return asyncio.run(run())
    finally:
        Sanic.test_mode = test_mode


def auth(value: str = ADMIN) -> dict[str, Any]:
    return {"headers": {"Authorization": f"Bearer {value}"}}


def test_every_api_route_refuses_without_an_admin_token(fake_ops) -> None:
    paths = ["/api/unanswered", "/api/feedback", "/api/handoffs", "/api/audit", "/api/topics",
             "/api/export/log.csv", "/api/export/feedback.csv", "/api/export/audit.csv"]
    requests: list[tuple[str, str, dict[str, Any]]] = []
    for path in paths:
        requests += [("GET", path, {}),
                     ("GET", path, auth(token())),  # user token
                     ("GET", path, auth(token(role="admin", exp=int(time.time()) - 3600))),
                     ("GET", path, auth(token("wrong-secret-" + "f" * 32, role="admin"))),
                     ("GET", path, {"cookies": {"token": ADMIN, "Authorization": f"Bearer {ADMIN}"}}),
                     ("GET", f"{path}?token={ADMIN}&access_token={ADMIN}", {})]
    for path in ("/api/alias", "/api/question", "/api/topic"):
        requests.append(("POST", path, {"json": {"topic_id": "t1", "alias": "x", "question": "x", "name": "x"}}))
        requests.append(("POST", path, {**auth(token()), "json": {"topic_id": "t1", "alias": "x"}}))
    for status, body, _ in call(requests):
        assert status == 403 and body == {"error": admin_texts.FORBIDDEN}
    assert fake_ops == {"alias": [], "question": [], "topic": []}


def test_admin_token_reads_and_edits(fake_ops) -> None:
    results = call([
        ("GET", "/api/unanswered", auth()),
        ("GET", "/api/feedback", auth(token(roles=["admin"]))),
        ("GET", "/api/topics", auth()),
        ("GET", "/api/export/log.csv", auth()),
        ("GET", "/api/export/feedback.csv", auth()),
        ("POST", "/api/alias", {**auth(), "json": {"topic_id": "t1", "alias": " 晨会 ", "log_id": 7}}),
        ("POST", "/api/question", {**auth(), "json": {"topic_id": "t1", "question": "门店晨会的七步流程是什么"}}),
        ("POST", "/api/topic", {**auth(), "json": {"name": "门店晨会", "summary": "…", "evil": 1, "log_id": 7}}),
        ("POST", "/api/alias", {**auth(), "json": {"topic_id": "nope", "alias": "晨会"}}),
        ("POST", "/api/alias", {**auth(), "json": {"topic_id": "t1"}}),
        ("POST", "/api/alias", {**auth(), "json": {"topic_id": "t1", "alias": ["x"]}}),
        ("POST", "/api/alias", {**auth(), "json": {"topic_id": "t1", "alias": "x", "log_id": 99}}),
        ("POST", "/api/question", {**auth(), "data": b"not json"}),
        ("POST", "/api/question", {**auth(), "json": ["a list"]}),
        ("GET", "/api/handoffs", auth()),
    ])
    (unanswered, feedback, topics, log_csv, feedback_csv, alias, question, topic,
     unknown, missing, wrong_type, unknown_log, not_json, a_list, broken) = results
    assert unanswered[0] == 200 and unanswered[1]["groups"][0]["examples"][0]["question"] == "<b>x</b>"
    assert feedback[0] == 200 and feedback[1]["topics"][0] == {"topic_id": "t1", "up": 3, "down": 1,
                                                                 "rate": 0.75, "name": "t1"}
    assert topics[0] == 200 and topics[1]["topics"] == [] and topics[1]["facet_kinds"]
    assert log_csv[0] == 200 and log_csv[2]["Content-Type"].startswith("text/csv")
    assert log_csv[1].startswith("\ufeff".encode()) and "门店晨会".encode() in log_csv[1]
    assert "attachment" in log_csv[2]["Content-Disposition"]
    assert feedback_csv[1].count("\ufeff".encode()) == 1  # never a second BOM
    assert alias[:2] == (200, {"ok": True, "audit": {"id": 1, "action": "add_alias", "target": "t1", "actor": "boss"},
                               "resolved": [7, 8]})  # the logged question and its group leave the queue
    assert question[0] == 200 and topic[0] == 200
    assert fake_ops["alias"] == [("t1", "晨会", "boss")]
    assert fake_ops["question"] == [("t1", "门店晨会的七步流程是什么", "boss")]
    assert fake_ops["topic"] == [({"name": "门店晨会", "summary": "…", "kind": "concept"}, "boss")]
    assert unknown[:2] == (400, {"error": "没有这个主题"})
    assert missing[:2] == (400, {"error": admin_texts.FIELD_REQUIRED.format(field="别名")})
    assert wrong_type[0] == 400 and unknown_log[0] == 400 and "99" in unknown_log[1]["error"]
    assert not_json[:2] == (400, {"error": admin_texts.BAD_BODY}) and a_list[0] == 400
    assert broken[:2] == (500, {"error": admin_texts.SERVER_ERROR})  # logged, not leaked


def test_the_page_is_public_and_locked_down(fake_ops) -> None:
    page, slash, script, style = call([("GET", "", {}), ("GET", "/", {}), ("GET", "/admin.js", {}),
                                       ("GET", "/admin.css", {})])
    assert page[0] == 200 and "未解决的问题".encode() in page[1]
    assert f'src="{BASE}/admin.js"'.encode() in page[1]
    csp = page[2]["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert slash[0] == 200 and f'src="{BASE}/admin.js"'.encode() in slash[1]
    assert script[0] == 200 and script[2]["Content-Type"].startswith("text/javascript")
    assert not re.search(rb"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write", script[1])
    assert style[0] == 200


# ---- the widget's feedback event (bot/web/channel.py::save_feedback) -------------------------

def test_feedback_is_stored_as_the_connection_user_and_failures_answer_not_ok(monkeypatch) -> None:
    from bot.web.channel import save_feedback

    stored: list[tuple[str, dict]] = []

    def record_feedback(user_id: str, **fields: Any) -> int:
        if fields["rating"] not in ("up", "down"):
            raise ValueError("评价只能是 up 或 down")
        if fields["comment"] == "db down":
            raise RuntimeError("database is down")
        stored.append((user_id, fields))
        return 1

    fake = types.ModuleType("bot.ops.feedback")
    fake.record_feedback = record_feedback
    monkeypatch.setitem(sys.modules, "bot.ops.feedback", fake)
    ok = asyncio.run(save_feedback("alice", {"user_id": "bob", "topic": "t1", "question": "问\x00题",
                                             "answer": "答", "rating": "down", "reason": "过时",
                                             "comment": " 旧了 "}))
    assert ok == {"ok": True}
    assert stored == [("alice", {"topic_id": "t1", "question": "问题", "answer": "答", "rating": "down",
                                 "reason": "过时", "comment": "旧了"})]
    assert asyncio.run(save_feedback("alice", {"rating": "meh"})) == {"ok": False, "error": "评价只能是 up 或 down"}
    assert asyncio.run(save_feedback("alice", {"rating": "up", "topic": ["x"], "comment": "db down"})) == {
        "ok": False, "error": admin_texts.FEEDBACK_FAILED}


def test_the_demo_portal_mints_admin_tokens_only_when_asked() -> None:
    from bot.web.portal import mint_token

    assert admin_claims(f"Bearer {mint_token('admin', SECRET, ttl=60, role='admin')}", SECRET)["sub"] == "admin"
    assert admin_claims(f"Bearer {mint_token('alice', SECRET, ttl=60)}", SECRET) is None
