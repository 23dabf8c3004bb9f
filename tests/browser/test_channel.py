"""The portal channel's pure parts: token checks, origins, history shaping (no servers)."""

from __future__ import annotations

import time

import jwt

from bot.web.channel import allowed_origins, history_from_events, verify_token
from bot.web.portal import Settings, mint_token

SECRET = "unit-test-secret-" + "0123456789abcdef" * 4


def test_minted_token_verifies_and_names_the_user() -> None:
    claims = verify_token(mint_token("alice", SECRET, ttl=60), SECRET)
    assert claims is not None and claims["sub"] == "alice"
    assert claims["exp"] - time.time() <= 60


def test_bad_tokens() -> None:
    now = int(time.time())
    expired = jwt.encode({"sub": "a", "exp": now - 3600}, SECRET, algorithm="HS256")
    assert verify_token(None, SECRET) is None
    assert verify_token("garbage", SECRET) is None
    assert verify_token(mint_token("alice", "another-secret-" + "0123456789abcdef" * 4), SECRET) is None
    assert verify_token(expired, SECRET) is None
    assert verify_token(jwt.encode({"sub": "a"}, SECRET, algorithm="HS256"), SECRET) is None  # no exp
    assert verify_token(jwt.encode({"exp": now + 60}, SECRET, algorithm="HS256"), SECRET) is None  # no sub
    none_alg = jwt.encode({"sub": "a", "exp": now + 60}, None, algorithm="none")
    assert verify_token(none_alg, SECRET) is None
    hs512 = jwt.encode({"sub": "a", "exp": now + 60}, SECRET, algorithm="HS512")
    assert verify_token(hs512, SECRET) is None


def test_origins_from_env(monkeypatch) -> None:
    monkeypatch.delenv("CORS_ORIGINS", raising=False)
    assert allowed_origins() == ["http://localhost:8080"]
    monkeypatch.setenv("CORS_ORIGINS", "https://portal.example/, http://localhost:8080")
    assert allowed_origins() == ["https://portal.example", "http://localhost:8080"]


def test_history_keeps_messages_titles_and_custom_payloads() -> None:
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": "售后服务经理的职责有哪些", "metadata": {}},
        {"event": "bot", "text": "岗位职责：\n1. 一\n2. 二",
         "data": {"buttons": [{"title": "服务经理", "payload": "/ask_role_duties"}]}},
        {"event": "user", "text": "/ask_role_duties", "metadata": {"display": "服务经理"}},
        {"event": "bot", "text": None, "data": {"custom": {"type": "swot_matrix", "cells": {"SO": ["x"]}}}},
        {"event": "slot", "name": "role", "value": "x"},
    ]
    assert history_from_events(events) == [
        {"from": "user", "text": "售后服务经理的职责有哪些"},
        {"from": "bot", "text": "岗位职责：\n1. 一\n2. 二",
         "buttons": [{"title": "服务经理", "payload": "/ask_role_duties"}]},
        {"from": "user", "text": "服务经理"},
        {"from": "bot", "text": "", "custom": {"type": "swot_matrix", "cells": {"SO": ["x"]}}},
    ]
    assert len(history_from_events(events * 40, limit=10)) == 10


def test_demo_settings_defaults() -> None:
    settings = Settings({})
    assert (settings.port, settings.bot_url, settings.secret, settings.demo_user) == \
        (8080, "http://localhost:5005", None, "demo")
    assert Settings({"RASA_PORT": "6005"}).bot_url == "http://localhost:6005"
