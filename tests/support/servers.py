"""Start the real action server and Rasa server for conversation tests.

Each :class:`BotServers` runs both processes on free loopback ports against its own
SQLite knowledge database and tracker store, so tests never touch the developer's data
and can restart either server to prove that nothing is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "advisor.tar.gz"
VENV_BIN = Path(sys.executable).parent


_ERROR_LINE = re.compile(r"\b(ERROR|CRITICAL)\b|Traceback \(most recent call last\)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 2.0) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except (urllib.error.URLError, OSError):
        return 0


class BotServers:
    def __init__(self, workdir: Path, extra_env: dict[str, str] | None = None, model: Path = MODEL) -> None:
        if not model.exists():
            raise RuntimeError(f"{model} is missing: run `make test` (it trains the model first)")
        self.model = model
        self.workdir = workdir
        self.rasa_port = free_port()
        self.actions_port = free_port()
        self.env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "PYTHONPATH": str(ROOT),
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "DATABASE_URL": f"sqlite:///{workdir / 'advisor.db'}",
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.actions_port}/webhook",
            "ACTION_SERVER_TOKEN": secrets.token_urlsafe(24),
            "BIND_HOST": "127.0.0.1",
            "TRACKER_DIALECT": "sqlite",
            "TRACKER_DB": str(workdir / "trackers.db"),
            "ENDPOINTS": "endpoints.yml",  # tests/integration passes endpoints.production.yml
            **(extra_env or {}),
        }
        bind = self.env["BIND_HOST"]
        self.host = "127.0.0.1" if bind in ("0.0.0.0", "::", "") else bind  # where to reach them
        self.credentials = "credentials.yml"  # a test may list other channels
        self.provoked: dict[str, list[tuple[int, int]]] = {"rasa": [], "actions": []}
        self.rasa: subprocess.Popen | None = None
        self.actions: subprocess.Popen | None = None
        subprocess.run([sys.executable, "-m", "bot", "reload"], cwd=ROOT, env=self.env, check=True,
                       capture_output=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"

    def _log_size(self, name: str) -> int:
        path = self.workdir / f"{name}.log"
        return path.stat().st_size if path.exists() else 0

    @contextlib.contextmanager
    def provoking(self) -> Iterator[None]:
        """A block that makes the servers log errors on purpose (excluded by :meth:`error_lines`)."""
        start = {name: self._log_size(name) for name in self.provoked}
        try:
            yield
        finally:
            time.sleep(0.5)  # let the servers finish writing what the block caused
            for name in self.provoked:
                self.provoked[name].append((start[name], self._log_size(name)))

    def error_lines(self) -> list[str]:
        """ERROR / CRITICAL lines of both logs outside :meth:`provoking` blocks."""
        found = []
        for name, ranges in self.provoked.items():
            path = self.workdir / f"{name}.log"
            if not path.exists():
                continue
            data = path.read_bytes()
            offset = 0
            for line in data.splitlines(keepends=True):
                inside = any(start <= offset < end for start, end in ranges)
                if not inside and _ERROR_LINE.search(line.decode("utf-8", "replace")):
                    found.append(f"{name}.log: {line.decode('utf-8', 'replace').rstrip()}")
                offset += len(line)
        return found

    def _log(self, name: str):
        return open(self.workdir / f"{name}.log", "ab")

    def start_actions(self) -> None:
        self.actions = subprocess.Popen(
            [sys.executable, "-m", "actions.server", "--host", self.env["BIND_HOST"],
             "--port", str(self.actions_port)],
            cwd=ROOT, env=self.env, stdout=self._log("actions"), stderr=subprocess.STDOUT,
        )
        self._wait(f"{self.actions_url}/health", self.actions, "actions")

    def start_rasa(self) -> None:
        self.rasa = subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "--model", str(self.model), "--interface", self.env["BIND_HOST"],
             "--port", str(self.rasa_port),
             "--endpoints", self.env["ENDPOINTS"], "--credentials", self.credentials],
            cwd=ROOT, env=self.env, stdout=self._log("rasa"), stderr=subprocess.STDOUT,
        )
        self._wait(f"{self.url}/", self.rasa, "rasa")

    def start(self) -> BotServers:
        self.start_actions()
        self.start_rasa()
        return self

    def _wait(self, url: str, process: subprocess.Popen, name: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{name} server exited:\n" + self.tail(name))
            if _get(url) == 200:
                return
            time.sleep(0.5)
        raise RuntimeError(f"{name} server not ready after {timeout}s:\n" + self.tail(name))

    def tail(self, name: str, lines: int = 40) -> str:
        path = self.workdir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    @staticmethod
    def _stop(process: subprocess.Popen | None, hard: bool = False) -> None:
        if process is None or process.poll() is not None:
            return
        process.kill() if hard else process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def stop_rasa(self, hard: bool = False) -> None:
        self._stop(self.rasa, hard)

    def stop_actions(self, hard: bool = False) -> None:
        self._stop(self.actions, hard)

    def stop(self) -> None:
        self.stop_rasa()
        self.stop_actions()

    def send(self, sender: str, message: str, timeout: float = 30) -> list[dict[str, Any]]:
        """One user turn through the REST channel; returns the bot's messages.

        The conversation's id inside the bot is ``rest:<sender>`` (:func:`owner`)."""
        body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
        request = urllib.request.Request(f"{self.url}/webhooks/rest/webhook", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def say(self, sender: str, message: str) -> str:
        """The bot's reply texts joined, for assertions (a table payload by its text form)."""
        return "\n".join(m.get("text") or (m.get("custom") or {}).get("text", "")
                         for m in self.send(sender, message))


def owner(sender: str) -> str:
    """The user id a REST sender's conversation and analyses are stored under."""
    from bot.web.access import rest_sender_id

    sender_id = rest_sender_id(sender)
    assert sender_id is not None
    return sender_id


def copy_clean(workdir: Path) -> None:
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
