"""Places a described workplace case in the documents' models (knowledge/situations.yml).

"我们网点口碑好，但附近新开了两家同类店，该走哪种战略" names no section, yet it holds a
strength (口碑好) and a threat (同类店): the ST quadrant, whose strategy the documents
describe. People describe the same case in endless wordings ("维修技术在片区数一数二",
"设施老了", "旅游市场回暖"), so a clause is read by its parts rather than by whole
phrases: an internal subject (技术, 设施, 团队) or an external one (市场, 需求, 小区) with a
positive or negative word makes a strength, weakness, opportunity or threat; competitors
are always a threat and a new demand always an opportunity. Cases that meet a strategy
type's preconditions (成本…低, 只做一类客户 …) point at that type. A case counts only when
the message asks for a way forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.normalize import normalize

TABLE = Path(__file__).resolve().parents[1] / "knowledge" / "situations.yml"
FACTORS = ("strength", "weakness", "opportunity", "threat")
GAP = normalize("…")  # "...": a cue "成本…低" holds its parts in this order
# Clauses end at punctuation and at the words that turn a description around.
_CLAUSE = re.compile(r"[,.;:!?，。；：！？、\s]+|但是|但|可是|可|不过|然而|而且|而|却|同时|并且")


@dataclass(frozen=True)
class Situation:
    topic_id: str
    quadrant: str | None  # "SO" … "WT" for a SWOT case
    cues: tuple[str, ...]  # the words that placed it, for the reply


@dataclass(frozen=True, eq=False)
class SituationTable:
    asks: tuple[str, ...]
    swot: dict[str, tuple[str, ...]]
    quadrants: dict[str, str]
    strategy_types: dict[str, tuple[str, ...]]
    internal: tuple[str, ...] = ()
    external: tuple[str, ...] = ()
    inverted: tuple[str, ...] = ()  # subjects where less is better (成本低 is a strength)
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    negation: tuple[str, ...] = ()


@lru_cache(maxsize=2)
def load_situations(path: Path = TABLE) -> SituationTable:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words = lambda values: tuple(normalize(str(v)) for v in values or [])  # noqa: E731
    subjects = data.get("subjects") or {}
    polarity = data.get("polarity") or {}
    return SituationTable(
        asks=words(data.get("asks")),
        swot={kind: words(data.get("swot", {}).get(kind)) for kind in FACTORS},
        quadrants={str(k).upper(): str(v) for k, v in (data.get("quadrants") or {}).items()},
        strategy_types={str(k): words(v) for k, v in (data.get("strategy_types") or {}).items()},
        internal=words(subjects.get("internal")),
        external=words(subjects.get("external")),
        inverted=words(subjects.get("inverted")),
        positive=words(polarity.get("positive")),
        negative=words(polarity.get("negative")),
        negation=words(polarity.get("negation")),
    )


def _has(text: str, cue: str) -> bool:
    if GAP not in cue:
        return bool(cue) and cue in text
    position = 0
    for part in cue.split(GAP):
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def _found(text: str, words: tuple[str, ...]) -> list[str]:
    """Cue words in ``text``, longest first, without counting one stretch twice."""
    hits: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        if _has(text, word) and not any(word in h for h in hits):
            hits.append(word)
    return hits


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(normalize(text)) if c]


def _polarity(clause: str, table: SituationTable) -> int:
    """+1 good, -1 bad, 0 unclear; "不好", "没那么强" turn a positive word around."""
    score = 0
    for word in _found(clause, table.positive):
        at = clause.find(word)
        negated = any(clause[max(0, at - len(n)):at] == n for n in table.negation)
        score += -1 if negated else 1
    score -= len([w for w in _found(clause, table.negative)
                  if not any(w in p for p in _found(clause, table.positive))])
    return (score > 0) - (score < 0)


def factor_of(clause: str, table: SituationTable) -> tuple[str, str] | None:
    """(factor kind, cue) for one clause: explicit phrases first, then subject + polarity."""
    for kind in ("threat", "opportunity", "weakness", "strength"):
        hits = _found(clause, table.swot[kind])
        if hits:
            return kind, hits[0]
    internal = _found(clause, table.internal)
    external = _found(clause, table.external)
    if not internal and not external:
        return None
    polarity = _polarity(clause, table)
    if polarity == 0:
        return None
    subject = (internal or external)[0]
    if subject in table.inverted:
        polarity = -polarity
    if internal and (not external or clause.find(internal[0]) <= clause.find(external[0])):
        return ("strength" if polarity > 0 else "weakness"), clause
    return ("opportunity" if polarity > 0 else "threat"), clause


def _quadrant(text: str, table: SituationTable) -> tuple[str | None, tuple[str, ...]]:
    counts = dict.fromkeys(FACTORS, 0)
    cues: list[str] = []
    for clause in clauses(text):
        found = factor_of(clause, table)
        if found:
            counts[found[0]] += 1
            cues.append(found[1])
    inside = "S" if counts["strength"] > counts["weakness"] else "W" if counts["weakness"] > counts["strength"] else None
    outside = ("O" if counts["opportunity"] > counts["threat"]
               else "T" if counts["threat"] > counts["opportunity"] else None)
    return (inside + outside if inside and outside else None), tuple(cues)


def place(text: str, table: SituationTable | None = None) -> Situation | None:
    """The topic a described case belongs to, or None when it is no case or unclear."""
    table = table or load_situations()
    norm = normalize(text)
    if not _found(norm, table.asks):
        return None
    typed = sorted(((len(_found(norm, cues)), topic) for topic, cues in table.strategy_types.items()),
                   reverse=True)
    best_type = typed[0] if typed and typed[0][0] > 0 and (len(typed) == 1 or typed[0][0] > typed[1][0]) else None
    quadrant, cues = _quadrant(norm, table)
    # Two preconditions of one strategy type outweigh a quadrant read from the same words
    # ("成本比对手低" is also a strength against a competitor).
    if best_type and (best_type[0] >= 2 or quadrant is None):
        topic = best_type[1]
        return Situation(topic, None, tuple(_found(norm, table.strategy_types[topic])))
    if quadrant:
        return Situation(table.quadrants[quadrant], quadrant, cues)
    return None
