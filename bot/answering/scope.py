"""Whether the knowledge has evidence enough to answer, or the question is off-topic.

The thresholds are calibrated by bench/calibrate_scope.py (docs/quality.md).
"""

from __future__ import annotations

from bot.answering.evidence import search
from bot.knowledge.colloquial import load_table
from bot.knowledge.repository import Snapshot
from bot.knowledge.retrieval import (
    Hit,
)

# Retrieval evidence that answers a question naming no topic, calibrated by
# bench/calibrate_scope.py on the project's held-out questions against the off-topic
# examples (docs/quality.md): the best passage's BM25 score, the share of the question's
# IDF mass it holds, and the distinct question words it holds. Off-topic messages rarely
# share two domain words with one passage and never three; a described case ("新来的售后
# 专员，客户嫌维修慢怎么跟进") shares several while most of its words are everyday ones,
# so three shared words need little of the mass. A question the classifier called out of
# scope needs a higher score.
RETRIEVAL_MIN_SCORE = 6.0


RETRIEVAL_CANDIDATES = 5  # a sure passage ranked below unsure ones still is evidence


OUT_OF_SCOPE_MIN_SCORE = 8.0


WORD_EVIDENCE = ((3, 0.15), (2, 0.3), (1, 0.8))  # (shared words, with at least this IDF share)


OUT_OF_SCOPE_WORD_EVIDENCE = ((3, 0.15), (2, 0.4), (1, 0.8))


NO_EVIDENCE_CONFIDENCE = 0.2  # below this nothing in the question is domain vocabulary


OFFTOPIC_OUTWEIGHED = (4, 0.5)  # (words, IDF share) of one passage that outweigh an off-topic word


def strong_evidence(text: str, snapshot: Snapshot) -> bool:
    """One passage holds most of the question ("团队业绩拿啥衡量，看利润还是看股价"): an
    off-topic word (股价) said beside it does not make the question off-topic."""
    words, share = OFFTOPIC_OUTWEIGHED
    return any(h.words >= words and h.confidence >= share for h in search(text, snapshot, 1))


def offtopic(text: str) -> bool:
    return any(word in text for word in load_table().offtopic)


def sure(hit: Hit, intent: str | None) -> bool:
    """Whether a passage is evidence enough to answer (see the calibration above)."""
    out_of_scope = intent == "out_of_scope"
    if hit.score < (OUT_OF_SCOPE_MIN_SCORE if out_of_scope else RETRIEVAL_MIN_SCORE):
        return False
    rules = OUT_OF_SCOPE_WORD_EVIDENCE if out_of_scope else WORD_EVIDENCE
    return any(hit.words >= words and hit.confidence >= share for words, share in rules)
