"""Terms the knowledge defines inside a topic, for "X是什么意思" when X names no topic.

"战略是什么意思" names no topic, yet one summary says "战略是重大的、关系全局的规划"; "全员
参与是啥" is the head of an item ("全员参与：…"). Such a question is answered by the one
place that defines the term. A term defined in two topics ("产品：" in 4P and in 7P) is
ambiguous and left to the other evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.repository import Snapshot
from bot.knowledge.tokenize import parts, tokens
from bot.normalize import normalize, without_notes

_TERM = r"(?P<term>[\w（）()]{2,12}?)"
_ASKING_AFTER = re.compile(
    r"^(?:请问|所谓)?" + _TERM + r"(?:这个(?:词|概念|说法|名词)?)?(?:到底|究竟)?"
    r"(?:是什么意思|是啥意思|什么意思|啥意思|的意思|的定义|的含义|是什么|是啥|是个什么|是个啥|是干什么的|是干嘛的|指什么|指啥|是指什么|是指啥|"
    r"怎么理解|咋理解|怎么定义|如何定义|怎么下定义|指的是什么|指的是啥)的?(?:呢|呀|啊)?$"
)
_ASKING_BEFORE = re.compile(r"^(?:请问)?(?:什么叫|什么叫做|什么是|啥是|啥叫|何为|何谓)" + _TERM + "(?:呢|呀|啊)?$")
_DEFINING = ("是指", "就是", "指的是", "是", "指")
_SENTENCE = re.compile(r"[。；;！!？?\n]")
_HEAD = re.compile(r"^(?P<head>[^：:，,。]{2,12})[：:]")
_MAX_TERM = 12
_ASKS_SOMETHING = re.compile(r"什么|啥|哪|怎|如何|吗|谁|几|多少|为何|为什么")


@dataclass(frozen=True)
class Definition:
    topic_id: str
    facet: int | None  # facet position, or None for the topic's summary
    item: int | None


def asked_term(text: str) -> str | None:
    """The term of a definition question ("战略是什么意思" → 战略), if the text is one."""
    norm = normalize(text).rstrip("?？。.!！ ")
    match = _ASKING_AFTER.match(norm) or _ASKING_BEFORE.match(norm)
    if match is None and "," in norm:
        # "营销到底是个啥，一句话说清": the rest says how to answer and asks nothing.
        first, rest = norm.split(",", 1)
        if not _ASKS_SOMETHING.search(rest):
            match = _ASKING_AFTER.match(first.strip()) or _ASKING_BEFORE.match(first.strip())
    return match.group("term") if match else None


def _sentence_terms(text: str) -> set[str]:
    terms = set()
    for sentence in _SENTENCE.split(normalize(text)):
        sentence = sentence.strip()
        for word in _DEFINING:
            at = sentence.find(word)
            if 2 <= at <= _MAX_TERM:
                terms.add(sentence[:at])
                break
    return terms


def _head_terms(item: str) -> set[str]:
    match = _HEAD.match(normalize(item))
    if not match:
        return set()
    head = match.group("head")
    return {head, without_notes(head)} - {""}


_index_cache: dict[str, dict[str, list[Definition]]] = {}


def definitions_for(snapshot: Snapshot) -> dict[str, list[Definition]]:
    """Term → the places defining it (cached per knowledge revision)."""
    index = _index_cache.get(snapshot.revision)
    if index is None:
        index = {}
        for topic in snapshot.ordered():
            for term in _sentence_terms(topic.summary):
                index.setdefault(term, []).append(Definition(topic.id, None, None))
            for position, facet in enumerate(topic.facets):
                for number, item in enumerate(facet.items):
                    for term in _head_terms(item):
                        index.setdefault(term, []).append(Definition(topic.id, position, number))
        _index_cache.clear()
        _index_cache[snapshot.revision] = index
    return index


def defined(text: str, snapshot: Snapshot, within: str | None = None) -> Definition | None:
    """The one place that defines the term the question asks about, if there is one;
    ``within`` a topic for a follow-up ("优势咋定义" right after SWOT)."""
    term = asked_term(text)
    if term is None:
        return None
    places = [p for p in definitions_for(snapshot).get(term, []) if within in (None, p.topic_id)]
    if len({p.topic_id for p in places}) != 1:
        return None
    return places[0]


MIN_HEAD_TERM = 3  # shorter heads (产品, 人员) are words of every other question
_NOT_A_TERM = re.compile(r"^第|\d|^(?:具体做法|做法|例子|示例|结果|内容|举例|背景与目的)$")


def _topic_texts(snapshot: Snapshot) -> dict[str, str]:
    """Each topic's whole text, normalised: where a term is "mentioned" at all."""
    return {t.id: normalize(" ".join([t.name, *t.aliases, t.summary,
                                      *(f"{f.title} {' '.join(f.items)}" for f in t.facets)]))
            for t in snapshot.ordered()}


_rare_cache: dict[str, dict[str, list[Definition]]] = {}


def _rare_heads(snapshot: Snapshot) -> dict[str, list[Definition]]:
    """Item heads that no other topic's text even mentions ("内容营销"; not "市场份额")."""
    heads = _rare_cache.get(snapshot.revision)
    if heads is None:
        texts = _topic_texts(snapshot)
        heads = {}
        for term, places in definitions_for(snapshot).items():
            owners = {p.topic_id for p in places}
            if (len(term) >= MIN_HEAD_TERM and not _NOT_A_TERM.search(term) and len(owners) == 1
                    and all(p.facet is not None for p in places)
                    and sum(term in body for body in texts.values()) == 1):
                heads[term] = places
        _rare_cache.clear()
        _rare_cache[snapshot.revision] = heads
    return heads


def headed(text: str, snapshot: Snapshot, names: frozenset[str] = frozenset()) -> Definition | None:
    """The item whose head the question names ("内容营销具体咋做" → "内容营销：…"), when
    that head is an item of one topic only and no other topic mentions it: the longest
    such head in the question."""
    norm = normalize(text)
    found = [(term, places) for term, places in _rare_heads(snapshot).items()
             if term in norm and term not in names]
    if not found:
        return None
    term, places = max(found, key=lambda f: len(f[0]))
    return places[0]


# A count inside a head ("竞争的五项原则") is often not said ("有啥原则").
_COUNT = re.compile(r"^[一二三四五六七八九十两几\d]+[项个条种类大点步部]?$")
MIN_SCATTERED_WORDS = 2
_CLAUSE_END = re.compile(r"[,，。；;？?!！]")


def _head_words(term: str) -> frozenset[str]:
    """The words of a head that a question must say: its dictionary words of two characters
    or more, read left to right without overlaps (定价目标 → 定价, 目标; not 价目), counts
    left out."""
    words: set[str] = set()
    for token in tokens(term):
        inner = parts(token) or (token,)
        at = 0
        while at < len(token):
            word = max((p for p in inner if token.startswith(p, at)), key=len, default=None)
            if word is None:
                at += 1
                continue
            words.add(word)
            at += len(word)
    return frozenset(w for w in words if len(w) >= 2 and not _COUNT.match(w))


_scattered_cache: dict[str, dict[str, list[Definition]]] = {}


def _rare_titles_and_heads(snapshot: Snapshot) -> dict[str, list[Definition]]:
    """The rare item heads and the facet titles of one topic only that no other topic's
    text mentions ("定价目标", "竞争的五项原则"), each with the place it leads to."""
    found = _scattered_cache.get(snapshot.revision)
    if found is None:
        found = dict(_rare_heads(snapshot))
        texts = _topic_texts(snapshot)
        for topic in snapshot.ordered():
            for n, facet in enumerate(topic.facets):
                title = normalize(without_notes(facet.title))
                if title and sum(title in body for body in texts.values()) == 1:
                    found.setdefault(title, [Definition(topic.id, n, None)])
        _scattered_cache.clear()
        _scattered_cache[snapshot.revision] = found
    return found


def scattered_head(text: str, snapshot: Snapshot) -> Definition | None:
    """The rare item head or facet title whose words the question says apart ("定价图个啥，
    都有哪些目标" says 定价 and 目标 of the facet 定价目标): asked only where nothing else
    found evidence. The one with most words wins; a tie between two topics finds nothing."""
    norm = normalize(text)
    found = [(len(words), term, places) for term, places in _rare_titles_and_heads(snapshot).items()
             if len(words := _head_words(term)) >= MIN_SCATTERED_WORDS and all(w in norm for w in words)]
    if not found:
        return None
    most = max(n for n, _, _ in found)
    best = [(term, places) for n, term, places in found if n == most]
    if len({places[0].topic_id for _, places in best}) != 1:
        # The question is asked in its last clause ("策划执行了半年，效果咋评估"): a tie
        # is broken by the one place whose words all stand there.
        last = _CLAUSE_END.split(norm.rstrip("?？。!！ "))[-1]
        best = [(term, places) for term, places in best if all(w in last for w in _head_words(term))]
        if len({places[0].topic_id for _, places in best}) != 1:
            return None
    return max(best, key=lambda b: len(b[0]))[1][0]


def head_around(text: str, span: tuple[int, int], snapshot: Snapshot) -> Definition | None:
    """The item whose rare head holds the words at ``span`` of ``text`` and more: the topic
    named there was said only as part of that head ("服务价格管理" holds 价格)."""
    norm = normalize(text)
    start, end = span
    found = [(term, places) for term, places in _rare_heads(snapshot).items()
             if len(term) > end - start
             and any(at <= start and end <= at + len(term) for at in _occurrences(norm, term))]
    if not found:
        return None
    return max(found, key=lambda f: len(f[0]))[1][0]


def _occurrences(text: str, term: str) -> list[int]:
    out, at = [], text.find(term)
    while at >= 0:
        out.append(at)
        at = text.find(term, at + 1)
    return out
