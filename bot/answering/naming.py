"""Which topic a question names: names said whole or in scattered words, a name
qualified by another topic's words, or a topic's example questions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.evidence import (
    GENERIC_NAME_LENGTH,
    ITEM_MARGIN,
    ITEM_MIN_SCORE,
    all_names,
    item_hits,
    name_span,
    without_names,
)
from bot.answering.replies import Question
from bot.knowledge.colloquial import load_table
from bot.knowledge.matcher import matcher_for
from bot.knowledge.repository import FacetView, Snapshot, TopicView
from bot.knowledge.retrieval import (
    Hit,
    question_index_for,
    question_pool_index_for,
)
from bot.knowledge.tokenize import parts, tokens
from bot.normalize import apply_synonyms, normalize, without_notes

# Example questions (the knowledge's `questions:`): a message that holds enough of the IDF
# weight of one topic's example question, (shared words, share) as in WORD_EVIDENCE, and
# beats every other topic's best example by QUESTION_MARGIN, asks for that topic.
# Calibrated by bench/calibrate_scope.py on the 285 held-out questions (98 right, 2 wrong)
# and 168 off-topic examples (2 answered), never on the blind set (docs/quality.md). Four
# shared words need less of the weight (a long described case); the calibration sets hold
# no message that long, and adding the tier changed neither figure.
QUESTION_EVIDENCE = ((4, 0.5), (2, 0.6), (1, 0.8))


QUESTION_MARGIN = 1.3


# Failing that, a topic's example questions taken together (one pooled passage per topic):
# with the per-question rule, 161 right and 3 wrong of 285, 3 of 168 off-topic answered.
POOL_EVIDENCE = ((3, 0.3), (2, 0.6))


POOL_MARGIN = 1.5


GENERIC_MARGIN = 1.3


def _terms(text: str) -> set[str]:
    """Content words plus their character bigrams, for loose wording overlap."""
    out: set[str] = set()
    for token in tokens(text):
        out.add(token)
        out.update(token[i:i + 2] for i in range(len(token) - 1))
    return out


@lru_cache(maxsize=8192)
def _extra_words(name: str, said: str) -> tuple[str, ...]:
    """Content words of a topic name beyond the part the user said (cached: names repeat)."""
    return tuple(tokens(name.replace(said, " ")))


def _mostly_in(word: str, terms: set[str]) -> bool:
    """At least half the word's character bigrams occur ("四大特性" covers 特性; one 实施 does
    not cover 教学实施方案)."""
    bigrams = [word[i:i + 2] for i in range(len(word) - 1)]
    return bool(bigrams) and 2 * sum(b in terms for b in bigrams) >= len(bigrams)


def _covered_words(extra: tuple[str, ...], terms: set[str]) -> int:
    """How many words of ``extra`` the question says, 0 unless it says them all. A name
    word the dictionary keeps whole ("22因素分析评估法") is said when its parts of two
    characters or more are ("评估那个分析法有多少个因素"): a number is easily left out."""
    count = 0
    for word in extra:
        if word in terms or _mostly_in(word, terms):
            count += 1
            continue
        inner = parts(word)
        if len(inner) < 2 or not all(p in terms or _mostly_in(p, terms) for p in inner):
            return 0
        count += len(inner)
    return count


def refine_topic(topic_id: str, text: str, snapshot: Snapshot) -> str:
    """Prefer a more specific topic whose name extends the one the user named.

    "服务有哪四大特性" names 服务 (service_definition), but the rest of the question is the
    extra part of 服务的特性; "市场分析有哪些工具" likewise means 市场分析工具. A candidate's
    name must contain what the user said, and every other word of that name must occur in
    the question; among several, the one explaining most words wins.
    """
    topic = snapshot.topics[topic_id]
    query = normalize(apply_synonyms(text, snapshot.synonyms))
    names = sorted({normalize(n) for n in (topic.name, *topic.aliases)}, key=len, reverse=True)
    said = next((n for n in names if n in query), None)
    if said is None:
        return topic_id
    residual = _terms(query.replace(said, " "))
    best, best_covered = topic_id, 0
    for other in snapshot.ordered():
        if other.id == topic_id:
            continue
        for name in (normalize(n) for n in (other.name, *other.aliases)):
            if said not in name or name == said:
                continue
            extra = _extra_words(name, said)
            covered = _covered_words(extra, residual)
            if covered > best_covered:
                best, best_covered = other.id, covered
    return best


def said_generically(topic: TopicView, text: str) -> bool:
    """A generic name (营销, 服务) said alone; "营销的概念", one of its longer names, names it."""
    if len(topic.name) > GENERIC_NAME_LENGTH:
        return False
    span = name_span(topic, normalize(text))
    return span is None or span[1] - span[0] <= GENERIC_NAME_LENGTH


def more_specific(topic: TopicView, text: str, snapshot: Snapshot) -> Hit | None:
    """For a topic named by a generic word ("服务"), another topic's item that explains the
    question much better ("服务价格咋定" → 服务价格管理 of 服务营销管理)."""
    if len(topic.name) > GENERIC_NAME_LENGTH:
        return None
    hits = item_hits(text, snapshot, None, limit=1)
    own = item_hits(text, snapshot, [topic.id], limit=1)
    if not hits or hits[0].passage.topic_id == topic.id or hits[0].words < 2:
        return None
    if own and hits[0].score < GENERIC_MARGIN * own[0].score:
        return None
    return hits[0]


# Another topic's line explains the words beyond a name far better ("做营销规划前要收集数据，
# 这些数据分哪两类" → 营销评审's two kinds of data): by this many more words and this factor
# of score.
ELSEWHERE_WORDS = 3


ELSEWHERE_EXTRA_WORDS = 2


ELSEWHERE_FACTOR = 2.0


def far_better_elsewhere(topic: TopicView, text: str, snapshot: Snapshot) -> Hit | None:
    """A line of another topic that holds far more of the question's other words than any
    line of ``topic``: the question is about that part, not ``topic``.

    Used for a topic a qualifier found (营销 + 规划 → 服务营销规划); a topic named in full
    keeps the question (tried: it lost more than it won).
    """
    rest = without_names(text, [topic.id], snapshot)
    hits = item_hits(rest, snapshot, None, limit=1)
    if not hits or hits[0].passage.topic_id == topic.id or hits[0].passage.item is None:
        return None
    best = hits[0]
    own = item_hits(rest, snapshot, [topic.id], limit=1)
    own_words, own_score = (own[0].words, own[0].score) if own else (0, 0.0)
    if (best.words >= ELSEWHERE_WORDS and best.words >= own_words + ELSEWHERE_EXTRA_WORDS
            and best.score >= ELSEWHERE_FACTOR * own_score):
        return best
    return None


QUALIFIER_MAX_TOPICS = 7  # a name word in more topic names than this qualifies nothing (服务, 管理)


_name_word_cache: dict[str, dict[str, frozenset[str]]] = {}


def _name_words(snapshot: Snapshot) -> dict[str, frozenset[str]]:
    """Word of a topic name (and its parts) → the topics whose name holds it."""
    index = _name_word_cache.get(snapshot.revision)
    if index is None:
        found: dict[str, set[str]] = {}
        for topic in snapshot.ordered():
            for token in tokens(topic.name):
                for word in (token, *parts(token)):
                    if len(word) >= 2:
                        found.setdefault(word, set()).add(topic.id)
        index = {w: frozenset(ids) for w, ids in found.items()}
        _name_word_cache.clear()
        _name_word_cache[snapshot.revision] = index
    return index


def _qualifiers(topic: TopicView, text: str, snapshot: Snapshot) -> tuple[str, list[str], set[str]]:
    """The question without the topic's names, its words that are words of a few other
    topics' names (银行 of 银行服务营销管理制度 …), and those other topics."""
    residual = without_names(normalize(apply_synonyms(text, snapshot.synonyms)), [topic.id], snapshot)
    index = _name_words(snapshot)
    own = {w for n in (topic.name, *topic.aliases) for t in tokens(n) for w in (t, *parts(t))}
    qualifiers, candidates = [], set()
    table = load_table()
    for token in tokens(residual):
        # A trade's everyday word qualifies as the trade's name does (支行 → 银行).
        for word in (token, *parts(token), *sorted(table.trades_in(token))):
            ids = index.get(word, frozenset())
            if ids and word not in own and len(ids) <= QUALIFIER_MAX_TOPICS:
                candidates |= ids
                qualifiers.append(word)
    return residual, qualifiers, candidates - {topic.id}


def qualified_hit(topic: TopicView, text: str, snapshot: Snapshot) -> Hit | None:
    """Another topic's item when a word of the question qualifies the named subject.

    "银行对服务营销的考核内容包括啥" names 服务营销, and 银行 is a word of longer names
    that contain it (银行服务营销管理制度 …): when one of those holds an item explaining
    the rest of the question clearly better than the named topic's items, it answers.
    :func:`refine_topic` needs every extra word of the longer name; this needs one, and
    item evidence.
    """
    residual, qualifiers, candidates = _qualifiers(topic, text, snapshot)
    # A candidate's name extends the named one (银行服务营销管理制度 ⊃ 服务营销): 价格 in
    # "价格战" does not make 降低价格敏感性 a kind of 总成本领先战略.
    said = {normalize(n) for n in (topic.name, *topic.aliases)}
    candidates = {c for c in candidates if any(n and n in normalize(snapshot.topics[c].name) for n in said)}
    if not candidates:
        return None
    # The qualifier picks the candidates; the rest of the question picks the item.
    for word in sorted(qualifiers, key=len, reverse=True):
        residual = residual.replace(word, " ")
    hits = item_hits(residual, snapshot, sorted(candidates), limit=1)
    if not hits or hits[0].words == 0 or hits[0].score < ITEM_MIN_SCORE:
        return None
    own = item_hits(residual, snapshot, [topic.id], limit=1)
    return hits[0] if not own or hits[0].score >= ITEM_MARGIN * own[0].score else None


def qualified_facet(topic: TopicView, text: str, snapshot: Snapshot) -> tuple[TopicView, FacetView] | None:
    """Another topic's facet titled with the named subject, when a word of the question
    qualifies it: "银行的服务营销管理流程" is the bank rules' facet 服务营销管理流程, not the
    general process. Exactly one such facet answers."""
    _, _, candidates = _qualifiers(topic, text, snapshot)
    said = {normalize(n) for n in (topic.name, *topic.aliases) if len(n) > GENERIC_NAME_LENGTH}
    found = [(snapshot.topics[c], f) for c in sorted(candidates) for f in snapshot.topics[c].facets
             if normalize(f.title) in said]
    return found[0] if len(found) == 1 else None


MIN_SAID_TITLE = 6  # a shorter title (作用, 任职要求) is said in many questions about other topics


_title_cache: dict[str, tuple[tuple[str, str, int], ...]] = {}


def _long_titles(snapshot: Snapshot) -> tuple[tuple[str, str, int], ...]:
    """(title, topic id, facet position) of every facet title long enough to name one list,
    without bracketed notes and unless it is also a topic's name."""
    found = _title_cache.get(snapshot.revision)
    if found is None:
        names = all_names(snapshot)
        found = tuple((title, topic.id, n) for topic in snapshot.ordered() for n, facet in enumerate(topic.facets)
                      if len(title := normalize(without_notes(facet.title))) >= MIN_SAID_TITLE
                      and title not in names)
        _title_cache.clear()
        _title_cache[snapshot.revision] = found
    return found


def said_facet(text: str, topic: TopicView, snapshot: Snapshot) -> tuple[TopicView, FacetView] | None:
    """Another topic's facet whose whole title the question says ("服务营销管理过程的四个环节"
    is a list of 服务营销管理, not the process topic's six steps)."""
    norm = normalize(text)
    said = {(topic_id, n) for title, topic_id, n in _long_titles(snapshot) if title in norm}
    if len(said) != 1:
        return None
    topic_id, n = said.pop()
    other = snapshot.topics[topic_id]
    return (other, other.facets[n]) if other.id != topic.id else None


def _clear_topic(hits: list[Hit], evidence: tuple[tuple[int, float], ...], margin: float) -> str | None:
    """The best hit's topic when it holds enough evidence and beats other topics by ``margin``."""
    if not hits:
        return None
    best = hits[0]
    if not any(best.words >= words and best.confidence >= share for words, share in evidence):
        return None
    rival = next((h for h in hits[1:] if h.passage.topic_id != best.passage.topic_id), None)
    if rival is not None and best.score < margin * rival.score:
        return None
    return best.passage.topic_id


def asked_topic(text: str, snapshot: Snapshot) -> str | None:
    """The topic whose example questions the message matches clearly, if one does: one
    question closely, else the topic's questions taken together."""
    query = apply_synonyms(text, snapshot.synonyms)
    return (_clear_topic(question_index_for(snapshot).search(query, limit=10), QUESTION_EVIDENCE, QUESTION_MARGIN)
            or _clear_topic(question_pool_index_for(snapshot).search(query, limit=2), POOL_EVIDENCE, POOL_MARGIN))


def named_topics(question: Question, text: str, snapshot: Snapshot) -> list[str]:
    """Knowledge ids named in the question: NLU entities plus names in the rewritten text."""
    found = [m.topic_id for m in matcher_for(snapshot).find(text)]
    ids = [t for t in dict.fromkeys([*question.topics, *found]) if snapshot.get(t)]
    refined = list(dict.fromkeys(refine_topic(t, text, snapshot) for t in ids))
    # Pieced from a generic name's scattered words: 服务 + 售后…经理 → 售后服务经理.
    pieced = [r for t in ids if len(snapshot.topics[t].name) <= GENERIC_NAME_LENGTH
              and (r := refine_topic(t, text, snapshot)) != t]
    return _subject_first(_whole_names_first(refined, pieced, text, snapshot), text, snapshot)


def _whole_names_first(topics: list[str], pieced: list[str], text: str, snapshot: Snapshot) -> list[str]:
    """A topic pieced together from scattered words around a generic name ("给售后定…服务…
    被经理打回" → 售后服务经理) is dropped when a specific topic is said whole (SMART)."""
    norm = normalize(text)
    said_whole = [t for t in topics if t not in pieced and len(snapshot.topics[t].name) > GENERIC_NAME_LENGTH
                  and name_span(snapshot.topics[t], norm)]
    scattered = [t for t in pieced if not name_span(snapshot.topics[t], norm)]
    if not said_whole or not scattered:
        return topics
    return [t for t in topics if t not in scattered]


_PART_OF = re.compile(r"(里的|中的|里面的|当中的|之中的)$")


def two_said(topics: list[str], text: str, snapshot: Snapshot) -> bool:
    """Two of the topics are said apart in the text: one phrase found by two topics
    ("服务营销策划" in two plans' names) names one thing, not a pair to compare, and so do
    two names said one right after the other ("服务营销管理这门课": the course of that name)."""
    norm = normalize(text)
    spans = sorted(span for t in topics if (span := name_span(snapshot.topics[t], norm)))
    return any(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def _subject_first(topics: list[str], text: str, snapshot: Snapshot) -> list[str]:
    """ "SWOT里的ST战略是啥" asks about ST战略: in "A里的B" the second name is the subject."""
    if len(topics) < 2:
        return topics
    if said_inside(topics[0], topics[1], text, snapshot):
        return [topics[1], topics[0], *topics[2:]]
    return topics


def said_inside(outer: str, inner: str, text: str, snapshot: Snapshot) -> bool:
    """The text says "<outer>里的<inner>" ("SWOT里的ST战略"): inner is asked about."""
    norm = normalize(text)
    first, second = name_span(snapshot.topics[outer], norm), name_span(snapshot.topics[inner], norm)
    gap = norm[first[1]:second[0]] if first and second and first[1] <= second[0] else None
    return gap is not None and _PART_OF.search(gap) is not None
