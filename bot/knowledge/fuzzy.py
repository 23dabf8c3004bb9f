"""Sound-alike matching of knowledge names, for pinyin-input typos (售后服务经里 → 售后服务经理).

Staff type Chinese with pinyin input methods, so the usual typo is a wrong character with
the same or a near sound. Comparing names by toneless pinyin, with the commonly confused
initials and finals folded together, catches those typos without fuzzy string distance's
false positives on short names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin

MIN_HAN_CHARS = 3  # shorter names are too ambiguous to match by sound
_FOLD = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("ing", "in"), ("eng", "en"), ("ang", "an")]
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8192)
def char_sound(ch: str) -> str:
    """Folded toneless pinyin of one character; non-Han characters stand for themselves."""
    if not _HAN.match(ch):
        return ch.lower()
    sound = lazy_pinyin(ch)[0]
    for a, b in _FOLD:
        sound = sound.replace(a, b)
    if sound.startswith("l"):
        sound = "n" + sound[1:]
    return sound


def sounds(text: str) -> tuple[str, ...]:
    return tuple(char_sound(ch) for ch in text)


@dataclass(frozen=True)
class SoundMatch:
    start: int
    end: int
    key: str  # the name that matched (as given in ``names``)


class SoundIndex:
    """Names indexed by the sound of their first character."""

    def __init__(self, names: list[str], min_han: int = MIN_HAN_CHARS) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name in names:
            if len(_HAN.findall(name)) < min_han:
                continue
            key = sounds(name)
            self._by_first.setdefault(key[0], []).append((key, name))
        for bucket in self._by_first.values():
            bucket.sort(key=lambda item: -len(item[0]))

    def find(self, text: str) -> list[SoundMatch]:
        """All sound-alike occurrences (overlaps included; the caller picks the longest)."""
        text_sounds = sounds(text)
        found = []
        for start, first in enumerate(text_sounds):
            for key, name in self._by_first.get(first, ()):
                end = start + len(key)
                if text_sounds[start:end] == key and text[start:end] != name:
                    found.append(SoundMatch(start, end, name))
        return found


def within_one_edit(a: str, b: str) -> bool:
    """Damerau–Levenshtein distance ≤ 1 (swto ↔ swot, smrt ↔ smart)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_ASCII_RUN = re.compile(r"[a-z][a-z0-9]{3,}")


def ascii_typos(text: str, names: list[str]) -> list[SoundMatch]:
    """Latin-letter words one edit away from a Latin-letter name of four or more letters."""
    candidates = [n for n in names if n.isascii() and n.isalpha() and len(n) >= 4]
    found = []
    for run in _ASCII_RUN.finditer(text):
        for name in candidates:
            if run.group(0) != name and within_one_edit(run.group(0), name):
                found.append(SoundMatch(run.start(), run.end(), name))
                break
    return found
