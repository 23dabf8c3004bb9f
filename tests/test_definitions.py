"""Definition questions about a term defined inside a topic ("战略是什么意思")."""

from __future__ import annotations

import pytest

from bot.knowledge.definitions import asked_term, defined
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.schema import Source

SOURCE = (Source("doc.txt", "章节"),)


def topic(topic_id: str, summary: str, *facets: FacetView) -> TopicView:
    return TopicView(topic_id, "concept", topic_id, (), summary, "", SOURCE, facets, ())


SNAPSHOT = Snapshot("r1", {
    "a": topic("a", "战略是关系全局的规划。营销战略是职能战略。",
               FacetView("core_ideas", "理念", ("顾客至上：顾客是生命线", "产品：第一要素"), SOURCE)),
    "b": topic("b", "另一个主题。", FacetView("elements", "要素", ("产品：服务范围",), SOURCE)),
})


@pytest.mark.parametrize(("question", "term"), [
    ("战略是什么意思", "战略"), ("什么是战略？", "战略"), ("顾客至上指啥", "顾客至上"),
    ("战略到底是啥呀", "战略"), ("营销战略有啥特点", None), ("那战略", None), ("战略", None),
    ("战略这个词到底怎么定义的", "战略"), ("战略这个概念如何定义", "战略"),
])
def test_only_a_definition_question_asks_for_a_term(question: str, term: str | None) -> None:
    assert asked_term(question) == term


def test_a_sentence_or_an_item_head_defines_a_term() -> None:
    assert defined("战略是什么意思", SNAPSHOT).topic_id == "a"
    place = defined("顾客至上是啥", SNAPSHOT)
    assert (place.topic_id, place.facet, place.item) == ("a", 0, 0)


def test_a_term_two_topics_define_is_left_to_other_evidence() -> None:
    assert defined("产品是什么", SNAPSHOT) is None
    assert defined("渠道是什么", SNAPSHOT) is None


def test_the_advisor_answers_the_topic_that_defines_the_term(snapshot: Snapshot) -> None:
    from bot.advisor import respond
    from bot.answering.replies import Question

    reply = respond(Question(text="战略是什么意思", intent="ask_concept"), snapshot)
    assert reply.kind == "answer" and "战略是指重大的、带全局性或决定全局的规划" in reply.text


def test_a_rare_item_head_in_the_question_names_its_item() -> None:
    from bot.knowledge.definitions import headed

    snapshot = Snapshot("r2", {
        "plan": topic("plan", "方案。", FacetView("methods", "营销策略", ("内容营销：发布文章和视频",
                                                                       "市场份额：扩大渠道"), SOURCE)),
        "other": topic("other", "提高市场份额的办法。"),
    })
    place = headed("内容营销具体咋做", snapshot)
    assert (place.topic_id, place.facet, place.item) == ("plan", 0, 0)
    assert headed("市场份额怎么提高", snapshot) is None  # another topic mentions it: no evidence


def test_a_rare_title_or_head_whose_words_the_question_says_apart_names_its_place() -> None:
    from bot.knowledge.definitions import scattered_head

    snapshot = Snapshot("r3", {
        "price": topic("price", "价格手段。", FacetView("goals", "定价目标", ("长期利润最大化", "稳定市场"), SOURCE)),
        "rivals": topic("rivals", "竞争地位。", FacetView("principles", "竞争的五项原则", ("进攻", "反击"), SOURCE)),
        "plan": topic("plan", "方案。", FacetView("goals", "营销目标", ("提高销量",), SOURCE)),
    })
    place = scattered_head("定价图个啥，都有哪些目标能选", snapshot)
    assert (place.topic_id, place.facet) == ("price", 0)
    place = scattered_head("对手抢客户，竞争上有啥原则", snapshot)  # the count 五项 need not be said
    assert (place.topic_id, place.facet) == ("rivals", 0)
    assert scattered_head("定价怎么定", snapshot) is None  # one word of the title is no evidence
    assert scattered_head("营销定价有哪些目标", snapshot) is None  # 定价目标 and 营销目标 tie


def test_a_question_below_the_evidence_bar_that_says_a_title_apart_is_answered(snapshot: Snapshot) -> None:
    from bot.advisor import respond
    from bot.answering.replies import Question

    reply = respond(Question(text="对手在马路对面开了家新店抢客户，咱该咋应战，有啥原则可循"), snapshot)
    assert reply.topic_id == "competitive_position" and "最好的防御策略就是进攻" in reply.text


def test_a_tie_of_scattered_titles_goes_to_the_one_said_in_the_asking_clause() -> None:
    from bot.knowledge.definitions import scattered_head

    snapshot = Snapshot("r4", {
        "plan": topic("plan", "方案。", FacetView("steps", "策划和执行", ("先策划",), SOURCE)),
        "report": topic("report", "策划书。", FacetView("other", "效果评估", ("满意度调查",), SOURCE)),
    })
    place = scattered_head("营销策划执行了半年了，效果怎么评估", snapshot)
    assert place is not None and place.topic_id == "report"
    assert scattered_head("效果评估和策划执行", snapshot) is None  # one clause holds both: no winner


@pytest.mark.parametrize(("question", "term"), [
    ("营销到底是个啥，一句话说清", "营销"), ("营销是个什么", "营销"),
    ("营销是啥，跟销售有啥区别", None),  # the second clause asks something else
])
def test_a_definition_question_may_end_with_how_to_answer(question: str, term: str | None) -> None:
    assert asked_term(question) == term


def test_a_generic_name_asked_to_be_defined_is_answered_itself(snapshot: Snapshot) -> None:
    from bot.advisor import respond
    from bot.answering.replies import Question

    reply = respond(Question(text="营销到底是个啥，一句话说清"), snapshot)
    assert reply.topic_id == "marketing_definition" and "交付价值" in reply.text
