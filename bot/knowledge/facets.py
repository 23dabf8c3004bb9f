"""Which facet of a topic answers the question, decided by evidence.

The question words give a facet *kind* (原则 → principles), but a user asking for 缺点、来源
or 怎么考核 names no kind the documents use: the facet whose title or items share the
question's remaining words (with the cue groups of knowledge/colloquial.yml standing for
one another) answers it. A facet answers only when it clearly beats the others; otherwise
the caller shows the summary and lists the facets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.colloquial import Colloquial, load_table
from bot.knowledge.repository import FacetView, TopicView
from bot.knowledge.tokenize import parts, tokens
from bot.normalize import normalize

# Facet kinds that answer a question about another kind when that one is absent
# ("SO战略要怎么做" asks for methods; the document lists measures).
KIND_FALLBACKS: dict[str, tuple[str, ...]] = {
    "methods": ("measures", "steps"), "measures": ("methods", "steps"), "steps": ("methods", "measures"),
    "types": ("elements",), "elements": ("types", "features"), "features": ("elements", "types"),
    "key_points": ("principles", "core_ideas"), "principles": ("key_points", "core_ideas"),
    "core_ideas": ("principles", "key_points"), "goals": ("importance",), "importance": ("goals",),
    "requirements": ("preconditions",), "preconditions": ("requirements",),
}
KIND_WEIGHT = 3.0  # the asked kind itself
FALLBACK_WEIGHT = 1.5  # a related kind
TITLE_WEIGHT = 2.0  # a question word in the facet title
ITEM_WEIGHT = 1.0  # a question word in the facet's best item
UNIQUE_ITEM_WEIGHT = 1.0  # that item is the only one of the facet with those words
MIN_SCORE = 2.0
MARGIN = 1.0
_ORDINAL = re.compile(r"第([一二三四五六七八九十\d]{1,2})(?:个|条|点|项|种|步|类|是|呢|$)")
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


@dataclass(frozen=True)
class FacetChoice:
    facet: FacetView | None
    item: int | None = None  # index of the item the question is about, when one stands out
    clear: bool = False  # the facet won on evidence (not a default)


_COMPOSITE = re.compile("[与和及、]")


def _words(text: str, names: set[str], composite: bool) -> list[str]:
    """Question content words, without the topic's own name (it is in every facet). A
    composite topic ("竞争地位与原则") said by one of its halves as one token keeps the word
    that names the half ("竞争的原则" keeps 原则)."""
    out = []
    for token in tokens(text):
        if token not in names:
            out.append(token)
        elif composite:
            out.extend(p for p in parts(token) if p not in names)
    return out


def _forms(word: str, table: Colloquial) -> frozenset[str]:
    group = table.cue_group(word)
    if len(group) > 1:
        return group
    # A longer word counts when a cue word sits inside it (缺点 in 主要缺点).
    for cue_group in table.cues:
        if any(len(cue) >= 2 and cue in word for cue in cue_group):
            return cue_group | {word}
    return frozenset((word,))


def _contains(text: str, form: str) -> bool:
    if len(form) == 1 and form.isascii():  # a letter ("r") only as a letter of its own
        return re.search(rf"(?<![a-z]){re.escape(form)}(?![a-z])", text) is not None
    return form in text


def _hits(forms: list[frozenset[str]], text: str) -> int:
    return sum(any(_contains(text, f) for f in fs) for fs in forms)


def score_facets(topic: TopicView, question: str, kind: str | None,
                 table: Colloquial | None = None) -> list[tuple[float, FacetView, int | None]]:
    """(score, facet, best item) for every facet, best first."""
    table = table or load_table()
    names = {normalize(n) for n in (topic.name, *topic.aliases)}
    # A word of a composite name ("竞争地位与原则") still picks the facet it titles
    # ("竞争的五项原则") when only some facets carry it.
    titles = [normalize(f.title) for f in topic.facets]
    composite = _COMPOSITE.search(topic.name) is not None
    names |= {t for n in names for token in tokens(n) for t in (token, *(parts(token) if composite else ()))
              if t in names or not 0 < sum(t in title for title in titles) <= len(titles) // 2}
    forms = [_forms(w, table) for w in _words(question, names, composite)]
    related = KIND_FALLBACKS.get(kind or "", ())
    scored = []
    for position, facet in enumerate(topic.facets):
        score = KIND_WEIGHT if facet.kind == kind else FALLBACK_WEIGHT if facet.kind in related else 0.0
        score += TITLE_WEIGHT * _hits(forms, normalize(facet.title))
        item_hits = [_hits(forms, normalize(item)) for item in facet.items]
        score += ITEM_WEIGHT * (max(item_hits) if item_hits else 0)
        best_item = None
        if item_hits and max(item_hits) > 0 and item_hits.count(max(item_hits)) == 1:
            best_item = item_hits.index(max(item_hits))
            score += UNIQUE_ITEM_WEIGHT
        scored.append((score, position, facet, best_item))
    ranked = sorted(scored, key=lambda s: (-s[0], s[1]))  # an earlier facet breaks ties
    return [(score, facet, item) for score, _, facet, item in ranked]


def choose_facet(topic: TopicView, question: str, kind: str | None,
                 table: Colloquial | None = None) -> FacetChoice:
    """The facet that clearly answers ``question`` or, failing that, no facet."""
    scored = score_facets(topic, question, kind, table)
    if not scored:
        return FacetChoice(None)
    best_score, best, item = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if best_score >= MIN_SCORE and best_score - second >= MARGIN:
        return FacetChoice(best, item, True)
    return FacetChoice(None)


def ordinal(text: str) -> int | None:
    """ "其中第二个" → 1 (zero-based), for follow-ups about one item of the last list."""
    match = _ORDINAL.search(normalize(text))
    if not match:
        return None
    raw = match.group(1)
    if raw.isdigit():
        return int(raw) - 1
    if raw == "十":
        return 9
    if raw.startswith("十"):
        return 9 + _CN_DIGITS.get(raw[1:], 0)
    return _CN_DIGITS.get(raw[0], 1) - 1
