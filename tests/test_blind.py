"""The blind question set (tests/blind/, written from the documents alone, never trained on)
is answered through the live servers.

The target of issue 10 is ≥ 95 % overall and ≥ 90 % in every part; it is NOT met yet
(docs/quality.md has the figures). Until it is, this test is a regression floor just below
what the shipped bot measures, so a change that loses blind answers fails here. Raise the
floors whenever the measured figures rise; never lower them to pass.
"""

from __future__ import annotations

import pytest

from bot.knowledge.loader import read_knowledge
from bot.normalize import normalize
from tests.blind.evaluate import PARTS, format_summary, load_items, run, summary
from tests.test_heldout import training_examples

OVERALL = 0.92  # measured 0.927 (docs/quality.md)
PER_PART = {"concepts": 0.91, "situations": 0.78, "roles": 0.91, "followups": 0.91,
            "smalltalk": 0.9, "offtopic": 0.95}


def test_blind_set_is_large_complete_and_never_trained_on() -> None:
    items = load_items()
    assert len(items) >= 300
    assert {item.part for item in items} == set(PARTS)
    assert sum(item.expect == "decline" for item in items) >= 80
    trained = training_examples()
    assert [t for item in items for t in item.turns if normalize(t) in trained] == []


def test_no_blind_question_is_an_example_question_of_the_knowledge() -> None:
    examples = {normalize(q) for topic in read_knowledge().topics for q in topic.questions}
    assert [t for item in load_items() for t in item.turns if normalize(t) in examples] == []


@pytest.mark.servers
def test_blind_accuracy(bot_servers) -> None:
    results = run(bot_servers.say, load_items())
    table = summary(results)
    misses = "\n".join(f"[{r.part}] {r.question} → {r.reply[:80]!r}" for r in results if not r.ok)
    report = format_summary(table) + "\nmisses:\n" + misses
    ok, total = table["overall"]
    assert ok / total >= OVERALL, report
    assert all(ok / total >= PER_PART[part] for part, (ok, total) in table.items() if part != "overall"), report
