"""Facet choice by evidence inside a topic, and item ordinals for follow-ups."""

from __future__ import annotations

import pytest

from bot.knowledge.colloquial import rewrite
from bot.knowledge.facets import choose_facet, named_point, ordinal, points
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.schema import Source

SOURCE = (Source("doc.txt", "章节"),)


def topic(*facets: FacetView) -> TopicView:
    return TopicView("t", "concept", "示例模型", (), "概述", "", SOURCE, facets, ())


def facet(kind: str, title: str, *items: str) -> FacetView:
    return FacetView(kind, title, items, SOURCE)


MODEL = topic(
    facet("elements", "组成", "产品：第一部分", "渠道：第二部分"),
    facet("other", "局限", "成本较高", "见效较慢"),
    facet("other", "提出者", "由某学者在1981年提出"),
    facet("measures", "考评办法", "按季度评估绩效指标"),
)


@pytest.mark.parametrize(("question", "title"), [
    ("示例模型有什么缺点", "局限"),      # 缺点 = 局限 (cue group)
    ("它的不足呢", "局限"),
    ("示例模型是谁提出的", "提出者"),
    ("这个最早来源于哪里", "提出者"),
    ("示例模型怎么考核", "考评办法"),
    ("示例模型由哪些部分组成", "组成"),   # the kind named by question words
])
def test_the_facet_that_answers_wins(question: str, title: str) -> None:
    kind = "elements" if "组成" in question else None
    choice = choose_facet(MODEL, rewrite(question), kind)
    assert choice.clear and choice.facet is not None and choice.facet.title == title


def test_a_title_said_whole_outweighs_the_kind_another_facet_has() -> None:
    # "分界线" names the elements kind, yet the question says the other facet's whole title.
    lines = topic(facet("elements", "构成（自上而下）", "顾客行为", "前台行为"),
                  facet("types", "三条分界线", "外部相互作用线", "可视分界线"))
    choice = choose_facet(lines, "里面有三条分界线", "elements")
    assert choice.clear and choice.facet.title == "三条分界线"


def test_a_word_said_twice_counts_once() -> None:
    # 设计 twice in the question must not let the title holding it outweigh the asked kind.
    design = TopicView("d", "concept", "服务设计", (), "概述", "", SOURCE,
                       (facet("principles", "基本原则", "用户至上", "全员参与"),
                        facet("elements", "服务开发与设计的三部分", "服务设计", "服务蓝图"),
                        facet("importance", "意义", "竞争激烈")), ())
    choice = choose_facet(design, "要重新设计理赔服务,设计的时候该遵循啥原则", "principles")
    assert choice.clear and choice.facet.title == "基本原则"


def test_no_clear_winner_gives_no_facet() -> None:
    assert choose_facet(MODEL, "示例模型是什么", None).facet is None


def test_one_item_standing_out_is_reported() -> None:
    choice = choose_facet(MODEL, "渠道是什么", None)
    assert choice.facet is not None and choice.facet.title == "组成" and choice.item == 1


def test_real_topic_facet_by_question_words(snapshot: Snapshot) -> None:
    smart = snapshot.topics["smart_principle"]
    choice = choose_facet(smart, rewrite("SMART原则里的R是啥"), None)
    assert choice.item is not None and choice.facet.items[choice.item].startswith("R")


@pytest.mark.parametrize(("text", "index"), [
    ("其中第二个是啥", 1), ("第3条展开说说", 2), ("第一步呢", 0), ("第十二点", 11), ("第十种", 9), ("说说别的", None),
    ("最后一个是啥", -1), ("最后一步具体咋做", -1), ("第二阶段干啥", 1), ("第三部分讲什么", 2),
])
def test_ordinal(text: str, index: int | None) -> None:
    assert ordinal(text) == index


def test_a_composite_topic_said_by_one_half_answers_that_half() -> None:
    composite = TopicView("c", "concept", "竞争地位与原则", ("竞争的原则", "竞争地位"), "概述", "", SOURCE, (
        facet("elements", "衡量竞争地位", "市场占有率"),
        facet("principles", "竞争的五项原则", "进攻是最好的防御"),
    ), ())
    plain = TopicView("p", "concept", "服务营销组合", (), "概述", "", SOURCE, (
        facet("elements", "七要素", "产品"), facet("differences", "与产品营销组合相比", "7项要素"),
    ), ())
    from bot.knowledge.tokenize import add_words

    add_words(["竞争的原则", "服务营销组合"])
    assert choose_facet(composite, "竞争的原则有哪几条", None).facet.title == "竞争的五项原则"
    assert not choose_facet(plain, "服务营销组合有哪些", None).clear  # 组合 is its own name


def test_a_question_asking_for_a_figure_picks_the_facet_that_states_one() -> None:
    plan = topic(
        facet("measures", "客户满意度的做法", "客户满意度：优化服务", "客户满意度：开展调查"),
        facet("other", "预期成果", "知名度明显提高", "客户满意度达90%以上"),
    )
    choice = choose_facet(plan, "客户满意度要做到多少", None)
    assert choice.facet.title == "预期成果" and choice.item == 1
    assert choose_facet(plan, "客户满意度有哪些做法", None).facet.title == "客户满意度的做法"


def test_a_few_items_tied_on_the_question_words_are_a_group() -> None:
    role = TopicView("r", "role", "某经理", (), "概述", "", SOURCE, (
        facet("duties", "岗位职责", *[f"其他：第{i}项" for i in range(12)],
              "团队管理：定目标", "团队管理：做考核"),
        facet("working_conditions", "工作条件", "全面负责日常工作"),
    ), ())
    choice = choose_facet(role, "团队管理负责啥", "duties")
    assert choice.facet.title == "岗位职责" and choice.group == (12, 13)
    # The asked kind's own word (负责) does not pull in an item that merely says it.
    assert choose_facet(role, "主要负责哪些", "duties").facet.title == "岗位职责"


def test_a_said_point_head_names_its_lines_where_its_words_recur_elsewhere() -> None:
    """团队 and 管理 are in many duty lines; the head 团队管理 said names its own point's lines."""
    role = TopicView("r", "role", "某经理", (), "概述", "", SOURCE, (
        facet("duties", "岗位职责", *[f"管理第{i}个团队的日常" for i in range(6)],
              "团队管理：定目标", "团队管理：做考核", "团队管理：开会", "团队管理：培训", "团队管理：发薪"),
        facet("requirements", "任职要求", "具备团队管理能力"),
    ), ())
    choice = choose_facet(role, "团队管理要做哪些", None)
    assert choice.facet.title == "岗位职责" and choice.group == (6, 7, 8, 9, 10)


def test_a_line_marked_for_the_trade_the_question_names_is_the_one_asked() -> None:
    role = TopicView("r", "role", "某经理", (), "概述", "", SOURCE, (
        facet("duties", "岗位职责", "完成公司下达的目标", "（汽车行业）完成区域销售目标", "（银行）完成存款目标"),
    ), ())
    assert choose_facet(role, "车企的这个经理要完成什么目标", None).item == 1
    assert choose_facet(role, "支行的这个经理要完成什么目标", None).item == 2


def test_too_many_ties_are_narrowed_to_the_items_matching_the_longer_words() -> None:
    # "管" is in every 管理 line; 营销策划 names the two lines asked about.
    role = TopicView("r", "role", "某经理", (), "概述", "", SOURCE, (
        facet("duties", "岗位职责", *[f"团队管理：第{i}项" for i in range(6)],
              "营销策划：定年度计划", "营销策划：办展会"),
    ), ())
    assert choose_facet(role, "营销策划方面管啥", "duties").group == (6, 7)


def test_points_count_as_the_document_does() -> None:
    items = ("顾客至上：顾客是生命线", "顾客至上的做法包括：了解需求", "价值创造：高品质服务",
             "全员参与：人人有责", "企业通过培训和激励机制激发员工积极性", "持续改进：不断评估")
    assert points(items) == [(0, 1), (2,), (3, 4), (5,)]
    assert points(("企业目标：定方向", "战略选择", "营销组织")) == [(0,), (1,), (2,)]  # short names are points


def test_two_facets_tied_well_ahead_of_the_rest_are_a_pair() -> None:
    strategy = topic(
        facet("preconditions", "实施条件", "需求规模较大"),
        facet("other", "优点", "成本领先", "风险较小"),
        facet("other", "局限", "竞争范围窄", "应变能力被削弱"),
    )
    choice = choose_facet(strategy, "有啥优缺点", None)
    assert not choice.clear and {f.title for f in choice.pair} == {"优点", "局限"}
    assert choose_facet(strategy, "实施条件是啥", None).pair == ()  # a clear winner is no pair


def test_the_topic_name_words_single_out_no_item() -> None:
    """"年度营销规划分几个阶段" names the plan by its own words: the budget line that repeats
    规划 and 营销 is no better answer than the facet titled 阶段."""
    plan = TopicView("plan", "concept", "营销工作规划", (), "概述", "", SOURCE, (
        facet("measures", "营销费用效率的做法", "合理规划营销预算", "优化营销活动方案"),
        facet("steps", "四个阶段", "第1-3月：梳理工作", "第4-6月：执行计划"),
    ), ())
    choice = choose_facet(plan, "年度营销规划要分几个阶段推进", "steps")
    assert choice.clear and choice.facet is not None and choice.facet.title == "四个阶段"


def test_named_point_is_the_one_point_whose_head_is_said() -> None:
    items = ("顾客至上：顾客是生命线", "顾客至上的做法包括：了解需求", "持续改进：不断监控评估")
    assert named_point(items, "持续改进具体怎么做") == 1  # points, not lines: 顾客至上 has two
    assert named_point(items, "顾客至上和持续改进有啥关系") is None  # two heads: no one point
    assert named_point(items, "具体怎么做") is None


def test_where_to_start_asks_for_the_ways(snapshot: Snapshot) -> None:
    """"从哪些地方把成本降下来" names no kind word; 哪些地方 stands for the ways (途径)."""
    topic = snapshot.topics["cost_leadership"]
    choice = choose_facet(topic, rewrite("具体能从哪些地方把成本降下来"), None)
    assert choice.clear and choice.facet is not None and choice.facet.title == "实现途径"


def test_a_light_verb_is_no_evidence_for_a_title() -> None:
    """"做服务营销有啥用": the 做 that carries the question is not the 做 of "…的做法"."""
    model = topic(facet("importance", "目的与重要性", "增强竞争力"),
                  facet("methods", "提升水平的做法", "营销手段创新，有助于达到目的", "加强培训"))
    choice = choose_facet(model, rewrite("做示例模型图个啥"), "goals")
    assert choice.clear and choice.facet is not None and choice.facet.title == "目的与重要性"

