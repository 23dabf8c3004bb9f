"""Advisor rules and answer formatting, without Rasa: topics, aspects, follow-ups, fallbacks."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from actions import payloads
from bot.advisor import respond
from bot.answering.naming import asked_topic
from bot.answering.replies import CAPABILITIES, Question, ask_for
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
    assert reply.buttons and all(b.ask.topic_id in snapshot.topics for b in reply.buttons)


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


def test_an_aspect_missing_in_a_topic_is_taken_from_its_namesake(snapshot: Snapshot) -> None:
    scheme = snapshot.topics["service_marketing_planning_scheme"]
    assert scheme.facet("elements") is None
    reply = ask(snapshot, "一份服务营销策划方案包括哪些部分？", topics=[scheme.id])
    fmt = snapshot.topics["marketing_plan_format"]
    assert reply.topic_id == fmt.id and "没有专门讲" not in reply.text
    assert fmt.facet("elements").items[0] in reply.text


def test_a_missing_aspect_comes_from_the_topic_whose_words_the_question_says(snapshot: Snapshot) -> None:
    after_sales = snapshot.topics["after_sales_service_management"]
    assert after_sales.facet("principles") is None
    reply = ask(snapshot, "部门要重新设计售后服务流程,设计时该遵循哪些原则", topics=[after_sales.id])
    design = snapshot.topics["service_design"]
    assert reply.topic_id == design.id and reply.aspect == "principles"
    assert design.facet("principles").items[0] in reply.text


def test_a_name_made_of_the_topic_own_words_is_no_other_subject(snapshot: Snapshot) -> None:
    # 服务经理 is said only inside 售后服务经理: the post asked about keeps the question.
    role, other = snapshot.topics["after_sales_service_manager"], snapshot.topics["service_manager"]
    assert role.facet("requirements") is None and other.facet("requirements") is not None
    reply = ask(snapshot, "售后服务经理有哪些任职要求", "ask_role_requirements", [role.id])
    assert reply.topic_id == role.id


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


def test_a_differences_facet_titled_with_the_other_words_answers_a_one_sided_compare(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务营销组合跟产品营销组合比特殊在哪", "ask_compare", ["marketing_mix_7p"])
    assert reply.topic_id == "marketing_mix_7p" and reply.aspect == "differences"
    assert reply.kind == "answer"


def test_generic_name_is_refined_to_the_specific_topic(snapshot: Snapshot) -> None:
    assert ask(snapshot, "服务有哪四大特性", topics=["service_definition"]).topic_id == "service_characteristics"
    assert ask(snapshot, "市场分析有哪些工具", topics=["market_research"]).topic_id == "market_analysis_tools"
    assert ask(snapshot, "服务经理的职责", "ask_role_duties", ["service_manager"]).topic_id == "service_manager"


def test_aspect_words_pick_the_facet(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务营销管理有哪些原则", topics=["service_marketing_management"])
    assert reply.aspect == "principles" and "基本原则" in reply.text


def test_question_naming_no_topic_is_answered_from_the_best_passage(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "客户投诉应该怎么处理", "nlu_fallback")
    assert reply.kind == "answer" and reply.topic_id is not None
    assert "投诉" in reply.text and reply.text.count("📖 出处：") == 1


def test_nonsense_and_off_topic_are_declined(snapshot: Snapshot) -> None:
    assert ask(snapshot, "量子纠缠火锅底料", "nlu_fallback").declined
    assert ask(snapshot, "今天天气怎么样", "out_of_scope").kind == "out_of_scope"
    assert ask(snapshot, "帮我写个Python爬虫抓竞争对手价格", "out_of_scope").kind == "out_of_scope"


def test_weak_evidence_gets_honest_unknown_with_capabilities(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "我们部门领导是谁", "out_of_scope")
    assert reply.declined and "岗位职责方面" in reply.text or reply.kind == "out_of_scope"


def test_evidence_decides_scope_not_the_classifier(snapshot: Snapshot) -> None:
    assert ask(snapshot, "帮我讲讲SWOT", "out_of_scope").topic_id == "swot_analysis"
    assert ask(snapshot, "SWOT里的W指啥", "out_of_scope").topic_id == "swot_analysis"
    reply = ask(snapshot, "4P的place主要干嘛", "out_of_scope")
    assert reply.topic_id == "four_p" and "👉" in reply.text and "渠道" in reply.text.split("\n")[1]


def test_small_talk_needs_explicit_wording(snapshot: Snapshot) -> None:
    assert ask(snapshot, "你是干嘛的", "ask_role_duties").chat == "identity"
    assert ask(snapshot, "拜拜", "goodbye").chat == "goodbye"
    # The classifier's goodbye on a short follow-up is not a goodbye.
    reply = ask(snapshot, "哪种最常见", "goodbye", last_topic="new_service_development")
    assert reply.kind == "answer" and reply.topic_id == "new_service_development"
    assert ask(snapshot, "你好", "greet").buttons[-1].ask == CAPABILITIES


def test_followups_resolve_against_the_last_topic(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "为什么", "goodbye", last_topic="service_marketing_management")
    assert reply.topic_id == "service_marketing_management" and reply.aspect == "importance"
    second = snapshot.topics["swot_strategy_matrix"].facet("types").items[1]
    reply = ask(snapshot, "其中第二个是啥", "out_of_scope", last_topic="swot_strategy_matrix", last_facet="types")
    assert second in reply.text and "第2条" in reply.text
    # A follow-up with words of its own that the last topic lacks is a new question.
    reply = ask(snapshot, "那渠道策略呢", "ask_concept", last_topic="smart_principle")
    assert reply.topic_id != "smart_principle"
    # Short as typed, even when the rewrite spells the letter out ("t（时限）是什么意思").
    reply = ask(snapshot, "T是啥意思", "ask_concept", last_topic="smart_principle")
    assert reply.topic_id == "smart_principle" and "👉 您问的这一条：T（Time-Table）" in reply.text


def test_topic_names_do_not_count_as_question_words(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "smart原则里R是什么意思", "ask_concept")
    assert reply.topic_id == "smart_principle" and "没有专门讲" not in reply.text
    assert "R（Relevant）" in reply.text


def test_described_case_is_placed_in_the_swot_quadrant(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "我们网点口碑好但附近新开了两家同类店，该走哪种战略", "out_of_scope")
    assert reply.topic_id == "diversification_dispersion_strategy" and "ST" in reply.text
    reply = ask(snapshot, "我们资金紧张人手不够，但当地政策支持，该怎么办", "nlu_fallback")
    assert reply.topic_id == "defensive_strategy" and "WO" in reply.text


def test_one_sided_case_names_both_possible_strategies_and_what_decides(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "我们网点口碑好、资金也充足，下一步往哪个方向走")
    assert reply.case and reply.topic_id is None
    assert "SO组合" in reply.text and "ST组合" in reply.text and "外部环境" in reply.text
    assert [b.ask.topic_id for b in reply.buttons] == ["expansion_strategy", "diversification_dispersion_strategy"]


def test_button_payloads_are_valid_rasa_intents_with_entities(snapshot: Snapshot) -> None:
    payload = payloads.ask(ask_for(snapshot.topics["service_manager"], "requirements"))
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


def test_item_evidence_picks_the_facet_and_item_a_detail_question_asks_for(snapshot: Snapshot) -> None:
    # No question word names a facet kind; the item that holds the detail answers.
    reply = ask(snapshot, "做服务营销管理时绩效评估看哪些指标")
    assert reply.topic_id == "service_marketing_management" and reply.aspect == "key_points"
    assert "👉" in reply.text and "忠诚度" in reply.text.split("\n")[1]


def test_role_ability_questions_get_the_requirements(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "当营销服务经理需要啥本事", "ask_role_duties")
    assert reply.topic_id == "marketing_service_manager" and reply.aspect == "requirements"


def test_a_generic_name_gives_way_to_the_topic_that_explains_the_question(snapshot: Snapshot) -> None:
    # "服务" names the generic topic, but the question is about pricing a service.
    reply = ask(snapshot, "服务的价格一般怎么定")
    assert reply.topic_id != "service_definition"


def test_classifier_compare_without_difference_words_asks_for_no_second_name(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "我们门店人少活多，该怎么安排", "ask_compare")
    assert reply.kind != "need_topic"


def test_small_talk_families_beyond_single_phrases(snapshot: Snapshot) -> None:
    assert ask(snapshot, "这东西怎么用啊", "out_of_scope").chat == "capabilities"
    assert ask(snapshot, "好了先下了，改天聊", "out_of_scope").chat == "goodbye"


def test_a_described_case_right_after_a_topic_is_a_new_question(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "我们店口碑不错，但附近开了两家同类店，该咋办", "ask_compare", last_topic="swot_analysis")
    assert reply.topic_id == "diversification_dispersion_strategy"


def test_no_evidence_line_when_the_answered_topic_explains_the_question(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "售后经里要负责啥", "ask_role_duties", topics=["after_sales_service_manager"])
    assert "🔎" not in reply.text


def test_other_names_of_a_topic_are_answered_from_its_aliases(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "又叫啥", "ask_concept", last_topic="differentiation_strategy")
    assert reply.topic_id == "differentiation_strategy" and "也叫：" in reply.text
    assert "差异化" in reply.text


def test_in_a_part_of_b_the_second_name_is_the_subject(snapshot: Snapshot) -> None:
    assert ask(snapshot, "SWOT里的ST战略是啥").topic_id == "diversification_dispersion_strategy"
    assert ask(snapshot, "SWOT分析和ST战略").topic_id == "swot_analysis"  # no "里的": order kept


def _with_questions(snapshot: Snapshot, **questions: tuple[str, ...]) -> Snapshot:
    topics = {tid: replace(t, questions=questions.get(tid, ())) for tid, t in snapshot.topics.items()}
    return replace(snapshot, topics=topics, revision=snapshot.revision + "-questions")


def test_a_message_matching_a_topics_example_question_asks_for_that_topic(snapshot: Snapshot) -> None:
    kb = _with_questions(snapshot, annual_marketing_budget=("明年营销费用怎么分到每个月",),
                         service_blueprint=("客户进门到离开每一步都画出来",))
    assert asked_topic("明年的营销费用该怎么分到每个月呢", kb) == "annual_marketing_budget"
    assert ask(kb, "明年的营销费用该怎么分到每个月呢", "out_of_scope").topic_id == "annual_marketing_budget"
    # One shared everyday word is no evidence.
    assert asked_topic("明年去哪儿旅游", kb) is None


def test_a_described_case_gets_the_decision_without_an_extra_fact_line(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "我们酒店设备都旧了，员工也不够，可周边新建了好多写字楼，下一步咋走")
    assert reply.topic_id == "defensive_strategy" and "🔎" not in reply.text


def test_items_a_question_singles_out_are_shown_even_beyond_the_cut(snapshot: Snapshot) -> None:
    role = snapshot.topics["marketing_service_manager"]
    duties = role.facet("duties").items
    team = [i for i, item in enumerate(duties) if item.startswith("团队管理：")]
    assert team and min(team) >= 12  # the premise: beyond the first twelve
    reply = ask(snapshot, "营销服务经理团队管理这块管啥", "ask_role_duties", [role.id])
    assert all(duties[i] in reply.text for i in team)


def test_ordinal_followups_count_points_and_the_named_list(snapshot: Snapshot) -> None:
    topic = snapshot.topics["service_marketing_management"]
    third = ask(snapshot, "第三个是啥", last_topic=topic.id, last_facet="core_ideas")
    assert "全员参与" in third.text  # the document's third idea, though its fourth line
    last = ask(snapshot, "最后一个呢", last_topic=topic.id, last_facet="core_ideas")
    assert "持续改进" in last.text
    plan = snapshot.topics["enterprise_service_marketing_plan"]
    first = ask(snapshot, "实施第一步是啥", last_topic=plan.id, last_facet=plan.facets[0].kind)
    steps = plan.facet("steps")
    assert steps.items[0] in first.text


def test_a_case_yields_to_the_strategy_the_question_names(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "我们不想跟人拼价格，想走特色经营的路子，公司得具备啥条件",
                topics=["differentiation_strategy"])
    assert reply.topic_id == "differentiation_strategy" and not reply.case


def test_a_word_of_a_longer_name_qualifies_the_named_subject(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "银行对服务营销的考核内容包括啥", topics=["service_marketing"])
    assert reply.topic_id.startswith("bank_service_marketing_system") and "合规" in reply.text
    # 价格 of "价格战" is a word of other names, but none that extends the named strategy.
    named = ask(snapshot, "老板想打价格战，搞总成本领先战略，我们得先具备啥前提条件",
                topics=["cost_leadership"])
    assert named.topic_id == "cost_leadership"


def test_a_figure_followup_answers_the_list_of_figures(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "预算一共多少", last_topic="customer_service_campaign", last_facet="goals")
    assert reply.topic_id == "customer_service_campaign" and "12000" in reply.text


def test_a_how_to_question_about_a_problem_gets_the_measures_for_it(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "厅堂排队太久客户天天抱怨，咋整")
    assert reply.topic_id == "bank_lobby_service_marketing"
    assert "缩短等候时间：" in reply.text and "自助" in reply.text  # not the line naming the problem


@pytest.mark.parametrize("intent", ["ask_concept", "ask_role_requirements"])
def test_how_a_role_does_something_is_answered_from_its_duties(snapshot: Snapshot, intent: str) -> None:
    # The requirements line "能监督和管理服务质量" shares more words; the question asks how.
    reply = ask(snapshot, "服务经理平时咋监督服务质量", intent, ["service_manager"])
    assert reply.aspect == "duties" and "👉" in reply.text and "监控体系" in reply.text.split("\n")[1]
    # A word naming the facet still decides.
    assert ask(snapshot, "怎么才能满足服务经理的任职要求", intent, ["service_manager"]).aspect == "requirements"


def test_method_wording_asks_a_role_for_its_duties_in_the_facet_scores(snapshot: Snapshot) -> None:
    # "怎么做" is method wording: for a role it names the duties before the items are scored.
    reply = ask(snapshot, "服务经理要监督服务质量，这活具体怎么做", "ask_role_duties", ["service_manager"])
    assert reply.aspect == "duties" and "监控体系" in reply.text.split("\n")[1]


def test_a_name_said_by_its_parts_without_the_number_refines_the_named_topic(snapshot: Snapshot) -> None:
    # 服务质量 names 服务质量管理; 评估、分析、因素 are the other words of 服务质量22因素分析评估法.
    reply = ask(snapshot, "评估服务质量用的那个因素分析法是怎么回事")
    assert reply.topic_id == "service_quality_evaluation"
    # One part of the longer name is not enough.
    assert ask(snapshot, "服务质量的因素有哪些").topic_id != "service_quality_evaluation"


def test_a_followup_naming_a_point_of_the_list_shown_answers_that_point(snapshot: Snapshot) -> None:
    """"持续改进具体怎么做" right after the core ideas is longer than a short follow-up and
    has no 那/它, yet it names a point of the list just shown: that point answers, not
    another topic that mentions 持续改进 in passing."""
    ideas = snapshot.topics["service_marketing_management"].facet("core_ideas")
    point = next(i for i in ideas.items if i.startswith("持续改进："))
    reply = ask(snapshot, "持续改进具体怎么做", "ask_concept", last_topic="service_marketing_management",
                last_facet="core_ideas")
    assert reply.topic_id == "service_marketing_management" and point in reply.text


def test_a_longer_followup_asking_a_facet_of_the_last_topic_stays_with_it(snapshot: Snapshot) -> None:
    """"企业得具备哪些条件才适合" after 特色经营战略 names no topic and no term of another one;
    its 条件 asks for the last strategy's preconditions (and 适合 is no reason to jump to the
    strategy whose list says 企业适合标准化管理). The whole list answers: 具备 is the question
    word, not a pointer at the one line saying 具备."""
    reply = ask(snapshot, "企业得具备哪些条件才适合", "ask_role_requirements", last_topic="differentiation_strategy")
    assert reply.topic_id == "differentiation_strategy" and reply.aspect == "preconditions"
    assert "👉" not in reply.text


def test_answering_the_phone_in_everyday_words_finds_the_rule(snapshot: Snapshot) -> None:
    """"接客户电话" is how staff say 接听电话; the bank's customer-service rule answers it."""
    reply = ask(snapshot, "接客户电话有啥要求", "ask_role_requirements")
    assert reply.kind == "answer" and "礼貌用语" in reply.text


def test_asking_into_a_point_that_is_a_topic_of_its_own_answers_that_topic(snapshot: Snapshot) -> None:
    """"第一项具体有哪些" after the planning contents: the point 企业目标 has a topic of its
    own with the eight goal areas; "第一项是啥" still gets the point itself."""
    context = {"last_topic": "service_marketing_planning", "last_facet": "elements"}
    detail = ask(snapshot, "第一项具体有哪些", "ask_concept", **context)
    assert detail.topic_id == "enterprise_objectives" and "市场地位" in detail.text
    point = ask(snapshot, "第一项是啥", "ask_concept", **context)
    assert point.topic_id == "service_marketing_planning" and "第1条" in point.text


def test_a_line_that_only_names_another_topic_hands_over_to_it(snapshot: Snapshot) -> None:
    """"讲义里服务咋定义的": the lecture notes' outline line "服务定义与特点" is an alias of
    the topic 服务, which holds the definition; the outline is no answer."""
    reply = ask(snapshot, "讲义里服务咋定义的", "ask_concept")
    assert reply.topic_id == "service_definition" and "无形" in reply.text


def test_that_x_then_asks_the_same_of_x(snapshot: Snapshot) -> None:
    """"那服务经理呢" right after a requirements answer asks for 服务经理's requirements,
    whatever the classifier's intent says; without 那…呢 the intent decides as before."""
    context = {"last_topic": "service_marketing_manager", "last_facet": "requirements"}
    reply = ask(snapshot, "那服务经理呢", "ask_role_duties", ["service_manager"], **context)
    assert reply.topic_id == "service_manager" and reply.aspect == "requirements"
    reply = ask(snapshot, "服务经理", "ask_role_duties", ["service_manager"], **context)
    assert reply.aspect == "duties"


def test_the_nth_step_of_a_named_procedure_is_that_step(snapshot: Snapshot) -> None:
    """"服务营销规划第一步应该干啥" names the topic and counts its steps: the first step
    answers, not a line the verb 做 happens to match."""
    steps = snapshot.topics["service_marketing_planning"].facet("steps")
    reply = ask(snapshot, "我们要做明年服务营销规划，第一步应该干啥", "ask_concept", ["service_marketing_planning"])
    assert reply.topic_id == "service_marketing_planning" and "第1条" in reply.text
    assert steps.items[0] in reply.text and steps.items[1] not in reply.text


def test_what_service_quality_depends_on_is_answered_with_the_documents_two_factors(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务的质量主要取决于啥", "ask_concept", [])
    assert reply.topic_id == "service_quality_management"
    assert "专业水平" in reply.text and "服务态度" in reply.text


def test_what_service_quality_management_includes_is_its_measures(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务质量管理具体包括啥", "ask_concept", ["service_quality_management"])
    assert "专业培训" in reply.text and "客户反馈机制" in reply.text


def test_a_long_ordinal_follow_up_names_a_point_of_the_shown_list(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "第三个具体是啥意思", "ask_concept", [],
                last_topic="service_marketing_management", last_facet="core_ideas")
    assert reply.topic_id == "service_marketing_management" and "全员参与" in reply.text


def test_a_qualified_subject_answers_the_facet_titled_with_it(snapshot: Snapshot) -> None:
    # 银行 qualifies 服务营销管理流程: the bank rules' facet of that title, not the general process.
    reply = ask(snapshot, "银行那边的服务营销管理流程是怎样的", "ask_concept", [])
    assert reply.topic_id == "bank_service_marketing_system" and "服务市场研究" in reply.text
    general = ask(snapshot, "服务营销管理流程是怎样的", "ask_concept", [])
    assert general.topic_id == "service_marketing_management_process"


def test_service_falling_short_of_expectations_is_the_gap_model_not_a_comparison(snapshot: Snapshot) -> None:
    # 不一样 after 服务 is no comparison of two topics; 没达到预期 is the gap between
    # expectation and experience.
    reply = ask(snapshot, "客人说服务跟他预想的期望不一样，从哪分析", "ask_compare", [])
    assert reply.topic_id != "service_vs_product_marketing"
    assert ask(snapshot, "客户抱怨服务远远没达到预期", "ask_concept", []).topic_id == "service_quality_gap_model"
    assert ask(snapshot, "服务跟产品到底有啥不一样", "ask_compare", []).topic_id == "service_vs_product_marketing"


def test_how_much_money_after_a_plan_shows_its_budget(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "那总共要多少钱", "out_of_scope", [],
                last_topic="customer_service_campaign", last_facet="elements")
    assert reply.topic_id == "customer_service_campaign" and "12000" in reply.text


def test_a_whole_facet_title_said_answers_that_list_of_its_topic(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "讲讲服务营销管理过程的四个环节", "ask_concept", [])
    assert reply.topic_id == "service_marketing_management" and "市场调研和分析" in reply.text
    # A title that is also a topic's name is no such evidence.
    assert ask(snapshot, "服务营销管理流程有哪几步", "ask_concept", []).topic_id == "service_marketing_management_process"


def test_market_research_names_what_it_finds_out(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "做市场调研能搞清楚哪些信息", "ask_concept", [])
    assert reply.topic_id == "market_research" and "市场规模" in reply.text


def test_the_seven_management_elements_are_named_where_strategy_is_called_their_first(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "营销战略是管理七要素之首，这七要素具体指哪些", "ask_concept", [])
    assert "价值观" in reply.text and "作风" in reply.text


def test_an_outline_line_with_an_attachment_note_hands_over_to_its_topic(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "讲义里提到的电商公司售后案例讲的啥", "ask_concept", [])
    assert reply.topic_id == "after_sales_service_management" and "24小时" in reply.text


def test_a_topic_said_only_inside_a_rare_item_head_yields_to_that_head(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务价格管理到底要综合啥来定价", "ask_concept", [])
    assert reply.topic_id == "service_marketing_management" and "服务价格管理" in reply.text.split("\n")[1]


def test_classifier_compare_without_comparison_words_asks_the_topic_itself(snapshot: Snapshot) -> None:
    # "跟丢" is no "跟…比": one topic named and no comparison said is no request for differences.
    reply = ask(snapshot, "售后投诉老是跟丢，怎么提升售候服务", "ask_compare")
    assert reply.topic_id == "after_sales_service_management"
    assert "区别" not in reply.text
    # A comparison in words still compares with the topic just discussed.
    compared = ask(snapshot, "那和售后服务管理比呢", "ask_compare", last_topic="service_quality_management")
    assert compared.kind == "compare"


def test_a_word_of_the_last_topics_facet_title_keeps_the_follow_up_there(snapshot: Snapshot) -> None:
    # "问题" is in the lobby plan's "现存问题"; another topic's background list must not win.
    reply = ask(snapshot, "背景里说现在有哪些问题", last_topic="bank_lobby_service_marketing")
    assert reply.topic_id == "bank_lobby_service_marketing" and "服务态度不佳" in reply.text


def test_a_topic_found_by_its_summary_still_answers_the_facet_the_words_name(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "所有资源都砸在一个品牌上，我有点担心，这样做的短板在哪")
    assert reply.topic_id == "focus_strategy" and "竞争范围狭窄" in reply.text


def test_a_question_about_one_trade_is_not_answered_from_another_trades_topic(snapshot: Snapshot) -> None:
    # The bank's market-expansion department also "works with partners"; the hotel plan names them.
    reply = ask(snapshot, "酒店想多拿点曝光和客源，可以找哪些外部伙伴一起合作")
    assert reply.topic_id == "hotel_marketing_plan" and "旅行社" in reply.text


def test_a_trades_everyday_word_qualifies_the_named_subject(snapshot: Snapshot) -> None:
    # 支行 is the bank: its rules' review of each post answers, not the general 服务营销.
    reply = ask(snapshot, "支行要对各岗位的服务营销做定期考核，考核主要看哪些内容")
    assert "合规性" in reply.text


def test_one_phrase_found_by_two_topics_is_no_pair_to_compare(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "同行竞争太激烈了，想靠服务拉开差距，服务营销策划上有哪几种策略", "ask_compare")
    assert reply.kind != "compare"
    assert ask(snapshot, "SO战略和ST战略", "ask_compare").kind == "compare"


@pytest.mark.parametrize(("last", "text", "expected"), [
    ("marketing_service_manager", "多久汇报一次？", "每周"),
    ("service_quality_gap_model", "是谁研究出来的？", "帕拉索拉曼"),
])
def test_a_short_question_with_a_word_of_the_last_topic_stays_with_it(
        snapshot: Snapshot, last: str, expected: str, text: str) -> None:
    reply = ask(snapshot, text, "out_of_scope", last_topic=last)
    assert reply.topic_id == last and expected in reply.text


def test_a_short_question_without_a_word_of_the_last_topic_is_no_followup(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "明天下雨吗", "out_of_scope", last_topic="marketing_service_manager")
    assert reply.declined


def test_a_point_that_is_a_bare_name_leads_to_its_topic(snapshot: Snapshot) -> None:
    """"Promotion：促销" names 促销策略 by its alias: asking for that point's details gets it."""
    reply = ask(snapshot, "那第四个P具体有哪些手段？", last_topic="four_p")
    assert reply.topic_id == "promotion_mix"


def test_two_names_said_back_to_back_are_one_subject_not_a_comparison(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务营销管理这门课成绩咋算,平时和期末各占多少？", "ask_compare")
    assert reply.kind == "answer" and reply.topic_id == "course_plan" and "80%" in reply.text


def test_a_qualified_topic_yields_to_a_line_that_explains_far_more_of_the_question(snapshot: Snapshot) -> None:
    """营销 + 规划 qualify 服务营销规划, but the two kinds of data collected are 营销评审's."""
    reply = ask(snapshot, "做营销规划前要收集数据,这些数据分哪两类？", "ask_concept")
    assert reply.topic_id == "marketing_audit" and "企业内部评估" in reply.text


def test_of_two_lines_nearly_tied_the_one_holding_more_question_words_answers(snapshot: Snapshot) -> None:
    """直接 + 汇报 + 工作 are all in the reporting line; 每周要向上级汇报工作 holds two."""
    reply = ask(snapshot, "营销服务经理直接向谁汇报工作", "ask_role_duties", ["marketing_service_manager"])
    assert "高级管理层" in reply.text.split("\n")[1]


def test_a_line_with_more_question_words_beats_one_that_repeats_a_common_word(snapshot: Snapshot) -> None:
    """"金融工作…经济工作" says 工作 twice; the line on 营销员 holds 营销员 and 工作."""
    reply = ask(snapshot, "服务营销经理对营销员要做哪些工作", "ask_role_duties", ["service_marketing_manager"])
    assert "营销员的心态" in reply.text.split("\n")[1]


def test_a_generic_topic_said_by_a_longer_name_is_asked_about(snapshot: Snapshot) -> None:
    """营销 alone yields to what the question says about it; 营销的概念 is its own name."""
    reply = ask(snapshot, "营销的概念是什么")
    assert reply.topic_id == "marketing_definition"


def test_a_generic_word_in_a_followup_does_not_take_it_from_the_last_topic(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务水平分哪几档", last_topic="financial_service_marketing_plan")
    assert reply.topic_id == "financial_service_marketing_plan" and "高端" in reply.text


def test_a_name_set_aside_with_chu_le_is_no_pair_to_compare(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "服务营销策划的策略有哪三种？除了差异化还有啥", "ask_compare")
    assert reply.kind == "answer" and reply.topic_id == "service_marketing_planning_scheme"
    assert "需求导向策略" in reply.text


def test_what_the_rules_require_of_a_post_is_its_duties(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "新来的柜员，客户打电话来投述，按行里规定要做到哪些", "ask_role_requirements",
                ["bank_customer_service_department"])
    assert reply.aspect == "duties" and "岗位职责：" in reply.text


def test_a_topic_pieced_from_scattered_words_yields_to_one_said_whole(snapshot: Snapshot) -> None:
    """服务 + 售后…经理 spread over the message would make 售后服务经理; SMART is said outright."""
    text = "我给售后定了个“今年服务要搞好点”的目标，被经理打回说不符合SMART，差在哪"
    reply = ask(snapshot, text, "ask_compare", ["service_definition", "smart_principle"])
    assert reply.topic_id == "smart_principle" and "可量化" in reply.text


def test_each_question_of_a_two_part_message_gets_its_line(snapshot: Snapshot) -> None:
    from bot.answering.answers import answer_topic
    from bot.answering.extra_lines import with_second_question

    role = snapshot.topics["marketing_service_manager"]
    text = "营销服务经理主要干啥？要不要长年驻外"
    shown = answer_topic(role, "duties", snapshot, "营销服务经理主要干啥")
    assert "驻外" not in shown.text  # the premise: the duties do not say it
    reply = with_second_question(shown, text, snapshot)
    assert "需适应长期驻外" in reply.text and reply.text.startswith(shown.text.split("\n")[0])
    single = answer_topic(role, "duties", snapshot, "营销服务经理主要干啥")
    assert with_second_question(single, "营销服务经理主要干啥", snapshot).text == single.text


def test_a_problem_line_asked_what_to_do_about_answers_the_remedy(snapshot: Snapshot) -> None:
    """等太久 is read as 等候时间过长, a line of the lobby's problems; 还有啥招 asks for the measures."""
    reply = ask(snapshot, "网点柜台前客户老抱怨等太久，除了多开窗口还有啥招")
    assert reply.topic_id == "bank_lobby_service_marketing" and "自助服务设备" in reply.text


def test_a_shown_problem_asked_how_to_solve_in_a_followup_answers_the_remedy(snapshot: Snapshot) -> None:
    first = ask(snapshot, "银行厅堂服务现在普遍有啥问题", topics=["bank_lobby_service_marketing"])
    assert "等候时间过长" in first.text  # the premise: the problem is shown
    reply = ask(snapshot, "等太久这个咋解决", last_topic=first.topic_id, last_facet=first.aspect)
    assert reply.topic_id == first.topic_id and "自助服务设备" in reply.text


def test_a_trade_named_is_answered_from_its_own_topic_when_a_line_there_explains_it(snapshot: Snapshot) -> None:
    """分行 names the bank: its marketing institution's plan says how to lay out the materials."""
    from bot.answering.answers import answer_topic
    from bot.answering.trades import for_the_trade

    reply = ask(snapshot, "分行营销机构要推新理财产品，宣传物料和推广渠道怎么安排")
    assert reply.topic_id == "bank_marketing_institution_plan" and "宣传册" in reply.text
    general = answer_topic(snapshot.topics["service_vs_product_marketing"], None, snapshot, "")
    for text, moved in (("分行要推新产品，宣传资料和推广渠道怎么安排", True),
                        ("要推新产品，宣传资料和推广渠道怎么安排", False)):
        kept = replace(general)
        after = for_the_trade(kept, Question(text=text), text, snapshot)
        assert (after.topic_id == "bank_marketing_institution_plan") is moved


def test_an_offtopic_word_beside_strong_domain_evidence_does_not_decline(snapshot: Snapshot) -> None:
    reply = ask(snapshot, "团队业绩到底拿啥当衡量标准，看利润还是看股价")
    assert reply.topic_id == "team_management_principles"
    assert ask(snapshot, "我们银行的股价最近怎么样", "out_of_scope").declined
