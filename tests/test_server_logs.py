"""The shared servers' logs after the whole conversation suite: no ERROR line.

Operators learn to ignore ERROR lines that always appear, and then miss the real ones. Tests
that make the servers fail on purpose wrap that in ``bot_servers.provoking()``; everything
else must leave no ERROR, CRITICAL or traceback in the Rasa or action-server log.
``tests/conftest.py`` runs this test after every other test that uses ``bot_servers``.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.servers, pytest.mark.last]


def test_no_error_line_in_the_server_logs(bot_servers) -> None:
    assert bot_servers.say("log-check", "你好")  # the servers were used, and still answer
    assert bot_servers.error_lines() == []
