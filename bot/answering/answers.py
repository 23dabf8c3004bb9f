"""Builds the reply text for a topic, a point, a comparison, small talk or a decline.

All wording comes from bot/texts.py; this module only chooses what to show.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bot import texts
from bot.answering.evidence import (
    DOING_KINDS,
    choice_from_hit,
    clear_item,
    doing_facet,
    facet_for_kind,
    item_hits,
    pieces,
    topic_named_by,
    without_names,
)
from bot.answering.replies import CAPABILITIES, Button, Reply, ask_for
from bot.knowledge.aspects import asks_how, detect_aspect
from bot.knowledge.colloquial import rewrite
from bot.knowledge.definitions import Definition
from bot.knowledge.facets import (
    FacetChoice,
    choose_facet,
    points,
)
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.retrieval import (
    Hit,
)
from bot.knowledge.tokenize import parts, tokens
from bot.normalize import normalize
from bot.situations import Situation

MAX_ITEMS = 12


MAX_BUTTONS = 6


ROLE_ONLY_ASPECTS = ("duties", "requirements", "working_conditions")


ROLE_ASPECT_MAP = {"preconditions": "requirements", "goals": "duties", "methods": "duties",
                   "measures": "duties", "key_points": "duties", "elements": "duties"}


def _sources_text(facet: FacetView | None, topic: TopicView) -> str:
    sources = facet.sources if facet else topic.sources
    titles = list(dict.fromkeys(f"《{s.section}》" for s in sources))
    return texts.SOURCE_LINE.format(sources="、".join(titles))


def _numbered(items: tuple[str, ...], limit: int = MAX_ITEMS, focus: tuple[int, ...] = ()) -> list[str]:
    """The first ``limit`` items, but the items asked about are never cut off."""
    beyond = [i for i in focus if i >= limit]
    shown = list(range(min(len(items), limit)))
    if beyond:
        shown = shown[:limit - len(beyond)] + beyond
    lines = [f"{i + 1}. {items[i]}" for i in shown]
    if len(items) > limit:
        lines.append(texts.LIST_CUT.format(total=len(items), shown=limit))
    return lines


def _topic_buttons(topic: TopicView, shown: FacetView | None, snapshot: Snapshot) -> list[Button]:
    buttons = []
    seen_kinds = {shown.kind} if shown else set()
    for facet in topic.facets:
        if facet is shown or facet.kind in seen_kinds:
            continue
        seen_kinds.add(facet.kind)
        buttons.append(Button(texts.FACET_BUTTON.format(name=topic.name, title=facet.title),
                              ask_for(topic, facet.kind)))
        if len(buttons) >= 3:
            break
    for related_id in topic.related:
        related = snapshot.get(related_id)
        if related:
            buttons.append(Button(related.name, ask_for(related)))
        if len(buttons) >= MAX_BUTTONS:
            break
    return buttons


# A topic whose name shares this long a run with the asked topic's name is its namesake
# (服务营销策划方案 / 营销策划方案格式): the same subject, described in another section.
NAMESAKE_MIN_RUN = 5


def _common_run(a: str, b: str) -> int:
    """Length of the longest run of characters two names share."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _namesake_with(topic: TopicView, aspect: str, snapshot: Snapshot) -> TopicView | None:
    """The one namesake of ``topic`` that has the asked aspect, when ``topic`` lacks it.

    "服务营销策划方案包括哪些部分": the article of that name gives no parts, the textbook's
    section on the plan's format lists eight; a user asking expects those, not a note that
    the first section says nothing. A name holding the whole asked name is one case of it
    (金融服务营销策划方案), not the general account the question asks for.
    """
    found = [other for other in snapshot.topics.values()
             if other.id != topic.id and topic.name not in other.name
             and _common_run(other.name, topic.name) >= NAMESAKE_MIN_RUN
             and facet_for_kind(other, aspect) is not None]
    return found[0] if len(found) == 1 else None


def _said_in_words_with(topic: TopicView, aspect: str, text: str, snapshot: Snapshot) -> TopicView | None:
    """The one other topic that has the asked aspect and whose name's words the question all
    says, apart or inside longer words, when ``topic`` lacks the aspect.

    "重新设计售后服务流程，设计时该遵循哪些原则": 售后服务管理 gives no principles; the
    question also says 服务 and 设计, and 服务设计 lists the principles of designing a service.
    A name made of the topic's own words (服务经理 inside 售后服务经理) is no other subject.
    """
    said = {w for t in tokens(normalize(text)) for w in (t, *parts(t))}
    own = set(pieces(topic.name))
    found = [other for other in snapshot.topics.values()
             if other.id != topic.id and facet_for_kind(other, aspect) is not None
             and len(words := pieces(other.name)) >= 2 and set(words) <= said
             and not set(words) <= own]
    return found[0] if len(found) == 1 else None


def asks_how_role_works(topic: TopicView, text: str) -> bool:
    """How a role does something is in its duties ("要咋监督服务质量"), whatever the intent
    guessed; a word naming a facet ("怎么才能达到任职要求") still decides."""
    return topic.kind == "role" and asks_how(text) and not detect_aspect(text)


_RULES = re.compile(r"制度|规定|规章")


def _asks_rules_of_role(topic: TopicView, text: str) -> bool:
    """"投诉处理慢，制度里对这个怎么要求的" asks what the rules make the post do (its duties),
    not what the post asks of an applicant."""
    return topic.kind == "role" and _RULES.search(text) is not None and "任职" not in text


def answer_topic(topic: TopicView, aspect: str | None, snapshot: Snapshot, text: str = "",
                 choice: FacetChoice | None = None, intro: str | None = None, follow: bool = True) -> Reply:
    """The topic's summary and the facet that answers the question.

    An explicit kind (question words, a button) names the facet; otherwise the facet that
    wins on the question's words (:func:`bot.knowledge.facets.choose_facet`); when none
    wins, the first facet, with the other facets listed to ask about.
    """
    if aspect == "aliases":
        return _aliases_reply(topic, snapshot)
    if topic.kind == "concept" and aspect in ROLE_ONLY_ASPECTS:
        aspect = None
    if topic.kind == "role" and aspect in ROLE_ASPECT_MAP:
        aspect = ROLE_ASPECT_MAP[aspect]  # "具体怎么弄" asks a role's duties, in the facet scores too
    if aspect in (None, "requirements") and (asks_how_role_works(topic, text) or _asks_rules_of_role(topic, text)):
        aspect = "duties"
    query = rewrite(text) if text and not text.startswith("/") else ""
    named = facet_for_kind(topic, aspect)
    if choice is None:
        choice = choose_facet(topic, query, aspect) if query else FacetChoice(None)
        if not choice.clear and query:
            hits = item_hits(without_names(query, [topic.id], snapshot), snapshot, [topic.id])
            hit = clear_item(hits)
            evidence = choice_from_hit(topic, hit) if hit else FacetChoice(None)
            if evidence.clear and (named is None or evidence.facet is named):
                choice = evidence
            elif hits and hits[0].words and named is not None and aspect in DOING_KINDS:
                # "排队太久咋整": the line naming the problem picks which doing facet answers.
                choice = doing_facet(topic, f"{query} {hits[0].passage.text}", aspect) or choice
    facet, focus = choice.facet, choice.item
    pointer = topic_named_by(normalize(facet.items[focus]), topic, snapshot) if facet and focus is not None else None
    if pointer is not None and intro is None and follow:
        # The line the question picked only names another topic ("服务定义与特点" in the
        # lecture notes' outline): that topic holds the content.
        return answer_topic(pointer, None, snapshot, text, follow=False)
    if facet is None or (named is not None and not choice.clear):
        facet, focus = named, None
    missing = aspect not in (None, "summary") and facet is None and named is None
    if missing and follow and intro is None and (namesake := _namesake_with(topic, aspect, snapshot)
                                                 or _said_in_words_with(topic, aspect, text, snapshot)):
        return answer_topic(namesake, aspect, snapshot, text, follow=False)
    if facet is None:
        facet = topic.facets[0] if topic.facets else None
    lines = [intro] if intro else []
    lines.append(texts.SUMMARY_LINE.format(name=topic.name, summary=topic.summary))
    if missing:
        lines.append(texts.ASPECT_MISSING.format(name=topic.name, aspect=texts.ASPECT_NAMES.get(aspect, aspect)))
    pair = choice.pair if named is None and not choice.clear else ()
    if pair:
        facet = pair[0]
        for shown in pair:
            lines.append(texts.FACET_HEADER.format(title=shown.title))
            lines.extend(_numbered(shown.items))
        others = [f.title for f in topic.facets if f not in pair]
        if others:
            lines.append(texts.MORE_FACETS.format(titles="、".join(others[:6])))
    elif facet:
        if focus is not None and len(facet.items) > 1:
            lines.append(texts.FOCUS_LINE.format(item=facet.items[focus]))
        lines.append(texts.FACET_HEADER.format(title=facet.title))
        asked = (focus,) if focus is not None else choice.group if choice.facet is facet else ()
        lines.extend(_numbered(facet.items, focus=asked))
        others = [f.title for f in topic.facets if f is not facet]
        if others and not choice.clear:
            lines.append(texts.MORE_FACETS.format(titles="、".join(others[:6])))
    lines.append(_sources_text(facet, topic))
    return Reply("answer", "\n".join(lines), _topic_buttons(topic, facet, snapshot), topic.id,
                 facet.kind if facet else aspect)


def _aliases_reply(topic: TopicView, snapshot: Snapshot) -> Reply:
    """ "又叫啥": the other names the knowledge gives the topic (not letter-case variants)."""
    seen = {normalize(topic.name)}
    names = []
    for alias in topic.aliases:
        if normalize(alias) not in seen:
            seen.add(normalize(alias))
            names.append(alias)
    lines = [texts.SUMMARY_LINE.format(name=topic.name, summary=topic.summary),
             texts.ALIASES_LINE.format(aliases="、".join(names[:8])) if names
             else texts.NO_ALIASES.format(name=topic.name),
             _sources_text(None, topic)]
    return Reply("answer", "\n".join(lines), _topic_buttons(topic, None, snapshot), topic.id, "summary")


def answer_item(topic: TopicView, facet: FacetView, index: int, snapshot: Snapshot) -> Reply:
    """One point of a list just shown ("其中第二个是啥", "最后一个呢"): counted as the
    document counts (:func:`bot.knowledge.facets.points`), with all its lines."""
    listed = points(facet.items)
    point = listed[index % len(listed)]
    number = index % len(listed) + 1
    lines = [texts.ITEM_LINE.format(name=topic.name, title=facet.title, n=number, item=facet.items[point[0]]),
             *facet.items[point[0] + 1:point[-1] + 1], _sources_text(facet, topic)]
    return Reply("answer", "\n".join(lines), _topic_buttons(topic, facet, snapshot), topic.id, facet.kind)


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
    buttons = [Button(t.name, ask_for(t)) for t in (a, b)]
    if a.kind == b.kind == "role":
        buttons += [Button(texts.FACET_BUTTON.format(name=t.name, title=texts.ASPECT_NAMES["requirements"]),
                           ask_for(t, "requirements")) for t in (a, b)
                    if t.facet("requirements")]
    return Reply("compare", "\n".join(lines), buttons, a.id, "differences")


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
            buttons.append(Button(topic.name, ask_for(topic)))
    lines = [texts.UNKNOWN_ANSWER]
    if buttons:
        lines.append(texts.DID_YOU_MEAN)
    lines.append(capabilities_text(snapshot))
    return Reply("unknown", "\n".join(lines), buttons[:3])


def chat_reply(kind: str, snapshot: Snapshot) -> Reply:
    """Small talk; greetings and "what can you do" offer questions to start with."""
    if kind == "capabilities":
        return Reply("chat", capabilities_text(snapshot), chat=kind)
    buttons = []
    if kind in ("greet", "identity"):
        buttons = [Button(title, ask_for(snapshot.topics[topic_id]))
                   for title, topic_id in texts.GREET_BUTTONS if topic_id in snapshot.topics]
        buttons.append(Button(texts.BUTTON_CAPABILITIES, CAPABILITIES))
    return Reply("chat", texts.CHAT_REPLIES[kind], buttons, chat=kind)


def out_of_scope_reply() -> Reply:
    return Reply("out_of_scope", texts.OUT_OF_SCOPE, [Button(texts.BUTTON_CAPABILITIES, CAPABILITIES)])


def situation_intro(situation: Situation) -> str:
    if situation.quadrant:
        return texts.SITUATION_SWOT.format(cues="、".join(situation.cues[:4]), quadrant=situation.quadrant)
    return texts.SITUATION_TYPE.format(cues="、".join(situation.cues[:3]))


def one_sided_case_reply(situation: Situation, snapshot: Snapshot) -> Reply | None:
    """A case with one side only ("口碑好、资金足，下一步怎么走"): the two quadrants it can
    be in, each with its strategy, and what to tell to decide between them."""
    options = [(q, snapshot.get(t)) for q, t in situation.options]
    if not situation.known or any(topic is None for _, topic in options):
        return None
    missing = texts.SITUATION_MISSING["outside" if situation.known in "SW" else "inside"]
    lines = [texts.SITUATION_PARTIAL.format(cues="、".join(situation.cues[:4]),
                                            known=texts.SITUATION_KNOWN[situation.known], missing=missing)]
    for quadrant, topic in options:
        other = quadrant.replace(situation.known, "")
        lines.append(texts.SITUATION_OPTION.format(condition=texts.SITUATION_CONDITION[other], quadrant=quadrant,
                                                   name=topic.name, summary=topic.summary.split("。")[0]))
    lines.append(texts.SITUATION_PARTIAL_END.format(missing=missing))
    lines.append(_sources_text(None, options[0][1]))
    buttons = [Button(topic.name, ask_for(topic)) for _, topic in options]
    return Reply("answer", "\n".join(lines), buttons, None, None, case=True)


def definition_answer(definition: Definition, text: str, snapshot: Snapshot) -> Reply:
    topic = snapshot.topics[definition.topic_id]
    facet = topic.facets[definition.facet] if definition.facet is not None else None
    choice = (FacetChoice(facet, definition.item if len(facet.items) > 1 else None, True)
              if facet is not None else FacetChoice(None))
    asked = detect_aspect(rewrite(text))
    if facet is not None and asked in DOING_KINDS and facet.kind not in DOING_KINDS:
        # "等候时间过长，还有啥招" names the problem line; what to do about it answers.
        item = facet.items[definition.item] if definition.item is not None else ""
        choice = doing_facet(topic, f"{text} {item}", asked) or choice
    return answer_topic(topic, None, snapshot, text, choice)
