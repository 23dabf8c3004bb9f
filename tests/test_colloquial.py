"""The colloquial table: question words, English terms and model letters are rewritten once."""

from __future__ import annotations

import pytest

from bot.knowledge.colloquial import load_table, rewrite
from bot.smalltalk import smalltalk_kind


@pytest.mark.parametrize(("text", "expected"), [
    ("服务蓝图有啥用", "服务蓝图有什么作用"),
    ("想把市场份额往上拉一拉", "想把市场份额提高"), ("组织上怎么搭架子", "组织上怎么搭组织架构"),
    ("一年一般分几段推进", "一年一般分几个阶段推进"),
    ("SO战略咋做", "so战略怎么做"),
    ("SWOT里的W指啥", "swot里的w（劣势）指什么"),
    ("smart的R是啥意思", "smart的r（相关）是什么意思"),
    ("4P的place主要图个啥", "4p的place（渠道）主要目的是什么"),  # 图个啥 asks what it is for
    ("service blueprint是什么", "服务蓝图是什么"),
    ("服务营销有哪几钟", "服务营销有哪几种"),
    ("组织上这个架子咋搭", "组织上这个组织架构怎么搭"), ("营销服务经理带团队管些啥", "营销服务经理团队管理管些什么"),
    ("流程老出错，有啥改进方向", "流程老出错,有什么改进办法"),  # a fix asked, not a strategy's direction
    ("做培训经理得会点啥", "做培训经理需要具备什么能力"), ("品牌没啥人知道", "品牌知名度低"),
    ("想靠服务跟别家拉开差距", "想靠服务跟别家区别开来"),  # not the service quality gap (差距)
    ("网点要推新产品，宣传物料准备哪些", "网点要推广新产品,宣传资料准备哪些"),
    ("营销服务经理上面归谁管", "营销服务经理上面直接向谁汇报"), ("售后老是找不到人", "售后老是响应不及时"),
    ("对面新店抢客户", "对面新店竞争"), ("具体从哪几块降成本", "具体从哪些途径降成本"),
])
def test_rewrite(text: str, expected: str) -> None:
    assert rewrite(text) == expected


def test_letters_need_their_model_named_here_or_just_before() -> None:
    assert rewrite("那T呢") == "那t呢"
    assert rewrite("那T呢", context="SWOT分析") == "那t（威胁）呢"
    # a letter inside a word is no letter of the model, and the model's name is left alone
    assert rewrite("SWOT和website") == "swot和website"


def test_english_terms_only_as_whole_words() -> None:
    assert "渠道" not in rewrite("4P的placement")


def test_cue_groups_stand_for_one_another() -> None:
    table = load_table()
    assert {"缺点", "不足", "劣势", "风险", "局限"} <= table.cue_group("缺点")
    assert table.cue_group("蓝图") == frozenset({"蓝图"})


@pytest.mark.parametrize(("text", "kind"), [
    ("你好", "greet"), ("在吗？", "greet"), ("你是干嘛的", "identity"), ("你能干嘛", "capabilities"),
    ("谢谢你啊", "thanks"), ("好的谢谢", "thanks"), ("拜拜", "goodbye"), ("好的", "ok"),
    ("哪种最常见", None), ("那它的缺点呢", None), ("你好，SWOT是啥", None), ("为什么", None),
    ("那好处呢", None), ("对手呢", None), ("行吧", "ok"),  # 好 in 好处 and 对 in 对手 say nothing
    ("你是谁啊？机器人吗？", "identity"), ("机器人吗", None),  # 机器人 only fills a who-are-you
])
def test_small_talk_by_explicit_wording(text: str, kind: str | None) -> None:
    assert smalltalk_kind(rewrite(text)) == kind


@pytest.mark.parametrize(("text", "aspect"), [
    ("售后经理的职则", "duties"), ("服务营销的流城", "steps"), ("任职要球", "requirements"),
    ("服务蓝图是什么", None),
])
def test_aspect_words_with_pinyin_typos(text: str, aspect: str | None) -> None:
    from bot.knowledge.aspects import detect_aspect

    assert detect_aspect(text) == aspect


def test_two_sound_alike_characters_neither_typed_right_name_no_aspect() -> None:
    from bot.knowledge.aspects import detect_aspect

    assert detect_aspect("那总共多少钱") is None  # na zong ≈ 哪种 by sound only
    assert detect_aspect("职则有哪些") == "duties"  # one character right: a typo


@pytest.mark.parametrize(("text", "aspect"), [
    ("目标部分一般定哪些量化指标", "goals"), ("服务营销管理包括哪些内容", "elements"),
    ("部门要重新设计售后服务流程，设计时该遵循哪些原则", "principles"),  # the last aspect word is asked
])
def test_a_part_word_yields_to_the_aspect_it_names(text: str, aspect: str) -> None:
    from bot.knowledge.aspects import detect_aspect

    assert detect_aspect(text) == aspect


def test_trades_are_named_by_their_everyday_words() -> None:
    from bot.knowledge.colloquial import load_table

    table = load_table()
    assert table.trades_in("我们支行的柜员") == {"银行"} and table.trades_in("服务营销是什么") == frozenset()
    assert table.trades_in("提高咱行的知名度") == {"银行"}
