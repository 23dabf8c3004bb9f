"""BM25 retrieval: ranking, confidence and the synonym pass."""

from __future__ import annotations

from bot.knowledge.retrieval import BM25Index, Passage, index_for, item_passages_from
from bot.normalize import apply_synonyms, normalize


def test_ranking_prefers_the_passage_sharing_rare_words() -> None:
    index = BM25Index([
        Passage("a", "summary", "A", "服务蓝图包括有形展示和顾客行为", None),
        Passage("b", "summary", "B", "价格策略关注定价和折扣", None),
        Passage("c", "summary", "C", "服务质量管理关注质量控制", None),
    ])
    hits = index.search("顾客行为和有形展示是什么")
    assert hits[0].passage.topic_id == "a" and hits[0].confidence > 0.5
    assert index.search("的 了 吗") == []


def test_real_index_finds_complaint_handling(snapshot) -> None:
    hits = index_for(snapshot).search("客户投诉怎么处理")
    assert hits and any("投诉" in h.passage.text for h in hits)


def test_synonyms_rewrite_once_without_nesting() -> None:
    synonyms = {"顾客": "客户", "成本领先": "总成本领先", "低成本": "总成本领先"}
    assert apply_synonyms("顾客关系", synonyms) == "客户关系"
    assert apply_synonyms("成本领先战略", synonyms) == "总成本领先战略"
    assert apply_synonyms("总成本领先战略", synonyms) == "总成本领先战略"


def test_normalize_folds_width_and_case() -> None:
    assert normalize("ＳＷＯＴ　分析") == "swot 分析"


def test_search_can_be_limited_to_some_topics() -> None:
    index = BM25Index([
        Passage("a", "other", "A", "定价要考虑需求和成本", None),
        Passage("b", "other", "B", "定价折扣方案和付款方式", None),
    ])
    assert index.search("定价方案", topic_ids=["a"])[0].passage.topic_id == "a"
    assert all(h.passage.topic_id == "b" for h in index.search("定价方案", topic_ids=["b"]))
    assert index.search("定价方案", topic_ids=[]) == []


def test_item_passages_hold_one_item_each(snapshot) -> None:
    items = [p for p in item_passages_from(snapshot) if p.item is not None]
    topic = snapshot.topics[items[0].topic_id]
    facet = topic.facets[items[0].facet]
    assert items[0].text.endswith(facet.items[items[0].item])
    assert len(items) == sum(len(f.items) for t in snapshot.ordered() for f in t.facets)


def test_a_compound_no_passage_holds_counts_as_its_known_parts() -> None:
    # jieba's dictionary keeps 主动进攻 as one word; the passages say 进攻.
    index = BM25Index([
        Passage("a", "other", "A", "进攻是最好的防御，攻击对手的薄弱环节", None),
        Passage("b", "other", "B", "了解对手的状况和方向", None),
    ])
    hit = index.search("主动进攻")[0]
    assert hit.passage.topic_id == "a" and hit.words == 1 and hit.confidence > 0.5


def test_a_question_word_glued_to_a_content_word_still_yields_the_content_word() -> None:
    from bot.knowledge.tokenize import tokens

    assert "因素" in tokens("一般列哪些因素")  # jieba keeps 哪些因素 as one word
    assert tokens("哪些方面") == ["哪些方面"]  # 方面 alone is no content word


def test_an_ordinal_is_no_evidence_through_its_parts() -> None:
    # "第四个" points at a list; its part 四个 must not find "分四个阶段".
    index = BM25Index([
        Passage("a", "other", "A", "规划分四个阶段推进", None),
        Passage("b", "other", "B", "基本原则：客户导向、双向沟通", None),
    ])
    assert [h.passage.topic_id for h in index.search("基本原则第四个是啥")] == ["b"]
