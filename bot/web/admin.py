"""The admin HTTP API and page, served by the Rasa server at ``/webhooks/portal/admin``.

Mounted by :meth:`bot.web.channel.PortalInput.blueprint` (the portal channel is already a
Sanic blueprint inside Rasa, so no extra server or port is needed). The page itself is
public: it is static HTML/JS without data. Every ``/api/…`` call needs an admin JWT in the
``Authorization: Bearer`` header (:mod:`bot.web.admin_auth`); anything else gets 403 JSON
before the request body is even looked at. Cookies are never read, so another intranet page
cannot make a colleague's browser act as admin (no CSRF surface).

The work itself is in ``bot.ops`` (Rasa-free, SQLAlchemy). Those modules are imported inside
the handlers, and every call runs in a worker thread (``asyncio.to_thread``): a slow database
must not stall the event loop that also carries every chat. Contract: docs/admin.md.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.web import admin_texts as texts
from bot.web.admin_auth import admin_claims

logger = logging.getLogger(__name__)

WEB = Path(__file__).resolve().parent
STATIC = {"admin.js": "text/javascript; charset=utf-8", "admin.css": "text/css; charset=utf-8"}
MAX_BODY_BYTES = 64 * 1024
TOPIC_FIELDS = ("id", "kind", "name", "summary", "category", "aliases", "questions", "facets",
                "source", "owner")
COMMON_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
# The page runs only its own script and talks only to its own origin; no inline code at all,
# so even a rendering mistake could not run injected script.
PAGE_HEADERS = {
    **COMMON_HEADERS,
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; "
                                "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                                "form-action 'none'; frame-ancestors 'none'"),
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
CSV_EXPORTS = {"log.csv": ("bot.ops.log", "log_csv"),
               "feedback.csv": ("bot.ops.feedback", "feedback_csv"),
               "audit.csv": ("bot.ops.knowledge_edit", "audit_csv")}

_dumps = partial(json.dumps, ensure_ascii=False, default=str)


class RequestError(ValueError):
    """A malformed admin request; the message is Chinese and goes back as the 400 error."""


def _json(body: dict[str, Any], status: int = 200) -> HTTPResponse:
    return response.json(body, status=status, headers=COMMON_HEADERS, dumps=_dumps)


def _body(request: Request) -> dict[str, Any]:
    if len(request.body or b"") > MAX_BODY_BYTES:
        raise RequestError(texts.BODY_TOO_LARGE)
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError) as exc:
        raise RequestError(texts.BAD_BODY) from exc
    if not isinstance(data, dict):
        raise RequestError(texts.BAD_BODY)
    return data


def _text(body: dict[str, Any], field: str) -> str:
    value = body.get(field)
    label = texts.FIELD_NAMES.get(field, field)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RequestError(texts.FIELD_REQUIRED.format(field=label))
    if not isinstance(value, str):
        raise RequestError(texts.FIELD_TYPE.format(field=label))
    return value.strip()


def _log_id(body: dict[str, Any]) -> int | None:
    """The optional question-log row an edit answers; it must exist when given."""
    value = body.get("log_id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError(texts.FIELD_TYPE.format(field=texts.FIELD_NAMES["log_id"]))
    from bot.ops.log import get_entry

    if get_entry(value) is None:
        raise RequestError(texts.UNKNOWN_LOG_ENTRY.format(id=value))
    return value


def _resolve(log_id: int | None, claims: dict[str, Any]) -> list[int]:
    """After a successful edit: the logged question and its group leave the queue."""
    if log_id is None:
        return []
    from bot.ops.log import resolve_group_of

    return resolve_group_of(log_id, actor=claims["sub"])


def _topic_names() -> dict[str, str]:
    from bot.knowledge.repository import read_snapshot

    return {topic.id: topic.name for topic in read_snapshot().ordered()}


# ---- the work of each endpoint (runs in a worker thread) ----------------------------------

def unanswered(_: Request, __: dict[str, Any]) -> dict[str, Any]:
    from bot.ops.log import unanswered_groups

    return {"groups": unanswered_groups()}


def feedback(_: Request, __: dict[str, Any]) -> dict[str, Any]:
    from bot.ops.feedback import latest_negative, topic_stats

    names = _topic_names()
    topics = [{**row, "name": names.get(row.get("topic_id") or "", row.get("topic_id"))}
              for row in topic_stats()]
    negative = [{**row, "topic_name": names.get(row.get("topic_id") or "", row.get("topic_id"))}
                for row in latest_negative()]
    return {"topics": topics, "negative": negative}


def handoffs(_: Request, __: dict[str, Any]) -> dict[str, Any]:
    from bot.ops.handoff import list_handoffs

    return {"handoffs": list_handoffs()}


def audit(_: Request, __: dict[str, Any]) -> dict[str, Any]:
    from bot.ops.knowledge_edit import audit_log

    return {"audit": audit_log()}


def topics(_: Request, __: dict[str, Any]) -> dict[str, Any]:
    from bot.knowledge.repository import read_snapshot
    from bot.knowledge.schema import FACET_KINDS
    from bot.texts import ASPECT_NAMES

    snapshot = read_snapshot()
    return {"topics": [{"id": t.id, "name": t.name, "kind": t.kind} for t in snapshot.ordered()],
            "facet_kinds": [{"kind": kind, "name": ASPECT_NAMES.get(kind, kind)}
                            for kind in sorted(FACET_KINDS, key=lambda k: (k == "other", k))]}


def _edited(entry: dict[str, Any], log_id: int | None, claims: dict[str, Any]) -> dict[str, Any]:
    """The answer to an edit: its audit entry and the question-log rows it resolved."""
    return {"ok": True, "audit": entry, "resolved": _resolve(log_id, claims)}


def _add_text(field: str) -> Callable[[Request, dict[str, Any]], dict[str, Any]]:
    """POST ``{topic_id, <field>, log_id?}``: add an alias or an example question to a topic."""

    def work(request: Request, claims: dict[str, Any]) -> dict[str, Any]:
        from bot.ops.knowledge_edit import add_alias, add_question

        add = {"alias": add_alias, "question": add_question}[field]
        body = _body(request)
        topic_id, text = _text(body, "topic_id"), _text(body, field)
        log_id = _log_id(body)
        return _edited(add(topic_id, text, actor=claims["sub"]), log_id, claims)

    return work


alias = _add_text("alias")
question = _add_text("question")


def topic(request: Request, claims: dict[str, Any]) -> dict[str, Any]:
    from bot.ops.knowledge_edit import create_topic

    body = _body(request)
    _text(body, "name")
    log_id = _log_id(body)
    fields = {key: body[key] for key in TOPIC_FIELDS if key in body}
    fields.setdefault("kind", "concept")
    return _edited(create_topic(fields, actor=claims["sub"]), log_id, claims)


def export(name: str) -> Callable[[Request, dict[str, Any]], HTTPResponse]:
    module_name, function = CSV_EXPORTS[name]

    def work(_: Request, __: dict[str, Any]) -> HTTPResponse:
        import importlib

        text = getattr(importlib.import_module(module_name), function)()
        data = text if text.startswith("\ufeff") else "\ufeff" + text  # Excel reads UTF-8 with a BOM
        return response.raw(data.encode("utf-8"), content_type="text/csv; charset=utf-8",
                            headers={**COMMON_HEADERS,
                                     "Content-Disposition": f'attachment; filename="{name}"'})

    return work


# ---- wiring ------------------------------------------------------------------------------

def add_admin_routes(blueprint: Blueprint, secret: str | None, prefix: str = "/admin") -> None:
    """Add the admin page and API under ``prefix`` of the portal channel's blueprint."""

    async def guarded(request: Request, work: Callable[[Request, dict[str, Any]], Any]) -> HTTPResponse:
        claims = admin_claims(request.headers.get("authorization"), secret)
        if claims is None:
            return _json({"error": texts.FORBIDDEN}, 403)
        try:
            result = await asyncio.to_thread(work, request, claims)
        except ValueError as exc:  # RequestError, bot.ops EditError, record validation
            return _json({"error": str(exc) or texts.BAD_BODY}, 400)
        except Exception:
            logger.exception("admin: %s %s failed", request.method, request.path)
            return _json({"error": texts.SERVER_ERROR}, 500)
        return result if isinstance(result, HTTPResponse) else _json(result)

    def route(path: str, work: Callable[[Request, dict[str, Any]], Any], method: str, name: str) -> None:
        async def handler(request: Request) -> HTTPResponse:
            return await guarded(request, work)

        blueprint.add_route(handler, f"{prefix}/api/{path}", methods=[method], name=f"admin_{name}")

    async def page(request: Request) -> HTTPResponse:
        base = html.escape(request.path.rstrip("/"))
        body = (WEB / "admin.html").read_text(encoding="utf-8").replace("{{BASE}}", base)
        return response.html(body, headers=PAGE_HEADERS)

    def static(name: str) -> Callable[[Request], Any]:
        async def handler(_: Request) -> HTTPResponse:
            return response.raw((WEB / name).read_bytes(), content_type=STATIC[name], headers=COMMON_HEADERS)

        return handler

    blueprint.add_route(page, prefix, methods=["GET"], name="admin_page", strict_slashes=False)
    for name in STATIC:
        blueprint.add_route(static(name), f"{prefix}/{name}", methods=["GET"],
                            name="admin_" + name.replace(".", "_"))
    for path, work in (("unanswered", unanswered), ("feedback", feedback), ("handoffs", handoffs),
                       ("audit", audit), ("topics", topics)):
        route(path, work, "GET", path)
    for path, work in (("alias", alias), ("question", question), ("topic", topic)):
        route(path, work, "POST", path)
    for name in CSV_EXPORTS:
        route(f"export/{name}", export(name), "GET", "export_" + name.split(".")[0])
