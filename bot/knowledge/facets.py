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

from bot.knowledge.aspects import ASPECT_WORDS
from bot.knowledge.colloquial import Colloquial, load_table
from bot.knowledge.repository import FacetView, TopicView
from bot.knowledge.tokenize import parts, tokens
from bot.normalize import normalize, without_notes

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
# The whole title said ("服务蓝图里有三条分界线"): it outweighs the asked kind, which a
# word of that title can name for another facet (分界线 → elements → 构成).
WHOLE_TITLE_WEIGHT = 3.0
WHOLE_TITLE_MIN = 4
# A point's head said in the question ("团队管理" of the lines "团队管理：…"): it names those
# lines as a whole, where its separate words (团队, 管理) recur in many other lines.
SAID_HEAD_WEIGHT = 2.0
SAID_HEAD_MIN = 3
ITEM_WEIGHT = 1.0  # a question word in the facet's best item
UNIQUE_ITEM_WEIGHT = 1.0  # that item is the only one of the facet with those words
MIN_SCORE = 2.0
MARGIN = 1.0
# "要做到多少" asks for a figure: an item stating one holds the answer ("满意度达90%以上").
_ASKS_FIGURE = re.compile(r"多少|多久|多长|多大|多高|比例|占比|百分之|几成|几年|几天|几个月|几次|几小时|几分钟")
_FIGURE = re.compile(r"\d|百分之|[一二三四五六七八九十两百千万]+(?:个|%|成|年|月|天|次|分|倍|小时|分钟|周|课时|学分)")
FIGURELESS_FACTOR = 0.5  # a facet whose best items state no figure hardly answers "多少"
_ORDINAL = re.compile(r"第([一二三四五六七八九十\d]{1,2})(?:个|条|点|项|种|步|类|阶段|部分|环节|层|是|呢|$)")
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


@dataclass(frozen=True)
class FacetChoice:
    facet: FacetView | None
    item: int | None = None  # index of the item the question is about, when one stands out
    clear: bool = False  # the facet won on evidence (not a default)
    group: tuple[int, ...] = ()  # items tied on the question's words ("团队管理：" × 4)
    pair: tuple[FacetView, ...] = ()  # two facets the question asks for together ("优缺点")


_COMPOSITE = re.compile("[与和及、]")


def _words(text: str, names: set[str], composite: bool) -> list[str]:
    """Question content words, each once, without the topic's own name (it is in every
    facet). A word said twice is no more evidence ("设计…，设计时要守哪些原则" asks for the
    principles, not the title with 设计 in it). A composite topic ("竞争地位与原则") said by
    one of its halves as one token keeps the word that names the half ("竞争的原则" keeps 原则)."""
    out: list[str] = []
    for token in tokens(text):
        found = [token] if token not in names else [p for p in parts(token) if p not in names] if composite else []
        out.extend(w for w in found if w not in out)
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


# Verbs that only carry a question ("做服务营销有啥用"): their character inside a title
# ("…的做法") is no evidence for that facet.
LIGHT_VERBS = frozenset("做搞弄干")


def _contains(text: str, form: str) -> bool:
    if len(form) == 1 and form.isascii():  # a letter ("r") only as a letter of its own
        return re.search(rf"(?<![a-z]){re.escape(form)}(?![a-z])", text) is not None
    if form in LIGHT_VERBS:
        return False
    return form in text


def _hits(forms: list[frozenset[str]], text: str) -> int:
    return sum(any(_contains(text, f) for f in fs) for fs in forms)


MAX_GROUP = 4  # more tied items than this single out nothing


def _matched_length(forms: list[frozenset[str]], text: str) -> int:
    return sum(max((len(f) for f in fs if _contains(text, f)), default=0) for fs in forms)


def _longest_matches(top: tuple[int, ...], forms: list[frozenset[str]], items: tuple[str, ...]) -> tuple[int, ...]:
    """Too many items tied on the count of question words: the ones matching the longer
    words ("营销策划方面管啥": 营销策划 says more than the 管 of every 管理 line), when
    that leaves few enough to single out."""
    lengths = {n: _matched_length(forms, normalize(items[n])) for n in top}
    longest = tuple(n for n in top if lengths[n] == max(lengths.values()))
    return longest if len(longest) <= MAX_GROUP else top


@dataclass(frozen=True)
class FacetScore:
    score: float
    facet: FacetView
    item: int | None  # the one item holding most question words, when one does
    group: tuple[int, ...] = ()  # the items tied on most question words, when a few do


def score_facets(topic: TopicView, question: str, kind: str | None,
                 table: Colloquial | None = None) -> list[FacetScore]:
    """Every facet with its score and best items, best first."""
    table = table or load_table()
    names = {normalize(n) for n in (topic.name, *topic.aliases)}
    # A word of a composite name ("竞争地位与原则") still picks the facet it titles
    # ("竞争的五项原则") when only some facets carry it.
    titles = [normalize(f.title) for f in topic.facets]
    composite = _COMPOSITE.search(topic.name) is not None
    names |= {t for n in names for token in tokens(n) for t in (token, *(parts(token) if composite else ()))
              if t in names or not 0 < sum(t in title for title in titles) <= len(titles) // 2}
    # A word naming the asked kind ("负责" → duties) still tells two titles apart (特点 vs
    # 特性), but in items it would pull in any line that happens to say it ("全面负责…").
    asked_kind = kind if any(f.kind == kind for f in topic.facets) else None
    kind_words = {w for k, words in ASPECT_WORDS if k == asked_kind for w in words}
    words = _words(question, names, composite)
    forms = [_forms(w, table) for w in words]
    # The name's own words found the topic; in its items they single out nothing
    # ("营销规划分几个阶段": 规划 and 营销 recur in lines about budgets and teams).
    name_words = {w for n in names for t in tokens(n) for w in (t, *parts(t))}
    item_forms = [_forms(w, table) for w in words if w not in kind_words and w not in name_words]
    asked_text = normalize(question)
    trades = table.trades_in(question)
    figure = _ASKS_FIGURE.search(asked_text) is not None
    related = KIND_FALLBACKS.get(kind or "", ())
    scored = []
    for position, facet in enumerate(topic.facets):
        score = KIND_WEIGHT if facet.kind == kind else FALLBACK_WEIGHT if facet.kind in related else 0.0
        score += TITLE_WEIGHT * _hits(forms, normalize(facet.title))
        whole = without_notes(normalize(facet.title))
        if len(whole) >= WHOLE_TITLE_MIN and whole in asked_text and whole != normalize(topic.name):
            score += WHOLE_TITLE_WEIGHT
        item_hits = [_hits(item_forms, normalize(item)) + (figure and _FIGURE.search(item) is not None)
                     + _for_trade(item, trades) for item in facet.items]
        score += ITEM_WEIGHT * (max(item_hits) if item_hits else 0)
        best_item, top = None, ()
        if item_hits and max(item_hits) > 0:
            top = tuple(n for n, hits in enumerate(item_hits) if hits == max(item_hits))
            if len(top) > MAX_GROUP:
                top = _longest_matches(top, item_forms, facet.items)
            if len(top) == 1:
                best_item = top[0]
                score += UNIQUE_ITEM_WEIGHT
        said = None if figure else _said_point(facet.items, asked_text, names)
        if said is not None and max(item_hits[n] for n in said) < max(item_hits):
            said = None  # other lines hold more of the question's words: they are asked
        if said is not None:  # "营销服务经理团队管理要做哪些": the lines headed 团队管理：
            score += SAID_HEAD_WEIGHT
            top, best_item = said, said[0] if len(said) == 1 else None
        if figure and not any(_FIGURE.search(facet.items[n]) for n in top):
            score *= FIGURELESS_FACTOR
        group = top if len(top) <= MAX_GROUP or top == said else ()
        scored.append((score, position, FacetScore(score, facet, best_item, group)))
    ranked = sorted(scored, key=lambda s: (-s[0], s[1]))  # an earlier facet breaks ties
    return [entry for _, _, entry in ranked]


def choose_facet(topic: TopicView, question: str, kind: str | None,
                 table: Colloquial | None = None) -> FacetChoice:
    """The facet that clearly answers ``question`` or, failing that, no facet."""
    scored = score_facets(topic, question, kind, table)
    if not scored:
        return FacetChoice(None)
    best = scored[0]
    second = scored[1].score if len(scored) > 1 else 0.0
    if best.score >= MIN_SCORE and best.score - second >= MARGIN:
        return FacetChoice(best.facet, best.item, True, best.group)
    third = scored[2].score if len(scored) > 2 else 0.0
    if second >= MIN_SCORE and second - third >= MARGIN:
        # Two facets tie well ahead of the rest ("有啥优缺点" → 优点 and 局限): both answer.
        return FacetChoice(None, pair=(best.facet, scored[1].facet))
    return FacetChoice(None)


_HEAD = re.compile(r"^([^：:，,。；]{2,12})[：:]")
CONTINUATION_LENGTH = 12  # a headless line longer than this is a sentence, not a point's name


def points(items: tuple[str, ...]) -> list[tuple[int, ...]]:
    """The document's points of a list, as groups of item positions.

    The knowledge splits a long point into lines ("顾客至上：…", "顾客至上的做法包括：…"), so
    "第二个" counts points, not lines: a line whose head ("X：") repeats or extends the head
    of the line before continues that point.
    """
    found = [_HEAD.match(normalize(item)) for item in items]
    headed = 2 * sum(m is not None for m in found) >= len(items)
    groups: list[list[int]] = []
    head = None
    for n, (item, match) in enumerate(zip(items, found, strict=True)):
        this = match.group(1) if match else None
        extends = this is not None and head is not None and this.startswith(head)
        # In a headed list, a whole sentence without a head explains the point before it.
        explains = this is None and head is not None and headed and len(item) > CONTINUATION_LENGTH
        if groups and (extends or explains):
            groups[-1].append(n)
        else:
            groups.append([n])
            head = this
    return [tuple(g) for g in groups]


_NOTE = re.compile(r"^[（(]([^）)]*)[）)]")


def _for_trade(item: str, trades: frozenset[str]) -> int:
    """1 for a line marked for a trade the question names ("（汽车行业）达成区域销售…" for
    "车企营销服务经理要完成什么目标"): a role written for several trades answers for that one."""
    note = _NOTE.match(item)
    return int(bool(note and trades and any(trade in note.group(1) for trade in trades)))


def _said_point(items: tuple[str, ...], question: str, names: set[str]) -> tuple[int, ...] | None:
    """The lines of the one point whose head (≥ SAID_HEAD_MIN characters, not the topic's
    name) the question says, when exactly one point's head is said.

    Of two said heads one inside the other (客户关系, 客户关系管理) the longer is meant; a
    said head inside a head not said (客户关系 of 客户关系管理：…) may mean either point.
    """
    heads = [(group, head) for group in points(items)
             if (head := _head_of(items, group)) and len(head) >= SAID_HEAD_MIN and head not in names]
    said = [(group, head) for group, head in heads if head in question]
    said = [(group, head) for group, head in said if not any(head in other and head != other for _, other in said)]
    if len(said) != 1:
        return None
    group, head = said[0]
    return None if any(head in other and head != other for _, other in heads) else group


def _head_of(items: tuple[str, ...], group: tuple[int, ...]) -> str | None:
    """The head ("企业目标" of "企业目标：…") of the point made of ``group``, if it has one."""
    match = _HEAD.match(normalize(items[group[0]]))
    return match.group(1) if match else None


def _heads(items: tuple[str, ...]) -> list[str | None]:
    """The head of each point of a list, None for a headless one."""
    return [_head_of(items, group) for group in points(items)]


def point_head(items: tuple[str, ...], index: int) -> str | None:
    """The head of the ``index``-th point of a list, if it has one."""
    heads = _heads(items)
    return heads[index % len(heads)] if heads else None


def named_point(items: tuple[str, ...], text: str) -> int | None:
    """The point of a list whose head the message says ("持续改进具体怎么做" right after the
    core ideas names the point 持续改进：…), when exactly one point's head is said."""
    norm = normalize(text)
    said = [n for n, head in enumerate(_heads(items)) if head and len(head) >= 2 and head in norm]
    return said[0] if len(said) == 1 else None


_LAST = re.compile(r"最后(?:一|那)?(?:个|条|点|项|种|步|类)|最后一|倒数第一|末尾那")


def ordinal(text: str) -> int | None:
    """ "其中第二个" → 1 (zero-based), "最后一步" → -1, for follow-ups about one item of the
    last list."""
    if _LAST.search(normalize(text)):
        return -1
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
