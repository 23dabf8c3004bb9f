"""Finds knowledge names in a message — longest match wins.

Kept apart from the Rasa component so it can be unit tested and used by the advisor without
a Rasa graph. Short names (服务, 4P) count only on token boundaries, so the matcher takes a
segmenter: jieba by default (the action server must not import spaCy, which pulls in
TensorFlow), spaCy's blank ``zh`` with the jieba segmenter in the NLU component. Patterns
come from a knowledge :class:`~bot.knowledge.repository.Snapshot`, so the aliases in the
database are the only source of names.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import jieba

from bot.knowledge.fuzzy import SoundIndex, ascii_typos
from bot.knowledge.repository import Snapshot
from bot.knowledge.tokenize import add_words
from bot.normalize import normalize

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
    def __init__(self, snapshot: Snapshot, segment: Callable[[str], list[str]] | None = None) -> None:
        self.revision = snapshot.revision
        self.owner: dict[str, tuple[str, str]] = {}
        for topic in snapshot.ordered():
            for alias in (topic.name, *topic.aliases):
                key = normalize(alias)
                if key:
                    self.owner.setdefault(key, (topic.id, topic.kind))
        add_words(list(self.owner))
        self.segment = segment or jieba.lcut
        # Names as token sequences: a name matches where the message's tokens spell it.
        self.token_names: dict[tuple[str, ...], str] = {}
        for key in self.owner:
            self.token_names.setdefault(tuple(t for t in self.segment(key) if t.strip()), key)
        self.longest_name = max((len(k) for k in self.token_names), default=0)
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

    def _token_matches(self, norm: str) -> list[tuple[int, int]]:
        """Character spans where consecutive tokens spell a name."""
        spans, offsets, position = [], [], 0
        words = []
        for token in self.segment(norm):
            start = norm.find(token, position)
            position = start + len(token)
            if token.strip():
                words.append(token)
                offsets.append((start, position))
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + self.longest_name) + 1):
                if tuple(words[i:j]) in self.token_names:
                    spans.append((offsets[i][0], offsets[j - 1][1]))
        return spans

    def find(self, text: str) -> list[Mention]:
        norm, origin = _normalized_with_offsets(text)
        candidates: list[tuple[int, int, str]] = []  # (start, end, method) in norm offsets
        candidates.extend((start, end, "exact") for start, end in self._token_matches(norm))
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


_matchers: dict[str, KnowledgeMatcher] = {}
_matchers_lock = threading.Lock()


def matcher_for(snapshot: Snapshot) -> KnowledgeMatcher:
    """The matcher of a snapshot, built once per knowledge revision (thread-safe)."""
    with _matchers_lock:
        matcher = _matchers.get(snapshot.revision)
        if matcher is None:
            _matchers.clear()
            matcher = _matchers[snapshot.revision] = KnowledgeMatcher(snapshot)
        return matcher
