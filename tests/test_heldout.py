"""The held-out questions (never trained on) are answered with the right topic ≥ 95 %."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.normalize import normalize
from tests.heldout.evaluate import MODEL, evaluate, load_set

DATA = Path(__file__).resolve().parents[1] / "data"
TARGET = 0.95


def training_examples() -> set[str]:
    examples = set()
    for path in DATA.rglob("*.yml"):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:  # lookup tables list names, not questions
                continue
            for line in (block.get("examples") or "").splitlines():
                text = line.strip().removeprefix("- ")
                # strip entity annotations: [text](entity) → text
                while "](" in text:
                    start = text.index("[")
                    mid = text.index("](", start)
                    end = text.index(")", mid)
                    text = text[:start] + text[start + 1:mid] + text[end + 1:]
                examples.add(normalize(text))
    return examples


def heldout_questions() -> list[dict]:
    data = load_set()
    return data["questions"] + [t for c in data["conversations"] for t in c["turns"]]


def test_heldout_set_is_large_and_disjoint_from_training_data(snapshot) -> None:
    questions = heldout_questions()
    assert len(questions) >= 150
    overlap = [q["q"] for q in questions if normalize(q["q"]) in training_examples()]
    assert overlap == []
    examples = {normalize(q) for topic in snapshot.ordered() for q in topic.questions}
    assert [q["q"] for q in questions if normalize(q["q"]) in examples] == [], "held-out = example question"
    covered = {q["topic"] for q in questions}
    assert set(snapshot.topics) <= covered, "every topic and role has held-out questions"


@pytest.mark.skipif(not MODEL.exists(), reason="needs the trained model (make test trains it)")
def test_heldout_accuracy(snapshot) -> None:
    outcomes = evaluate(snapshot)
    misses = [f"{o.question} → {o.got} (expected {o.expected})" for o in outcomes if not o.ok]
    accuracy = 1 - len(misses) / len(outcomes)
    assert accuracy >= TARGET, f"accuracy {accuracy:.3f} < {TARGET}; misses:\n" + "\n".join(misses)
