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

from bot.advisor import Question, respond
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


def to_question(parse: dict[str, Any], last_topic: str | None, last_aspect: str | None,
                previous_topic: str | None = None) -> Question:
    entities = sorted(parse.get("entities") or [], key=lambda e: e.get("start", 0))
    topics = [e["value"] for e in entities if e.get("entity") in ("concept", "role")]
    return Question(
        text=parse.get("text") or "", intent=(parse.get("intent") or {}).get("name"),
        topics=list(dict.fromkeys(topics)), last_topic=last_topic, last_aspect=last_aspect,
        previous_topic=previous_topic,
    )


def judge(item: dict[str, Any], parse: dict[str, Any], question: Question, snapshot: Snapshot) -> Outcome:
    expected = item["topic"]
    reply = respond(question, snapshot)
    got = reply.topic_id if reply.kind not in ("unknown", "need_topic", "out_of_scope") else OUT_OF_SCOPE
    ok = got == expected
    if item.get("compare"):
        # A comparison is right when both topics are in the reply, whichever comes first.
        names = {snapshot.topics[t].name for t in (expected, item["compare"])}
        ok = reply.kind in ("compare", "answer") and all(n in reply.text for n in names)
    return Outcome(item["q"], expected, got, reply.kind, question.intent, ok, item.get("compare"))


async def _evaluate(snapshot: Snapshot, model: Path) -> list[Outcome]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    data = load_set()
    outcomes = []
    for item in data.get("questions", []):
        parse = await agent.parse_message(item["q"])
        outcomes.append(judge(item, parse, to_question(parse, None, None), snapshot))
    for conversation in data.get("conversations", []):
        last_topic = last_aspect = previous_topic = None
        for turn in conversation["turns"]:
            parse = await agent.parse_message(turn["q"])
            question = to_question(parse, last_topic, last_aspect, previous_topic)
            outcome = judge(turn, parse, question, snapshot)
            outcomes.append(outcome)
            if outcome.kind not in ("out_of_scope", "unknown", "need_topic"):
                reply = respond(question, snapshot)
                if reply.topic_id != last_topic:
                    previous_topic = last_topic
                last_topic, last_aspect = reply.topic_id, reply.aspect
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
