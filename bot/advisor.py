"""Turns an understood question into a reply: topic answer, comparison, retrieval or honest
"I don't know". Rasa-free, so every rule here is unit tested without a model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from bot import texts
from bot.knowledge.aspects import detect_aspect, looks_like_followup
from bot.knowledge.normalize import apply_synonyms, normalize
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.retrieval import Hit, index_for
from bot.knowledge.tokenize import tokens

MAX_ITEMS = 12
MAX_BUTTONS = 6
RETRIEVAL_MIN_CONFIDENCE = 0.5
RETRIEVAL_MIN_SCORE = 3.0
# A question the classifier called out of scope is still answered when retrieval is sure.
RESCUE_MIN_CONFIDENCE = 0.65
RESCUE_MIN_SCORE = 6.0
ROLE_ONLY_ASPECTS = ("duties", "requirements", "working_conditions")
# Facet kinds that answer a question about another kind when that one is absent
# ("SO战略要怎么做" asks for methods; the document lists measures).
ASPECT_FALLBACKS = {
    "methods": ("measures", "steps"), "measures": ("methods", "steps"), "steps": ("methods", "measures"),
    "types": ("elements",), "elements": ("types", "features"), "features": ("elements", "types"),
    "key_points": ("principles", "core_ideas"), "principles": ("key_points", "core_ideas"),
    "core_ideas": ("principles", "key_points"), "goals": ("importance",), "importance": ("goals",),
}
ROLE_ASPECT_MAP = {"preconditions": "requirements", "goals": "duties", "methods": "duties",
                   "measures": "duties", "key_points": "duties", "elements": "duties"}


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass
class Question:
    text: str
    intent: str | None = None
    topics: list[str] = field(default_factory=list)  # knowledge ids from NLU entities, in order
    aspect: str | None = None  # explicit aspect (from a button payload)
    last_topic: str | None = None
    last_aspect: str | None = None
    previous_topic: str | None = None  # the topic before ``last_topic`` ("这俩有啥区别")


@dataclass
class Reply:
    kind: str  # answer | compare | retrieval | unknown | need_topic
    text: str
    buttons: list[Button] = field(default_factory=list)
    topic_id: str | None = None
    aspect: str | None = None


def payload_for(topic: TopicView, aspect: str | None = None) -> str:
    """A button payload that asks for ``topic`` (and an aspect) without NLU."""
    if topic.kind == "role":
        intent = "ask_role_requirements" if aspect == "requirements" else "ask_role_duties"
        entities: dict[str, str] = {"role": topic.id}
    else:
        intent, entities = "ask_concept", {"concept": topic.id}
    if aspect:
        entities["aspect"] = aspect
    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}"


def _sources_text(facet: FacetView | None, topic: TopicView) -> str:
    sources = facet.sources if facet else topic.sources
    titles = list(dict.fromkeys(f"《{s.section}》" for s in sources))
    return texts.SOURCE_LINE.format(sources="、".join(titles))


def _numbered(items: tuple[str, ...], limit: int = MAX_ITEMS) -> list[str]:
    lines = [f"{i}. {item}" for i, item in enumerate(items[:limit], 1)]
    if len(items) > limit:
        lines.append(f"……（共{len(items)}条，以上为前{limit}条）")
    return lines


def _pick_facet(topic: TopicView, aspect: str | None) -> tuple[FacetView | None, bool]:
    """The facet answering ``aspect`` and whether it really matched the aspect."""
    if topic.kind == "role" and aspect in ROLE_ASPECT_MAP:
        aspect = ROLE_ASPECT_MAP[aspect]
    if aspect:
        for kind in (aspect, *ASPECT_FALLBACKS.get(aspect, ())):
            facet = topic.facet(kind)
            if facet:
                return facet, True
        wanted = texts.ASPECT_NAMES.get(aspect, "")
        for facet in topic.facets:
            if wanted and (wanted in facet.title or facet.title in wanted):
                return facet, True
    return (topic.facets[0] if topic.facets else None), aspect is None


def _topic_buttons(topic: TopicView, shown: FacetView | None, snapshot: Snapshot) -> list[Button]:
    buttons = []
    seen_kinds = {shown.kind} if shown else set()
    for facet in topic.facets:
        if facet is shown or facet.kind in seen_kinds:
            continue
        seen_kinds.add(facet.kind)
        buttons.append(Button(f"{topic.name}·{facet.title}", payload_for(topic, facet.kind)))
        if len(buttons) >= 3:
            break
    for related_id in topic.related:
        related = snapshot.get(related_id)
        if related:
            buttons.append(Button(related.name, payload_for(related)))
        if len(buttons) >= MAX_BUTTONS:
            break
    return buttons


def answer_topic(topic: TopicView, aspect: str | None, snapshot: Snapshot, text: str = "") -> Reply:
    if topic.kind == "concept" and aspect in ROLE_ONLY_ASPECTS:
        aspect = None
    facet, matched = _pick_facet(topic, aspect)
    if not matched and text and topic.kind == "concept":
        # No facet of that kind: the facet whose wording fits the question is usually the
        # answer anyway ("服务质量差距有几种" → the list of gaps).
        kind = _aspect_within(topic, text, snapshot)
        if kind:
            facet, matched = topic.facet(kind), True
    lines = [texts.SUMMARY_LINE.format(name=topic.name, summary=topic.summary)]
    if aspect and not matched and aspect != "summary":
        lines.append(texts.ASPECT_MISSING.format(name=topic.name, aspect=texts.ASPECT_NAMES.get(aspect, aspect)))
    if facet:
        lines.append(texts.FACET_HEADER.format(title=facet.title))
        lines.extend(_numbered(facet.items))
    lines.append(_sources_text(facet, topic))
    return Reply("answer", "\n".join(lines), _topic_buttons(topic, facet, snapshot), topic.id,
                 facet.kind if facet else aspect)


def compare_topics(a: TopicView, b: TopicView, snapshot: Snapshot) -> Reply:
    lines = [texts.COMPARE_HEADER.format(a=a.name, b=b.name)]
    lines += [texts.COMPARE_SUMMARY.format(name=t.name, summary=t.summary) for t in (a, b)]
    for topic in (a, b):
        facet = topic.facet("duties") or (topic.facets[0] if topic.facets else None)
        if facet:
            lines.append(texts.COMPARE_FACET.format(name=topic.name, title=facet.title))
            lines.extend(_numbered(facet.items, limit=5))
    sources = list(dict.fromkeys(f"《{s.section}》" for t in (a, b) for s in t.sources))
    lines.append(texts.SOURCE_LINE.format(sources="、".join(sources)))
    buttons = [Button(t.name, payload_for(t)) for t in (a, b)]
    if a.kind == b.kind == "role":
        buttons += [Button(f"{t.name}·任职要求", payload_for(t, "requirements")) for t in (a, b)
                    if t.facet("requirements")]
    return Reply("compare", "\n".join(lines), buttons, a.id, "differences")


def _search(text: str, snapshot: Snapshot) -> list[Hit]:
    return index_for(snapshot).search(apply_synonyms(text, snapshot.synonyms), limit=3)


def _retrieval_reply(question: Question, snapshot: Snapshot) -> Reply:
    hits = _search(question.text, snapshot)
    good = [h for h in hits if h.confidence >= RETRIEVAL_MIN_CONFIDENCE and h.score >= RETRIEVAL_MIN_SCORE]
    if good:
        return _passages_reply(good, snapshot)
    return unknown_reply(snapshot, hits)


def _passages_reply(hits: list[Hit], snapshot: Snapshot) -> Reply:
    lines = [texts.RETRIEVAL_HEADER]
    buttons, seen = [], set()
    for n, hit in enumerate(hits, 1):
        text = hit.passage.text.split("：", 1)[-1]
        lines.append(texts.RETRIEVAL_ITEM.format(n=n, title=hit.passage.title, text=text[:120]))
        if hit.passage.source:
            lines.append("   " + texts.SOURCE_LINE.format(sources=f"《{hit.passage.source.section}》"))
        topic = snapshot.get(hit.passage.topic_id)
        if topic and topic.id not in seen:
            seen.add(topic.id)
            buttons.append(Button(topic.name, payload_for(topic)))
    best = hits[0].passage
    return Reply("retrieval", "\n".join(lines), buttons, best.topic_id,
                 None if best.facet_kind == "summary" else best.facet_kind)


def capabilities_text(snapshot: Snapshot) -> str:
    categories = list(dict.fromkeys(t.category for t in snapshot.ordered() if t.kind == "concept" and t.category))
    roles = [t.name for t in snapshot.ordered() if t.kind == "role"]
    return "\n".join([
        texts.CAN_ANSWER.format(categories="、".join(categories)),
        texts.CAN_ANSWER_ROLES.format(roles="、".join(roles)),
    ])


def unknown_reply(snapshot: Snapshot, near: list[Hit] | None = None) -> Reply:
    """Honest "not found", with the closest topics as 您是想问… buttons when there are any."""
    buttons, seen = [], set()
    for hit in near or []:
        topic = snapshot.get(hit.passage.topic_id)
        if topic and topic.id not in seen and hit.confidence > 0.2:
            seen.add(topic.id)
            buttons.append(Button(topic.name, payload_for(topic)))
    lines = [texts.UNKNOWN_ANSWER]
    if buttons:
        lines.append(texts.DID_YOU_MEAN)
    lines.append(capabilities_text(snapshot))
    return Reply("unknown", "\n".join(lines), buttons[:3])


def _terms(text: str) -> set[str]:
    """Content words plus their character bigrams, for loose wording overlap."""
    out: set[str] = set()
    for token in tokens(text):
        out.add(token)
        out.update(token[i:i + 2] for i in range(len(token) - 1))
    return out


@lru_cache(maxsize=8192)
def _extra_words(name: str, said: str) -> tuple[str, ...]:
    """Content words of a topic name beyond the part the user said (cached: names repeat)."""
    return tuple(tokens(name.replace(said, " ")))


def refine_topic(topic_id: str, text: str, snapshot: Snapshot) -> str:
    """Prefer a more specific topic whose name extends the one the user named.

    "服务有哪四大特性" names 服务 (service_definition), but the rest of the question is the
    extra part of 服务的特性; "市场分析有哪些工具" likewise means 市场分析工具. A candidate's
    name must contain what the user said, and every other word of that name must occur in
    the question; among several, the one explaining most words wins.
    """
    topic = snapshot.topics[topic_id]
    query = normalize(apply_synonyms(text, snapshot.synonyms))
    names = sorted({normalize(n) for n in (topic.name, *topic.aliases)}, key=len, reverse=True)
    said = next((n for n in names if n in query), None)
    if said is None:
        return topic_id
    residual = _terms(query.replace(said, " "))
    best, best_covered = topic_id, 0
    for other in snapshot.ordered():
        if other.id == topic_id:
            continue
        for name in (normalize(n) for n in (other.name, *other.aliases)):
            if said not in name or name == said:
                continue
            extra = _extra_words(name, said)
            covered = [t for t in extra if t in residual or any(t[i:i + 2] in residual for i in range(len(t) - 1))]
            if extra and len(covered) == len(extra) and len(covered) > best_covered:
                best, best_covered = other.id, len(covered)
    return best


def respond(question: Question, snapshot: Snapshot) -> Reply:
    """Decide what to answer from the NLU result and the conversation's last topic."""
    is_payload = question.text.startswith("/")
    aspect = question.aspect or detect_aspect("" if is_payload else question.text, question.intent)
    topics = [t for t in dict.fromkeys(question.topics) if snapshot.get(t)]
    if topics and not is_payload:
        topics = list(dict.fromkeys(refine_topic(t, question.text, snapshot) for t in topics))
    last = snapshot.get(question.last_topic)
    followup = last is not None and not topics and looks_like_followup(question.text)

    if question.intent == "out_of_scope" and not topics and not (followup and aspect):
        hits = _search(question.text, snapshot)
        sure = [h for h in hits if h.confidence >= RESCUE_MIN_CONFIDENCE and h.score >= RESCUE_MIN_SCORE]
        if sure:
            return _passages_reply(sure, snapshot)
        return Reply("out_of_scope", texts.OUT_OF_SCOPE, [Button(texts.BUTTON_CAPABILITIES, "/ask_capabilities")])

    comparing = aspect == "differences" or question.intent == "ask_compare"
    if comparing:
        previous = snapshot.get(question.previous_topic)
        if not topics and last and previous and last.id != previous.id and any(
                w in question.text for w in BOTH_WORDS):
            return compare_topics(previous, last, snapshot)
        reply = _compare(topics, last, snapshot, detect_aspect(question.text) == "differences")
        if reply:
            return reply

    if topics:
        return answer_topic(snapshot.topics[topics[0]], aspect, snapshot, question.text)
    if followup and (aspect or question.intent in FOLLOWUP_INTENTS):
        return answer_topic(last, aspect or _aspect_within(last, question.text, snapshot), snapshot,
                            question.text)
    reply = _retrieval_reply(question, snapshot)
    if comparing and reply.kind == "unknown":
        return Reply("need_topic", texts.COMPARE_NEED_TWO, reply.buttons)
    return reply


BOTH_WORDS = ("俩", "两者", "二者", "两个", "两种", "它们", "他们")
FOLLOWUP_INTENTS = ("ask_concept", "ask_role_duties", "ask_role_requirements", "nlu_fallback")


def _aspect_within(topic: TopicView, text: str, snapshot: Snapshot) -> str | None:
    """For a vague follow-up, the facet of ``topic`` whose wording fits the question best."""
    for hit in index_for(snapshot).search(apply_synonyms(text, snapshot.synonyms), limit=20):
        if hit.passage.topic_id == topic.id and hit.passage.facet_kind != "summary":
            return hit.passage.facet_kind
    return None


def _compare(topics: list[str], last: TopicView | None, snapshot: Snapshot,
             says_difference: bool) -> Reply | None:
    """Two named topics (or the last one and a new one) side by side; a topic that has its
    own "differences" facet about the other answers with that facet instead."""
    pair = topics[:2] if len(topics) >= 2 else (
        [last.id, topics[0]] if last and topics and last.id != topics[0] else topics[:1])
    for topic_id in pair:
        topic = snapshot.topics[topic_id]
        facet = topic.facet("differences")
        others = [snapshot.topics[o] for o in pair if o != topic_id]
        if facet and all(any(n in "".join(facet.items) + topic.summary for n in (o.name, *o.aliases)) for o in others):
            return answer_topic(topic, "differences", snapshot)
    if len(pair) == 2:
        return compare_topics(snapshot.topics[pair[0]], snapshot.topics[pair[1]], snapshot)
    if len(pair) == 1 and says_difference:
        # "服务营销跟产品营销有啥不一样" may name only one side: a topic that is about the
        # differences of the named one answers it.
        named = snapshot.topics[pair[0]]
        for topic in snapshot.ordered():
            if topic.id != named.id and topic.facet("differences") and named.name in topic.name:
                return answer_topic(topic, "differences", snapshot)
    return None
