"""Start the real action server and Rasa server for conversation tests.

Each :class:`BotServers` runs both processes on free loopback ports against its own
SQLite knowledge database and tracker store, so tests never touch the developer's data
and can restart either server to prove that nothing is lost.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "advisor.tar.gz"
VENV_BIN = Path(sys.executable).parent


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
            "TRACKER_DIALECT": "sqlite",
            "TRACKER_DB": str(workdir / "trackers.db"),
            "ENDPOINTS": "endpoints.yml",  # tests/integration passes endpoints.production.yml
            **(extra_env or {}),
        }
        self.rasa: subprocess.Popen | None = None
        self.actions: subprocess.Popen | None = None
        subprocess.run([sys.executable, "-m", "bot", "reload"], cwd=ROOT, env=self.env, check=True,
                       capture_output=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def _log(self, name: str):
        return open(self.workdir / f"{name}.log", "ab")

    def start_actions(self) -> None:
        self.actions = subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "actions", "--port", str(self.actions_port), "--actions", "actions"],
            cwd=ROOT, env=self.env, stdout=self._log("actions"), stderr=subprocess.STDOUT,
        )
        self._wait(f"http://127.0.0.1:{self.actions_port}/health", self.actions, "actions")

    def start_rasa(self) -> None:
        self.rasa = subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "--model", str(self.model), "--port", str(self.rasa_port),
             "--endpoints", self.env["ENDPOINTS"], "--credentials", "credentials.yml"],
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
        """One user turn through the REST channel; returns the bot's messages."""
        body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
        request = urllib.request.Request(f"{self.url}/webhooks/rest/webhook", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def say(self, sender: str, message: str) -> str:
        """The bot's reply texts joined, for assertions."""
        return "\n".join(m.get("text", "") for m in self.send(sender, message))


def copy_clean(workdir: Path) -> None:
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
