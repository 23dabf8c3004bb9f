"""Turns an understood question into a reply: topic answer, comparison, retrieval or honest
"I don't know". Rasa-free, so every rule here is unit tested without a model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bot import texts
from bot.knowledge.aspects import detect_aspect, looks_like_followup
from bot.knowledge.normalize import apply_synonyms
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.retrieval import Hit, index_for

MAX_ITEMS = 12
MAX_BUTTONS = 6
RETRIEVAL_MIN_CONFIDENCE = 0.5
RETRIEVAL_MIN_SCORE = 3.0
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
        facet = topic.facet(aspect)
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


def answer_topic(topic: TopicView, aspect: str | None, snapshot: Snapshot) -> Reply:
    facet, matched = _pick_facet(topic, aspect)
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


def _retrieval_reply(question: Question, snapshot: Snapshot) -> Reply:
    query = apply_synonyms(question.text, snapshot.synonyms)
    hits = index_for(snapshot).search(query, limit=3)
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


def respond(question: Question, snapshot: Snapshot) -> Reply:
    """Decide what to answer from the NLU result and the conversation's last topic."""
    is_payload = question.text.startswith("/")
    aspect = question.aspect or (None if is_payload else detect_aspect(question.text, question.intent))
    if aspect is None and is_payload:
        aspect = None
    topics = [t for t in dict.fromkeys(question.topics) if snapshot.get(t)]
    last = snapshot.get(question.last_topic)

    if aspect == "differences" or question.intent == "ask_compare":
        with_differences = [t for t in topics if snapshot.topics[t].facet("differences")]
        if with_differences:
            return answer_topic(snapshot.topics[with_differences[0]], "differences", snapshot)
        pair = topics[:2] if len(topics) >= 2 else ([last.id, topics[0]] if last and topics and last.id != topics[0] else [])
        if len(pair) == 2:
            return compare_topics(snapshot.topics[pair[0]], snapshot.topics[pair[1]], snapshot)
        if not topics and not last:
            return Reply("need_topic", texts.COMPARE_NEED_TWO)

    if topics:
        return answer_topic(snapshot.topics[topics[0]], aspect, snapshot)
    if last and (aspect or question.intent in ("ask_role_duties", "ask_role_requirements")) \
            and looks_like_followup(question.text):
        return answer_topic(last, aspect, snapshot)
    if last and question.intent == "ask_concept" and looks_like_followup(question.text) and aspect:
        return answer_topic(last, aspect, snapshot)
    return _retrieval_reply(question, snapshot)
