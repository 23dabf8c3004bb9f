"""Strategy wizards end to end: trained model, REST channel, real action server, SQL stores."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.servers


def new_user(tag: str) -> str:
    return f"wizard-{tag}-{time.time_ns()}"


def start_swot(servers, user: str, subject: str = "城东支行") -> None:
    assert "分析的对象" in servers.say(user, "我想做SWOT分析")
    assert "第1步（共4步）· 优势（S）" in servers.say(user, subject)


def start_with_a_strength(servers, tag: str) -> str:
    """A new user's SWOT with one strength entered (品牌知名度高); returns the user."""
    user = new_user(tag)
    start_swot(servers, user)
    servers.say(user, "品牌知名度高")
    return user


def add_second_strength(servers, user: str) -> str:
    """Enter a second strength: the reply lists both, so nothing in between lost the first."""
    reply = servers.say(user, "网点覆盖广")
    assert "S1. 品牌知名度高" in reply and "S2. 网点覆盖广" in reply
    return reply


def enter_part(servers, user: str, factors: str) -> str:
    """Factors of one part (or 跳过), then 完成; returns the reply to 完成 / 跳过."""
    if factors == "跳过":
        return servers.say(user, "跳过")
    servers.say(user, factors)
    return servers.say(user, "完成")


def run_swot(servers, user: str, s: str, w: str, o: str, t: str, weights: str = "跳过") -> str:
    start_swot(servers, user)
    for factors in (s, w, o, t):
        reply = enter_part(servers, user, factors)
    assert "重要程度打分" in reply
    return servers.say(user, weights)


@pytest.mark.parametrize(("parts", "quadrant", "strategy", "measure"), [
    (("品牌知名度高，网点覆盖广", "人员流动大", "社区金融需求增长、政策支持小微企业", "跳过"),
     "SO", "扩张性战略", "外延扩张式"),
    (("品牌知名度高、网点覆盖广", "成本偏高", "政策支持", "互联网银行分流客户；替代服务增多"),
     "ST", "分散化战略", "同心多角化"),
    (("老客户信赖", "成本偏高、人员流动大", "社区金融需求增长，政策支持小微企业", "同业降价"),
     "WO", "防卫性战略", "引入创新机制"),
    (("老客户信赖", "成本偏高\n人员流动大", "政策支持", "同业降价、互联网银行分流客户"),
     "WT", "退出性战略", "果断撤离"),
])
def test_swot_reaches_each_quadrant(bot_servers, parts, quadrant: str, strategy: str, measure: str) -> None:
    user = new_user(quadrant)
    result = run_swot(bot_servers, user, *parts)
    assert f"结论：{quadrant}象限，宜采取{strategy}" in result
    assert "内部位置 = 优势" in result and measure in result
    assert "TOWS 矩阵" in result and "[S1+" in result
    messages = bot_servers.send(user, "我的分析")
    assert "已完成" in messages[0]["text"]


def test_weights_bad_scores_repeat_the_step(bot_servers) -> None:
    user = new_user("weights")
    start_swot(bot_servers, user)
    for factors in ("品牌知名度高", "成本偏高", "政策支持", "同业降价"):
        enter_part(bot_servers, user, factors)
    assert "分数只能是1到5" in bot_servers.say(user, "十")
    assert "分数只能是1到5" in bot_servers.say(user, "7")
    assert "S1 记为 5 分" in bot_servers.say(user, "5")
    result = bot_servers.say(user, "2 4 1")
    assert "优势 5 − 劣势 2 = 3" in result and "机会 4 − 威胁 1 = 3" in result


def test_bad_factor_input_is_explained_and_kept(bot_servers) -> None:
    user = start_with_a_strength(bot_servers, "bad")
    assert "只有表情或符号" in bot_servers.say(user, "😀😀")
    assert "超过了100个字" in bot_servers.say(user, "很" * 500)
    add_second_strength(bot_servers, user)


def test_knowledge_question_in_the_middle_then_the_wizard_continues(bot_servers) -> None:
    user = start_with_a_strength(bot_servers, "question")
    answer = bot_servers.say(user, "什么是SWOT？")
    assert "【SWOT分析】" in answer and "📖 出处" in answer
    assert "优势（S）已记录 1 条" in answer  # the wizard asks again where it was
    compared = bot_servers.say(user, "机会和优势有什么区别？")
    assert "优势（S）已记录 1 条" in compared and "机会" in compared
    assert "什么是SWOT" not in add_second_strength(bot_servers, user)


def test_resume_after_restarting_both_servers(bot_servers) -> None:
    user = new_user("resume")
    start_swot(bot_servers, user, "信用卡中心")
    bot_servers.say(user, "品牌知名度高、客户基础大")
    bot_servers.say(user, "完成")
    bot_servers.say(user, "审批慢")
    bot_servers.stop_rasa()
    bot_servers.stop_actions()
    bot_servers.start_actions()
    bot_servers.start_rasa()
    # The tracker store kept the running form: 继续我的分析 picks it up where it was.
    resumed = bot_servers.say(user, "继续我的分析")
    assert "接着刚才的分析" in resumed and "W1. 审批慢" in resumed and "W2" not in resumed
    for factors in ("完成", "消费升级", "完成", "跳过"):
        bot_servers.say(user, factors)
    result = bot_servers.say(user, "跳过")
    assert "结论：SO象限" in result
    report = bot_servers.say(user, "导出报告")
    assert "# 服务营销战略分析报告：信用卡中心" in report and "客户基础大" in report


def test_cancel_needs_confirmation_and_keeps_the_analysis_unfinished(bot_servers) -> None:
    user = new_user("cancel")
    start_swot(bot_servers, user, "城西门店")
    bot_servers.say(user, "位置好")
    assert "确定要退出吗" in bot_servers.say(user, "取消")
    kept = bot_servers.say(user, "否")
    assert "我们继续" in kept and "S1. 位置好" in kept
    assert "确定要退出吗" in bot_servers.say(user, "退出")
    assert "已退出" in bot_servers.say(user, "是")
    listing = bot_servers.say(user, "我的分析")
    assert "城西门店 · 未完成" in listing
    # Resuming after leaving the wizard restores it from the database.
    resumed = bot_servers.say(user, "继续我的分析")
    assert "城西门店" in resumed and "S1. 位置好" in resumed
    assert "确定要退出吗" in bot_servers.say(user, "取消")
    assert "已退出" in bot_servers.say(user, "是")
    # After leaving the wizard the bot answers questions normally.
    assert "【SWOT分析】" in bot_servers.say(user, "什么是SWOT？")


def test_strategy_type_after_a_swot_result(bot_servers) -> None:
    user = new_user("strategy")
    result = run_swot(bot_servers, user, "品牌知名度高、网点覆盖广", "成本偏高", "政策支持",
                      "同业降价、替代服务增多")
    assert "ST象限" in result
    intro = bot_servers.say(user, "/start_strategy_type")
    assert "ST象限" in intro and "第 1/14 题" in intro
    assert "请回答“是”、“否”或“不确定”" in bot_servers.say(user, "也许吧大概")
    answers = ["否", "否", "否", "否", "否", "否", "否", "否", "否", "否", "否", "是", "是", "不确定"]
    for answer in answers[:-1]:
        bot_servers.say(user, answer)
    recommendation = bot_servers.say(user, answers[-1])
    assert "推荐：**多角化战略**" in recommendation and "实施途径" in recommendation
    assert "其他类型尚缺的前提" in recommendation
    report = bot_servers.say(user, "导出报告")
    assert "## 战略类型建议" in report and "## TOWS 矩阵" in report


def test_strategy_type_on_its_own(bot_servers) -> None:
    user = new_user("strategy-alone")
    intro = bot_servers.say(user, "帮我选个竞争战略")
    assert "第 1/14 题" in intro and "象限" not in intro
    for answer in ["是", "是", "是"] + ["否"] * 10:
        bot_servers.say(user, answer)
    assert "推荐：**总成本领先战略**" in bot_servers.say(user, "否")


def test_delete_asks_for_confirmation(bot_servers) -> None:
    user = new_user("delete")
    start_swot(bot_servers, user, "待删除的分析")
    assert "已退出" in (bot_servers.say(user, "取消") and bot_servers.say(user, "是"))
    messages = bot_servers.send(user, "我的分析")
    delete = next(b["payload"] for b in messages[0]["buttons"] if b["title"].startswith("删除"))
    assert "确定删除" in bot_servers.say(user, delete)
    assert "没有删除" in bot_servers.say(user, "否")
    assert "确定删除" in bot_servers.say(user, delete)
    assert "已删除" in bot_servers.say(user, "是")
    assert "还没有保存的分析" in bot_servers.say(user, "我的分析")


def test_questions_about_swot_are_answered_not_started(bot_servers) -> None:
    user = new_user("qa")
    assert "【SWOT分析】" in bot_servers.say(user, "什么是SWOT")
    how_to = bot_servers.send(user, "SWOT分析怎么做")
    assert "【SWOT" in how_to[0]["text"] and "分析的对象" not in how_to[0]["text"]
    assert "分析的对象" in bot_servers.say(user, "帮我分析一下我们公司的战略")
    assert "【SWOT分析】" in bot_servers.say(user, "什么是SWOT？")
