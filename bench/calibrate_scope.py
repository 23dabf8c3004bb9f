"""Calibrates the retrieval evidence that decides "answer or decline" (bot/answering/scope.py).

Positives: the project's own held-out questions (tests/heldout/questions.yml) that name no
knowledge topic, so retrieval alone must find their topic. Negatives: the off-topic
examples the classifier is trained on (data/nlu/out_of_scope.yml). The blind set is never
used here. For each threshold pair the script prints how many positives retrieval answers
with the right topic and how many negatives it would wrongly answer.

Run: ``.venv/bin/python bench/calibrate_scope.py``.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml

from bot.answering.evidence import search
from bot.answering.naming import named_topics
from bot.answering.replies import Question
from bot.answering.scope import offtopic
from bot.knowledge.colloquial import rewrite
from bot.knowledge.repository import read_snapshot

ROOT = Path(__file__).resolve().parents[1]
SURE_CONFIDENCE = 0.8


def _negatives() -> list[str]:
    data = yaml.safe_load((ROOT / "data" / "nlu" / "out_of_scope.yml").read_text(encoding="utf-8"))
    trained = [line.strip()[2:] for block in data["nlu"] for line in block["examples"].splitlines() if line.strip()]
    heldout = yaml.safe_load((ROOT / "tests" / "heldout" / "questions.yml").read_text(encoding="utf-8"))
    return trained + [q["q"] for q in heldout["questions"] if q["topic"] == "out_of_scope"]


def _positives() -> list[tuple[str, str]]:
    data = yaml.safe_load((ROOT / "tests" / "heldout" / "questions.yml").read_text(encoding="utf-8"))
    return [(q["q"], q["topic"]) for q in data["questions"] if q["topic"] != "out_of_scope"]


def main() -> None:
    snapshot = read_snapshot()
    rows = []  # (is_positive, right_topic, score, confidence, words)
    for text, topic in [(q, t) for q, t in _positives()] + [(q, None) for q in _negatives()]:
        norm = rewrite(text)
        if named_topics(Question(norm), norm, snapshot) or offtopic(norm):
            continue
        hits = search(norm, snapshot)
        if not hits:
            rows.append((topic is not None, False, 0.0, 0.0, 0))
            continue
        best = hits[0]
        rows.append((topic is not None, best.passage.topic_id == topic, best.score, best.confidence, best.words))
    positives = sum(r[0] for r in rows)
    negatives = len(rows) - positives
    print(f"retrieval-only questions: {positives} positives, {negatives} negatives")
    print("min_score  share for 3/2/1 shared words  right/pos  wrong/pos  answered/neg")
    for score, three, two in itertools.product((3, 4, 5, 6, 8), (0.1, 0.15, 0.2, 0.3), (0.2, 0.3, 0.4, 0.5)):
        rules = ((3, three), (2, two), (1, SURE_CONFIDENCE))
        answered = [r for r in rows if r[2] >= score and any(r[4] >= w and r[3] >= c for w, c in rules)]
        right = sum(1 for r in answered if r[0] and r[1])
        wrong = sum(1 for r in answered if r[0] and not r[1])
        neg = sum(1 for r in answered if not r[0])
        print(f"{score:>9}  {three:>6} / {two:>4} / {SURE_CONFIDENCE}      "
              f"{right:>4}/{positives:<4} {wrong:>4}/{positives:<4} {neg:>4}/{negatives}")


def calibrate_questions() -> None:
    """The example-question rule (bot.answering.naming.asked_topic) over the whole held-out set, as if
    no topic were named (precision of the rule), and over the off-topic examples."""
    import bot.answering.naming as naming

    snapshot = read_snapshot()
    positives = [(rewrite(q), t) for q, t in _positives()]
    negatives = [rewrite(q) for q in _negatives()]
    print(f"example-question rule: {len(positives)} held-out questions, {len(negatives)} off-topic")
    print("share for 2 words / 1 word  margin  right  wrong  answered-off-topic")
    saved = (naming.QUESTION_EVIDENCE, naming.QUESTION_MARGIN)
    try:
        for two, one, margin in itertools.product((0.5, 0.6, 0.7), (0.8, 0.9, 1.01), (1.1, 1.3)):
            naming.QUESTION_EVIDENCE, naming.QUESTION_MARGIN = ((2, two), (1, one)), margin
            got = [(naming.asked_topic(q, snapshot), t) for q, t in positives]
            right = sum(1 for a, t in got if a == t)
            wrong = sum(1 for a, t in got if a is not None and a != t)
            off = sum(1 for q in negatives if not offtopic(q) and naming.asked_topic(q, snapshot) is not None)
            print(f"{two:>8} / {one:<6}           {margin:>6}  {right:>5}  {wrong:>5}  {off:>5}")
    finally:
        naming.QUESTION_EVIDENCE, naming.QUESTION_MARGIN = saved


if __name__ == "__main__":
    main()
    calibrate_questions()
