"""Browser fixtures: the real bot with the portal channel, the demo portal, headless Chromium.

Chromium is Debian's (``make browser-deps`` installs it); Playwright for Python only drives it,
it never downloads a browser.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.web.portal import Settings, make_server
from tests.support.servers import BotServers, free_port

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SECRET = "test-portal-secret-" + "0123456789abcdef" * 2
TIMEOUT = 30_000


@dataclass
class Portal:
    url: str
    bot: BotServers

    def page_url(self, user: str, page: str = "/") -> str:
        return f"{self.url}{page}?user={user}"


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """Rasa + actions with PORTAL_JWT_SECRET and CORS for the demo portal on a free port."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    bot = BotServers(Path(tmp_path_factory.mktemp("portal")),
                     extra_env={"PORTAL_JWT_SECRET": SECRET, "CORS_ORIGINS": origin}).start()
    server = make_server(Settings({"PORTAL_PORT": str(port), "BOT_URL": bot.url,
                                   "PORTAL_JWT_SECRET": SECRET, "PORTAL_QUIET": "1"}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Portal(origin, bot)
    finally:
        server.shutdown()
        server.server_close()
        bot.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser) -> Iterator[Callable[..., Page]]:
    """Pages in separate browser contexts (separate cookies and sessionStorage: separate people)."""
    contexts = []

    def make(**options) -> Page:
        context = browser.new_context(locale="zh-CN", **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        return page

    yield make
    for context in contexts:
        context.close()
