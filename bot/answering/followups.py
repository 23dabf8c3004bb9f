"""Follow-ups of the topic just discussed ("其中第二个", "那它的缺点呢", "这个咋解决")."""

from __future__ import annotations

import re

from bot.answering.answers import answer_item, answer_topic, definition_answer
from bot.answering.evidence import DOING_KINDS, doing_facet, facet_for_kind, topic_named_by
from bot.answering.replies import Question, Reply
from bot.knowledge.aspects import detect_aspect, own_words, refers_back
from bot.knowledge.definitions import defined
from bot.knowledge.facets import (
    choose_facet,
    named_point,
    ordinal,
    point_head,
    points,
)
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.tokenize import tokens
from bot.normalize import normalize

SHORT_FOLLOWUP = 8  # characters: a message this short after an answer is read against it


def _topic_text(topic: TopicView) -> str:
    return normalize(" ".join([topic.name, *topic.aliases, topic.summary,
                               *(f"{f.title} {' '.join(f.items)}" for f in topic.facets)]))


def continues(asked: str, text: str, last: TopicView, snapshot: Snapshot) -> bool:
    """Whether a follow-up nothing else explains is about the topic just discussed.

    "那渠道策略呢" after SMART names a domain term SMART never uses: a new question.
    "每个字母啥意思" points back; "为什么不能储存" uses only words of the last topic. A
    short one holding a word of the last topic ("多久汇报一次", "是谁研究出来的") is about
    it too: its other words (一次, 谁) name nothing in the knowledge.
    """
    words = own_words(asked)
    own = _topic_text(last)
    terminology = _terminology(snapshot)
    if any(w in terminology and w not in own for w in words):
        return False
    short = len(normalize(text).rstrip("?？")) <= SHORT_FOLLOWUP
    return (refers_back(text) or all(w in own for w in words)
            or (short and any(len(w) >= 2 and w in own for w in words)))


_terminology_cache: dict[str, frozenset[str]] = {}


def names_own_facet(last: TopicView, asked: str, snapshot: Snapshot) -> bool:
    """"背景里说现在有哪些问题" right after 银行厅堂服务营销方案: a word of one of its facet
    titles (现存问题) and no term of another topic."""
    words = [w for w in tokens(asked) if len(w) >= 2]
    title_words = {w for f in last.facets for w in tokens(normalize(f.title)) if len(w) >= 2}
    own, terminology = _topic_text(last), _terminology(snapshot)
    return (any(w in title_words for w in words)
            and not any(w in terminology and w not in own for w in words))


def asks_facet_of(last: TopicView, asked: str, aspect: str | None, snapshot: Snapshot) -> bool:
    """"企业得具备哪些条件才适合" right after 特色经营战略: its words name a facet the last
    topic has and no term of another topic, so it asks about the last topic, however long."""
    if aspect is None or facet_for_kind(last, aspect) is None:
        return False
    own, terminology = _topic_text(last), _terminology(snapshot)
    return not any(w in terminology and w not in own for w in own_words(asked))


def _terminology(snapshot: Snapshot) -> frozenset[str]:
    """Words of the knowledge's names, headings and item heads ("渠道策略", "储存"), not of
    its running text ("每个", "不能")."""
    terms = _terminology_cache.get(snapshot.revision)
    if terms is None:
        phrases = [p for t in snapshot.ordered() for p in (t.name, *t.aliases)]
        phrases += [f.title for t in snapshot.ordered() for f in t.facets]
        phrases += [i.split("：", 1)[0] for t in snapshot.ordered() for f in t.facets for i in f.items if "：" in i]
        terms = frozenset(w for p in phrases for w in tokens(p) if len(w) >= 2)
        _terminology_cache.clear()
        _terminology_cache[snapshot.revision] = terms
    return terms


def counted_step(topic: TopicView, text: str) -> tuple[FacetView, int] | None:
    """The steps facet and the point "第N步" counts, when the topic has such a step."""
    index = ordinal(text)
    steps = facet_for_kind(topic, "steps") if index is not None and _COUNTS_STEPS.search(text) else None
    if steps is None or steps.kind != "steps" or not -len(points(steps.items)) <= index < len(points(steps.items)):
        return None
    return steps, index


_COUNTS_STEPS = re.compile(r"第[一二三四五六七八九十\d]{1,2}步|最后一步")


_ASKS_DETAIL = re.compile(r"具体|详细|展开|细说|有哪些|包括|包含|哪几")


SHORT_POINT = 6  # characters: a point this short ("Promotion：促销") is only a name


def _point_topic(items: tuple[str, ...], index: int, last: TopicView, snapshot: Snapshot) -> TopicView | None:
    """The topic a point of a list names by its head (企业目标：…) or, when the point is a
    bare name, by its words ("Promotion：促销" names 促销策略 by its alias 促销)."""
    named = topic_named_by(point_head(items, index), last, snapshot)
    if named is not None:
        return named
    group = points(items)[index]
    body = normalize(items[group[0]]).split(":", 1)[-1].strip()  # normalize turns ： into :
    return topic_named_by(body, last, snapshot) if len(body) <= SHORT_POINT else None


def _shown_facet(question: Question, last: TopicView) -> FacetView | None:
    return last.facet(question.last_facet or "") or (last.facets[0] if last.facets else None)


def says_shown_point(question: Question, text: str, last: TopicView) -> bool:
    """The message names a point of the list just shown: it continues that list, however
    long it is ("持续改进具体怎么做")."""
    shown = _shown_facet(question, last)
    return shown is not None and named_point(shown.items, text) is not None


# Asking how to fix what a point names ("这个咋解决"), not how to carry the point out ("具体怎么做").
_ASKS_REMEDY = re.compile(r"解决|怎么办|咋办|应对|改善|什么办法|什么招")


def followup_reply(question: Question, text: str, last: TopicView, aspect: str | None,
              snapshot: Snapshot) -> Reply | None:
    """A question that continues the last topic ("那它的缺点呢", "其中第二个是啥")."""
    index = ordinal(text)
    shown = _shown_facet(question, last)
    if index is not None and (own_words(text) or detect_aspect(text)):
        # "实施第一步是啥" names the list it counts in, which need not be the one shown.
        counted = "steps" if _COUNTS_STEPS.search(text) else aspect  # "第一步" counts steps
        worded = choose_facet(last, text, counted)
        shown = worded.facet if worded.clear else shown
    if index is None and shown is not None:
        index = named_point(shown.items, text)
    if index is not None and shown is not None and -len(points(shown.items)) <= index < len(points(shown.items)):
        detail = _point_topic(shown.items, index, last, snapshot) if _ASKS_DETAIL.search(text) else None
        if detail is not None:  # "第一项具体有哪些": the point is a topic of its own (企业目标)
            return answer_topic(detail, None, snapshot, "")
        if aspect in DOING_KINDS and shown.kind not in DOING_KINDS and _ASKS_REMEDY.search(text):
            # "等候时间过长这个咋解决" names a problem shown; what to do about it answers.
            point = " ".join(shown.items[i] for i in points(shown.items)[index])
            doing = doing_facet(last, f"{text} {point}", aspect)
            if doing is not None:
                return answer_topic(last, None, snapshot, text, doing)
        return answer_item(last, shown, index, snapshot)
    definition = defined(text, snapshot, within=last.id)
    if definition is not None:
        return definition_answer(definition, text, snapshot)
    choice = choose_facet(last, text, aspect)
    if choice.clear:
        return answer_topic(last, aspect, snapshot, text, choice)
    if aspect and not own_words(text):  # "那任职要求呢": nothing but the kind asked for
        return answer_topic(last, aspect, snapshot, text)
    return None
