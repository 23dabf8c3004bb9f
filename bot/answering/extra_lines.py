"""Lines added under an answer: the best line of the knowledge when the answer does
not show it, and a line for each question of a two-question message.
"""

from __future__ import annotations

import re

from bot import texts
from bot.answering.evidence import ITEM_MARGIN, ITEM_MIN_SCORE, clear_item, facet_of, item_hits, without_names
from bot.answering.replies import Reply
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.retrieval import (
    Hit,
)

# The best item of the whole knowledge base is added as one evidence line under an answer
# when it is not on screen already and holds at least ALSO_MIN_WORDS question words: a
# question about a detail ("这门课期末考多长时间") often names a topic whose shown facet
# is not the one holding the detail.
ALSO_MIN_WORDS = 2


def with_evidence_line(reply: Reply, text: str, snapshot: Snapshot) -> Reply:
    """Add the best-matching item of the whole knowledge base when the answer does not show it."""
    if reply.kind != "answer" or reply.case or not text or text.startswith("/"):
        return reply
    hits = item_hits(text, snapshot, None, limit=1)
    if not hits or hits[0].passage.item is None:
        return reply
    hit = hits[0]
    topic = snapshot.get(hit.passage.topic_id)
    facet = facet_of(topic, hit) if topic else None
    if (facet is None or hit.words < ALSO_MIN_WORDS or hit.score < ITEM_MIN_SCORE
            or facet.items[hit.passage.item] in reply.text):
        return reply
    if reply.topic_id and hit.passage.topic_id != reply.topic_id:
        # The answered topic's own best item explains the question about as well: no line.
        own = item_hits(text, snapshot, [reply.topic_id], limit=1)
        if own and hit.score < ITEM_MARGIN * own[0].score:
            return reply
    return _add_evidence_line(reply, topic, facet, hit)


def _add_evidence_line(reply: Reply, topic: TopicView, facet: FacetView, hit: Hit) -> Reply:
    section = hit.passage.source.section if hit.passage.source else topic.name
    line = texts.ALSO_LINE.format(title=hit.passage.title, item=facet.items[hit.passage.item], section=section)
    lines = reply.text.split("\n")
    lines.insert(len(lines) - 1 if lines[-1].startswith(texts.SOURCE_LINE[:2]) else len(lines), line)
    reply.text = "\n".join(lines)
    return reply


# Where one question of a message ends and the next begins ("考核啥？要不要驻外").
_QUESTION_END = re.compile(r"[？?；;]|[，,](?=[^，,]*(?:什么|啥|谁|哪|几|多久|多少|要不要|是不是|能不能|吗))")


_ASKS = re.compile(r"什么|啥|谁|哪|几|多久|多少|要不要|是不是|能不能|吗|怎么|如何")


def with_second_question(reply: Reply, text: str, snapshot: Snapshot) -> Reply:
    """A message asking two things of one topic ("主要考核啥？要不要长年待在外地") gets the
    line answering each: any of its questions whose clear item of that topic is not shown
    yet adds that line, whichever question the reply took."""
    if reply.kind != "answer" or reply.case or not reply.topic_id or not text or text.startswith("/"):
        return reply
    topic = snapshot.get(reply.topic_id)
    questions = [q for q in _QUESTION_END.split(text) if _ASKS.search(q)]
    if topic is None or len(questions) < 2:
        return reply
    for question in questions:
        hit = clear_item(item_hits(without_names(question, [topic.id], snapshot), snapshot, [topic.id]))
        facet = facet_of(topic, hit) if hit and hit.passage.item is not None else None
        if facet is not None and facet.items[hit.passage.item] not in reply.text:
            reply = _add_evidence_line(reply, topic, facet, hit)
    return reply
