"""Conversations through the trained model, the REST channel and the real action server."""

from __future__ import annotations

import json
import time

import pytest

from bot.normalize import normalize
from tests.test_heldout import training_examples

pytestmark = pytest.mark.servers

# (question, text the answer must contain). Most are paraphrases that are not in data/.
QUESTIONS = [
    ("售后服务经理的职责有哪些", "【售后服务经理】"),
    ("售后经理一天到晚都忙些什么", "【售后服务经理】"),
    ("当服务培训经理要啥条件", "【服务培训经理】"),
    ("服务培训经理得会哪些东西才能应聘", "任职要求"),
    ("售后工程师平常干嘛", "【售后服务部工程师】"),
    ("银行客服部主要管什么", "【银行客户服务部】"),
    ("服务营销经理要几年工作经验", "【服务营销经理】"),
    ("给我科普一下服务营销管理", "【服务营销管理】"),
    ("服务都有哪些特性呀", "【服务的特性】"),
    ("ｓｗｏｔ分析到底怎么回事", "【SWOT分析】"),
    ("4p指的是哪四个", "【4P营销组合】"),
    ("7P比4P多了啥", "7P"),
    ("smart原则每个字母代表什么", "【SMART原则】"),
    ("差异化战略要满足哪些前提", "【特色经营战略】"),
    ("多元化战略适合什么情况", "【多角化战略】"),
    ("专业化战略是啥意思", "【集中化战略】"),
    ("服务兰图的三条线是哪三条", "【服务蓝图】"),
    ("服务质量差距模型讲的是啥", "【服务质量差距模型】"),
    ("服务营销规划分几步", "【服务营销规划】"),
    ("竞争对手分析有哪几步", "竞争对手"),
    ("新服务开发有哪些类型", "【新服务开发"),
    ("价格策略有哪些目标", "【价格策略】"),
]


def test_questions_are_mostly_paraphrases_absent_from_training() -> None:
    trained = training_examples()
    unseen = [q for q, _ in QUESTIONS if normalize(q) not in trained]
    assert len(QUESTIONS) >= 20 and len(unseen) >= 18


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_question_is_answered(bot_servers, question: str, expected: str) -> None:
    messages = bot_servers.send(f"qa-{abs(hash(question))}", question)
    text = "\n".join(m.get("text", "") for m in messages)
    assert expected in text, text
    assert "📖 出处" in text


def test_the_issue_curl_example_returns_the_duties(bot_servers) -> None:
    messages = bot_servers.send("u1", "售后服务经理的职责有哪些")
    assert messages and "岗位职责：" in messages[0]["text"] and "1. " in messages[0]["text"]
    assert all(json.loads(json.dumps(b)) for b in messages[0].get("buttons", []))


def test_followups_keep_context(bot_servers) -> None:
    user = f"follow-{time.time_ns()}"
    assert "【服务经理】" in bot_servers.say(user, "服务经理的职责有哪些")
    answer = bot_servers.say(user, "那任职要求呢？")
    assert "【服务经理】" in answer and "任职要求：" in answer
    compared = bot_servers.say(user, "它和营销服务经理有什么区别")
    assert "【服务经理】与【营销服务经理】对比" in compared


def test_button_payload_is_understood(bot_servers) -> None:
    text = bot_servers.say("payload-user", '/ask_role_requirements{"role": "service_training_manager"}')
    assert "【服务培训经理】" in text and "任职要求：" in text


@pytest.mark.parametrize("message", ["今天天气怎么样", "帮我订一张去上海的机票", "讲个笑话", "茅台股价多少",
                                     "asdfghjkl", "啊啊啊啊啊"])
def test_out_of_scope_is_declined_in_chinese_never_empty(bot_servers, message: str) -> None:
    text = bot_servers.say(f"oos-{abs(hash(message))}", message)
    assert text.strip()
    assert "超出了我的范围" in text or "没有找到" in text or "没有理解" in text


def test_greeting_and_capabilities(bot_servers) -> None:
    assert "服务营销顾问" in bot_servers.say("hello-user", "你好")
    assert "岗位职责方面" in bot_servers.say("hello-user", "你都能回答什么问题")
