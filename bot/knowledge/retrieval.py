"""BM25 retrieval over knowledge passages, for questions no entity answers.

An inverted index keeps a query's cost proportional to the postings of its own terms, so
it stays in the low milliseconds even with tens of thousands of passages.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.knowledge.repository import Snapshot
from bot.knowledge.schema import Source
from bot.knowledge.tokenize import tokens as default_tokens


@dataclass(frozen=True)
class Passage:
    topic_id: str
    facet_kind: str  # "summary" for the definition passage
    title: str
    text: str
    source: Source | None


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    confidence: float  # share of the query's IDF mass found in the passage (0..1)


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
        for facet in topic.facets:
            text = f"{topic.name} {facet.title}：" + "；".join(facet.items)
            out.append(Passage(topic.id, facet.kind, f"{topic.name}·{facet.title}", text,
                               facet.sources[0] if facet.sources else source))
    return out


class BM25Index:
    def __init__(self, passages: Iterable[Passage], k1: float = 1.4, b: float = 0.75,
                 tokenizer: Callable[[str], list[str]] = default_tokens) -> None:
        self.passages = list(passages)
        self.k1, self.b = k1, b
        self.tokenizer = tokenizer
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        for i, passage in enumerate(self.passages):
            counts = Counter(index_terms(tokenizer(passage.text)))
            self.lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                self.postings[term].append((i, tf))
        n = max(len(self.passages), 1)
        self.avg_length = (sum(self.lengths) / n) or 1.0
        self.idf = {
            term: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for term, p in self.postings.items()
        }

    def search(self, query: str, limit: int = 3) -> list[Hit]:
        terms = set(index_terms(self.tokenizer(query)))
        if not terms:
            return []
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, float] = defaultdict(float)
        # An unseen term still counts towards the query's mass, as a rare word would.
        total_idf = sum(self.idf.get(t, math.log(1 + len(self.passages))) for t in terms)
        for term in terms:
            idf = self.idf.get(term)
            if idf is None:
                continue
            for doc, tf in self.postings[term]:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[doc] / self.avg_length)
                scores[doc] += idf * tf * (self.k1 + 1) / (tf + norm)
                matched[doc] += idf
        ranked = sorted(scores, key=lambda d: (-scores[d], d))[:limit]
        return [Hit(self.passages[d], scores[d], matched[d] / total_idf if total_idf else 0.0) for d in ranked]


_index_cache: dict[str, BM25Index] = {}


def index_for(snapshot: Snapshot) -> BM25Index:
    """The index of a snapshot, built once per knowledge revision."""
    index = _index_cache.get(snapshot.revision)
    if index is None:
        _index_cache.clear()
        index = _index_cache[snapshot.revision] = BM25Index(passages_from(snapshot))
    return index
