"""The one colloquial normalisation table (knowledge/colloquial.yml), applied to questions.

People type 咋/啥/图个啥, English names and single letters ("SWOT里的W"); the knowledge
base and the question-word tables use standard Chinese. Rewriting the question once, before
matching, retrieval and facet choice, lets every later step stay simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.normalize import normalize

TABLE = Path(__file__).resolve().parents[2] / "knowledge" / "colloquial.yml"


@dataclass(frozen=True, eq=False)  # hashed by identity: one table per file load
class Colloquial:
    words: dict[str, str]
    letters: dict[str, dict[str, str]]  # model name → letter/English word → Chinese term
    english: dict[str, str]
    cues: tuple[frozenset[str], ...]
    chat: dict[str, tuple[str, ...]]  # small-talk kind → phrases
    offtopic: tuple[str, ...]
    trades: dict[str, tuple[str, ...]] = field(default_factory=dict)  # trade → words naming it

    def trades_in(self, text: str) -> frozenset[str]:
        """The trades a text names ("支行" → 银行)."""
        norm = normalize(text)
        return frozenset(trade for trade, words in self.trades.items() if any(w in norm for w in words))

    def vocabulary(self) -> frozenset[str]:
        """Every word the table names: real words, however rare jieba finds them ("网店")."""
        words = {*self.words, *self.words.values(), *self.offtopic}
        words.update(w for group in self.cues for w in group)
        words.update(w for trade_words in self.trades.values() for w in trade_words)
        return frozenset(words)

    def cue_group(self, word: str) -> frozenset[str]:
        """The words that ask for the same content as ``word`` (itself when none)."""
        for group in self.cues:
            if word in group:
                return group
        return frozenset((word,))


@lru_cache(maxsize=4)
def load_table(path: Path = TABLE) -> Colloquial:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    low = lambda mapping: {normalize(str(k)): str(v) for k, v in (mapping or {}).items()}  # noqa: E731
    return Colloquial(
        words=low(data.get("words")),
        letters={normalize(str(model)): low(table) for model, table in (data.get("letters") or {}).items()},
        english=low(data.get("english")),
        cues=tuple(frozenset(normalize(w) for w in group) for group in data.get("cues") or []),
        chat={kind: tuple(normalize(str(p)) for p in phrases) for kind, phrases in (data.get("chat") or {}).items()},
        offtopic=tuple(normalize(str(w)) for w in data.get("offtopic") or []),
        trades={trade: tuple(normalize(str(w)) for w in words) for trade, words in (data.get("trades") or {}).items()},
    )


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(table: Colloquial) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    words = re.compile(_alternation(list(table.words))) if table.words else re.compile(r"(?!)")
    # English phrases only as whole words: "place" must not fire inside "placement".
    english = (re.compile(rf"(?<![a-z])(?:{_alternation(list(table.english))})(?![a-z])")
               if table.english else None)
    return words, english


def _expand_letters(text: str, table: Colloquial, context: str) -> str:
    """"SWOT里的W" → "SWOT里的W（劣势）" when the model is named here or in ``context``."""
    scope = text + " " + context
    for model, terms in table.letters.items():
        if model not in scope:
            continue
        pattern = re.compile(rf"(?<![a-z0-9])({_alternation(list(terms))})(?![a-z])")

        def add_term(match: re.Match[str], terms: dict[str, str] = terms) -> str:
            return f"{match.group(1)}（{terms[match.group(1)]}）"

        # The model's own name is not a letter of it ("smart" is not s-m-a-r-t here).
        parts = re.split(rf"({re.escape(model)})", text)
        text = "".join(p if p == model else pattern.sub(add_term, p) for p in parts)
    return text


def rewrite(text: str, context: str = "", table: Colloquial | None = None) -> str:
    """Normalised ``text`` in the knowledge base's wording.

    ``context`` is the name of the topic just discussed, so a follow-up "那W呢" after SWOT
    is read as SWOT's W.
    """
    table = table or load_table()
    words, english = _patterns(table)
    text = normalize(text)
    text = _expand_letters(text, table, normalize(context))
    if english is not None:
        text = english.sub(lambda m: table.english[m.group(0)], text)
    return words.sub(lambda m: table.words[m.group(0)], text)
