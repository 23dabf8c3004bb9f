"""Pinyin typos of ordinary words are corrected to the one sound-alike knowledge word."""

from __future__ import annotations

import pytest

from bot.knowledge.spelling import Speller, speller_for

VOCABULARY = ["排队", "投诉", "策略", "绩效", "公司", "时间", "实践", "培训"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("网点排对太久", "网点排队太久"),
    ("被投述好几回", "被投诉好几回"),
    ("推广册略", "推广策略"),
    ("极效考核", "绩效考核"),
    ("从陪训上咋整", "从培训上咋整"),  # jieba cut the typo across words: 陪 | 训上
])
def test_non_words_become_their_sound_alike(typed: str, meant: str) -> None:
    assert Speller(VOCABULARY).correct(typed) == meant


def test_real_words_and_ambiguous_sounds_are_left_alone() -> None:
    speller = Speller(VOCABULARY)
    assert speller.correct("excel公式怎么写") == "excel公式怎么写"  # 公式 is a word, though it sounds like 公司
    assert speller.correct("十践") == "十践"  # sounds like both 时间 (shi jian) and 实践: too ambiguous


def test_the_real_knowledge_corrects_a_typo_of_its_own_vocabulary(snapshot) -> None:
    assert speller_for(snapshot).correct("客户满以度") == "客户满意度"


def test_colloquial_words_jieba_does_not_know_are_not_typos(snapshot) -> None:
    speller = speller_for(snapshot)
    assert speller.correct("我是新来的") == "我是新来的"
    assert speller.correct("最细的那层是什么") == "最细的那层是什么"


def test_typos_in_example_questions_do_not_become_vocabulary(snapshot) -> None:
    typed = [q for t in snapshot.ordered() for q in t.questions if "竟争" in q]
    assert typed  # the premise: an example question is typed with the typo
    assert speller_for(snapshot).correct("跟对手竟争有啥原则") == "跟对手竞争有啥原则"


def test_two_loose_characters_with_neither_typed_right_are_left_alone() -> None:
    speller = Speller(["之间", "职责"])
    assert speller.correct("厂家开始自建售后") == "厂家开始自建售后"  # zi jian ≈ zhi jian by sound only
    assert speller._replacement("自建") is None  # however jieba happens to split the sentence


def test_words_the_colloquial_table_names_are_no_typos(snapshot) -> None:
    """网店 is rare in jieba's counts and sounds like 网点; the table names it as a trade word."""
    assert Speller(["网点"]).correct("我们网店售后") == "我们网点售后"  # the premise
    assert Speller(["网点"], known=["网店"]).correct("我们网店售后") == "我们网店售后"
    assert speller_for(snapshot).correct("我们网店售后老被吐槽") == "我们网店售后老被吐槽"
