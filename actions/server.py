"""The action server, started as ``python -m actions.server``: rasa_sdk's app behind a secret.

Rasa's action server has no authentication and trusts whatever tracker it is sent, so anyone
who reaches its port could run any action as any user. This launcher serves the same
rasa_sdk application with one addition: every request except ``GET /health`` must carry
``Authorization: Bearer <ACTION_SERVER_TOKEN>`` (the Rasa servers send it: ``headers`` of
the action endpoint in ``endpoints*.yml``), else it is answered 401 before any action runs.
It refuses to start without a token, listens on ``--host`` (default ``BIND_HOST``, else
127.0.0.1) rather than on every interface, and creates the application tables at start-up.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import texts
from bot.db import create_schema
from bot.web.access import bearer_matches

logger = logging.getLogger(__name__)

TOKEN_VARIABLE = "ACTION_SERVER_TOKEN"
OPEN_PATHS = frozenset({"/health"})


def require_token(app: Sanic, token: str) -> None:
    """Answer 401 to every request without the shared secret (health checks excepted)."""

    @app.middleware("request")
    async def check_token(request: Request) -> HTTPResponse | None:
        if request.method == "GET" and request.path in OPEN_PATHS:
            return None
        if bearer_matches(request.headers.get("Authorization"), token):
            return None
        logger.warning("action server: refused %s %s from %s (no valid token)",
                       request.method, request.path, request.ip)
        return response.json({"error": "unauthorized"}, status=401)


def build_app(token: str, actions_package: str = "actions") -> Sanic:
    if not token:
        raise ValueError(f"{TOKEN_VARIABLE} is empty")
    app = create_app(actions_package, cors_origins=None)
    require_token(app, token)

    @app.listener("before_server_start")
    async def schema(*_: object) -> None:
        # Tables are created at start-up (and by `python -m bot reload`), never inside actions.
        create_schema()

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("BIND_HOST") or "127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT", "5055")))
    parser.add_argument("--actions", default="actions")
    parser.add_argument("--loglevel", default=os.environ.get("LOG_LEVEL", "INFO"))
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token:
        sys.exit(texts.ACTION_TOKEN_MISSING.format(variable=TOKEN_VARIABLE))
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), None, args.loglevel, None)
    utils.update_sanic_log_level()
    app = build_app(token, args.actions)
    logger.info("action server on http://%s:%s (token required)", args.host, args.port)
    app.run(args.host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)


if __name__ == "__main__":
    main()
