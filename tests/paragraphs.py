"""Paragraph-level coverage: is every fact-stating paragraph of the documents reachable?

Section coverage (``tests/test_coverage.py``) proves each section is cited; it says nothing
about the numbers, lists and examples inside a section. Here every distinct paragraph (line)
of both documents is compared with the knowledge passages that retrieval searches: its
*content words* (jieba tokens without stopwords, two characters or more, or containing a
digit) count as found when the passage contains them, directly or through the synonym
table. A paragraph is covered when one passage holds at least ``WORD_SHARE`` of its words.

Paragraphs that state no fact (page furniture, broken text, duplicates in other words) are
listed in ``knowledge/uncovered.yml`` with a reason each and left out of the count.

Run on its own to list the uncovered paragraphs of one document:
``.venv/bin/python -m tests.paragraphs [doc-prefix]``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.knowledge.loader import KNOWLEDGE_DIR
from bot.knowledge.matcher import matcher_for
from bot.knowledge.repository import Snapshot
from bot.knowledge.retrieval import passages_from
from bot.knowledge.tokenize import tokens
from bot.normalize import normalize
from tests.seeds import SEEDS

EXCLUDED_FILE = KNOWLEDGE_DIR / "uncovered.yml"
WORD_SHARE = 0.6
TARGET = 0.97
_SPACES = re.compile(r"\s+")
_FURNITURE = re.compile(r"^[\W\d_a-z]*$")  # numbers, punctuation, bare letters


@dataclass(frozen=True)
class Paragraph:
    doc: str
    line: int
    text: str
    words: tuple[str, ...]


def content_words(text: str) -> tuple[str, ...]:
    words = [t for t in tokens(text) if len(t) >= 2 or any(c.isdigit() for c in t)]
    return tuple(dict.fromkeys(words))


def paragraphs(doc: Path) -> list[Paragraph]:
    """Distinct non-empty lines with at least one content word, first occurrence only."""
    seen: set[str] = set()
    out = []
    for n, raw in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        text = _SPACES.sub("", raw)
        key = normalize(text)
        if not key or key in seen or _FURNITURE.match(key):
            continue
        seen.add(key)
        words = content_words(text)
        if words:
            out.append(Paragraph(doc.name, n, text, words))
    return out


def excluded() -> dict[tuple[str, int], str]:
    """(doc, line) → reason, from knowledge/uncovered.yml."""
    if not EXCLUDED_FILE.exists():
        return {}
    data = yaml.safe_load(EXCLUDED_FILE.read_text(encoding="utf-8")) or {}
    return {(doc, int(entry["line"])): str(entry["reason"])
            for doc, entries in (data.get("excluded") or {}).items() for entry in entries or []}


class CoverageIndex:
    """Passage texts of a snapshot, searched by substring (the paragraphs are few)."""

    def __init__(self, snapshot: Snapshot) -> None:
        # Segment as the running product does: its matcher teaches jieba every knowledge
        # name on the first question, so the measurement must not depend on test order.
        matcher_for(snapshot)
        self.synonyms = snapshot.synonyms
        self.texts = [normalize(p.text) for p in passages_from(snapshot)]

    def _forms(self, word: str) -> set[str]:
        forms = {normalize(word)}
        if word in self.synonyms:
            forms.add(normalize(self.synonyms[word]))
        return forms

    def share(self, paragraph: Paragraph) -> float:
        """The largest share of the paragraph's words that one passage holds."""
        forms = [self._forms(w) for w in paragraph.words]
        best = 0
        for text in self.texts:
            found = sum(any(f in text for f in fs) for fs in forms)
            best = max(best, found)
            if best == len(forms):
                break
        return best / len(forms)


def measure(snapshot: Snapshot) -> tuple[list[Paragraph], list[tuple[Paragraph, float]]]:
    """All counted paragraphs and the uncovered ones with their share."""
    index = CoverageIndex(snapshot)
    skip = excluded()
    counted, uncovered = [], []
    for doc in sorted(SEEDS.glob("*.txt")):
        for paragraph in paragraphs(doc):
            if (paragraph.doc, paragraph.line) in skip:
                continue
            counted.append(paragraph)
            share = index.share(paragraph)
            if share < WORD_SHARE:
                uncovered.append((paragraph, share))
    return counted, uncovered


if __name__ == "__main__":
    from bot.knowledge.repository import read_snapshot

    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    counted, missing = measure(read_snapshot())
    for paragraph, share in missing:
        if paragraph.doc.startswith(prefix):
            print(f"{paragraph.doc[:3]}:{paragraph.line} {share:.2f} {paragraph.text[:100]}")
    print(f"covered {len(counted) - len(missing)}/{len(counted)} = {1 - len(missing) / len(counted):.3f}")
