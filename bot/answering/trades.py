"""Trade-specific topics: a question naming a trade (分行, 酒店) is answered from the
topic written for that trade when it explains the question clearly better.
"""

from __future__ import annotations

from bot.answering.answers import answer_topic
from bot.answering.evidence import clear_item, item_hits, worded_or_item
from bot.answering.extra_lines import ALSO_MIN_WORDS
from bot.answering.replies import Question, Reply
from bot.answering.scope import offtopic
from bot.knowledge.colloquial import load_table
from bot.knowledge.repository import Snapshot, TopicView

TRADE_MARGIN = 1.5  # a trade's own line over the general topic's best line


def other_trade(topic: TopicView, text: str) -> bool:
    """The question names a trade and the topic is written for another one only."""
    table = load_table()
    asked = table.trades_in(text)
    own = _trades_of(topic)
    return bool(asked) and bool(own) and not asked & own


def _trades_of(topic: TopicView) -> frozenset[str]:
    """The trades a topic is written for, from its names and summary (none: a general topic)."""
    return load_table().trades_in(" ".join((topic.name, *topic.aliases, topic.summary)))


def for_the_trade(reply: Reply, question: Question, text: str, snapshot: Snapshot) -> Reply:
    """A question naming a trade ("分行…宣传物料怎么安排") answered from a general topic, or
    declined, is answered from a topic written for that trade when one of its lines explains
    the question clearly better (TRADE_MARGIN) than the general topic's best line."""
    if reply.case or reply.kind not in ("answer", "out_of_scope", "unknown") or not text or offtopic(text):
        return reply
    if reply.topic_id and reply.topic_id == question.last_topic:
        return reply  # a follow-up stays with the topic just discussed
    table = load_table()
    asked = table.trades_in(text)
    if not asked:
        return reply
    own = snapshot.get(reply.topic_id)
    if own is not None and _trades_of(own) & asked:
        return reply
    candidates = [t.id for t in snapshot.ordered() if _trades_of(t) & asked]
    plain = text
    for word in (w for trade in asked for w in table.trades[trade]):
        plain = plain.replace(word, " ")
    hit = clear_item(item_hits(plain, snapshot, candidates)) if candidates else None
    if hit is None or hit.words < ALSO_MIN_WORDS:
        return reply
    best_own = item_hits(plain, snapshot, [own.id], limit=1) if own is not None else []
    if best_own and hit.score < TRADE_MARGIN * best_own[0].score:
        return reply
    topic = snapshot.topics[hit.passage.topic_id]
    return answer_topic(topic, None, snapshot, text, worded_or_item(topic, text, None, hit))
