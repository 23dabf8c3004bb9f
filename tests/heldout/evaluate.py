"""Runs the held-out questions through the trained NLU model and the advisor core.

Used by ``tests/test_heldout.py`` (which asserts the accuracy) and runnable on its own to
print the misses: ``python -m tests.heldout.evaluate``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.advisor import respond
from bot.answering.replies import Question
from bot.conversation import DialogueState, next_state, question_from
from bot.knowledge.repository import Snapshot

HELDOUT = Path(__file__).with_name("questions.yml")
MODEL = Path(__file__).resolve().parents[2] / "models" / "advisor.tar.gz"
OUT_OF_SCOPE = "out_of_scope"


@dataclass
class Outcome:
    question: str
    expected: str
    got: str | None
    kind: str
    intent: str | None
    ok: bool
    compare: str | None = None


def load_set(path: Path = HELDOUT) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def judge(item: dict[str, Any], question: Question, snapshot: Snapshot) -> tuple[Outcome, Any]:
    expected = item["topic"]
    reply = respond(question, snapshot)
    got = OUT_OF_SCOPE if reply.declined or reply.kind == "chat" else reply.topic_id
    ok = got == expected
    if item.get("compare"):
        # A comparison is right when both topics are in the reply, whichever comes first.
        names = {snapshot.topics[t].name for t in (expected, item["compare"])}
        ok = reply.kind in ("compare", "answer") and all(n in reply.text for n in names)
    return Outcome(item["q"], expected, got, reply.kind, question.intent, ok, item.get("compare")), reply


async def _evaluate(snapshot: Snapshot, model: Path) -> list[Outcome]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    data = load_set()
    outcomes = []
    for item in data.get("questions", []):
        parse = await agent.parse_message(item["q"])
        outcomes.append(judge(item, question_from(parse, DialogueState()), snapshot)[0])
    for conversation in data.get("conversations", []):
        # The conversation state is carried exactly as the action carries it.
        state = DialogueState()
        for turn in conversation["turns"]:
            parse = await agent.parse_message(turn["q"])
            outcome, reply = judge(turn, question_from(parse, state), snapshot)
            outcomes.append(outcome)
            state = next_state(state, reply)
    return outcomes


def evaluate(snapshot: Snapshot, model: Path = MODEL) -> list[Outcome]:
    return asyncio.run(_evaluate(snapshot, model))


if __name__ == "__main__":
    from bot.knowledge.repository import read_snapshot

    results = evaluate(read_snapshot())
    misses = [o for o in results if not o.ok]
    for o in misses:
        print(f"MISS {o.question!r}: expected {o.expected}{' vs ' + o.compare if o.compare else ''}, "
              f"got {o.got} ({o.kind}, intent {o.intent})")
    print(f"accuracy {len(results) - len(misses)}/{len(results)} = {1 - len(misses) / len(results):.3f}")
