"""The advisory tools end to end: trained model, REST channel, real action server, SQL store.

SWOT and strategy type have their own file (test_wizard_conversations.py).
"""

from __future__ import annotations

import time

import pytest

from tests.support.servers import BotServers

pytestmark = pytest.mark.servers

ONE_SHOT = "我们区域有1.2万辆车，每车每年修3小时，去年做了9000个工时，市场份额是多少"


def new_user(tag: str) -> str:
    return f"tools-{tag}-{time.time_ns()}"


def say_each(servers: BotServers, user: str, *messages: str) -> str:
    """Walk through steps whose replies the test does not check; the last reply."""
    reply = ""
    for message in messages:
        reply = servers.say(user, message)
    return reply


def test_market_share_one_shot_computes_at_once(bot_servers) -> None:
    user = new_user("share1")
    messages = bot_servers.send(user, ONE_SHOT)
    reply = "\n".join(m.get("text") or m.get("custom", {}).get("text", "") for m in messages)
    assert "36,000" in reply and "25%" in reply and "15%–30%" in reply
    table = next(m["custom"] for m in messages if (m.get("custom") or {}).get("type") == "table")
    assert table["rows"][0][4:7] == ["36,000", "9,000", "25%"]
    assert "保存" in [b["title"] for m in messages for b in m.get("buttons", [])]
    assert "还没有保存的分析" in bot_servers.say(user, "我的分析")  # offered, not saved yet
    assert "已保存为分析" in bot_servers.say(user, "/save_analysis")
    assert "服务潜力与市场份额 · 本区域 · 已完成" in bot_servers.say(user, "我的分析")


def test_market_share_step_by_step_with_two_regions_and_a_bad_value(bot_servers) -> None:
    user = new_user("share2")
    assert "叫什么" in bot_servers.say(user, "帮我算一下市场份额")
    assert "多少辆车" in bot_servers.say(user, "城东站")
    assert "例如" in bot_servers.say(user, "不少")  # re-asked, with an example
    bot_servers.say(user, "1.2万")
    bot_servers.say(user, "3")
    assert "其他区域" in bot_servers.say(user, "9000")
    assert "城西站" in bot_servers.say(user, "城西站 8000辆 每车2.5小时 6000工时")
    result = bot_servers.say(user, "完成")
    assert result.index("城西站") < result.index("城东站")  # ranked by share, 30 % first
    assert "已完成" in bot_servers.say(user, "我的分析")


def test_budget_reproduces_the_100_wan_split_and_sums_exactly(bot_servers) -> None:
    user = new_user("budget")
    say_each(bot_servers, user, "帮我做年度营销预算", "城东店", "60万", "40万", "近三年销量")
    result = say_each(bot_servers, user, "20 15 25 25 30 25 20 25 30 30 35 40",
                      "20 20 25 25 30 25 25 25 30 35 30 40",
                      "20 15 30 30 30 30 25 30 30 35 35 40")  # the third year completes the step
    assert "1,000,000" in result and "60,000" in result and "120,000" in result
    listing = bot_servers.say(user, "我的分析")
    assert "年度营销预算分配 · 城东店 · 已完成" in listing


def test_commands_inside_a_tool(bot_servers) -> None:
    user = new_user("cmds")
    bot_servers.say(user, "帮我算一下市场份额")
    bot_servers.say(user, "城东站")
    assert "城东站" in bot_servers.say(user, "我的分析")  # listed, then the step again
    assert "叫什么" in bot_servers.say(user, "上一步")  # back to the name step
    bot_servers.say(user, "城东站")
    reply = bot_servers.say(user, "什么是服务市场份额？")
    assert "份额" in reply and ("叫什么" in reply or "多少辆车" in reply)  # answered, step again
    assert "确定要退出吗" in bot_servers.say(user, "取消")
    assert "已退出" in bot_servers.say(user, "是")


def test_smart_check_asks_only_what_rules_cannot_judge(bot_servers) -> None:
    user = new_user("smart")
    first = bot_servers.say(user, "帮我看看这个目标：今年把保养客户满意度提高到90%")
    assert "能达到这个目标吗" in first  # S, M, T judged by rules; A asked
    bot_servers.say(user, "是")
    result = bot_servers.say(user, "是")
    assert "M 可量化 | 满足" in result and "T 有时限 | 满足" in result and "SMART原则" in result


def test_smart_check_asks_for_a_missing_number(bot_servers) -> None:
    user = new_user("smart2")
    bot_servers.say(user, "开始SMART目标检查")
    reply = bot_servers.say(user, "提高售后客户满意度")
    assert "例如" in reply and ("数字" in reply or "量化" in reply or "多少" in reply)


def test_competitor_comparison_becomes_a_swot(bot_servers) -> None:
    user = new_user("rivals")
    say_each(bot_servers, user, "帮我和竞争对手做个对比", "我们", "A店、B店", "快修服务、上门取车", "5 3 4")
    messages = bot_servers.send(user, "2 4 3")
    reply = "\n".join(m.get("text") or m.get("custom", {}).get("text", "") for m in messages)
    assert "快修服务 | 5 | 3 | 4 | 领先" in reply and "上门取车 | 2 | 4 | 3 | 落后" in reply
    payload = next(b["payload"] for m in messages for b in m.get("buttons", [])
                   if b["title"] == "转为SWOT分析")
    assert payload.startswith('/start_swot{"analysis_id": ')
    swot = bot_servers.say(user, payload)
    assert "快修服务" in swot  # the lead is already a strength of the new SWOT


def test_marketing_plan_pulls_in_a_saved_swot(bot_servers) -> None:
    user = new_user("plan")
    assert "分析的对象" in bot_servers.say(user, "我想做SWOT分析")
    bot_servers.say(user, "城东支行")
    for factors in ("品牌知名度高", "成本偏高", "政策支持", "同业降价"):
        bot_servers.say(user, factors)
        bot_servers.say(user, "完成")
    bot_servers.say(user, "跳过")
    first = bot_servers.say(user, "帮我写服务营销策划书")
    assert "主题" in first
    reply = bot_servers.say(user, "城东支行2025年服务营销策划")
    for _ in range(3):
        if "引用SWOT" in reply:
            break
        reply = bot_servers.say(user, "跳过")
    assert "引用SWOT" in reply
    assert "品牌知名度高" in bot_servers.say(user, "引用SWOT") + bot_servers.say(user, "导出报告")
