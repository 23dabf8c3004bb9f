"""Finds knowledge names in a message with spaCy (jieba segmenter) — longest match wins.

Kept apart from the Rasa component so it can be unit tested and reused without a Rasa
graph. Patterns come from a knowledge :class:`~bot.knowledge.repository.Snapshot`, so the
aliases in the database are the only source of names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from bot.knowledge.fuzzy import SoundIndex, ascii_typos
from bot.knowledge.normalize import normalize
from bot.knowledge.repository import Snapshot
from bot.knowledge.tokenize import add_words

_ASCII_WORD = re.compile(r"[a-z0-9]")


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into the original text
    end: int
    text: str
    topic_id: str
    topic_kind: str  # "concept" | "role"
    method: str  # "exact" | "sound"


def _normalized_with_offsets(text: str) -> tuple[str, list[int]]:
    """Per-character NFKC + lower case, with a map from normalised to original offsets."""
    chars, origin = [], []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch).lower()
        for out in norm:
            chars.append(out)
            origin.append(i)
    origin.append(len(text))
    return "".join(chars), origin


class KnowledgeMatcher:
    def __init__(self, snapshot: Snapshot) -> None:
        self.revision = snapshot.revision
        self.owner: dict[str, tuple[str, str]] = {}
        for topic in snapshot.ordered():
            for alias in (topic.name, *topic.aliases):
                key = normalize(alias)
                if key:
                    self.owner.setdefault(key, (topic.id, topic.kind))
        add_words(list(self.owner))
        self.nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for key, (topic_id, _) in self.owner.items():
            self.matcher.add(topic_id, [self.nlp.make_doc(key)])
        self.by_length = sorted(self.owner, key=len, reverse=True)
        self.sound_index = SoundIndex(list(self.owner))

    def _bounded(self, text: str, start: int, end: int) -> bool:
        """ASCII names (swot, 4p, so) must not sit inside a longer ASCII word."""
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        name = text[start:end]
        if _ASCII_WORD.match(name[0]) and _ASCII_WORD.match(before) and before.isascii():
            return False
        if _ASCII_WORD.match(name[-1]) and _ASCII_WORD.match(after) and after.isascii():
            return False
        return True

    def find(self, text: str) -> list[Mention]:
        norm, origin = _normalized_with_offsets(text)
        candidates: list[tuple[int, int, str]] = []  # (start, end, method) in norm offsets
        doc = self.nlp.make_doc(norm)
        for span in filter_spans([doc[s:e] for _, s, e in self.matcher(doc)]):
            candidates.append((span.start_char, span.end_char, "exact"))
        # Names split differently by the segmenter are still found as plain substrings;
        # two-character names only on token boundaries (服务 must not match inside 服务器).
        for key in self.by_length:
            if len(key) <= 2:
                continue
            start = norm.find(key)
            while start != -1:
                candidates.append((start, start + len(key), "exact"))
                start = norm.find(key, start + 1)
        typos = self.sound_index.find(norm) + ascii_typos(norm, list(self.owner))
        for match in typos:
            candidates.append((match.start, match.end, "sound"))
        chosen: list[tuple[int, int, str]] = []
        taken = [False] * len(norm)
        for start, end, method in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2] != "exact", c[0])):
            if any(taken[start:end]) or not self._bounded(norm, start, end):
                continue
            for i in range(start, end):
                taken[i] = True
            chosen.append((start, end, method))
        mentions = []
        for start, end, method in sorted(chosen):
            key = norm[start:end]
            if method == "sound":
                key = next(m.key for m in typos if (m.start, m.end) == (start, end))
            topic_id, kind = self.owner[key]
            o_start, o_end = origin[start], origin[end - 1] + 1
            mentions.append(Mention(o_start, o_end, text[o_start:o_end], topic_id, kind, method))
        return mentions
