"""BM25 retrieval over knowledge passages, for questions no entity answers.

An inverted index keeps a query's cost proportional to the postings of its own terms, so
it stays in the low milliseconds even with tens of thousands of passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from bot.knowledge.repository import Snapshot
from bot.knowledge.schema import Source
from bot.knowledge.tokenize import add_words, parts
from bot.knowledge.tokenize import tokens as default_tokens


@dataclass(frozen=True)
class Passage:
    topic_id: str
    facet_kind: str  # "summary" for the definition passage
    title: str
    text: str
    source: Source | None
    facet: int | None = None  # position of the facet in its topic (None: the definition)
    item: int | None = None  # index of the facet item an item passage holds


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    confidence: float  # share of the query's IDF mass found in the passage (0..1)
    words: int = 0  # distinct whole query words the passage holds (bigrams not counted)


def index_terms(token_list: list[str]) -> list[str]:
    """Words plus the character bigrams of longer words, so partial wording still meets."""
    terms = list(token_list)
    for token in token_list:
        if len(token) > 2 and not token.isascii():
            terms.extend(token[i:i + 2] for i in range(len(token) - 1))
    return terms


def passages_from(snapshot: Snapshot) -> list[Passage]:
    out = []
    for topic in snapshot.ordered():
        names = "、".join([topic.name, *topic.aliases])
        source = topic.sources[0] if topic.sources else None
        out.append(Passage(topic.id, "summary", topic.name, f"{names}：{topic.summary}", source))
        for position, facet in enumerate(topic.facets):
            text = f"{topic.name} {facet.title}：" + "；".join(facet.items)
            out.append(Passage(topic.id, facet.kind, f"{topic.name}·{facet.title}", text,
                               facet.sources[0] if facet.sources else source, position))
    return out


def item_passages_from(snapshot: Snapshot) -> list[Passage]:
    """One passage per facet item (and the definition): the unit a detail question asks
    about ("营销服务经理向谁汇报" is one item of one facet). A whole facet dilutes such a
    detail among a dozen other lines; an item passage does not."""
    out = []
    for topic in snapshot.ordered():
        source = topic.sources[0] if topic.sources else None
        out.append(Passage(topic.id, "summary", topic.name, f"{topic.name}：{topic.summary}", source))
        for position, facet in enumerate(topic.facets):
            facet_source = facet.sources[0] if facet.sources else source
            for n, item in enumerate(facet.items):
                out.append(Passage(topic.id, facet.kind, f"{topic.name}·{facet.title}",
                                   f"{facet.title}：{item}", facet_source, position, n))
    return out


def question_passages_from(snapshot: Snapshot) -> list[Passage]:
    """One passage per example question of a topic: how people ask for it, in their words."""
    out = []
    for topic in snapshot.ordered():
        source = topic.sources[0] if topic.sources else None
        out.extend(Passage(topic.id, "question", topic.name, question, source) for question in topic.questions)
    return out


def question_pool_passages_from(snapshot: Snapshot) -> list[Passage]:
    """All example questions of a topic as one passage: a long described case shares a word
    or two with several of them, and little of its weight with any single one."""
    return [Passage(t.id, "questions", t.name, "；".join(t.questions), t.sources[0] if t.sources else None)
            for t in snapshot.ordered() if t.questions]


_ORDINAL_WORD = re.compile(r"^第[一二三四五六七八九十\d]+[个条点项种步类]?$")


class BM25Index:
    """Okapi BM25 with per-term postings held as numpy arrays of precomputed weights.

    A few words (服务, 营销) occur in nearly every passage, so summing postings in Python
    cost tens of milliseconds at 10k passages; adding weight arrays costs well under one.
    """

    def __init__(self, passages: Iterable[Passage], k1: float = 1.4, b: float = 0.75,
                 tokenizer: Callable[[str], list[str]] = default_tokens) -> None:
        self.passages = list(passages)
        self.tokenizer = tokenizer
        topic_ids = sorted({p.topic_id for p in self.passages})
        self._topic_number = {t: n for n, t in enumerate(topic_ids)}
        self._topic_of = np.array([self._topic_number[p.topic_id] for p in self.passages], dtype=np.int64)
        counts = [Counter(index_terms(tokenizer(p.text))) for p in self.passages]
        lengths = np.array([sum(c.values()) for c in counts], dtype=np.float64)
        n = max(len(self.passages), 1)
        avg_length = float(lengths.mean()) if len(lengths) and lengths.mean() > 0 else 1.0
        raw: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for doc, counter in enumerate(counts):
            for term, tf in counter.items():
                raw[term].append((doc, tf))
        self.idf: dict[str, float] = {}
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, postings in raw.items():
            idf = math.log(1 + (n - len(postings) + 0.5) / (len(postings) + 0.5))
            docs = np.fromiter((d for d, _ in postings), dtype=np.int64, count=len(postings))
            tfs = np.fromiter((t for _, t in postings), dtype=np.float64, count=len(postings))
            norm = k1 * (1 - b + b * lengths[docs] / avg_length)
            self.idf[term] = idf
            self.postings[term] = (docs, idf * tfs * (k1 + 1) / (tfs + norm))

    def _known_words(self, query_tokens: list[str]) -> set[str]:
        """The query's words, a compound no passage holds read as its dictionary parts
        that some passage does ("主动进攻" → 主动, 进攻): jieba's own dictionary joins words
        the knowledge keeps apart, and a whole-word match is stronger evidence than a bigram."""
        words: set[str] = set()
        for word in query_tokens:
            if word not in self.idf and _ORDINAL_WORD.match(word):
                continue  # "第四个" points at a list; its part 四个 would match "四个阶段"
            known = [p for p in parts(word) if p in self.idf] if len(word) > 2 and word not in self.idf else []
            words.update(known or (word,))
        return words

    def search(self, query: str, limit: int = 3, topic_ids: Iterable[str] | None = None) -> list[Hit]:
        """The best passages for ``query``, optionally only those of ``topic_ids``."""
        words = self._known_words(self.tokenizer(query))
        terms = set(index_terms(list(words)))
        if not terms or not self.passages:
            return []
        # An unseen term still counts towards the query's mass, as a rare word would.
        total_idf = sum(self.idf.get(t, math.log(1 + len(self.passages))) for t in terms)
        scores = np.zeros(len(self.passages))
        matched = np.zeros(len(self.passages))
        word_hits = np.zeros(len(self.passages), dtype=np.int64)
        for term in terms & self.postings.keys():
            docs, weights = self.postings[term]
            scores[docs] += weights
            matched[docs] += self.idf[term]
            if term in words:
                word_hits[docs] += 1
        if topic_ids is not None:
            wanted = [self._topic_number[t] for t in topic_ids if t in self._topic_number]
            scores[~np.isin(self._topic_of, wanted)] = 0.0
        candidates = np.flatnonzero(scores)
        if len(candidates) > limit:
            # Keep everything tied with the limit-th score, then order exactly as before.
            threshold = np.partition(scores[candidates], -limit)[-limit]
            candidates = candidates[scores[candidates] >= threshold]
        ranked = sorted(candidates.tolist(), key=lambda d: (-scores[d], d))[:limit]
        return [Hit(self.passages[d], float(scores[d]), float(matched[d] / total_idf) if total_idf else 0.0,
                    int(word_hits[d])) for d in ranked]


_index_cache: dict[tuple[str, str], BM25Index] = {}


def _cached(snapshot: Snapshot, kind: str, build: Callable[[Snapshot], list[Passage]]) -> BM25Index:
    index = _index_cache.get((kind, snapshot.revision))
    if index is None:
        # Segment as everywhere else: knowledge names stay one token, whichever runs first.
        add_words([n for t in snapshot.ordered() for n in (t.name, *t.aliases)])
        for key in [k for k in _index_cache if k[0] == kind]:
            del _index_cache[key]
        index = _index_cache[(kind, snapshot.revision)] = BM25Index(build(snapshot))
    return index


def index_for(snapshot: Snapshot) -> BM25Index:
    """The facet-level index of a snapshot (scope decisions), built once per revision."""
    return _cached(snapshot, "facets", passages_from)


def item_index_for(snapshot: Snapshot) -> BM25Index:
    """The item-level index of a snapshot (which facet and item answer), once per revision."""
    return _cached(snapshot, "items", item_passages_from)


def question_index_for(snapshot: Snapshot) -> BM25Index:
    """The example-question index of a snapshot (which topic a message asks for)."""
    return _cached(snapshot, "questions", question_passages_from)


def question_pool_index_for(snapshot: Snapshot) -> BM25Index:
    """One passage per topic holding all its example questions."""
    return _cached(snapshot, "question-pools", question_pool_passages_from)
