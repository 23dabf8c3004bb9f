"""Files generated from the knowledge base for Rasa: jieba user dictionary and NLU lookups.

One source of truth: names and aliases live in ``knowledge/``; these files are derived
from it by ``python -m bot generate`` (run by ``make``) and never edited by hand.
"""

from __future__ import annotations

from pathlib import Path

from bot.db import PROJECT_ROOT
from bot.knowledge.schema import KnowledgeSet
from bot.normalize import normalize

JIEBA_DICT = PROJECT_ROOT / "var" / "jieba" / "userdict.txt"
LOOKUPS = PROJECT_ROOT / "data" / "nlu" / "generated_lookups.yml"
HEADER = "# GENERATED from knowledge/ by `python -m bot generate` — do not edit by hand.\n"


def names_by_kind(knowledge: KnowledgeSet) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"concept": [], "role": []}
    for topic in knowledge.topics:
        for name in (topic.name, *topic.aliases):
            if name not in out[topic.kind]:
                out[topic.kind].append(name)
    return out


def jieba_dictionary(knowledge: KnowledgeSet) -> str:
    """One word per line with a high frequency, so jieba keeps every name in one piece."""
    words = []
    for names in names_by_kind(knowledge).values():
        for name in names:
            word = normalize(name).replace(" ", "")
            if len(word) >= 2 and word not in words:
                words.append(word)
    return "".join(f"{w} 200000 n\n" for w in words)


def lookups_yaml(knowledge: KnowledgeSet) -> str:
    lines = [HEADER, 'version: "3.1"\n', "nlu:\n"]
    for kind, names in names_by_kind(knowledge).items():
        lines.append(f"- lookup: {kind}\n  examples: |\n")
        lines.extend(f"    - {name}\n" for name in names)
    return "".join(lines)


def write_generated(knowledge: KnowledgeSet) -> list[Path]:
    """Write the generated files; only touch a file whose content changed (keeps make quiet)."""
    written = []
    for path, content in ((JIEBA_DICT, jieba_dictionary(knowledge)), (LOOKUPS, lookups_yaml(knowledge))):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written
