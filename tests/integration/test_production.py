"""The production setup on loopback: two Rasa servers, one action server, PostgreSQL, Redis.

One conversation alternates between the two Rasa servers turn by turn (as a load balancer
without sticky sessions would send it), runs a whole SWOT wizard with a knowledge question in
the middle, and must end with the right and complete analysis saved in PostgreSQL.
"""

from __future__ import annotations

import itertools
import time

import pytest
from sqlalchemy import create_engine, text

from bot.analyses import store
from bot.strategy.decision import decide
from bot.strategy.factors import SwotInput
from tests.integration import wizard
from tests.support.servers import owner

pytestmark = [pytest.mark.integration, pytest.mark.servers]


def alternating(production, user: str):
    """``say`` that sends each turn to the other Rasa server than the previous one."""
    servers = itertools.cycle(production.rasa_servers)
    used: list[int] = []

    def say(message: str) -> str:
        server = next(servers)
        used.append(server.rasa_port)
        return server.say(user, message)

    say.used = used  # type: ignore[attr-defined]
    return say


def test_servers_use_postgres_and_redis(production) -> None:
    first, second = production.rasa_servers
    assert first.rasa_port != second.rasa_port
    assert first.env["ENDPOINTS"] == second.env["ENDPOINTS"] == "endpoints.production.yml"
    assert first.env["DATABASE_URL"].startswith("postgresql://")
    with production.engine.connect() as connection:  # `python -m bot reload` filled PostgreSQL
        assert connection.execute(text("SELECT count(*) FROM kb_topics")).scalar() > 50


def test_one_conversation_across_two_rasa_servers(production) -> None:
    user = f"integration-{time.time_ns()}"
    say = alternating(production, user)
    swot = wizard.Swot(
        subject="城东支行",
        parts={"S": ["品牌知名度高", "网点覆盖广"], "W": ["人员流动大"],
               "O": ["社区金融需求增长", "政策支持小微企业"], "T": ["互联网银行分流客户"]},
        weights=[5, 4, 3, 4, 5, 2],
    )
    redis = production.redis.client()
    locks_before = redis.info("commandstats").get("cmdstat_set", {}).get("calls", 0)

    answer = wizard.turn(say, swot, "什么是SWOT？", "【SWOT分析】")
    wizard.start(say, swot)
    wizard.enter_part(say, swot, "S", one_by_one=True)
    # A knowledge question in the middle: answered, then the wizard asks where it was.
    wizard.turn(say, swot, "机会和劣势有什么区别？", "劣势（W）")
    wizard.enter_part(say, swot, "W")
    wizard.enter_part(say, swot, "O")
    reply = wizard.enter_part(say, swot, "T")
    wizard.expect(reply, "重要程度打分")
    result = wizard.enter_weights(say, swot)

    expected = SwotInput.from_dict(swot.expected_swot())
    (quadrant,) = decide(expected).quadrants
    wizard.expect(result, f"结论：{quadrant}象限", "TOWS 矩阵", turn="weights")
    listing = wizard.turn(say, swot, "我的分析", "城东支行", "已完成")
    report = wizard.turn(say, swot, "导出报告", "# 服务营销战略分析报告：城东支行")
    for factors in swot.parts.values():
        for factor in factors:
            assert factor in report
    assert answer and listing

    # Every turn went to the other server than the one before: both served the conversation.
    assert len(set(say.used)) == 2
    assert all(a != b for a, b in itertools.pairwise(say.used))

    # The saved analysis, read from PostgreSQL through the store.
    records = store.list_for_user(owner(user), engine=production.engine)
    assert len(records) == 1, records
    record = records[0]
    assert record.kind == "swot" and record.status == "complete" and record.subject == "城东支行"
    assert record.data["swot"] == swot.expected_swot()

    # The tracker is one conversation in PostgreSQL holding every user turn, whichever server
    # took it, and the Redis lock store was used for the turns.
    engine = create_engine(production.tracker_url)
    try:
        with engine.connect() as connection:
            user_turns = connection.execute(
                text("SELECT count(*) FROM events WHERE sender_id = :u AND type_name = 'user'"),
                {"u": owner(user)},
            ).scalar()
    finally:
        engine.dispose()
    assert user_turns == len(swot.transcript)
    locks_after = redis.info("commandstats").get("cmdstat_set", {}).get("calls", 0)
    assert locks_after - locks_before >= len(swot.transcript)


def test_a_rasa_server_killed_mid_wizard_the_other_takes_over(production) -> None:
    """kill -9 of one Rasa server: the load balancer's next turn goes to the survivor, which
    carries on from the shared tracker; the restarted server joins again."""
    first, second = production.rasa_servers
    user = f"failover-{time.time_ns()}"
    swot = wizard.Swot(subject="城南网点", parts={"S": ["服务热情"], "W": ["停车难"], "O": ["老旧小区改造"],
                                               "T": ["线上银行替代"]}, weights=[3, 2, 4, 1])
    say = alternating(production, user)
    wizard.start(say, swot)
    wizard.enter_part(say, swot, "S")
    wizard.turn(say, swot, "停车难", "W1. 停车难")

    second.stop_rasa(hard=True)
    assert second.rasa is not None and second.rasa.returncode == -9

    def survivor(message: str) -> str:
        return first.say(user, message)

    wizard.turn(survivor, swot, "完成", "机会（O）")
    wizard.enter_part(survivor, swot, "O")
    second.start_rasa()
    wizard.enter_part(say, swot, "T")
    result = wizard.enter_weights(say, swot)
    wizard.expect(result, "结论：SO象限", turn="weights")  # S 3 − W 2 > 0, O 4 − T 1 > 0

    records = store.list_for_user(owner(user), engine=production.engine)
    assert len(records) == 1 and records[0].status == "complete"
    assert records[0].data["swot"] == swot.expected_swot()
