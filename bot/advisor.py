"""Turns a question into a reply, decided by knowledge evidence. Rasa-free and unit tested.

Every message that is not a wizard input or a command comes here, whatever the intent
classifier said. The order of evidence: a knowledge name in the question, a follow-up to the
topic just discussed, a described case (bot/situations.py), small talk by explicit wording,
then retrieval over the passages. A question is declined only when none of these holds.
"""

from __future__ import annotations

import re

from bot import texts
from bot.answering.answers import (
    MAX_BUTTONS,
    answer_item,
    answer_topic,
    asks_how_role_works,
    chat_reply,
    compare_topics,
    definition_answer,
    one_sided_case_reply,
    out_of_scope_reply,
    situation_intro,
    unknown_reply,
)
from bot.answering.comparison import compare_reply
from bot.answering.evidence import (
    DOING_KINDS,
    GENERIC_NAME_LENGTH,
    all_names,
    choice_from_hit,
    clear_item,
    doing_facet,
    facet_of,
    item_choice,
    item_hits,
    name_span,
    search,
    without_names,
    worded_or_item,
)
from bot.answering.extra_lines import with_evidence_line, with_second_question
from bot.answering.followups import (
    asks_facet_of,
    continues,
    counted_step,
    followup_reply,
    names_own_facet,
    says_shown_point,
)
from bot.answering.naming import (
    asked_topic,
    far_better_elsewhere,
    more_specific,
    named_topics,
    qualified_facet,
    qualified_hit,
    said_facet,
    said_generically,
    said_inside,
    two_said,
)
from bot.answering.replies import Button, Question, Reply, ask_for
from bot.answering.scope import NO_EVIDENCE_CONFIDENCE, RETRIEVAL_CANDIDATES, offtopic, strong_evidence, sure
from bot.answering.trades import for_the_trade, other_trade
from bot.knowledge.aspects import detect_aspect, looks_like_followup
from bot.knowledge.colloquial import rewrite
from bot.knowledge.definitions import asked_term, defined, head_around, headed, scattered_head
from bot.knowledge.facets import (
    FacetChoice,
    choose_facet,
    ordinal,
)
from bot.knowledge.repository import Snapshot, TopicView
from bot.knowledge.spelling import speller_for
from bot.normalize import normalize
from bot.situations import Situation, asks_which_strategy, place, strategy_topics
from bot.smalltalk import smalltalk_kind

CHAT_INTENTS = {"greet": "greet", "thank": "thanks", "ask_capabilities": "capabilities",
                "affirm": "ok", "deny": "ok", "stop": "ok"}


def _retrieval_answer(text: str, intent: str | None, snapshot: Snapshot) -> Reply:
    """Answer with the topic and facet of the best passage when the evidence is sure."""
    hits = search(text, snapshot, RETRIEVAL_CANDIDATES)
    good = [h for h in hits if sure(h, intent)]
    # "酒店想找外部伙伴合作": a passage of the asked trade before one written for another.
    good = [h for h in good if not other_trade(snapshot.topics[h.passage.topic_id], text)] or good
    if not good:
        if not hits or max(h.confidence for h in hits) < NO_EVIDENCE_CONFIDENCE:
            return out_of_scope_reply()
        return unknown_reply(snapshot, hits)
    best = good[0].passage
    item = clear_item(item_hits(text, snapshot, list(dict.fromkeys(h.passage.topic_id for h in good))))
    if item is not None:
        topic = snapshot.topics[item.passage.topic_id]
        choice = choice_from_hit(topic, item)
        asked = detect_aspect(text)
        if asked in DOING_KINDS and (choice.facet is None or choice.facet.kind not in DOING_KINDS):
            # "排队太久咋整" finds the line naming the problem ("等候时间过长"); what to do
            # about it is the answer: the doing facet closest to the question and that line.
            choice = doing_facet(topic, f"{text} {item.passage.text}", asked) or choice
        if choice.facet is None:
            # The summary passage found the topic; the question's words may still name a
            # facet ("…这样做的短板在哪" → 局限).
            worded = choose_facet(topic, text, asked)
            choice = worded if worded.clear else choice
    else:
        topic = snapshot.topics[best.topic_id]
        facet = facet_of(topic, good[0])
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


# A comparison said in words ("和X比呢", "相比", "有啥区别"); "比如" gives an example.
_SAYS_COMPARISON = re.compile(r"比(?!如)")


_SAME_FOR = re.compile(r"^\s*那(?:么)?.+[呢嘞]\s*[？?]?\s*$")  # "那X呢": the same question of X


def understood(text: str, snapshot: Snapshot, context: str = "") -> str:
    """The question as matching reads it: colloquial wording rewritten, pinyin typos of
    ordinary words corrected."""
    return speller_for(snapshot).correct(rewrite(text, context=context))


def respond(question: Question, snapshot: Snapshot) -> Reply:
    """Decide what to answer from the question, the NLU result and the conversation state."""
    text = understood(question.text, snapshot) if not question.text.startswith("/") else ""
    reply = for_the_trade(_decide(question, snapshot), question, text, snapshot)
    return with_second_question(with_evidence_line(reply, text, snapshot), text, snapshot)


def _decide(question: Question, snapshot: Snapshot) -> Reply:
    if question.text.startswith("/"):
        if question.intent in CHAT_INTENTS and not question.topics:
            return chat_reply(CHAT_INTENTS[question.intent], snapshot)  # "/ask_capabilities" button
        return _respond_to_payload(question, snapshot)
    last = snapshot.get(question.last_topic)
    text = understood(question.text, snapshot, context=last.name if last else "")
    topics = named_topics(question, text, snapshot)
    # Question words outside the names: "SMART原则里R是啥" does not ask for 原则.
    asked = without_names(text, [*topics, *([last.id] if last else [])], snapshot)
    worded_aspect = question.aspect or detect_aspect(asked)
    # The classifier's ask_compare fires on described cases ("售后投诉老是跟丢…"): it asks
    # for a comparison only with two topics named or a comparison said.
    # "除了差异化还有啥" sets one name aside to ask for the others: no pair to compare.
    intent_compares = question.intent == "ask_compare" and (
        (two_said(topics, text, snapshot) and "除了" not in text)
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
        reply = answer_topic(topic, case_aspect, snapshot, text, intro=situation_intro(situation))
        reply.case = True
        return reply
    if offtopic(text) and (not topics or question.intent == "out_of_scope") and not strong_evidence(text, snapshot):
        return out_of_scope_reply()
    if chat and not topics:
        return chat_reply(chat, snapshot)
    comparing = aspect == "differences" or intent_compares
    if comparing:
        reply = compare_reply(question, topics, last, text, snapshot)
        if reply:
            return reply
    if topics:
        topic = snapshot.topics[topics[0]]
        specific_name = next((t for t in topics[1:] if len(snapshot.topics[t].name) > GENERIC_NAME_LENGTH), None)
        generic = said_generically(topic, text)
        if generic and specific_name:  # "营销里常说的4P" asks for 4P
            topic = snapshot.topics[specific_name]
        elif generic and last is not None and last.id != topic.id and continues(asked, text, last, snapshot):
            # "服务水平分哪几档" right after a financial plan's positioning: 服务 is only a word
            # of what the last topic says.
            return answer_topic(last, aspect, snapshot, text)
        elif generic:  # "营销费用咋分到每个月" is no question about 营销
            head = headed(text, snapshot, all_names(snapshot))  # "内容营销咋做": an item's head
            if head is not None:
                return definition_answer(head, text, snapshot)
            by_question = asked_topic(text, snapshot)
            if by_question is not None and by_question != topic.id and not _defines(topic, text):
                return answer_topic(snapshot.topics[by_question], aspect, snapshot, text)
        elif len(topics) >= 2 and not said_inside(topics[1], topics[0], text, snapshot):
            # "服务营销管理这门课几个学分" asks about the course
            evidence = clear_item(item_hits(without_names(text, topics, snapshot), snapshot, topics))
            if evidence is not None and evidence.passage.topic_id != topic.id:
                other = snapshot.topics[evidence.passage.topic_id]
                return answer_topic(other, None, snapshot, text, worded_or_item(other, text, aspect, evidence))
        span = name_span(topic, normalize(text)) if len(topics) == 1 else None
        # A topic said only as part of a rare item head, or not said at all (found by
        # sound or by an entity), yields to that head.
        around = (head_around(text, span, snapshot) if span else headed(text, snapshot, all_names(snapshot))
                  ) if len(topics) == 1 else None
        if around is not None and around.topic_id != topic.id:
            return definition_answer(around, text, snapshot)  # "服务价格管理定价要考虑啥"
        titled = said_facet(text, topic, snapshot) or (
            qualified_facet(topic, text, snapshot) if len(topics) == 1 else None)
        if titled is not None:
            other, facet = titled
            return answer_topic(other, None, snapshot, text, FacetChoice(facet, None, True))
        qualified = qualified_hit(topic, text, snapshot) if len(topics) == 1 else None
        if qualified is not None:
            qualified = far_better_elsewhere(snapshot.topics[qualified.passage.topic_id], text, snapshot) or qualified
            other = snapshot.topics[qualified.passage.topic_id]
            return answer_topic(other, None, snapshot, text, worded_or_item(other, text, aspect, qualified))
        specific = more_specific(topic, text, snapshot)
        if specific is not None:
            other = snapshot.topics[specific.passage.topic_id]
            return answer_topic(other, None, snapshot, text, worded_or_item(other, text, aspect, specific))
        if aspect and not worded_aspect and not asks_how_role_works(topic, asked):
            # Only the classifier's intent names the kind (ask_role_duties); an item the
            # question's own words point at wins ("营销服务经理直接向谁汇报" is no duty list).
            evidence = item_choice(topic, asked, snapshot)
            if evidence.clear:
                return answer_topic(topic, None, snapshot, text, evidence)
        step = counted_step(topic, text)
        if step is not None:  # "服务营销规划第一步应该干啥": that step of its procedure
            return answer_item(topic, *step, snapshot)
        return answer_topic(topic, aspect, snapshot, text)
    # As typed: the rewrite can lengthen it ("T是啥意思" → "t（时限）是什么意思").
    # "第三个具体是啥意思": an ordinal names a point of the list just shown, however long the message.
    followup = last is not None and (looks_like_followup(question.text) or looks_like_followup(text)
                                     or ordinal(question.text) is not None
                                     or says_shown_point(question, text, last)
                                     or asks_facet_of(last, asked, worded_aspect, snapshot)
                                     or names_own_facet(last, asked, snapshot))
    if followup:
        reply = followup_reply(question, text, last, aspect, snapshot)
        if reply:
            return reply
        if continues(asked, text, last, snapshot):
            # Nothing in it belongs to another topic ("谁提出来的", "又叫啥"): the last topic's
            # own items decide, before a global search can pull the question elsewhere.
            return answer_topic(last, aspect, snapshot, text)
    definition = defined(text, snapshot) or headed(text, snapshot, all_names(snapshot))
    if definition is not None:  # "战略是什么意思", "内容营销咋做": the one place defining it
        return definition_answer(definition, text, snapshot)
    by_question = asked_topic(text, snapshot)
    if by_question is not None and not other_trade(snapshot.topics[by_question], text):
        return answer_topic(snapshot.topics[by_question], aspect, snapshot, text)
    reply = _retrieval_answer(text, intent, snapshot)
    reply.by_retrieval = not reply.declined
    if followup and (reply.topic_id == last.id or (reply.declined and continues(asked, text, last, snapshot))):
        # A follow-up nothing else explains stays with the topic just discussed.
        return answer_topic(last, aspect, snapshot, text)
    scattered = scattered_head(text, snapshot) if not offtopic(text) else None
    if scattered is not None and (reply.declined or scattered.topic_id != reply.topic_id):
        # The question says every word of one rare title or item head ("定价…哪些目标" →
        # 定价目标): stronger evidence than a passage that shares some of its words, and an
        # answer where nothing passed the evidence bar.
        return definition_answer(scattered, text, snapshot)
    if reply.declined and question.intent in CHAT_INTENTS:
        return chat_reply(CHAT_INTENTS[question.intent], snapshot)
    if comparing and reply.declined and detect_aspect(text) == "differences":
        # Only a message that says "difference" asks for two names; the classifier's
        # ask_compare alone fires on described cases too.
        return Reply("need_topic", texts.COMPARE_NEED_TWO, reply.buttons)
    return reply


def _defines(topic: TopicView, text: str) -> bool:
    """ "营销到底是个啥" asks what the generic name itself means."""
    term = asked_term(text)
    return term is not None and normalize(term) in {normalize(n) for n in (topic.name, *topic.aliases)}


def _respond_to_payload(question: Question, snapshot: Snapshot) -> Reply:
    """A button payload names its topic and facet kind: no guessing."""
    topics = [t for t in question.topics if snapshot.get(t)]
    if not topics:
        return unknown_reply(snapshot)
    aspect = question.aspect or detect_aspect("", question.intent)
    if question.intent == "ask_compare" and len(topics) >= 2:
        return compare_topics(snapshot.topics[topics[0]], snapshot.topics[topics[1]], snapshot)
    return answer_topic(snapshot.topics[topics[0]], aspect, snapshot)
