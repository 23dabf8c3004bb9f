"""Scores the blind question set against the bot as it ships.

The set (``set_*.yml`` beside this file) was written by helpers who were given only the two
customer documents, never ``knowledge/``, ``data/`` or ``tests/``; it is never trained on.
Every question goes through the real Rasa server and action server over the REST channel,
so the score covers NLU, rules, the action's conversation state and the reply text.

An item passes when the reply is not a decline and, for every group in ``expect``, one of
the group's alternatives occurs in the reply text (case and whitespace ignored); an
off-topic item passes when the reply is a decline. A follow-up conversation sends all its
turns under one sender and scores the last reply.

Run on its own to print per-part figures and the misses:
``.venv/bin/python -m tests.blind.evaluate [--json results/blind.json]``.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from bot import texts

HERE = Path(__file__).resolve().parent
PARTS = ("concepts", "situations", "roles", "followups", "smalltalk", "offtopic")
# Reply openings that mean "I have no answer for this".
DECLINE_MARKERS = (texts.OUT_OF_SCOPE[:12], texts.UNKNOWN_ANSWER[:12])
_SPACE = re.compile(r"\s+")


@dataclass
class Item:
    part: str
    turns: list[str]
    expect: list[list[str]] | str
    source: str = ""


@dataclass
class Result:
    part: str
    question: str
    ok: bool
    reply: str


def load_items(folder: Path = HERE) -> list[Item]:
    items: list[Item] = []
    for path in sorted(folder.glob("set_*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for part, entries in data.items():
            for entry in entries or []:
                turns = entry.get("turns") or [entry["q"]]
                items.append(Item(part, [str(t) for t in turns], entry["expect"], entry.get("source", "")))
    return items


def is_decline(reply: str) -> bool:
    return any(marker in reply for marker in DECLINE_MARKERS)


def _squash(text: str) -> str:
    return _SPACE.sub("", text).lower()


def passes(item: Item, reply: str) -> bool:
    if item.expect == "decline":
        return is_decline(reply)
    if is_decline(reply) or not reply.strip():
        return False
    said = _squash(reply)
    return all(any(_squash(alt) in said for alt in group) for group in item.expect)


def run(say: Callable[[str, str], str], items: list[Item]) -> list[Result]:
    """``say(sender, text)`` returns the bot's reply text; each item gets a fresh sender."""
    results = []
    stamp = time.time_ns()
    for n, item in enumerate(items):
        sender = f"blind-{stamp}-{n}"
        reply = ""
        for turn in item.turns:
            reply = say(sender, turn)
        results.append(Result(item.part, " → ".join(item.turns), passes(item, reply), reply))
    return results


def summary(results: list[Result]) -> dict[str, tuple[int, int]]:
    """Per part (and "overall"): (passed, total)."""
    table: dict[str, tuple[int, int]] = {}
    for part in (*PARTS, "overall"):
        chosen = [r for r in results if part == "overall" or r.part == part]
        if chosen:
            table[part] = (sum(r.ok for r in chosen), len(chosen))
    return table


def format_summary(table: dict[str, tuple[int, int]]) -> str:
    return "\n".join(f"{part:<11} {ok:>4}/{total:<4} {ok / total:6.1%}" for part, (ok, total) in table.items())


def _main() -> None:
    from tests.support.servers import BotServers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--misses", action="store_true", help="print the failed items")
    parser.add_argument("--folder", type=Path, default=HERE,
                        help="score the set_*.yml of another folder (the development set, tests/dev)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        servers = BotServers(Path(workdir)).start()
        try:
            results = run(servers.say, load_items(args.folder))
        finally:
            servers.stop()
    if args.misses:
        for r in results:
            if not r.ok:
                print(f"MISS [{r.part}] {r.question}\n     {r.reply[:160]!r}")
    print(format_summary(summary(results)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload: list[dict[str, Any]] = [asdict(r) for r in results]
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    _main()
