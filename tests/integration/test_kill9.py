"""``kill -9`` of the Rasa server or the action server in the middle of a SWOT wizard.

Default setup (SQLite tracker store and database, as ``make run``): after each crash the
server is restarted and the user simply goes on, with the next answer or with 继续我的分析;
at the end the saved analysis holds everything that was entered, and the conversation shows
no input twice.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.analyses import store
from bot.db import get_engine
from tests.integration import wizard
from tests.support.servers import BotServers, owner

pytestmark = [pytest.mark.integration, pytest.mark.servers]


@pytest.fixture(scope="module")
def crashable(tmp_path_factory: pytest.TempPathFactory, model_copy: Path) -> Iterator[BotServers]:
    servers = BotServers(tmp_path_factory.mktemp("kill9"), model=model_copy).start()
    yield servers
    servers.stop()


def kill9(servers: BotServers, which: str) -> None:
    process = servers.rasa if which == "rasa" else servers.actions
    assert process is not None and process.poll() is None
    (servers.stop_rasa if which == "rasa" else servers.stop_actions)(hard=True)
    assert process.returncode == -9  # SIGKILL: no shutdown code ran


def test_kill9_either_server_mid_wizard_loses_nothing(crashable: BotServers) -> None:
    servers = crashable
    user = f"kill9-{time.time_ns()}"
    swot = wizard.Swot(
        subject="信用卡中心",
        parts={"S": ["审批快", "客户基础大"], "W": ["网点少"], "O": ["消费升级"], "T": ["同业竞争激烈"]},
        weights=[4, 5, 3, 4, 2],
    )

    def say(message: str) -> str:
        return servers.say(user, message)

    wizard.start(say, swot)
    wizard.turn(say, swot, "审批快、客户基础大", "S1. 审批快", "S2. 客户基础大")

    # 1. The Rasa server dies between two answers: restart, the next answer just goes on.
    kill9(servers, "rasa")
    servers.start_rasa()
    wizard.turn(say, swot, "完成", "劣势（W）")
    wizard.turn(say, swot, "网点少", "W1. 网点少")

    # 2. The action server dies: restart, 继续我的分析 shows where we were, nothing lost.
    kill9(servers, "actions")
    servers.start_actions()
    wizard.turn(say, swot, "继续我的分析", "W1. 网点少")
    wizard.turn(say, swot, "完成", "机会（O）")
    wizard.turn(say, swot, "消费升级", "O1. 消费升级")

    # 3. Both die at once; restart both, continue with the next answer.
    kill9(servers, "actions")
    kill9(servers, "rasa")
    servers.start_actions()
    servers.start_rasa()
    wizard.turn(say, swot, "完成", "威胁（T）")
    wizard.turn(say, swot, "同业竞争激烈", "T1. 同业竞争激烈")
    wizard.turn(say, swot, "完成", "重要程度打分")
    wizard.turn(say, swot, "4", "S1 记为 4 分")

    # 4. The Rasa server dies during the weights step.
    kill9(servers, "rasa")
    servers.start_rasa()
    result = wizard.turn(say, swot, "5 3 4 2", "结论：")

    engine = get_engine(servers.env["DATABASE_URL"])
    records = store.list_for_user(owner(user), engine=engine)
    assert len(records) == 1, records  # resumed, not started again
    record = records[0]
    assert record.status == "complete" and record.subject == "信用卡中心"
    assert record.data["swot"] == swot.expected_swot()
    assert "结论：SO象限" in result  # S 9 − W 3 > 0, O 4 − T 2 > 0
    # The report lists every factor exactly once.
    report = servers.say(user, "导出报告")
    for factors in swot.parts.values():
        for factor in factors:
            assert factor in report
    assert report.count("审批快") == report.count("客户基础大")
