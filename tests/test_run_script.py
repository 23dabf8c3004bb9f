"""`make run` as a colleague on another machine sees it: nothing listens beyond this host.

Starts scripts/run.sh itself (what `make run` runs after the set-up) on free ports, with its
databases and logs in a temp dir, and ``REST_TOKEN`` set, then knocks on every port from
this machine's network address and from loopback.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from bot import texts
from tests.support.net import network_address, post
from tests.support.servers import MODEL, ROOT, free_port

pytestmark = pytest.mark.servers


def refused(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(3)
        return sock.connect_ex((host, port)) != 0


@pytest.fixture(scope="module")
def make_run(tmp_path_factory: pytest.TempPathFactory):
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make test`")
    work = tmp_path_factory.mktemp("make-run")
    ports = {"RASA_PORT": free_port(), "ACTIONS_PORT": free_port(), "PORTAL_PORT": free_port()}
    env = {key: value for key, value in os.environ.items()
           if key not in ("BIND_HOST", "ACTION_SERVER_TOKEN", "ACTION_ENDPOINT_URL", "REST_TOKEN")}
    env.update({name: str(port) for name, port in ports.items()})
    env.update(RASA_TELEMETRY_ENABLED="false", PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2",
               DATABASE_URL=f"sqlite:///{work / 'advisor.db'}", TRACKER_DIALECT="sqlite",
               TRACKER_DB=str(work / "trackers.db"), LOG_DIR=str(work / "log"), REST_TOKEN="rest-test-token",
               PORTAL_QUIET="1")
    subprocess.run([sys.executable, "-m", "bot", "reload"], cwd=ROOT, env=env, check=True, capture_output=True)
    process = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    output = b""
    while time.monotonic() < deadline and b"Ctrl-C" not in output:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        output += line
    if b"Ctrl-C" not in output:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("scripts/run.sh did not start:\n" + output.decode(errors="replace"))
    try:
        yield ports, output.decode("utf-8", "replace")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def test_servers_listen_on_loopback_only_by_default(make_run) -> None:
    ports, banner = make_run
    assert "listening on 127.0.0.1" in banner
    for name in ("RASA_PORT", "ACTIONS_PORT", "PORTAL_PORT"):
        assert not refused("127.0.0.1", ports[name]), name
    address = network_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    for name in ("RASA_PORT", "ACTIONS_PORT", "PORTAL_PORT"):
        assert refused(address, ports[name]), f"{name} answers on {address}"


def test_rest_needs_the_token_once_one_is_set(make_run) -> None:
    ports, _ = make_run
    url = f"http://127.0.0.1:{ports['RASA_PORT']}/webhooks/rest/webhook"
    body = json.dumps({"sender": "ops", "message": "售后服务经理的职责有哪些"}).encode()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "rest-test-token"}):
        status, reply = post(url, body, headers)
        assert status == 401 and reply == [{"text": texts.UNAUTHORIZED}], headers
    status, reply = post(url, body, {"Authorization": "Bearer rest-test-token"})
    assert status == 200 and "【售后服务经理】" in reply[0]["text"]


def test_the_action_server_wants_the_generated_secret(make_run) -> None:
    ports, _ = make_run
    status, body = post(f"http://127.0.0.1:{ports['ACTIONS_PORT']}/webhook", b"{}")
    assert status == 401 and body == {"error": "unauthorized"}


def test_the_action_server_refuses_to_start_without_a_secret() -> None:
    env = {key: value for key, value in os.environ.items() if key != "ACTION_SERVER_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "actions.server", "--port", str(free_port())], cwd=ROOT,
                            env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "ACTION_SERVER_TOKEN 未设置" in result.stderr
