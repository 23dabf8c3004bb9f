"""Who may talk as whom (bot/web/access.py) and which typed payloads pass (bot/web/commands.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot import texts
from bot.web.access import (
    bearer_matches,
    is_loopback,
    portal_subject_allowed,
    rest_access,
    rest_sender_id,
    visible_sender,
)
from bot.web.commands import INTERNAL_INTENTS, Screened, domain_vocabulary, screen_payload

INTENTS = frozenset({"greet", "affirm", "restart", "ask_concept", "delete_analysis", "list_analyses",
                     *INTERNAL_INTENTS})
ENTITIES = frozenset({"concept", "role", "aspect", "analysis_id"})


@pytest.mark.parametrize(("sender", "expected"), [
    ("alice", "rest:alice"), (" alice ", "rest:alice"), (42, "rest:42"), (None, "rest:default"),
    ("rest:alice", "rest:rest:alice"), ("anon-" + "0" * 32, "rest:anon-" + "0" * 32),
    ("张三", "rest:张三"), ("a\u200bb", "rest:ab"), ("x" * 128, "rest:" + "x" * 128),
])
def test_rest_senders_are_namespaced(sender: object, expected: str) -> None:
    assert rest_sender_id(sender) == expected
    assert visible_sender(expected) == expected.removeprefix("rest:")


@pytest.mark.parametrize("sender", ["", "   ", "\x00\x01", "x" * 129, True, False, 1.5, ["alice"],
                                    {"id": "alice"}])
def test_unusable_rest_senders_are_refused(sender: object) -> None:
    assert rest_sender_id(sender) is None


def test_no_rest_sender_equals_a_portal_subject() -> None:
    for sender in ["alice", "rest:alice", 7, "demo", "anon-" + "a" * 32]:
        sender_id = rest_sender_id(sender)
        assert sender_id is not None and not portal_subject_allowed(sender_id)


@pytest.mark.parametrize(("subject", "allowed"), [
    ("alice", True), ("u-1001", True), ("rest:alice", False), ("", False), (None, False), (7, False),
    ("a\nb", False), ("x" * 129, False),
])
def test_portal_subjects(subject: object, allowed: bool) -> None:
    assert portal_subject_allowed(subject) is allowed


def test_bearer_tokens() -> None:
    assert bearer_matches("Bearer s3cret", "s3cret")
    assert not bearer_matches("Bearer s3cre", "s3cret")
    assert not bearer_matches("s3cret", "s3cret")
    assert not bearer_matches(None, "s3cret")
    assert not bearer_matches("Bearer ", "")  # an empty token never matches
    assert not bearer_matches("Bearer 令牌", "s3cret")


@pytest.mark.parametrize(("address", "loopback"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("192.0.2.2", False), ("10.0.0.5", False), ("fd00::2", False), ("0.0.0.0", False),
    ("", False), (None, False), ("localhost", False), ("not an ip", False),
])
def test_loopback_addresses(address: str | None, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_rest_access_is_loopback_only_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REST_TOKEN", raising=False)
    assert rest_access("127.0.0.1", None)
    assert not rest_access("192.0.2.2", None)
    assert not rest_access("192.0.2.2", "Bearer anything")
    monkeypatch.setenv("REST_TOKEN", "t0k3n")
    assert rest_access("192.0.2.2", "Bearer t0k3n")
    assert not rest_access("127.0.0.1", None)  # with a token set, loopback needs it too
    assert not rest_access("127.0.0.1", "Bearer wrong")


@pytest.mark.parametrize("text", [
    "/greet", "/restart", "/list_analyses", '/ask_concept{"concept": "swot_analysis"}',
    '/ask_concept{"concept": "swot_analysis", "aspect": "definition"}',
    '/delete_analysis{"analysis_id": 3}', '/delete_analysis{"analysis_id": "3"}',
])
def test_button_payloads_pass_unchanged(text: str) -> None:
    assert screen_payload(text, INTENTS, ENTITIES).refusal is None
    assert screen_payload(text, INTENTS, ENTITIES).text == text


@pytest.mark.parametrize("text", [
    "/session_start", "/back", "/nlu_fallback", "/unknown_intent", "/help",
    '/greet{"pending_delete_id": 3}', '/greet{"swot_data": {"S": ["x"]}}', '/greet{"analysis_id": true}',
    '/ask_concept{"concept": {"$ne": 1}}', '/ask_concept{"concept": ["a", "b"]}',
    '/ask_concept{"concept": "' + "x" * 101 + '"}', "/ask_concept{broken", '/ask_concept["concept"]',
    "/greet@0.99", '/greet@1.0{"concept": "x"}', '/greet{"concept": "x"} and more', "/greet extra",
    "/", "///",
])
def test_other_payloads_are_refused_in_chinese(text: str) -> None:
    screened = screen_payload(text, INTENTS, ENTITIES)
    assert screened.refusal == texts.PAYLOAD_REFUSED


@pytest.mark.parametrize(("text", "expected"), [
    ("/4P是什么", "4P是什么"), ("//什么是SWOT", "什么是SWOT"), ("/ 售后服务经理职责", "售后服务经理职责"),
    ("什么是SWOT/4P", "什么是SWOT/4P"), ("服务蓝图", "服务蓝图"),
])
def test_text_that_only_starts_with_a_slash_is_read_as_text(text: str, expected: str) -> None:
    assert screen_payload(text, INTENTS, ENTITIES) == Screened(expected)


def test_vocabulary_comes_from_the_loaded_domain() -> None:
    domain = SimpleNamespace(intents=["greet", "restart"], entities=["concept"])
    app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(domain=domain)))
    assert domain_vocabulary(app) == (frozenset({"greet", "restart"}), frozenset({"concept"}))
    assert domain_vocabulary(None) == (frozenset({"restart"}), frozenset())
