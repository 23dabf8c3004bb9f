"""Which wizard command a message is, from its text and the NLU's hint.

A factor such as "退出市场的风险" must stay input, so text commands match whole messages only;
the NLU hint (mapped from intents in ``actions/tool_names.py``) adds what buttons send.
"""

from __future__ import annotations

import re

from bot.normalize import as_command
from bot.tools.engine import Command

CANCEL_WORDS = frozenset(
    {"取消", "退出", "不做了", "算了", "停止", "结束", "退出分析", "取消分析", "不弄了",
     "我要退出", "先不做了", "退出流程", "cancel", "quit", "stop", "exit"}
)  # fmt: skip
HELP_WORDS = frozenset(
    {"怎么填", "帮助", "怎么写", "不会填", "不知道怎么填", "怎么回答", "提示", "这一步怎么填",
     "这步怎么填", "怎么弄", "help", "?", "？", "不懂", "举个例子", "示例"}
)  # fmt: skip
BACK_WORDS = frozenset(
    {"上一步", "返回上一步", "回到上一步", "退回上一步", "上一题", "回上一步", "back", "返回"}
)  # fmt: skip
LIST_WORDS = frozenset({"我的分析", "查看我的分析", "分析列表", "我的记录", "我的工具记录"})
EXPORT_WORDS = frozenset({"导出报告", "导出", "导出分析", "下载报告", "导出当前分析", "生成报告"})
_RESUME_WORDS = ("继续", "接着", "恢复", "回到")
_QUESTION_MARKERS = re.compile(
    r"[?？]|什么|啥|吗|呢|怎么|怎样|如何|哪|区别|不同|为什么|为何|意思|介绍|解释|讲讲|说说|是不是"
)
_CONFIRM_YES = frozenset({"是", "是的", "确定", "确定退出", "退出", "对", "嗯", "好", "好的", "yes",
                          "取消", "算了", "不做了", "是，退出"})  # fmt: skip
_CONFIRM_NO = frozenset({"否", "不", "不是", "继续", "不退出", "不要", "no", "接着做", "不了",
                         "否，继续"})  # fmt: skip


def is_payload(text: str) -> bool:
    """A button payload such as ``/affirm`` (the intent was given, not predicted)."""
    return (text or "").startswith("/")


def reads_like_question(text: str) -> bool:
    return is_payload(text) or bool(_QUESTION_MARKERS.search(text or ""))


_REQUESTING = re.compile(
    r"帮|测一下|测一测|选个|选一个|选一下|我想|我要|想要|^开始|开始(?:做|吧|分析|对比|评估|测|算)|来做|做个|做一下|做一个|做一次|做一份"
    r"|做次|给我们|给公司|一起|带我|再做|重新|新的|启动|替我|请|算一下|算一算|算算|计算|测算|检查"
    r"|看看|比一比|比一下|对比一下|start",
    re.IGNORECASE,
)


# Words that announce a question, not a request ("我想问下…", "请问…"): they hold 我想 / 请.
_ASKING = re.compile(r"我?想(?:问|知道|了解|请教|搞清楚|弄明白)|请问|请教|请(?:解释|说明|介绍)")


# Request words that only say what the speaker is about to do; next to a what/which
# question they introduce it ("我要牵头做服务营销规划，第一步应该先干什么", "想跟对手比一比，
# 一般从哪些方面比").
_WEAK_REQUEST = frozenset({"我想", "我要", "想要", "来做", "看看", "比一比", "比一下", "对比一下", "检查"})
_ASKS_WHAT = re.compile(r"什么|啥|哪|几[个种步条点块项方]")


def reads_like_request(text: str) -> bool:
    """"帮我做SWOT分析" asks for the tool; "SWOT分析怎么做", "规划最后一步干嘛",
    "我想问下第一步做什么" or "我要做定位，可以从哪几个层面来做" asks about it."""
    if is_payload(text):
        return True
    plain = _ASKING.sub(" ", text or "")
    said = {m.group(0) for m in _REQUESTING.finditer(plain)}
    return bool(said) and not (said <= _WEAK_REQUEST and _ASKS_WHAT.search(plain))


def command_of(text: str, hint: Command | None = None) -> Command | None:
    """The command a message gives inside a tool, or None for step input."""
    word = as_command(text)
    if word in CANCEL_WORDS or (hint is Command.CANCEL and is_payload(text)):
        return Command.CANCEL
    if word in BACK_WORDS:
        return Command.BACK
    if word in HELP_WORDS:
        return Command.HELP
    if word in LIST_WORDS or (hint is Command.LIST and (is_payload(text) or len(word) <= 8)):
        return Command.LIST
    if word in EXPORT_WORDS or (hint is Command.EXPORT and is_payload(text)):
        return Command.EXPORT
    if hint is Command.RESUME and (
        is_payload(text) or (len(word) <= 12 and any(w in word for w in _RESUME_WORDS))
    ):
        return Command.RESUME
    if hint is Command.QUESTION and reads_like_question(text):
        return Command.QUESTION
    return None


def confirm_answer(text: str, said: bool | None = None) -> bool | None:
    """Reply to 确定要退出吗: True (quit), False (continue) or None (unclear).

    ``said`` is a button's yes/no (an affirm / deny payload), when there was one.
    """
    word = as_command(text)
    if word in _CONFIRM_YES or (is_payload(text) and said is True):
        return True
    if word in _CONFIRM_NO or (is_payload(text) and said is False):
        return False
    return None
