"""Demo intranet portal: ``python -m bot.web.portal`` serves the widget and two demo pages.

Development only. A real portal renders the ``<script … data-token>`` line itself, with a
token for its signed-in user. This demo server plays that role: when ``PORTAL_JWT_SECRET``
is set it **mints a token for a demo user** (``PORTAL_DEMO_USER``, default ``demo``; a page
URL may pick another with ``?user=alice``, remembered in a cookie for the other pages — which
is exactly why this server listens on 127.0.0.1 only and must never be exposed). Without the
secret the pages carry no token and the bot's portal channel runs in anonymous development mode.

``/admin`` plays the portal's admin sign-in the same way: for a user listed in
``PORTAL_DEMO_ADMINS`` (comma separated, default ``admin``; ``/admin?user=…``) it mints a
token with ``"role": "admin"`` and redirects to the bot's admin page
(``$BOT_URL/webhooks/portal/admin#token=…``; the fragment never reaches a server log).

Environment: ``PORTAL_PORT`` (8080), ``BOT_URL`` (``http://localhost:$RASA_PORT``, RASA_PORT
default 5005), ``PORTAL_JWT_SECRET``, ``PORTAL_DEMO_USER``, ``PORTAL_DEMO_ADMINS``,
``PORTAL_TOKEN_TTL`` (seconds, 8 h), ``PORTAL_QUIET=1`` (no access log).
"""

from __future__ import annotations

import html
import os
import re
import time
from functools import partial
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jwt

WEB = Path(__file__).resolve().parent
# Each page is its title and main part; demo/layout.html gives them the same portal frame.
PAGES = {"/": ("首页", "demo/index.html"), "/index.html": ("首页", "demo/index.html"),
         "/knowledge.html": ("知识库", "demo/knowledge.html")}
LAYOUT = "demo/layout.html"
STATIC = {
    "/widget.js": ("widget.js", "text/javascript; charset=utf-8"),
    "/widget.css": ("widget.css", "text/css; charset=utf-8"),
    "/vendor/socket.io.min.js": ("vendor/socket.io.min.js", "text/javascript; charset=utf-8"),
    "/demo/portal.css": ("demo/portal.css", "text/css; charset=utf-8"),
}
USER_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
ADMIN_PAGE = "/webhooks/portal/admin"


def mint_token(user: str, secret: str, ttl: int = 8 * 3600, name: str | None = None,
               role: str | None = None) -> str:
    """An HS256 JWT as the portal issues it: ``sub`` (user id), ``iat``, ``exp``, optional
    ``name`` and ``role`` (``"admin"`` opens the admin API, docs/admin.md)."""
    now = int(time.time())
    claims: dict[str, object] = {"sub": user, "iat": now, "exp": now + ttl}
    if name:
        claims["name"] = name
    if role:
        claims["role"] = role
    return jwt.encode(claims, secret, algorithm="HS256")


class Settings:
    def __init__(self, env: dict[str, str] | None = None) -> None:
        env = dict(os.environ if env is None else env)
        self.port = int(env.get("PORTAL_PORT", "8080"))
        self.bot_url = env.get("BOT_URL") or f"http://localhost:{env.get('RASA_PORT', '5005')}"
        self.secret = env.get("PORTAL_JWT_SECRET") or None
        self.demo_user = env.get("PORTAL_DEMO_USER", "demo")
        self.demo_admins = {a.strip() for a in env.get("PORTAL_DEMO_ADMINS", "admin").split(",") if a.strip()}
        self.ttl = int(env.get("PORTAL_TOKEN_TTL", str(8 * 3600)))
        self.quiet = env.get("PORTAL_QUIET") == "1"


class PortalHandler(BaseHTTPRequestHandler):
    settings: Settings

    def __init__(self, *args, settings: Settings, **kwargs) -> None:
        self.settings = settings
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in PAGES:
            # The demo's "sign-in": ?user=… picks a user, remembered in a cookie like a portal session.
            cookie = SimpleCookie(self.headers.get("Cookie", ""))
            remembered = cookie["demo_user"].value if "demo_user" in cookie else self.settings.demo_user
            user = parse_qs(url.query).get("user", [remembered])[0]
            if not USER_NAME.match(user):
                return self._send(400, b"bad user", "text/plain; charset=utf-8")
            return self._send(200, self._page(*PAGES[url.path], user).encode(), "text/html; charset=utf-8",
                              [("Set-Cookie", f"demo_user={user}; Path=/; SameSite=Lax; HttpOnly")])
        if url.path == "/admin":
            return self._admin(parse_qs(url.query).get("user", ["admin"])[0])
        if url.path in STATIC:
            name, content_type = STATIC[url.path]
            return self._send(200, (WEB / name).read_bytes(), content_type)
        if url.path == "/favicon.ico":
            return self._send(204, b"", "image/x-icon")
        self._send(404, "找不到页面".encode(), "text/plain; charset=utf-8")

    def _admin(self, user: str) -> None:
        """The demo's admin sign-in: a token with the admin role, handed over in the fragment."""
        s = self.settings
        if not s.secret:
            return self._send(403, "演示门户没有 PORTAL_JWT_SECRET，无法签发管理员令牌。".encode(),
                              "text/plain; charset=utf-8")
        if not USER_NAME.match(user) or user not in s.demo_admins:
            return self._send(403, "这个用户不是演示管理员（PORTAL_DEMO_ADMINS）。".encode(),
                              "text/plain; charset=utf-8")
        token = mint_token(user, s.secret, s.ttl, role="admin")
        self._send(303, b"", "text/plain; charset=utf-8",
                   [("Location", f"{s.bot_url}{ADMIN_PAGE}#token={token}"), ("Referrer-Policy", "no-referrer")])

    def _page(self, title: str, content: str, user: str) -> str:
        """The layout around the page's main part, with the user's name and token filled in."""
        s = self.settings
        token = mint_token(user, s.secret, s.ttl) if s.secret else ""
        values = {"TITLE": title, "USER": user if s.secret else "匿名（开发模式）", "BOT_URL": s.bot_url,
                  "TOKEN": token}
        main = (WEB / content).read_text(encoding="utf-8").rstrip("\n")
        text = (WEB / LAYOUT).read_text(encoding="utf-8").replace("{{CONTENT}}", main)
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", html.escape(value))
        return text

    def _send(self, status: int, body: bytes, content_type: str,
              headers: list[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.settings.quiet:
            super().log_message(format, *args)


def make_server(settings: Settings | None = None, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    settings = settings or Settings()
    return ThreadingHTTPServer((host, settings.port), partial(PortalHandler, settings=settings))


def main() -> None:
    settings = Settings()
    server = make_server(settings)
    mode = (f"tokens minted for demo user '{settings.demo_user}'" if settings.secret
            else "no PORTAL_JWT_SECRET: anonymous development mode")
    print(f"demo portal on http://localhost:{server.server_address[1]}/ ({mode})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
