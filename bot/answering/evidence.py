"""Item-level evidence: which line of which topic explains the question's words.

Shared by every step that picks a topic or a facet (bot/advisor.py).
"""

from __future__ import annotations

import re

from bot import texts
from bot.knowledge.colloquial import rewrite
from bot.knowledge.facets import (
    KIND_FALLBACKS,
    FacetChoice,
    choose_facet,
    score_facets,
)
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.retrieval import (
    Hit,
    index_for,
    item_index_for,
)
from bot.knowledge.tokenize import parts, tokens
from bot.normalize import apply_synonyms, normalize

# Item evidence (bot/knowledge/retrieval.py item passages): the best item of a topic answers
# when it holds a real question word, scores at least ITEM_MIN_SCORE and beats the best item
# of any other facet by ITEM_MARGIN (a ratio). A topic named only by a generic word of two
# characters (服务, 营销) gives way to another topic whose item scores GENERIC_MARGIN times
# higher with at least two question words ("服务价格咋定" is about 服务价格管理).
ITEM_MIN_SCORE = 4.0


ITEM_MARGIN = 1.2


WORDS_MARGIN = 1.5  # a line with more question words wins against one scoring up to this factor more


GENERIC_NAME_LENGTH = 2


DOING_KINDS = ("methods", "measures", "steps")  # facets that say what to do


def facet_for_kind(topic: TopicView, kind: str | None) -> FacetView | None:
    if not kind:
        return None
    for candidate in (kind, *KIND_FALLBACKS.get(kind, ())):
        facet = topic.facet(candidate)
        if facet:
            return facet
    wanted = texts.ASPECT_NAMES.get(kind, "")
    return next((f for f in topic.facets if wanted and (wanted in f.title or f.title in wanted)), None)


def pieces(name: str) -> list[str]:
    """A name's smallest dictionary words (服务设计 → 服务, 设计): the knowledge dictionary
    makes the whole name one token."""
    return [piece for token in tokens(normalize(name)) for piece in (parts(token) or (token,))]


def facet_of(topic: TopicView, hit: Hit) -> FacetView | None:
    position = hit.passage.facet
    return topic.facets[position] if position is not None and position < len(topic.facets) else None


def item_hits(query: str, snapshot: Snapshot, topic_ids: list[str] | None, limit: int = 8) -> list[Hit]:
    return item_index_for(snapshot).search(apply_synonyms(query, snapshot.synonyms), limit, topic_ids)


def clear_item(hits: list[Hit]) -> Hit | None:
    """The best item hit when it wins on evidence: enough score and ahead of other facets."""
    if not hits or hits[0].words == 0 or hits[0].score < ITEM_MIN_SCORE:
        return None
    best = hits[0]
    rival = next((h for h in hits[1:] if (h.passage.topic_id, h.passage.facet)
                  != (best.passage.topic_id, best.passage.facet)), None)
    if rival is not None and rival.words > best.words and best.score < WORDS_MARGIN * rival.score:
        # Close enough: the line holding more of the question's words answers it ("直接向谁
        # 汇报工作": 直接向…高级管理层汇报工作 over 每周要向上级汇报工作; "对营销员要做哪些
        # 工作": the line on 营销员 over one that says 工作 twice), if it is clear of the rest.
        pair = {(h.passage.topic_id, h.passage.facet) for h in (best, rival)}
        third = next((h for h in hits if (h.passage.topic_id, h.passage.facet) not in pair), None)
        return rival if third is None or rival.score >= ITEM_MARGIN * third.score else None
    if rival is not None and best.score < ITEM_MARGIN * rival.score:
        return None
    return best


def choice_from_hit(topic: TopicView, hit: Hit) -> FacetChoice:
    facet = facet_of(topic, hit)
    if facet is None:  # the definition holds the answer: summary and default facet
        return FacetChoice(None)
    return FacetChoice(facet, hit.passage.item if len(facet.items) > 1 else None, True)


def worded_or_item(topic: TopicView, text: str, aspect: str | None, hit: Hit) -> FacetChoice:
    """An item found the topic; the facet the question's words clearly pick still answers
    ("规划分几个阶段，每段多长" asks for the stages, whichever item found the plan)."""
    worded = choose_facet(topic, rewrite(text), aspect)
    return worded if worded.clear else choice_from_hit(topic, hit)


def doing_facet(topic: TopicView, query: str, asked: str) -> FacetChoice | None:
    """The facet saying what to do that best matches ``query``, if the topic has one."""
    doing = [s for s in score_facets(topic, rewrite(query), asked) if s.facet.kind in DOING_KINDS]
    if not doing or doing[0].score <= 0:
        return None
    best = doing[0]
    return FacetChoice(best.facet, best.item, True, best.group)


def item_choice(topic: TopicView, query: str, snapshot: Snapshot) -> FacetChoice:
    """The facet and item of ``topic`` that the question's words point at, if one wins."""
    hit = clear_item(item_hits(query, snapshot, [topic.id]))
    return choice_from_hit(topic, hit) if hit else FacetChoice(None)


_ATTACHED_NOTE = re.compile(r"[（(]附[^）)]*[）)]$")


def search(text: str, snapshot: Snapshot, limit: int = 3) -> list[Hit]:
    return index_for(snapshot).search(apply_synonyms(text, snapshot.synonyms), limit=limit)


def name_span(topic: TopicView, text: str) -> tuple[int, int] | None:
    for name in sorted((normalize(n) for n in (topic.name, *topic.aliases)), key=len, reverse=True):
        at = text.find(name) if name else -1
        if at >= 0:
            return at, at + len(name)
    return None


def without_names(text: str, topic_ids: list[str], snapshot: Snapshot) -> str:
    names = {normalize(n) for t in topic_ids for n in (snapshot.topics[t].name, *snapshot.topics[t].aliases)}
    for name in sorted(names, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    return text


_names_cache: dict[str, frozenset[str]] = {}


def all_names(snapshot: Snapshot) -> frozenset[str]:
    names = _names_cache.get(snapshot.revision)
    if names is None:
        names = frozenset(normalize(n) for t in snapshot.ordered() for n in (t.name, *t.aliases))
        _names_cache.clear()
        _names_cache[snapshot.revision] = names
    return names


_exact_name_cache: dict[str, dict[str, list[str]]] = {}


def topic_named_by(head: str | None, last: TopicView, snapshot: Snapshot) -> TopicView | None:
    """The other topic whose name or alias is exactly ``head`` (the index is built once per
    knowledge revision: this runs on every answer with a focus line)."""
    # An outline line with an attachment note ("售后服务管理（附电商公司案例）") names the topic.
    head = _ATTACHED_NOTE.sub("", head).strip() if head else head
    if not head:
        return None
    index = _exact_name_cache.get(snapshot.revision)
    if index is None:
        index = {}
        for topic in snapshot.ordered():
            for name in dict.fromkeys(normalize(n) for n in (topic.name, *topic.aliases)):
                index.setdefault(name, []).append(topic.id)
        _exact_name_cache.clear()
        _exact_name_cache[snapshot.revision] = index
    other = next((t for t in index.get(head, ()) if t != last.id), None)
    return snapshot.topics[other] if other else None
