"""Every section of the customer's documents is covered by at least one knowledge entry."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.knowledge.loader import KNOWLEDGE_DIR, read_knowledge
from tests.seeds import SEEDS


def listed_sections() -> dict[str, list[str]]:
    return yaml.safe_load((KNOWLEDGE_DIR / "sections.yml").read_text(encoding="utf-8"))


def detected_titles(text: str) -> list[str]:
    """Titles the documents mark by repeating them (a heading line, then the same line or
    a paragraph that starts with it)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line, nxt in zip(lines, lines[1:], strict=False)
            if 2 <= len(line) <= 40 and (nxt == line or (nxt.startswith(line) and len(nxt) > len(line)))]


def test_listed_titles_occur_verbatim_in_their_documents() -> None:
    for doc, titles in listed_sections().items():
        text = (SEEDS / doc).read_text(encoding="utf-8")
        assert [t for t in titles if t not in text] == [], doc


def test_every_detected_heading_is_listed() -> None:
    for doc, titles in listed_sections().items():
        text = (SEEDS / doc).read_text(encoding="utf-8")
        assert sorted(set(detected_titles(text)) - set(titles)) == [], doc


def test_every_section_is_cited_by_knowledge() -> None:
    cited: set[tuple[str, str]] = set()
    for topic in read_knowledge().topics:
        cited.update((s.doc, s.section) for s in topic.sources)
        for facet in topic.facets:
            cited.update((s.doc, s.section) for s in facet.sources)
    missing = [(doc, t) for doc, titles in listed_sections().items() for t in titles if (doc, t) not in cited]
    assert missing == []
    assert sum(len(t) for t in listed_sections().values()) >= 60


def test_knowledge_is_written_in_own_words() -> None:
    norm = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    source = "".join(norm(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt"))
    grams = {source[i:i + 30] for i in range(len(source) - 30)}
    copied = []
    for path in Path(KNOWLEDGE_DIR).rglob("*.yml"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            t = norm(line)
            if len(t) >= 30 and any(t[i:i + 30] in grams for i in range(len(t) - 29)):
                copied.append(f"{path.name}:{n}")
    assert copied == []
