"""A small naive Bayes reader of one clause of a described case: whose it is and whether it
is good news (knowledge/situation_clauses.yml holds the labelled example clauses).

Why a model beside the word lists of knowledge/situations.yml: people describe their company
in endless words ("单证团队很能打", "门可罗雀", "咨询量翻了三番"); the lists read the
common wordings exactly, and this reader, trained on example clauses of many trades, covers
the rest by their characters. It is trained on first use (a few thousand features, some
milliseconds) and only consulted for a clause the lists cannot read.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.normalize import normalize

EXAMPLES = Path(__file__).resolve().parents[1] / "knowledge" / "situation_clauses.yml"
SMOOTHING = 0.5


def features(text: str) -> list[str]:
    """Character uni-, bi- and trigrams: Chinese words need no segmenter to be counted."""
    chars = [c for c in normalize(text) if not c.isspace()]
    grams = [c for c in chars if not c.isdigit()]
    for n in (2, 3):
        grams += ["".join(chars[i:i + n]) for i in range(len(chars) - n + 1)]
    return grams


@dataclass(frozen=True)
class NaiveBayes:
    """Multinomial naive Bayes over character n-grams."""

    log_prior: dict[str, float]
    log_likelihood: dict[str, dict[str, float]]
    log_unseen: dict[str, float]

    @classmethod
    def fit(cls, samples: list[tuple[str, str]]) -> NaiveBayes:
        counts: dict[str, Counter[str]] = {}
        labels: Counter[str] = Counter()
        for text, label in samples:
            labels[label] += 1
            counts.setdefault(label, Counter()).update(features(text))
        vocabulary = {g for c in counts.values() for g in c}
        total = sum(labels.values())
        likelihood, unseen = {}, {}
        for label, grams in counts.items():
            denominator = sum(grams.values()) + SMOOTHING * len(vocabulary)
            likelihood[label] = {g: math.log((n + SMOOTHING) / denominator) for g, n in grams.items()}
            unseen[label] = math.log(SMOOTHING / denominator)
        return cls({k: math.log(v / total) for k, v in labels.items()}, likelihood, unseen)

    def probabilities(self, text: str) -> dict[str, float]:
        grams = [g for g in features(text) if any(g in table for table in self.log_likelihood.values())]
        scores = {label: prior + sum(self.log_likelihood[label].get(g, self.log_unseen[label]) for g in grams)
                  for label, prior in self.log_prior.items()}
        top = max(scores.values())
        exp = {label: math.exp(score - top) for label, score in scores.items()}
        total = sum(exp.values())
        return {label: value / total for label, value in exp.items()}


@dataclass(frozen=True)
class ClauseReading:
    side: str  # internal | external | none
    good: bool
    side_confidence: float
    polarity_confidence: float


@dataclass(frozen=True)
class ClauseModel:
    side: NaiveBayes
    polarity: NaiveBayes

    def read(self, clause: str) -> ClauseReading:
        sides = self.side.probabilities(clause)
        side = max(sides, key=sides.__getitem__)
        goods = self.polarity.probabilities(clause)
        good = goods.get("good", 0.0) >= goods.get("bad", 0.0)
        return ClauseReading(side, good, sides[side], max(goods.values()))


@lru_cache(maxsize=2)
def load_clause_model(path: Path = EXAMPLES) -> ClauseModel:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the libyaml build where installed
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []
    sides = [(str(d["text"]), str(d["side"])) for d in data]
    polarity = [(str(d["text"]), "good" if d.get("good") else "bad") for d in data if d.get("side") != "none"]
    return ClauseModel(NaiveBayes.fit(sides), NaiveBayes.fit(polarity))
