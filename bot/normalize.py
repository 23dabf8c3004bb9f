"""Text normalisation shared by matching, retrieval and the NLU components.

Full-width and half-width forms, letter case and stray whitespace must not change what a
question means, so every comparison goes through :func:`normalize`.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_BRACKETED_NOTE = re.compile(r"[（(][^）)]*[）)]")


def normalize(text: str) -> str:
    """NFKC (full-width → half-width), lower case, collapsed whitespace."""
    text = unicodedata.normalize("NFKC", text or "")
    return _SPACES.sub(" ", text).strip().lower()


def without_notes(text: str) -> str:
    """Text without its bracketed notes ("价格策略（通识）" → "价格策略"): a note is no word a user says."""
    return _BRACKETED_NOTE.sub("", text)


def as_command(text: str) -> str:
    """A whole message as a command word: normalised, without closing punctuation ("好的！" → "好的")."""
    return normalize(text).strip("。.!！~～ ")


def apply_synonyms(text: str, synonyms: dict[str, str]) -> str:
    """Replace colloquial words by the knowledge base's word in one left-to-right pass.

    Canonical words match too (mapping to themselves), so "总成本领先" is not rewritten
    again through its inner "成本领先".
    """
    if not synonyms:
        return text
    table = {**{v: v for v in synonyms.values()}, **synonyms}
    pattern = re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)
