"""Two topics side by side, or a topic's own differences facet."""

from __future__ import annotations

from bot.answering.answers import answer_topic, compare_topics
from bot.answering.evidence import GENERIC_NAME_LENGTH, without_names
from bot.answering.replies import Question, Reply
from bot.knowledge.aspects import detect_aspect
from bot.knowledge.repository import Snapshot, TopicView
from bot.knowledge.tokenize import tokens
from bot.normalize import normalize

BOTH_WORDS = ("俩", "两者", "二者", "两个", "两种", "它们", "他们")


def compare_reply(question: Question, topics: list[str], last: TopicView | None, text: str,
                   snapshot: Snapshot) -> Reply | None:
    previous = snapshot.get(question.previous_topic)
    if not topics and last and previous and last.id != previous.id and any(w in text for w in BOTH_WORDS):
        return compare_topics(previous, last, snapshot)
    return _compare(topics, last, snapshot, detect_aspect(text) == "differences", text)


def _compare(topics: list[str], last: TopicView | None, snapshot: Snapshot,
             says_difference: bool, text: str = "") -> Reply | None:
    """Two named topics (or the last one and a new one) side by side; a topic that has its
    own "differences" facet about the other answers with that facet instead, as does one
    whose differences facet is titled with the question's other words ("服务营销组合跟
    产品营销组合比特殊在哪" → 7P's "与产品营销组合相比的特殊性")."""
    pair = topics[:2] if len(topics) >= 2 else (
        [last.id, topics[0]] if last and topics and last.id != topics[0] else topics[:1])
    for topic_id in pair:
        topic = snapshot.topics[topic_id]
        facet = topic.facet("differences")
        others = [snapshot.topics[o] for o in pair if o != topic_id]
        if facet and all(any(n in "".join(facet.items) + topic.summary for n in (o.name, *o.aliases)) for o in others):
            return answer_topic(topic, "differences", snapshot)
        rest = [w for w in tokens(without_names(normalize(text), [topic_id], snapshot)) if len(w) >= 4]
        if facet and any(w in normalize(facet.title) for w in rest):
            return answer_topic(topic, "differences", snapshot)
    if len(pair) == 2:
        return compare_topics(snapshot.topics[pair[0]], snapshot.topics[pair[1]], snapshot)
    if len(pair) == 1 and says_difference:
        # "服务营销跟产品营销有啥不一样" may name only one side: a topic that is about the
        # differences of the named one answers it.
        # A generic name (服务) is in nearly every name: the difference topic must also
        # name the other side ("服务跟产品有啥不一样"), not "服务和他期望的不一样".
        named = snapshot.topics[pair[0]]
        generic = len(named.name) <= GENERIC_NAME_LENGTH
        rest = [w for w in tokens(without_names(normalize(text), [named.id], snapshot)) if len(w) >= 2]
        for topic in snapshot.ordered():
            if (topic.id != named.id and topic.facet("differences") and named.name in topic.name
                    and (not generic or any(w in topic.name for w in rest))):
                return answer_topic(topic, "differences", snapshot)
    return None
