"""Places a described workplace case in the documents' models (knowledge/situations.yml).

"我们网点口碑好，但附近新开了两家同类店，该走哪种战略" names no section, yet it holds a
strength (口碑好) and a threat (同类店): the ST quadrant, whose strategy the documents
describe. People describe the same case in endless wordings ("维修技术在片区数一数二",
"设施老了", "旅游市场回暖"), so a clause is read by its parts rather than by whole
phrases: each good or bad word belongs to the subject nearest to it, an internal one (技术,
设施, 团队) or an external one (市场, 需求, 小区), and makes a strength, weakness,
opportunity or threat. Rivals' good news is our threat. Cases that meet a strategy type's
preconditions (成本…低, 只做一类客户 …) point at that type. When only one side of the
company is described, the case gets the two quadrants it can be in, with what decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.clause_model import load_clause_model
from bot.normalize import normalize

TABLE = Path(__file__).resolve().parents[1] / "knowledge" / "situations.yml"
FACTORS = ("strength", "weakness", "opportunity", "threat")
OPPOSITE = {"strength": "weakness", "weakness": "strength", "opportunity": "threat", "threat": "opportunity"}
GAP = normalize("…")  # "...": a cue "成本…低" holds its parts in this order
# Clauses end at punctuation and at the words that turn a description around
# ("可" only as "but", not in 可以 / 可能).
_CLAUSE = re.compile(r"[,.;:!?，。；：！？、\s]+|但是|但|可是|可(?![以能])|不过|然而|而且|而|却|同时|并且")
# The quadrants a one-sided case can be in: the known letter and the two possible others.
# How sure the example-trained reader must be of a clause's side and of its polarity.
MODEL_SIDE_CONFIDENCE = 0.9
MODEL_POLARITY_CONFIDENCE = 0.9
_OPTIONS = {"S": ("SO", "ST"), "W": ("WO", "WT"), "O": ("SO", "WO"), "T": ("ST", "WT")}


@dataclass(frozen=True)
class Situation:
    topic_id: str
    quadrant: str | None  # "SO" … "WT" for a SWOT case
    cues: tuple[str, ...]  # the words that placed it, for the reply
    # A case with one side only ("S", "W", "O" or "T") and the two quadrants it can be in.
    known: str | None = None
    options: tuple[tuple[str, str], ...] = ()  # (quadrant, topic id)


@dataclass(frozen=True, eq=False)
class SituationTable:
    asks: tuple[str, ...]
    swot: dict[str, tuple[str, ...]]
    quadrants: dict[str, str]
    strategy_types: dict[str, tuple[str, ...]]
    ours: tuple[str, ...] = ()
    direction: tuple[str, ...] = ()
    definitional: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # "方案里怎么说的": a question about what a document says
    requests: tuple[str, ...] = ()  # where a clause starts asking: what follows is the goal
    plans: tuple[str, ...] = ()  # "想靠…", "打算…": the way the manager wants to go
    which: tuple[str, ...] = ()  # "什么", "哪种" before a strategy noun ask for a strategy
    strategy_nouns: tuple[str, ...] = ()
    internal: tuple[str, ...] = ()
    external: tuple[str, ...] = ()
    inverted: tuple[str, ...] = ()  # subjects where less is better (成本低 is a strength)
    inside: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    negation: tuple[str, ...] = ()
    magnitude: tuple[str, ...] = ()  # polarity words an inverted subject turns around


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
        ours=words(data.get("ours")),
        direction=words(data.get("direction")),
        definitional=words(data.get("definitional")),
        documents=words(data.get("documents")),
        requests=words(data.get("requests")),
        plans=words(data.get("plans")),
        which=words((data.get("which_strategy") or {}).get("which")),
        strategy_nouns=words((data.get("which_strategy") or {}).get("nouns")),
        **{key: words(subjects.get(key)) for key in ("internal", "external", "inverted", "inside", "outside",
                                                     "others")},
        **{key: words(polarity.get(key)) for key in ("positive", "negative", "negation", "magnitude")},
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


def _said(text: str, cue: str) -> str:
    """The stretch of ``text`` a gapped cue matched ("品质…差不多" → "品质,功能都差不多"), as
    short as it goes: the reply quotes the manager's words, not the pattern."""
    if GAP not in cue:
        return cue
    first, *rest = cue.split(GAP)
    start = text.find(first)
    if start < 0:
        return cue
    position = start + len(first)
    for n, part in enumerate(rest):
        found = text.find(part, position)
        if found < 0:
            return cue
        if n == 0:
            start = text.rfind(first, start, found - len(first) + 1)  # the nearest first part
        position = found + len(part)
    return text[start:position]


def quoted(text: str, cues: tuple[str, ...]) -> tuple[str, ...]:
    """The cues as said in ``text``, none inside another one."""
    said = list(dict.fromkeys(_said(text, c) for c in cues))
    return tuple(w for w in said if not any(w != other and w in other for other in said))


def _found(text: str, words: tuple[str, ...]) -> list[str]:
    """Cue words in ``text``, longest first, without counting one stretch twice."""
    hits: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        if _has(text, word) and not any(word in h for h in hits):
            hits.append(word)
    return hits


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    word: str


def _spans(text: str, words: tuple[str, ...], taken: list[_Span] | None = None) -> list[_Span]:
    """Every occurrence of the words, longest first, none overlapping another or ``taken``."""
    kept: list[_Span] = list(taken or [])
    own: list[_Span] = []
    for word in sorted(set(words), key=len, reverse=True):
        start = text.find(word)
        while word and start >= 0:
            span = _Span(start, start + len(word), word)
            if not any(span.start < k.end and k.start < span.end for k in kept):
                kept.append(span)
                own.append(span)
            start = text.find(word, start + 1)
    return sorted(own, key=lambda s: s.start)


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(normalize(text)) if c]


def _negated(clause: str, at: int, table: SituationTable) -> bool:
    return any(n and clause[:at].endswith(n) for n in table.negation)


def _phrases(clause: str, table: SituationTable) -> list[tuple[str, str]]:
    """Phrases that are one factor kind on their own ("内部劣势外部威胁" holds two); a
    negation in front turns one around ("没什么机会")."""
    found: list[tuple[str, str]] = []
    taken: list[_Span] = []
    for kind in ("threat", "opportunity", "weakness", "strength"):
        for cue in _found(clause, table.swot[kind]):
            at = clause.find(cue.split(GAP)[0])
            span = _Span(at, at + len(cue), cue)
            if any(span.start < t.end and t.start < span.end for t in taken):
                continue
            taken.append(span)
            found.append(((OPPOSITE[kind] if _negated(clause, at, table) else kind), cue))
    return found


def _nearest(subjects: list[_Span], word: _Span) -> _Span | None:
    """The subject a good or bad word describes: the nearest one before it, else after it."""
    before = [s for s in subjects if s.end <= word.start]
    if before:
        return max(before, key=lambda s: s.end)
    after = [s for s in subjects if s.start >= word.end]
    return min(after, key=lambda s: s.start) if after else None


def _by_parts(clause: str, table: SituationTable) -> list[tuple[str, str]]:
    """Subject + polarity: each good or bad word counts for the side of its nearest subject."""
    others = _spans(clause, table.others)
    inside = _spans(clause, table.inside, others)
    outside = _spans(clause, table.outside, others + inside)
    marks = others + inside + outside
    subjects = [(s, "internal") for s in _spans(clause, table.internal, marks)]
    subjects += [(s, "external") for s in _spans(clause, table.external, marks + [s for s, _ in subjects])]
    taken = marks + [s for s, _ in subjects]
    polar = [(w, 1) for w in _spans(clause, table.positive, taken)]
    polar += [(w, -1) for w in _spans(clause, table.negative, taken + [w for w, _ in polar])]
    if not polar or not (subjects or marks):
        return []
    score = {"internal": 0, "external": 0}
    for word, sign in polar:
        if _negated(clause, word.start, table):
            sign = -sign
        subject = _nearest([s for s, _ in subjects], word)
        side = next((kind for s, kind in subjects if s == subject), None)
        if subject is not None and subject.word in table.inverted and word.word in table.magnitude:
            sign = -sign
        if others:  # the rivals' strengths are our threats
            side, sign = "external", -sign
        elif outside:
            side = "external"
        elif inside:
            side = "internal"
        if side:
            score[side] += sign
    kinds = {"internal": ("strength", "weakness"), "external": ("opportunity", "threat")}
    return [(kinds[side][0 if value > 0 else 1], clause) for side, value in score.items() if value]


def _by_model(clause: str, table: SituationTable) -> list[tuple[str, str]]:
    """The example-trained reader (bot/clause_model.py) for a clause the lists cannot read;
    a good or bad word the lists know still decides the polarity."""
    reading = load_clause_model().read(clause)
    if reading.side == "none" or reading.side_confidence < MODEL_SIDE_CONFIDENCE:
        return []
    taken = _spans(clause, table.internal + table.external + table.others)
    signs = [1 for _ in _spans(clause, table.positive, taken)] + [-1 for _ in _spans(clause, table.negative, taken)]
    if signs and sum(signs):
        good = sum(signs) > 0
    elif reading.polarity_confidence >= MODEL_POLARITY_CONFIDENCE:
        good = reading.good
    else:
        return []
    if _spans(clause, table.others):  # the rivals' good news is our threat
        reading_side, good = "external", not good
    else:
        reading_side = reading.side
    kinds = {"internal": ("strength", "weakness"), "external": ("opportunity", "threat")}[reading_side]
    return [(kinds[0 if good else 1], clause)]


def factors_of(clause: str, table: SituationTable, model: bool = True) -> list[tuple[str, str]]:
    """(factor kind, cue) pairs of one clause: explicit phrases first, else subject + polarity
    (at most one per side: "品牌新车型卖爆了保有量猛增" is a strength and an opportunity),
    else (with ``model``) the example-trained reader."""
    return _phrases(clause, table) or _by_parts(clause, table) or (_by_model(clause, table) if model else [])


def factor_of(clause: str, table: SituationTable) -> tuple[str, str] | None:
    """The first factor of a clause, or None."""
    found = factors_of(clause, table)
    return found[0] if found else None


def _before_request(clause: str, table: SituationTable) -> str:
    """The clause up to where it starts asking: in "有啥办法让客户对价格没那么敏感" the rest
    is the goal the manager wants, not a factor of the case."""
    at = min((clause.find(w) for w in table.requests if w in clause), default=-1)
    return clause if at < 0 else clause[:at]


def _sides(text: str, table: SituationTable) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The internal letter (S/W), the external one (O/T), either None when unclear, and the
    cues (one per factor clause)."""
    counts = dict.fromkeys(FACTORS, 0)
    listed = dict.fromkeys(FACTORS, 0)  # read by the word lists, not only by the model
    cues: list[str] = []
    for clause in clauses(text):
        clause = _before_request(clause, table)
        if not clause:
            continue
        by_lists = factors_of(clause, table, model=False)
        for kind, cue in by_lists or _by_model(clause, table):
            counts[kind] += 1
            listed[kind] += bool(by_lists)
            if cue not in cues:
                cues.append(cue)
    inside = "S" if counts["strength"] > counts["weakness"] else "W" if counts["weakness"] > counts["strength"] else None
    outside = ("O" if counts["opportunity"] > counts["threat"]
               else "T" if counts["threat"] > counts["opportunity"] else None)
    # The model only completes a reading: a case needs one factor the word lists read.
    if not any(listed.values()):
        return None, None, tuple(cues)
    return inside, outside, tuple(cues)


def _type_weight(text: str, cues: tuple[str, ...], table: SituationTable) -> int:
    """How many of a strategy type's preconditions the text names; one said as the plan
    ("想靠服务有自己的特点来吸引客户") counts twice: it is the way the manager wants to go,
    not a fact of the case."""
    weight = 0
    for clause in clauses(text):
        found = _found(clause, cues)
        planned = any(w in clause[:clause.find(found[0].split(GAP)[0])] for w in table.plans) if found else False
        weight += len(found) + planned
    return weight


def place(text: str, table: SituationTable | None = None) -> Situation | None:
    """The topic a described case belongs to, or None when it is no case or unclear.

    A case needs a request for a way forward or a first-person description ("我们…") and
    no question about the model itself ("扩张性战略有哪几种方式") or about what a document
    says ("人手不足，方案里怎么说的")."""
    table = table or load_situations()
    norm = normalize(text)
    if _found(norm, table.definitional) or _found(norm, table.documents):
        return None
    asks = bool(_found(norm, table.asks))
    ours = bool(_found(norm, table.ours))
    if not asks and not ours:
        return None
    typed = sorted(((_type_weight(norm, cues, table), topic) for topic, cues in table.strategy_types.items()),
                   reverse=True)
    best_type = typed[0] if typed and typed[0][0] > 0 and (len(typed) == 1 or typed[0][0] > typed[1][0]) else None
    inside, outside, cues = _sides(norm, table)
    quadrant = inside + outside if inside and outside else None
    # Two preconditions of one strategy type outweigh a quadrant read from the same words
    # ("成本比对手低" is also a strength against a competitor).
    # One precondition counts only with a request ("除了…还要" also occurs in a duty list).
    if best_type and (best_type[0] >= 2 or (quadrant is None and asks)):
        topic = best_type[1]
        return Situation(topic, None, quoted(norm, tuple(_found(norm, table.strategy_types[topic]))))
    if quadrant:
        return Situation(table.quadrants[quadrant], quadrant, quoted(norm, cues))
    known = inside or outside
    # One side only: a request for a direction, or a longer description ("态度差、客户不满意，
    # 有什么办法" asks for a fix, not a strategy).
    if known and ours and (_found(norm, table.direction) or (asks and len(cues) >= 3)):
        options = tuple((q, table.quadrants[q]) for q in _OPTIONS[known])
        return Situation(options[0][1], None, quoted(norm, cues), known, options)
    return None


@lru_cache(maxsize=4)
def _which_strategy(which: tuple[str, ...], nouns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(f"({'|'.join(map(re.escape, which))})({'|'.join(map(re.escape, nouns))})")


def asks_which_strategy(text: str, table: SituationTable | None = None) -> bool:
    """"这是什么战略", "该走哪种路子": the question wants a strategy named, whatever else it
    mentions on the way."""
    table = table or load_situations()
    if not table.which or not table.strategy_nouns:
        return False
    return bool(_which_strategy(table.which, table.strategy_nouns).search(normalize(text)))


def strategy_topics(table: SituationTable | None = None) -> frozenset[str]:
    """The topics a case can be answered with (the quadrants' and the strategy types')."""
    table = table or load_situations()
    return frozenset([*table.quadrants.values(), *table.strategy_types])
