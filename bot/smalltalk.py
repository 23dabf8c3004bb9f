"""Small talk by explicit wording: greetings, thanks, goodbyes, "who are you", "what can you do".

The classifier's greet/goodbye intents fire on short follow-ups ("哪种最常见" is not a
goodbye), so small talk is decided by the words of the table in knowledge/colloquial.yml:
a message is small talk when, after removing the phrase and filler, almost nothing is left.
"""

from __future__ import annotations

import re

import jieba

from bot.knowledge.colloquial import Colloquial, load_table

KINDS = ("identity", "capabilities", "thanks", "goodbye", "greet", "ok")  # checked in this order
MAX_REST = 2  # characters a small-talk message may hold beyond its phrase and filler
# Words that carry no request of their own around a small-talk phrase ("这玩意儿咋用啊").
FILLER_WORDS = ("这玩意儿", "这玩意", "这东西", "这个机器人", "机器人", "真人", "新来的", "新人", "刚来", "好了", "那就",
                "就这样", "今天", "先", "点")
_FILLER = re.compile(r"[\s\W_]|[啊呀吖哈呢吧哦噢嘛么吗哇啦了的我你您们请问那个下一]")


SHORT_PHRASE = 2  # phrases this short count only as words of their own (好 is not in 好处)


def _said(phrase: str, text: str, words: list[str]) -> bool:
    if len(phrase) > SHORT_PHRASE:
        return phrase in text
    # Not said when it is only part of a longer word ("好处", "对手").
    return not any(phrase in w and _FILLER.sub("", w.replace(phrase, "")) for w in words)


def smalltalk_kind(text: str, table: Colloquial | None = None) -> str | None:
    """The small-talk kind of a rewritten, normalised message, or None."""
    table = table or load_table()
    words = jieba.lcut(text)
    for kind in KINDS:
        rest, found = text, False
        for phrase in sorted(table.chat.get(kind, ()), key=len, reverse=True):
            if phrase and phrase in rest and _said(phrase, text, words):
                rest, found = rest.replace(phrase, " "), True
        if not found:
            continue
        for word in FILLER_WORDS:
            rest = rest.replace(word, "")
        if len(_FILLER.sub("", rest)) <= MAX_REST:
            return kind
    return None
