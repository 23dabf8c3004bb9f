"""jieba tokens for retrieval and fuzzy matching, with knowledge aliases as user words."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import jieba

from bot.normalize import normalize

STOPWORDS = frozenset(
    "的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 哦 嘛 么 什么 怎么 怎样 如何 哪些 哪个 有 有没有 请问 请 "
    "一下 一些 我 你 您 我们 你们 他们 它 这 那 这个 那个 就 都 也 还 要 会 能 可以 给 把 被 对 "
    "讲讲 说说 介绍 告诉 想 知道 问 问问 下 个 吗 么 啥 呗 主要 具体 一般 哈 嗯 怎么办 怎么样 咋办 咋 多少 "
    "哪 哪里 从哪 哪来 为什么 为啥 应该 该 到底 是不是 能不能 可不可以 一下子 这样 那样 "
    "块 那块 这块 那边 这边 方面 那方面 这方面 平时 平常 一般来说 大概 其中 里面 里头 指 意思".split()
)
_PUNCT = re.compile(r"^[\W_]+$")
_added_words: set[str] = set()
_lock = threading.Lock()


def add_words(words: list[str]) -> None:
    """Teach jieba multi-character knowledge terms so they stay one token."""
    with _lock:
        for word in words:
            word = normalize(word)
            if len(word) >= 2 and word not in _added_words:
                jieba.add_word(word, freq=200000)
                _added_words.add(word)


# Question words jieba's dictionary glues to the word they ask about ("哪些因素").
QUESTION_PREFIXES = ("哪些", "哪个", "什么", "怎么", "如何", "多少")


def _asked_word(token: str) -> str | None:
    """ "哪些因素" → 因素: the word a glued question word asks about, when it is content."""
    for prefix in QUESTION_PREFIXES:
        rest = token[len(prefix):]
        if token.startswith(prefix) and len(rest) >= 2 and rest not in STOPWORDS:
            return rest
    return None


def tokens(text: str) -> list[str]:
    """Normalised content tokens: no punctuation, no stopwords. A token gluing a question
    word to a content word ("哪些因素") is followed by that content word."""
    out = []
    for token in jieba.lcut(normalize(text)):
        token = token.strip()
        if not token or _PUNCT.match(token) or token in STOPWORDS:
            continue
        out.append(token)
        asked = _asked_word(token)
        if asked:
            out.append(asked)
    return out


@lru_cache(maxsize=4096)
def parts(word: str) -> tuple[str, ...]:
    """The dictionary words inside a multi-character term ("竞争的原则" → 竞争, 原则): a
    knowledge name is one token, but its parts can still tell its facets apart."""
    return tuple(dict.fromkeys(p for p in jieba.cut_for_search(word)
                               if p != word and len(p) >= 2 and p not in STOPWORDS and p in word))
