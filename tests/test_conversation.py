"""Conversation state: the function the action uses carries the last two topics and facet."""

from __future__ import annotations

from bot.advisor import respond
from bot.answering.replies import Reply
from bot.conversation import DialogueState, next_state, question_from


def parse(text: str, intent: str = "nlu_fallback", **entities: str) -> dict:
    return {"text": text, "intent": {"name": intent},
            "entities": [{"entity": k, "value": v, "start": 0} for k, v in entities.items()]}


def test_question_reads_entities_and_state() -> None:
    state = DialogueState("swot_analysis", "four_p", "elements")
    question = question_from(parse("它和4P有啥区别", "ask_compare", concept="four_p"), state)
    assert question.topics == ["four_p"] and question.last_topic == "swot_analysis"
    assert question.previous_topic == "four_p" and question.last_facet == "elements"


def test_state_moves_on_with_topic_replies_only() -> None:
    state = next_state(DialogueState(), Reply("answer", "…", topic_id="a", aspect="steps"))
    assert state == DialogueState("a", None, "steps")
    state = next_state(state, Reply("answer", "…", topic_id="b", aspect="types"))
    assert state == DialogueState("b", "a", "types")
    assert next_state(state, Reply("out_of_scope", "…")) == state
    assert next_state(state, Reply("answer", "…", topic_id="b", aspect="goals")) == DialogueState("b", "a", "goals")


def test_two_topics_then_both_are_compared(snapshot) -> None:
    state = DialogueState()
    for text in ("服务经理的职责", "营销服务经理呢"):
        state = next_state(state, respond(question_from(parse(text), state), snapshot))
    reply = respond(question_from(parse("这俩有啥区别", "ask_compare"), state), snapshot)
    assert reply.kind == "compare" and "【服务经理】与【营销服务经理】" in reply.text
