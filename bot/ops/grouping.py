"""Grouping of similar logged questions, so the admin sees one line per need.

Each question becomes its set of content tokens (``bot.knowledge.tokenize.tokens``: jieba
with the knowledge terms, no stopwords or punctuation). Questions are taken newest first
and each joins the existing group whose seed (its first, i.e. newest, question) it
resembles most, if the Jaccard similarity of the two token sets is at least
:data:`MIN_SIMILARITY`; otherwise it seeds a new group. Greedy and O(questions × groups),
which is plenty for a log of thousands of rows and needs no model or service; a question
without content tokens (only punctuation or stopwords) groups by its exact normalised text.
Jaccard over whole tokens rather than BM25 because the log has no fixed corpus to weigh
against and short questions ("售后流程" vs "售后服务流程是啥") share most of their words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.knowledge.tokenize import tokens as default_tokens
from bot.normalize import normalize

MIN_SIMILARITY = 0.5


@dataclass
class Group:
    seed: frozenset[str]
    members: list[int] = field(default_factory=list)  # indexes into the input, newest first


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def group_questions(questions: list[str], tokenizer: Callable[[str], list[str]] = default_tokens,
                    min_similarity: float = MIN_SIMILARITY) -> list[list[int]]:
    """Indexes of ``questions`` (given newest first) grouped, biggest group first; ties keep
    the order of their newest question."""
    groups: list[Group] = []
    exact: dict[str, Group] = {}
    for index, question in enumerate(questions):
        terms = frozenset(tokenizer(question))
        if not terms:
            key = normalize(question)
            group = exact.get(key)
            if group is None:
                group = exact[key] = Group(frozenset())
                groups.append(group)
            group.members.append(index)
            continue
        best, best_score = None, 0.0
        for group in groups:
            score = jaccard(terms, group.seed)
            if score > best_score:
                best, best_score = group, score
        if best is None or best_score < min_similarity:
            best = Group(terms)
            groups.append(best)
        best.members.append(index)
    ordered = sorted(enumerate(groups), key=lambda pair: (-len(pair[1].members), pair[0]))
    return [group.members for _, group in ordered]


def representative(questions: list[str]) -> str:
    """The wording asked most often (normalised), the newest one on a tie."""
    counts = Counter(normalize(q) for q in questions)
    best = max(counts.values())
    return next(q for q in questions if counts[normalize(q)] == best)
