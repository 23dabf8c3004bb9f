"""Turns a question into a reply, decided by knowledge evidence. Rasa-free and unit tested.

Every message that is not a wizard input or a command comes here, whatever the intent
classifier said. The order of evidence: a knowledge name in the question, a follow-up to the
topic just discussed, a described case (bot/situations.py), small talk by explicit wording,
then retrieval over the passages. A question is declined only when none of these holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from bot import texts
from bot.knowledge.aspects import asks_how, detect_aspect, looks_like_followup, own_words, refers_back
from bot.knowledge.colloquial import load_table, rewrite
from bot.knowledge.definitions import Definition, defined, head_around, headed
from bot.knowledge.facets import (
    KIND_FALLBACKS,
    FacetChoice,
    choose_facet,
    named_point,
    ordinal,
    point_head,
    points,
    score_facets,
)
from bot.knowledge.matcher import matcher_for
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.retrieval import (
    Hit,
    index_for,
    item_index_for,
    question_index_for,
    question_pool_index_for,
)
from bot.knowledge.spelling import speller_for
from bot.knowledge.tokenize import parts, tokens
from bot.normalize import apply_synonyms, normalize, without_notes
from bot.situations import Situation, asks_which_strategy, place, strategy_topics
from bot.smalltalk import smalltalk_kind

MAX_ITEMS = 12
MAX_BUTTONS = 6
# Retrieval evidence that answers a question naming no topic, calibrated by
# bench/calibrate_scope.py on the project's held-out questions against the off-topic
# examples (docs/quality.md): the best passage's BM25 score, the share of the question's
# IDF mass it holds, and the distinct question words it holds. Off-topic messages rarely
# share two domain words with one passage and never three; a described case ("新来的售后
# 专员，客户嫌维修慢怎么跟进") shares several while most of its words are everyday ones,
# so three shared words need little of the mass. A question the classifier called out of
# scope needs a higher score.
RETRIEVAL_MIN_SCORE = 6.0
RETRIEVAL_CANDIDATES = 5  # a sure passage ranked below unsure ones still is evidence
OUT_OF_SCOPE_MIN_SCORE = 8.0
WORD_EVIDENCE = ((3, 0.15), (2, 0.3), (1, 0.8))  # (shared words, with at least this IDF share)
OUT_OF_SCOPE_WORD_EVIDENCE = ((3, 0.15), (2, 0.4), (1, 0.8))
NO_EVIDENCE_CONFIDENCE = 0.2  # below this nothing in the question is domain vocabulary
# Item evidence (bot/knowledge/retrieval.py item passages): the best item of a topic answers
# when it holds a real question word, scores at least ITEM_MIN_SCORE and beats the best item
# of any other facet by ITEM_MARGIN (a ratio). A topic named only by a generic word of two
# characters (服务, 营销) gives way to another topic whose item scores GENERIC_MARGIN times
# higher with at least two question words ("服务价格咋定" is about 服务价格管理).
ITEM_MIN_SCORE = 4.0
ITEM_MARGIN = 1.2
WORDS_MARGIN = 1.5  # a line with more question words wins against one scoring up to this factor more
# The best item of the whole knowledge base is added as one evidence line under an answer
# when it is not on screen already and holds at least ALSO_MIN_WORDS question words: a
# question about a detail ("这门课期末考多长时间") often names a topic whose shown facet
# is not the one holding the detail.
ALSO_MIN_WORDS = 2
OFFTOPIC_OUTWEIGHED = (4, 0.5)  # (words, IDF share) of one passage that outweigh an off-topic word
TRADE_MARGIN = 1.5  # a trade's own line over the general topic's best line
# Example questions (the knowledge's `questions:`): a message that holds enough of the IDF
# weight of one topic's example question, (shared words, share) as in WORD_EVIDENCE, and
# beats every other topic's best example by QUESTION_MARGIN, asks for that topic.
# Calibrated by bench/calibrate_scope.py on the 285 held-out questions (98 right, 2 wrong)
# and 168 off-topic examples (2 answered), never on the blind set (docs/quality.md). Four
# shared words need less of the weight (a long described case); the calibration sets hold
# no message that long, and adding the tier changed neither figure.
QUESTION_EVIDENCE = ((4, 0.5), (2, 0.6), (1, 0.8))
QUESTION_MARGIN = 1.3
# Failing that, a topic's example questions taken together (one pooled passage per topic):
# with the per-question rule, 161 right and 3 wrong of 285, 3 of 168 off-topic answered.
POOL_EVIDENCE = ((3, 0.3), (2, 0.6))
POOL_MARGIN = 1.5
GENERIC_NAME_LENGTH = 2
DOING_KINDS = ("methods", "measures", "steps")  # facets that say what to do
GENERIC_MARGIN = 1.3
ROLE_ONLY_ASPECTS = ("duties", "requirements", "working_conditions")
ROLE_ASPECT_MAP = {"preconditions": "requirements", "goals": "duties", "methods": "duties",
                   "measures": "duties", "key_points": "duties", "elements": "duties"}
CHAT_INTENTS = {"greet": "greet", "thank": "thanks", "ask_capabilities": "capabilities",
                "affirm": "ok", "deny": "ok", "stop": "ok"}


@dataclass(frozen=True)
class Ask:
    """What a button asks for: a topic (and facet kind), or, without a topic, the list of
    what the bot can answer. ``actions/payloads.py`` turns it into a Rasa payload."""

    topic_id: str | None = None
    topic_kind: str | None = None
    aspect: str | None = None


@dataclass(frozen=True)
class Button:
    title: str
    ask: Ask


@dataclass
class Question:
    text: str
    intent: str | None = None
    topics: list[str] = field(default_factory=list)  # knowledge ids from NLU entities, in order
    aspect: str | None = None  # explicit aspect (from a button payload)
    last_topic: str | None = None
    previous_topic: str | None = None  # the topic before ``last_topic`` ("这俩有啥区别")
    last_facet: str | None = None  # the facet kind shown last ("其中第二个是啥")


@dataclass
class Reply:
    kind: str  # answer | compare | chat | out_of_scope | unknown | need_topic
    text: str
    buttons: list[Button] = field(default_factory=list)
    topic_id: str | None = None
    aspect: str | None = None  # the facet kind shown
    chat: str | None = None  # small-talk kind for kind == "chat" (greet, thanks, …)
    case: bool = False  # answers a described case with a decision: no extra fact line
    by_retrieval: bool = False  # only the retrieval fallback found it (the question log keeps it)

    @property
    def declined(self) -> bool:
        return self.kind in ("out_of_scope", "unknown", "need_topic")


def ask_for(topic: TopicView, aspect: str | None = None) -> Ask:
    return Ask(topic.id, topic.kind, aspect)


CAPABILITIES = Ask()


# --- formatting -------------------------------------------------------------------------

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


def _facet_for_kind(topic: TopicView, kind: str | None) -> FacetView | None:
    if not kind:
        return None
    for candidate in (kind, *KIND_FALLBACKS.get(kind, ())):
        facet = topic.facet(candidate)
        if facet:
            return facet
    wanted = texts.ASPECT_NAMES.get(kind, "")
    return next((f for f in topic.facets if wanted and (wanted in f.title or f.title in wanted)), None)


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
             and _facet_for_kind(other, aspect) is not None]
    return found[0] if len(found) == 1 else None


def _pieces(name: str) -> list[str]:
    """A name's smallest dictionary words (服务设计 → 服务, 设计): the knowledge dictionary
    makes the whole name one token."""
    return [piece for token in tokens(normalize(name)) for piece in (parts(token) or (token,))]


def _said_in_words_with(topic: TopicView, aspect: str, text: str, snapshot: Snapshot) -> TopicView | None:
    """The one other topic that has the asked aspect and whose name's words the question all
    says, apart or inside longer words, when ``topic`` lacks the aspect.

    "重新设计售后服务流程，设计时该遵循哪些原则": 售后服务管理 gives no principles; the
    question also says 服务 and 设计, and 服务设计 lists the principles of designing a service.
    A name made of the topic's own words (服务经理 inside 售后服务经理) is no other subject.
    """
    said = {w for t in tokens(normalize(text)) for w in (t, *parts(t))}
    own = set(_pieces(topic.name))
    found = [other for other in snapshot.topics.values()
             if other.id != topic.id and _facet_for_kind(other, aspect) is not None
             and len(words := _pieces(other.name)) >= 2 and set(words) <= said
             and not set(words) <= own]
    return found[0] if len(found) == 1 else None


def _asks_how_role_works(topic: TopicView, text: str) -> bool:
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
    if aspect in (None, "requirements") and (_asks_how_role_works(topic, text) or _asks_rules_of_role(topic, text)):
        aspect = "duties"
    query = rewrite(text) if text and not text.startswith("/") else ""
    named = _facet_for_kind(topic, aspect)
    if choice is None:
        choice = choose_facet(topic, query, aspect) if query else FacetChoice(None)
        if not choice.clear and query:
            hits = _item_hits(_without_names(query, [topic.id], snapshot), snapshot, [topic.id])
            hit = _clear_item(hits)
            evidence = _choice_from_hit(topic, hit) if hit else FacetChoice(None)
            if evidence.clear and (named is None or evidence.facet is named):
                choice = evidence
            elif hits and hits[0].words and named is not None and aspect in DOING_KINDS:
                # "排队太久咋整": the line naming the problem picks which doing facet answers.
                choice = _doing_facet(topic, f"{query} {hits[0].passage.text}", aspect) or choice
    facet, focus = choice.facet, choice.item
    pointer = _topic_named_by(normalize(facet.items[focus]), topic, snapshot) if facet and focus is not None else None
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


# --- understanding ----------------------------------------------------------------------

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


def _mostly_in(word: str, terms: set[str]) -> bool:
    """At least half the word's character bigrams occur ("四大特性" covers 特性; one 实施 does
    not cover 教学实施方案)."""
    bigrams = [word[i:i + 2] for i in range(len(word) - 1)]
    return bool(bigrams) and 2 * sum(b in terms for b in bigrams) >= len(bigrams)


def _covered_words(extra: tuple[str, ...], terms: set[str]) -> int:
    """How many words of ``extra`` the question says, 0 unless it says them all. A name
    word the dictionary keeps whole ("22因素分析评估法") is said when its parts of two
    characters or more are ("评估那个分析法有多少个因素"): a number is easily left out."""
    count = 0
    for word in extra:
        if word in terms or _mostly_in(word, terms):
            count += 1
            continue
        inner = parts(word)
        if len(inner) < 2 or not all(p in terms or _mostly_in(p, terms) for p in inner):
            return 0
        count += len(inner)
    return count


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
            covered = _covered_words(extra, residual)
            if covered > best_covered:
                best, best_covered = other.id, covered
    return best


def _facet_of(topic: TopicView, hit: Hit) -> FacetView | None:
    position = hit.passage.facet
    return topic.facets[position] if position is not None and position < len(topic.facets) else None


def _item_hits(query: str, snapshot: Snapshot, topic_ids: list[str] | None, limit: int = 8) -> list[Hit]:
    return item_index_for(snapshot).search(apply_synonyms(query, snapshot.synonyms), limit, topic_ids)


def _clear_item(hits: list[Hit]) -> Hit | None:
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


def _choice_from_hit(topic: TopicView, hit: Hit) -> FacetChoice:
    facet = _facet_of(topic, hit)
    if facet is None:  # the definition holds the answer: summary and default facet
        return FacetChoice(None)
    return FacetChoice(facet, hit.passage.item if len(facet.items) > 1 else None, True)


def _worded_or_item(topic: TopicView, text: str, aspect: str | None, hit: Hit) -> FacetChoice:
    """An item found the topic; the facet the question's words clearly pick still answers
    ("规划分几个阶段，每段多长" asks for the stages, whichever item found the plan)."""
    worded = choose_facet(topic, rewrite(text), aspect)
    return worded if worded.clear else _choice_from_hit(topic, hit)


def _doing_facet(topic: TopicView, query: str, asked: str) -> FacetChoice | None:
    """The facet saying what to do that best matches ``query``, if the topic has one."""
    doing = [s for s in score_facets(topic, rewrite(query), asked) if s.facet.kind in DOING_KINDS]
    if not doing or doing[0].score <= 0:
        return None
    best = doing[0]
    return FacetChoice(best.facet, best.item, True, best.group)


def item_choice(topic: TopicView, query: str, snapshot: Snapshot) -> FacetChoice:
    """The facet and item of ``topic`` that the question's words point at, if one wins."""
    hit = _clear_item(_item_hits(query, snapshot, [topic.id]))
    return _choice_from_hit(topic, hit) if hit else FacetChoice(None)


def _said_generically(topic: TopicView, text: str) -> bool:
    """A generic name (营销, 服务) said alone; "营销的概念", one of its longer names, names it."""
    if len(topic.name) > GENERIC_NAME_LENGTH:
        return False
    span = _name_span(topic, normalize(text))
    return span is None or span[1] - span[0] <= GENERIC_NAME_LENGTH


def _more_specific(topic: TopicView, text: str, snapshot: Snapshot) -> Hit | None:
    """For a topic named by a generic word ("服务"), another topic's item that explains the
    question much better ("服务价格咋定" → 服务价格管理 of 服务营销管理)."""
    if len(topic.name) > GENERIC_NAME_LENGTH:
        return None
    hits = _item_hits(text, snapshot, None, limit=1)
    own = _item_hits(text, snapshot, [topic.id], limit=1)
    if not hits or hits[0].passage.topic_id == topic.id or hits[0].words < 2:
        return None
    if own and hits[0].score < GENERIC_MARGIN * own[0].score:
        return None
    return hits[0]


# Another topic's line explains the words beyond a name far better ("做营销规划前要收集数据，
# 这些数据分哪两类" → 营销评审's two kinds of data): by this many more words and this factor
# of score.
ELSEWHERE_WORDS = 3
ELSEWHERE_EXTRA_WORDS = 2
ELSEWHERE_FACTOR = 2.0


def _far_better_elsewhere(topic: TopicView, text: str, snapshot: Snapshot) -> Hit | None:
    """A line of another topic that holds far more of the question's other words than any
    line of ``topic``: the question is about that part, not ``topic``.

    Used for a topic a qualifier found (营销 + 规划 → 服务营销规划); a topic named in full
    keeps the question (tried: it lost more than it won).
    """
    rest = _without_names(text, [topic.id], snapshot)
    hits = _item_hits(rest, snapshot, None, limit=1)
    if not hits or hits[0].passage.topic_id == topic.id or hits[0].passage.item is None:
        return None
    best = hits[0]
    own = _item_hits(rest, snapshot, [topic.id], limit=1)
    own_words, own_score = (own[0].words, own[0].score) if own else (0, 0.0)
    if (best.words >= ELSEWHERE_WORDS and best.words >= own_words + ELSEWHERE_EXTRA_WORDS
            and best.score >= ELSEWHERE_FACTOR * own_score):
        return best
    return None


QUALIFIER_MAX_TOPICS = 7  # a name word in more topic names than this qualifies nothing (服务, 管理)
_name_word_cache: dict[str, dict[str, frozenset[str]]] = {}


def _name_words(snapshot: Snapshot) -> dict[str, frozenset[str]]:
    """Word of a topic name (and its parts) → the topics whose name holds it."""
    index = _name_word_cache.get(snapshot.revision)
    if index is None:
        found: dict[str, set[str]] = {}
        for topic in snapshot.ordered():
            for token in tokens(topic.name):
                for word in (token, *parts(token)):
                    if len(word) >= 2:
                        found.setdefault(word, set()).add(topic.id)
        index = {w: frozenset(ids) for w, ids in found.items()}
        _name_word_cache.clear()
        _name_word_cache[snapshot.revision] = index
    return index


def _qualifiers(topic: TopicView, text: str, snapshot: Snapshot) -> tuple[str, list[str], set[str]]:
    """The question without the topic's names, its words that are words of a few other
    topics' names (银行 of 银行服务营销管理制度 …), and those other topics."""
    residual = _without_names(normalize(apply_synonyms(text, snapshot.synonyms)), [topic.id], snapshot)
    index = _name_words(snapshot)
    own = {w for n in (topic.name, *topic.aliases) for t in tokens(n) for w in (t, *parts(t))}
    qualifiers, candidates = [], set()
    table = load_table()
    for token in tokens(residual):
        # A trade's everyday word qualifies as the trade's name does (支行 → 银行).
        for word in (token, *parts(token), *sorted(table.trades_in(token))):
            ids = index.get(word, frozenset())
            if ids and word not in own and len(ids) <= QUALIFIER_MAX_TOPICS:
                candidates |= ids
                qualifiers.append(word)
    return residual, qualifiers, candidates - {topic.id}


def _qualified(topic: TopicView, text: str, snapshot: Snapshot) -> Hit | None:
    """Another topic's item when a word of the question qualifies the named subject.

    "银行对服务营销的考核内容包括啥" names 服务营销, and 银行 is a word of longer names
    that contain it (银行服务营销管理制度 …): when one of those holds an item explaining
    the rest of the question clearly better than the named topic's items, it answers.
    :func:`refine_topic` needs every extra word of the longer name; this needs one, and
    item evidence.
    """
    residual, qualifiers, candidates = _qualifiers(topic, text, snapshot)
    # A candidate's name extends the named one (银行服务营销管理制度 ⊃ 服务营销): 价格 in
    # "价格战" does not make 降低价格敏感性 a kind of 总成本领先战略.
    said = {normalize(n) for n in (topic.name, *topic.aliases)}
    candidates = {c for c in candidates if any(n and n in normalize(snapshot.topics[c].name) for n in said)}
    if not candidates:
        return None
    # The qualifier picks the candidates; the rest of the question picks the item.
    for word in sorted(qualifiers, key=len, reverse=True):
        residual = residual.replace(word, " ")
    hits = _item_hits(residual, snapshot, sorted(candidates), limit=1)
    if not hits or hits[0].words == 0 or hits[0].score < ITEM_MIN_SCORE:
        return None
    own = _item_hits(residual, snapshot, [topic.id], limit=1)
    return hits[0] if not own or hits[0].score >= ITEM_MARGIN * own[0].score else None


def _qualified_facet(topic: TopicView, text: str, snapshot: Snapshot) -> tuple[TopicView, FacetView] | None:
    """Another topic's facet titled with the named subject, when a word of the question
    qualifies it: "银行的服务营销管理流程" is the bank rules' facet 服务营销管理流程, not the
    general process. Exactly one such facet answers."""
    _, _, candidates = _qualifiers(topic, text, snapshot)
    said = {normalize(n) for n in (topic.name, *topic.aliases) if len(n) > GENERIC_NAME_LENGTH}
    found = [(snapshot.topics[c], f) for c in sorted(candidates) for f in snapshot.topics[c].facets
             if normalize(f.title) in said]
    return found[0] if len(found) == 1 else None


_ATTACHED_NOTE = re.compile(r"[（(]附[^）)]*[）)]$")
MIN_SAID_TITLE = 6  # a shorter title (作用, 任职要求) is said in many questions about other topics
_title_cache: dict[str, tuple[tuple[str, str, int], ...]] = {}


def _long_titles(snapshot: Snapshot) -> tuple[tuple[str, str, int], ...]:
    """(title, topic id, facet position) of every facet title long enough to name one list,
    without bracketed notes and unless it is also a topic's name."""
    found = _title_cache.get(snapshot.revision)
    if found is None:
        names = _all_names(snapshot)
        found = tuple((title, topic.id, n) for topic in snapshot.ordered() for n, facet in enumerate(topic.facets)
                      if len(title := normalize(without_notes(facet.title))) >= MIN_SAID_TITLE
                      and title not in names)
        _title_cache.clear()
        _title_cache[snapshot.revision] = found
    return found


def _said_facet(text: str, topic: TopicView, snapshot: Snapshot) -> tuple[TopicView, FacetView] | None:
    """Another topic's facet whose whole title the question says ("服务营销管理过程的四个环节"
    is a list of 服务营销管理, not the process topic's six steps)."""
    norm = normalize(text)
    said = {(topic_id, n) for title, topic_id, n in _long_titles(snapshot) if title in norm}
    if len(said) != 1:
        return None
    topic_id, n = said.pop()
    other = snapshot.topics[topic_id]
    return (other, other.facets[n]) if other.id != topic.id else None


def _clear_topic(hits: list[Hit], evidence: tuple[tuple[int, float], ...], margin: float) -> str | None:
    """The best hit's topic when it holds enough evidence and beats other topics by ``margin``."""
    if not hits:
        return None
    best = hits[0]
    if not any(best.words >= words and best.confidence >= share for words, share in evidence):
        return None
    rival = next((h for h in hits[1:] if h.passage.topic_id != best.passage.topic_id), None)
    if rival is not None and best.score < margin * rival.score:
        return None
    return best.passage.topic_id


def asked_topic(text: str, snapshot: Snapshot) -> str | None:
    """The topic whose example questions the message matches clearly, if one does: one
    question closely, else the topic's questions taken together."""
    query = apply_synonyms(text, snapshot.synonyms)
    return (_clear_topic(question_index_for(snapshot).search(query, limit=10), QUESTION_EVIDENCE, QUESTION_MARGIN)
            or _clear_topic(question_pool_index_for(snapshot).search(query, limit=2), POOL_EVIDENCE, POOL_MARGIN))


def _search(text: str, snapshot: Snapshot, limit: int = 3) -> list[Hit]:
    return index_for(snapshot).search(apply_synonyms(text, snapshot.synonyms), limit=limit)


def _named_topics(question: Question, text: str, snapshot: Snapshot) -> list[str]:
    """Knowledge ids named in the question: NLU entities plus names in the rewritten text."""
    found = [m.topic_id for m in matcher_for(snapshot).find(text)]
    ids = [t for t in dict.fromkeys([*question.topics, *found]) if snapshot.get(t)]
    refined = list(dict.fromkeys(refine_topic(t, text, snapshot) for t in ids))
    # Pieced from a generic name's scattered words: 服务 + 售后…经理 → 售后服务经理.
    pieced = [r for t in ids if len(snapshot.topics[t].name) <= GENERIC_NAME_LENGTH
              and (r := refine_topic(t, text, snapshot)) != t]
    return _subject_first(_whole_names_first(refined, pieced, text, snapshot), text, snapshot)


def _whole_names_first(topics: list[str], pieced: list[str], text: str, snapshot: Snapshot) -> list[str]:
    """A topic pieced together from scattered words around a generic name ("给售后定…服务…
    被经理打回" → 售后服务经理) is dropped when a specific topic is said whole (SMART)."""
    norm = normalize(text)
    said_whole = [t for t in topics if t not in pieced and len(snapshot.topics[t].name) > GENERIC_NAME_LENGTH
                  and _name_span(snapshot.topics[t], norm)]
    scattered = [t for t in pieced if not _name_span(snapshot.topics[t], norm)]
    if not said_whole or not scattered:
        return topics
    return [t for t in topics if t not in scattered]


_PART_OF = re.compile(r"(里的|中的|里面的|当中的|之中的)$")


def _name_span(topic: TopicView, text: str) -> tuple[int, int] | None:
    for name in sorted((normalize(n) for n in (topic.name, *topic.aliases)), key=len, reverse=True):
        at = text.find(name) if name else -1
        if at >= 0:
            return at, at + len(name)
    return None


def _two_said(topics: list[str], text: str, snapshot: Snapshot) -> bool:
    """Two of the topics are said apart in the text: one phrase found by two topics
    ("服务营销策划" in two plans' names) names one thing, not a pair to compare, and so do
    two names said one right after the other ("服务营销管理这门课": the course of that name)."""
    norm = normalize(text)
    spans = sorted(span for t in topics if (span := _name_span(snapshot.topics[t], norm)))
    return any(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def _subject_first(topics: list[str], text: str, snapshot: Snapshot) -> list[str]:
    """ "SWOT里的ST战略是啥" asks about ST战略: in "A里的B" the second name is the subject."""
    if len(topics) < 2:
        return topics
    if _said_inside(topics[0], topics[1], text, snapshot):
        return [topics[1], topics[0], *topics[2:]]
    return topics


def _said_inside(outer: str, inner: str, text: str, snapshot: Snapshot) -> bool:
    """The text says "<outer>里的<inner>" ("SWOT里的ST战略"): inner is asked about."""
    norm = normalize(text)
    first, second = _name_span(snapshot.topics[outer], norm), _name_span(snapshot.topics[inner], norm)
    gap = norm[first[1]:second[0]] if first and second and first[1] <= second[0] else None
    return gap is not None and _PART_OF.search(gap) is not None


def _without_names(text: str, topic_ids: list[str], snapshot: Snapshot) -> str:
    names = {normalize(n) for t in topic_ids for n in (snapshot.topics[t].name, *snapshot.topics[t].aliases)}
    for name in sorted(names, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    return text


SHORT_FOLLOWUP = 8  # characters: a message this short after an answer is read against it


def _topic_text(topic: TopicView) -> str:
    return normalize(" ".join([topic.name, *topic.aliases, topic.summary,
                               *(f"{f.title} {' '.join(f.items)}" for f in topic.facets)]))


def _continues(asked: str, text: str, last: TopicView, snapshot: Snapshot) -> bool:
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


def _names_own_facet(last: TopicView, asked: str, snapshot: Snapshot) -> bool:
    """"背景里说现在有哪些问题" right after 银行厅堂服务营销方案: a word of one of its facet
    titles (现存问题) and no term of another topic."""
    words = [w for w in tokens(asked) if len(w) >= 2]
    title_words = {w for f in last.facets for w in tokens(normalize(f.title)) if len(w) >= 2}
    own, terminology = _topic_text(last), _terminology(snapshot)
    return (any(w in title_words for w in words)
            and not any(w in terminology and w not in own for w in words))


def _asks_facet_of(last: TopicView, asked: str, aspect: str | None, snapshot: Snapshot) -> bool:
    """"企业得具备哪些条件才适合" right after 特色经营战略: its words name a facet the last
    topic has and no term of another topic, so it asks about the last topic, however long."""
    if aspect is None or _facet_for_kind(last, aspect) is None:
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


def _other_trade(topic: TopicView, text: str) -> bool:
    """The question names a trade and the topic is written for another one only."""
    table = load_table()
    asked = table.trades_in(text)
    own = _trades_of(topic)
    return bool(asked) and bool(own) and not asked & own


def _trades_of(topic: TopicView) -> frozenset[str]:
    """The trades a topic is written for, from its names and summary (none: a general topic)."""
    return load_table().trades_in(" ".join((topic.name, *topic.aliases, topic.summary)))


def _for_the_trade(reply: Reply, question: Question, text: str, snapshot: Snapshot) -> Reply:
    """A question naming a trade ("分行…宣传物料怎么安排") answered from a general topic, or
    declined, is answered from a topic written for that trade when one of its lines explains
    the question clearly better (TRADE_MARGIN) than the general topic's best line."""
    if reply.case or reply.kind not in ("answer", "out_of_scope", "unknown") or not text or _offtopic(text):
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
    hit = _clear_item(_item_hits(plain, snapshot, candidates)) if candidates else None
    if hit is None or hit.words < ALSO_MIN_WORDS:
        return reply
    best_own = _item_hits(plain, snapshot, [own.id], limit=1) if own is not None else []
    if best_own and hit.score < TRADE_MARGIN * best_own[0].score:
        return reply
    topic = snapshot.topics[hit.passage.topic_id]
    return answer_topic(topic, None, snapshot, text, _worded_or_item(topic, text, None, hit))


def _strong_evidence(text: str, snapshot: Snapshot) -> bool:
    """One passage holds most of the question ("团队业绩拿啥衡量，看利润还是看股价"): an
    off-topic word (股价) said beside it does not make the question off-topic."""
    words, share = OFFTOPIC_OUTWEIGHED
    return any(h.words >= words and h.confidence >= share for h in _search(text, snapshot, 1))


def _offtopic(text: str) -> bool:
    return any(word in text for word in load_table().offtopic)


def _situation_intro(situation: Situation) -> str:
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


def _sure(hit: Hit, intent: str | None) -> bool:
    """Whether a passage is evidence enough to answer (see the calibration above)."""
    out_of_scope = intent == "out_of_scope"
    if hit.score < (OUT_OF_SCOPE_MIN_SCORE if out_of_scope else RETRIEVAL_MIN_SCORE):
        return False
    rules = OUT_OF_SCOPE_WORD_EVIDENCE if out_of_scope else WORD_EVIDENCE
    return any(hit.words >= words and hit.confidence >= share for words, share in rules)


def _retrieval_answer(text: str, intent: str | None, snapshot: Snapshot) -> Reply:
    """Answer with the topic and facet of the best passage when the evidence is sure."""
    hits = _search(text, snapshot, RETRIEVAL_CANDIDATES)
    good = [h for h in hits if _sure(h, intent)]
    # "酒店想找外部伙伴合作": a passage of the asked trade before one written for another.
    good = [h for h in good if not _other_trade(snapshot.topics[h.passage.topic_id], text)] or good
    if not good:
        if not hits or max(h.confidence for h in hits) < NO_EVIDENCE_CONFIDENCE:
            return out_of_scope_reply()
        return unknown_reply(snapshot, hits)
    best = good[0].passage
    item = _clear_item(_item_hits(text, snapshot, list(dict.fromkeys(h.passage.topic_id for h in good))))
    if item is not None:
        topic = snapshot.topics[item.passage.topic_id]
        choice = _choice_from_hit(topic, item)
        asked = detect_aspect(text)
        if asked in DOING_KINDS and (choice.facet is None or choice.facet.kind not in DOING_KINDS):
            # "排队太久咋整" finds the line naming the problem ("等候时间过长"); what to do
            # about it is the answer: the doing facet closest to the question and that line.
            choice = _doing_facet(topic, f"{text} {item.passage.text}", asked) or choice
        if choice.facet is None:
            # The summary passage found the topic; the question's words may still name a
            # facet ("…这样做的短板在哪" → 局限).
            worded = choose_facet(topic, text, asked)
            choice = worded if worded.clear else choice
    else:
        topic = snapshot.topics[best.topic_id]
        facet = _facet_of(topic, good[0])
        choice = choose_facet(topic, text, detect_aspect(text, intent))
        if facet is not None and not choice.clear:
            choice = FacetChoice(facet, None, True)
    reply = answer_topic(topic, None, snapshot, text, choice)
    for hit in good[1:]:
        other = snapshot.get(hit.passage.topic_id)
        if other and other.id != topic.id and all(b.ask != ask_for(other) for b in reply.buttons):
            reply.buttons.insert(0, Button(other.name, ask_for(other)))
    reply.buttons = reply.buttons[:MAX_BUTTONS]
    return reply


def _case(text: str, topics: list[str], snapshot: Snapshot) -> Situation | None:
    """The described case, unless the question names what it asks about: a strategy the
    case could lead to ("不想拼价格，想走特色经营，得具备啥条件" asks about 特色经营), or a
    specific topic against a case of one cue only, unless it asks which strategy to take."""
    situation = place(text)
    if situation is None:
        return None
    named = [t for t in topics if len(snapshot.topics[t].name) > GENERIC_NAME_LENGTH]
    if any(t in strategy_topics() for t in named):
        return None
    if named and len(situation.cues) < 2 and not asks_which_strategy(text):
        return None
    return situation


_names_cache: dict[str, frozenset[str]] = {}


def _all_names(snapshot: Snapshot) -> frozenset[str]:
    names = _names_cache.get(snapshot.revision)
    if names is None:
        names = frozenset(normalize(n) for t in snapshot.ordered() for n in (t.name, *t.aliases))
        _names_cache.clear()
        _names_cache[snapshot.revision] = names
    return names


def _definition_answer(definition: Definition, text: str, snapshot: Snapshot) -> Reply:
    topic = snapshot.topics[definition.topic_id]
    facet = topic.facets[definition.facet] if definition.facet is not None else None
    choice = (FacetChoice(facet, definition.item if len(facet.items) > 1 else None, True)
              if facet is not None else FacetChoice(None))
    asked = detect_aspect(rewrite(text))
    if facet is not None and asked in DOING_KINDS and facet.kind not in DOING_KINDS:
        # "等候时间过长，还有啥招" names the problem line; what to do about it answers.
        item = facet.items[definition.item] if definition.item is not None else ""
        choice = _doing_facet(topic, f"{text} {item}", asked) or choice
    return answer_topic(topic, None, snapshot, text, choice)


def _counted_step(topic: TopicView, text: str) -> tuple[FacetView, int] | None:
    """The steps facet and the point "第N步" counts, when the topic has such a step."""
    index = ordinal(text)
    steps = _facet_for_kind(topic, "steps") if index is not None and _COUNTS_STEPS.search(text) else None
    if steps is None or steps.kind != "steps" or not -len(points(steps.items)) <= index < len(points(steps.items)):
        return None
    return steps, index


_COUNTS_STEPS = re.compile(r"第[一二三四五六七八九十\d]{1,2}步|最后一步")


# A comparison said in words ("和X比呢", "相比", "有啥区别"); "比如" gives an example.
_SAYS_COMPARISON = re.compile(r"比(?!如)")
_SAME_FOR = re.compile(r"^\s*那(?:么)?.+[呢嘞]\s*[？?]?\s*$")  # "那X呢": the same question of X
_ASKS_DETAIL = re.compile(r"具体|详细|展开|细说|有哪些|包括|包含|哪几")


_exact_name_cache: dict[str, dict[str, list[str]]] = {}


def _topic_named_by(head: str | None, last: TopicView, snapshot: Snapshot) -> TopicView | None:
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


SHORT_POINT = 6  # characters: a point this short ("Promotion：促销") is only a name


def _point_topic(items: tuple[str, ...], index: int, last: TopicView, snapshot: Snapshot) -> TopicView | None:
    """The topic a point of a list names by its head (企业目标：…) or, when the point is a
    bare name, by its words ("Promotion：促销" names 促销策略 by its alias 促销)."""
    named = _topic_named_by(point_head(items, index), last, snapshot)
    if named is not None:
        return named
    group = points(items)[index]
    body = normalize(items[group[0]]).split(":", 1)[-1].strip()  # normalize turns ： into :
    return _topic_named_by(body, last, snapshot) if len(body) <= SHORT_POINT else None


def _shown_facet(question: Question, last: TopicView) -> FacetView | None:
    return last.facet(question.last_facet or "") or (last.facets[0] if last.facets else None)


def _says_shown_point(question: Question, text: str, last: TopicView) -> bool:
    """The message names a point of the list just shown: it continues that list, however
    long it is ("持续改进具体怎么做")."""
    shown = _shown_facet(question, last)
    return shown is not None and named_point(shown.items, text) is not None


# Asking how to fix what a point names ("这个咋解决"), not how to carry the point out ("具体怎么做").
_ASKS_REMEDY = re.compile(r"解决|怎么办|咋办|应对|改善|什么办法|什么招")


def _followup(question: Question, text: str, last: TopicView, aspect: str | None,
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
            doing = _doing_facet(last, f"{text} {point}", aspect)
            if doing is not None:
                return answer_topic(last, None, snapshot, text, doing)
        return answer_item(last, shown, index, snapshot)
    definition = defined(text, snapshot, within=last.id)
    if definition is not None:
        return _definition_answer(definition, text, snapshot)
    choice = choose_facet(last, text, aspect)
    if choice.clear:
        return answer_topic(last, aspect, snapshot, text, choice)
    if aspect and not own_words(text):  # "那任职要求呢": nothing but the kind asked for
        return answer_topic(last, aspect, snapshot, text)
    return None


def with_evidence_line(reply: Reply, text: str, snapshot: Snapshot) -> Reply:
    """Add the best-matching item of the whole knowledge base when the answer does not show it."""
    if reply.kind != "answer" or reply.case or not text or text.startswith("/"):
        return reply
    hits = _item_hits(text, snapshot, None, limit=1)
    if not hits or hits[0].passage.item is None:
        return reply
    hit = hits[0]
    topic = snapshot.get(hit.passage.topic_id)
    facet = _facet_of(topic, hit) if topic else None
    if (facet is None or hit.words < ALSO_MIN_WORDS or hit.score < ITEM_MIN_SCORE
            or facet.items[hit.passage.item] in reply.text):
        return reply
    if reply.topic_id and hit.passage.topic_id != reply.topic_id:
        # The answered topic's own best item explains the question about as well: no line.
        own = _item_hits(text, snapshot, [reply.topic_id], limit=1)
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
        hit = _clear_item(_item_hits(_without_names(question, [topic.id], snapshot), snapshot, [topic.id]))
        facet = _facet_of(topic, hit) if hit and hit.passage.item is not None else None
        if facet is not None and facet.items[hit.passage.item] not in reply.text:
            reply = _add_evidence_line(reply, topic, facet, hit)
    return reply


def understood(text: str, snapshot: Snapshot, context: str = "") -> str:
    """The question as matching reads it: colloquial wording rewritten, pinyin typos of
    ordinary words corrected."""
    return speller_for(snapshot).correct(rewrite(text, context=context))


def respond(question: Question, snapshot: Snapshot) -> Reply:
    """Decide what to answer from the question, the NLU result and the conversation state."""
    text = understood(question.text, snapshot) if not question.text.startswith("/") else ""
    reply = _for_the_trade(_decide(question, snapshot), question, text, snapshot)
    return with_second_question(with_evidence_line(reply, text, snapshot), text, snapshot)


def _decide(question: Question, snapshot: Snapshot) -> Reply:
    if question.text.startswith("/"):
        if question.intent in CHAT_INTENTS and not question.topics:
            return chat_reply(CHAT_INTENTS[question.intent], snapshot)  # "/ask_capabilities" button
        return _respond_to_payload(question, snapshot)
    last = snapshot.get(question.last_topic)
    text = understood(question.text, snapshot, context=last.name if last else "")
    topics = _named_topics(question, text, snapshot)
    # Question words outside the names: "SMART原则里R是啥" does not ask for 原则.
    asked = _without_names(text, [*topics, *([last.id] if last else [])], snapshot)
    worded_aspect = question.aspect or detect_aspect(asked)
    # The classifier's ask_compare fires on described cases ("售后投诉老是跟丢…"): it asks
    # for a comparison only with two topics named or a comparison said.
    # "除了差异化还有啥" sets one name aside to ask for the others: no pair to compare.
    intent_compares = question.intent == "ask_compare" and (
        (_two_said(topics, text, snapshot) and "除了" not in text)
        or worded_aspect == "differences" or bool(_SAYS_COMPARISON.search(asked)))
    intent = None if question.intent == "ask_compare" and not intent_compares else question.intent
    aspect = worded_aspect or detect_aspect(asked, intent)
    if not worded_aspect and last is not None and question.last_facet and _SAME_FOR.search(question.text):
        # "那民生银行那个服务经理岗呢" right after a requirements answer asks the same of another topic.
        named = [snapshot.topics[t] for t in topics if t != last.id]
        if named and named[0].facet(question.last_facet) is not None:
            aspect = question.last_facet
    chat = smalltalk_kind(text)

    # A described case (strength and threat, or a strategy type's preconditions) outweighs a
    # topic word it happens to contain ("…旅游市场回暖" names 市场) and is a new question even
    # right after a topic: "该怎么办" is no follow-up of the last one.
    # A case names its trade ("我们火锅店…", "快递网点…"): it comes before the off-topic words.
    situation = _case(text, topics, snapshot)
    if situation and situation.options:
        reply = one_sided_case_reply(situation, snapshot)
        if reply:
            return reply
    elif situation and snapshot.get(situation.topic_id):
        topic = snapshot.topics[situation.topic_id]
        # A case asks for the strategy's content, never for its other names or a comparison.
        case_aspect = None if aspect in ("aliases", "differences") else aspect
        reply = answer_topic(topic, case_aspect, snapshot, text, intro=_situation_intro(situation))
        reply.case = True
        return reply
    if _offtopic(text) and (not topics or question.intent == "out_of_scope") and not _strong_evidence(text, snapshot):
        return out_of_scope_reply()
    if chat and not topics:
        return chat_reply(chat, snapshot)
    comparing = aspect == "differences" or intent_compares
    if comparing:
        reply = _compare_reply(question, topics, last, text, snapshot)
        if reply:
            return reply
    if topics:
        topic = snapshot.topics[topics[0]]
        specific_name = next((t for t in topics[1:] if len(snapshot.topics[t].name) > GENERIC_NAME_LENGTH), None)
        generic = _said_generically(topic, text)
        if generic and specific_name:  # "营销里常说的4P" asks for 4P
            topic = snapshot.topics[specific_name]
        elif generic and last is not None and last.id != topic.id and _continues(asked, text, last, snapshot):
            # "服务水平分哪几档" right after a financial plan's positioning: 服务 is only a word
            # of what the last topic says.
            return answer_topic(last, aspect, snapshot, text)
        elif generic:  # "营销费用咋分到每个月" is no question about 营销
            head = headed(text, snapshot, _all_names(snapshot))  # "内容营销咋做": an item's head
            if head is not None:
                return _definition_answer(head, text, snapshot)
            by_question = asked_topic(text, snapshot)
            if by_question is not None and by_question != topic.id:
                return answer_topic(snapshot.topics[by_question], aspect, snapshot, text)
        elif len(topics) >= 2 and not _said_inside(topics[1], topics[0], text, snapshot):
            # "服务营销管理这门课几个学分" asks about the course
            evidence = _clear_item(_item_hits(_without_names(text, topics, snapshot), snapshot, topics))
            if evidence is not None and evidence.passage.topic_id != topic.id:
                other = snapshot.topics[evidence.passage.topic_id]
                return answer_topic(other, None, snapshot, text, _worded_or_item(other, text, aspect, evidence))
        span = _name_span(topic, normalize(text)) if len(topics) == 1 else None
        # A topic said only as part of a rare item head, or not said at all (found by
        # sound or by an entity), yields to that head.
        around = (head_around(text, span, snapshot) if span else headed(text, snapshot, _all_names(snapshot))
                  ) if len(topics) == 1 else None
        if around is not None and around.topic_id != topic.id:
            return _definition_answer(around, text, snapshot)  # "服务价格管理定价要考虑啥"
        titled = _said_facet(text, topic, snapshot) or (
            _qualified_facet(topic, text, snapshot) if len(topics) == 1 else None)
        if titled is not None:
            other, facet = titled
            return answer_topic(other, None, snapshot, text, FacetChoice(facet, None, True))
        qualified = _qualified(topic, text, snapshot) if len(topics) == 1 else None
        if qualified is not None:
            qualified = _far_better_elsewhere(snapshot.topics[qualified.passage.topic_id], text, snapshot) or qualified
            other = snapshot.topics[qualified.passage.topic_id]
            return answer_topic(other, None, snapshot, text, _worded_or_item(other, text, aspect, qualified))
        specific = _more_specific(topic, text, snapshot)
        if specific is not None:
            other = snapshot.topics[specific.passage.topic_id]
            return answer_topic(other, None, snapshot, text, _worded_or_item(other, text, aspect, specific))
        if aspect and not worded_aspect and not _asks_how_role_works(topic, asked):
            # Only the classifier's intent names the kind (ask_role_duties); an item the
            # question's own words point at wins ("营销服务经理直接向谁汇报" is no duty list).
            evidence = item_choice(topic, asked, snapshot)
            if evidence.clear:
                return answer_topic(topic, None, snapshot, text, evidence)
        step = _counted_step(topic, text)
        if step is not None:  # "服务营销规划第一步应该干啥": that step of its procedure
            return answer_item(topic, *step, snapshot)
        return answer_topic(topic, aspect, snapshot, text)
    # As typed: the rewrite can lengthen it ("T是啥意思" → "t（时限）是什么意思").
    # "第三个具体是啥意思": an ordinal names a point of the list just shown, however long the message.
    followup = last is not None and (looks_like_followup(question.text) or looks_like_followup(text)
                                     or ordinal(question.text) is not None
                                     or _says_shown_point(question, text, last)
                                     or _asks_facet_of(last, asked, worded_aspect, snapshot)
                                     or _names_own_facet(last, asked, snapshot))
    if followup:
        reply = _followup(question, text, last, aspect, snapshot)
        if reply:
            return reply
        if _continues(asked, text, last, snapshot):
            # Nothing in it belongs to another topic ("谁提出来的", "又叫啥"): the last topic's
            # own items decide, before a global search can pull the question elsewhere.
            return answer_topic(last, aspect, snapshot, text)
    definition = defined(text, snapshot) or headed(text, snapshot, _all_names(snapshot))
    if definition is not None:  # "战略是什么意思", "内容营销咋做": the one place defining it
        return _definition_answer(definition, text, snapshot)
    by_question = asked_topic(text, snapshot)
    if by_question is not None and not _other_trade(snapshot.topics[by_question], text):
        return answer_topic(snapshot.topics[by_question], aspect, snapshot, text)
    reply = _retrieval_answer(text, intent, snapshot)
    reply.by_retrieval = not reply.declined
    if followup and (reply.topic_id == last.id or (reply.declined and _continues(asked, text, last, snapshot))):
        # A follow-up nothing else explains stays with the topic just discussed.
        return answer_topic(last, aspect, snapshot, text)
    if reply.declined and question.intent in CHAT_INTENTS:
        return chat_reply(CHAT_INTENTS[question.intent], snapshot)
    if comparing and reply.declined and detect_aspect(text) == "differences":
        # Only a message that says "difference" asks for two names; the classifier's
        # ask_compare alone fires on described cases too.
        return Reply("need_topic", texts.COMPARE_NEED_TWO, reply.buttons)
    return reply


def _respond_to_payload(question: Question, snapshot: Snapshot) -> Reply:
    """A button payload names its topic and facet kind: no guessing."""
    topics = [t for t in question.topics if snapshot.get(t)]
    if not topics:
        return unknown_reply(snapshot)
    aspect = question.aspect or detect_aspect("", question.intent)
    if question.intent == "ask_compare" and len(topics) >= 2:
        return compare_topics(snapshot.topics[topics[0]], snapshot.topics[topics[1]], snapshot)
    return answer_topic(snapshot.topics[topics[0]], aspect, snapshot)


BOTH_WORDS = ("俩", "两者", "二者", "两个", "两种", "它们", "他们")


def _compare_reply(question: Question, topics: list[str], last: TopicView | None, text: str,
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
        rest = [w for w in tokens(_without_names(normalize(text), [topic_id], snapshot)) if len(w) >= 4]
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
        rest = [w for w in tokens(_without_names(normalize(text), [named.id], snapshot)) if len(w) >= 2]
        for topic in snapshot.ordered():
            if (topic.id != named.id and topic.facet("differences") and named.name in topic.name
                    and (not generic or any(w in topic.name for w in rest))):
                return answer_topic(topic, "differences", snapshot)
    return None
