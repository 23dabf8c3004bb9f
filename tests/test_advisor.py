"""Advisor rules and answer formatting, without Rasa: topics, aspects, follow-ups, fallbacks."""

from __future__ import annotations

import json
import re

from bot.advisor import Question, payload_for, respond
from bot.knowledge.repository import Snapshot


def ask(snapshot: Snapshot, text: str, intent: str = "ask_concept", topics: list[str] | None = None,
        **context) -> object:
    return respond(Question(text=text, intent=intent, topics=topics or [], **context), snapshot)


def test_role_duties_answer_is_numbered_with_source_and_buttons(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "售后服务经理的职责有哪些", "ask_role_duties", ["after_sales_service_manager"])
    role = snapshot.topics["after_sales_service_manager"]
    lines = reply.text.splitlines()
    assert reply.kind == "answer" and reply.topic_id == role.id and reply.aspect == "duties"
    assert lines[0].startswith("【售后服务经理】")
    numbered = [line for line in lines if re.match(r"^\d+\. ", line)]
    assert numbered == [f"{i}. {item}" for i, item in enumerate(role.facet("duties").items, 1)]
    assert lines[-1].startswith("📖 出处：") and "《服务经理工作职责(5篇)》" in lines[-1]
    assert reply.buttons and all(b.payload.startswith("/ask_") for b in reply.buttons)


def test_long_lists_are_cut_with_a_count(snapshot: Snapshot) -> None:
    role = snapshot.topics["marketing_service_manager"]
    assert len(role.facet("duties").items) > 12
    reply = ask(snapshot, "营销服务经理做什么", "ask_role_duties", [role.id])
    assert f"共{len(role.facet('duties').items)}条" in reply.text
    assert "13. " not in reply.text


def test_followup_requirements_uses_previous_role(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "那任职要求呢？", "ask_role_requirements", last_topic="service_manager")
    assert reply.topic_id == "service_manager" and reply.aspect == "requirements"
    assert "任职要求：" in reply.text


def test_followup_for_missing_aspect_says_so_honestly(snapshot: Snapshot) -> None:
    assert snapshot.topics["after_sales_service_manager"].facet("requirements") is None
    reply = ask(snapshot, "那任职要求呢", "ask_role_requirements", last_topic="after_sales_service_manager")
    assert "没有专门讲" in reply.text and reply.topic_id == "after_sales_service_manager"


def test_it_versus_other_role_compares_side_by_side(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "它和营销服务经理有什么区别", "ask_compare", ["marketing_service_manager"],
                last_topic="service_manager")
    assert reply.kind == "compare"
    assert reply.text.index("服务经理的岗位职责") < reply.text.index("营销服务经理的岗位职责")


def test_concept_comparison_uses_the_documents_differences(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务营销和产品营销有什么区别", "ask_compare",
                ["service_marketing", "service_vs_product_marketing"])
    assert reply.topic_id == "service_vs_product_marketing" and reply.aspect == "differences"
    assert "有形" in reply.text


def test_generic_name_is_refined_to_the_specific_topic(snapshot: Snapshot) -> None:
    assert ask(snapshot, "服务有哪四大特性", topics=["service_definition"]).topic_id == "service_characteristics"
    assert ask(snapshot, "市场分析有哪些工具", topics=["market_research"]).topic_id == "market_analysis_tools"
    assert ask(snapshot, "服务经理的职责", "ask_role_duties", ["service_manager"]).topic_id == "service_manager"


def test_aspect_words_pick_the_facet(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务营销管理有哪些原则", topics=["service_marketing_management"])
    assert reply.aspect == "principles" and "基本原则" in reply.text


def test_unmatched_question_goes_to_retrieval_with_sources(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "客户投诉应该怎么处理", "nlu_fallback")
    assert reply.kind == "retrieval"
    assert reply.text.count("📖 出处：") >= 1 and 1 <= len(reply.buttons) <= 3


def test_nonsense_gets_honest_unknown_with_capabilities(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "量子纠缠火锅底料", "nlu_fallback")
    assert reply.kind == "unknown"
    assert "没有找到" in reply.text and "岗位职责方面" in reply.text


def test_out_of_scope_is_declined_but_a_named_topic_is_answered(snapshot: Snapshot) -> None:
    assert ask(snapshot, "今天天气怎么样", "out_of_scope").kind == "out_of_scope"
    assert ask(snapshot, "帮我讲讲SWOT", "out_of_scope", ["swot_analysis"]).topic_id == "swot_analysis"


def test_button_payloads_are_valid_rasa_intents_with_entities(snapshot: Snapshot) -> None:
    payload = payload_for(snapshot.topics["service_manager"], "requirements")
    intent, entities = re.match(r"^/(\w+)(\{.*\})$", payload).groups()
    assert intent == "ask_role_requirements"
    assert json.loads(entities) == {"role": "service_manager", "aspect": "requirements"}
    reply = ask(snapshot, payload, "ask_role_requirements", ["service_manager"], aspect="requirements")
    assert reply.aspect == "requirements"


def test_related_facet_kind_answers_when_the_asked_one_is_absent(snapshot: Snapshot) -> None:
    topic = snapshot.topics["expansion_strategy"]
    assert topic.facet("methods") is None and topic.facet("measures") is not None
    reply = ask(snapshot, "SO战略要怎么做", topics=[topic.id])
    assert reply.aspect == "measures" and "没有专门讲" not in reply.text
