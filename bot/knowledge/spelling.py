"""Pinyin-typo correction of ordinary words before matching ("网点排对太久" → 排队, 投述 → 投诉).

Knowledge names are matched by sound already (:mod:`bot.knowledge.fuzzy`); the words around
them were not, so one wrong character left retrieval without the message's key word. A
stretch of two or three Chinese characters that jieba leaves as no word (absent from its
dictionary and from the knowledge) is replaced by the one knowledge word that sounds the same; with
two or more such words it is left alone. Real words are never touched ("公式" stays 公式
although it sounds like 公司).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import jieba

from bot.knowledge.colloquial import load_table
from bot.knowledge.fuzzy import sounds
from bot.knowledge.repository import Snapshot
from bot.knowledge.tokenize import tokens

WORD_LENGTHS = (3, 2)  # longer stretches first
MAX_TYPO_FREQUENCY = 10  # jieba counts below this are typos or rare words, not words
_ALL_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# Characters of everyday grammar: a stretch holding one is colloquial wording jieba does not
# know ("新来", "那层"), not a typo of a knowledge word.
FUNCTION_CHARS = frozenset("那哪这来去的地得了着过是我你他她它们点个些么呢吧啊呀嘛就都也还又在有没不要会能想让把被给从")


class Speller:
    """Sound-alike vocabulary of the knowledge, by the folded sound of each word."""

    def __init__(self, words: Iterable[str], known: Iterable[str] = ()) -> None:
        """``words`` are the corrections on offer; ``known`` are words beside them that are
        never typos (the colloquial table's trade and synonym words: "网店" is no 网点)."""
        jieba.initialize()  # its word frequencies tell words from typos; empty until loaded
        self.vocabulary = {w for w in words if len(w) in WORD_LENGTHS and _ALL_HAN.match(w)}
        self.known = frozenset(known)
        self._by_sound: dict[tuple[str, ...], set[str]] = {}
        for word in self.vocabulary:
            self._by_sound.setdefault(sounds(word), set()).add(word)

    def _is_word(self, text: str) -> bool:
        return (text in self.vocabulary or text in self.known
                or (jieba.get_FREQ(text) or 0) >= MAX_TYPO_FREQUENCY)

    def _replacement(self, stretch: str) -> str | None:
        if (len(stretch) not in WORD_LENGTHS or not _ALL_HAN.match(stretch) or self._is_word(stretch)
                or any(ch in FUNCTION_CHARS for ch in stretch)):
            return None
        candidates = self._by_sound.get(sounds(stretch), set())
        if len(candidates) != 1:
            return None
        fixed = next(iter(candidates))
        if len(stretch) == 2 and not any(a == b for a, b in zip(stretch, fixed, strict=True)):
            return None  # two characters, neither typed right: "自建" is no 之间
        return fixed

    def correct(self, text: str) -> str:
        """``text`` with non-words replaced by their one sound-alike knowledge word.

        Only what jieba leaves as a non-word is a candidate: one of its tokens, or two
        single characters in a row (a typo often splits into those). A stretch across two
        real words ("第二个|是") is never one.
        """
        pieces = jieba.lcut(text)
        out, i = [], 0
        while i < len(pieces):
            piece = pieces[i]
            fixed = self._replacement(piece) if len(piece) > 1 else None
            following = pieces[i + 1] if i + 1 < len(pieces) else ""
            if fixed is None and len(piece) == 1 and len(following) == 1:
                fixed = self._replacement(piece + following)
                if fixed is not None:
                    i += 1
            elif fixed is None and len(piece) == 1 and len(following) == 2 and not self._is_word(following):
                # "从陪训上": the typo's second character went into a non-word ("训上").
                fixed = self._replacement(piece + following[0])
                if fixed is not None:
                    pieces[i + 1] = following[1:]
            out.append(fixed or piece)
            i += 1
        return "".join(out)


def _knowledge_words(snapshot: Snapshot) -> list[str]:
    """Words of the knowledge's own text. Example questions are left out: they are written
    the way people type, typos included ("竟争原则有几条"), and a typo there would count as
    a word and never be corrected."""
    words: list[str] = []
    for topic in snapshot.ordered():
        texts = [topic.name, *topic.aliases, topic.summary]
        texts += [f"{facet.title} {' '.join(facet.items)}" for facet in topic.facets]
        for text in texts:
            words.extend(tokens(text))
    return words


_cache: dict[str, Speller] = {}


def speller_for(snapshot: Snapshot) -> Speller:
    """The speller of a snapshot, built once per knowledge revision."""
    speller = _cache.get(snapshot.revision)
    if speller is None:
        _cache.clear()
        known = {*load_table().vocabulary(), *snapshot.synonyms, *snapshot.synonyms.values()}
        speller = _cache[snapshot.revision] = Speller(_knowledge_words(snapshot), known)
    return speller
