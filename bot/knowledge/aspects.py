"""Which part of a topic a question asks for (duties, steps, principles …).

Question words are more reliable than the intent for the aspect ("有哪些原则" vs
"有哪些步骤" share one intent), so the words decide and the intent is the fallback.
"""

from __future__ import annotations

from functools import lru_cache

from bot.knowledge.fuzzy import SoundIndex
from bot.normalize import normalize

# Ordered: the first group whose word occurs wins; longer, more specific words first.
ASPECT_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("aliases", ("又叫", "别名", "又称", "也叫", "也称", "亦称", "别称", "叫法", "简称")),
    ("differences", ("区别", "差别", "差异", "不同", "对比", "比较", "vs", "异同", "不一样")),
    ("requirements", ("任职要求", "任职资格", "任职条件", "招聘要求", "岗位要求", "职位要求", "应聘",
                      "学历", "经验", "门槛", "资格", "要求", "条件要", "需要什么样", "什么人能",
                      "能力", "本事", "素质", "技能", "背景", "优先", "专业要求", "胜任")),
    ("working_conditions", ("工作环境", "工作条件", "工作时间", "上班时间", "加班", "出差", "工作地点",
                            "压力", "工作强度")),
    ("duties", ("职责", "工作内容", "负责", "干什么", "干啥", "做什么", "做啥", "干嘛", "工作是",
                "日常工作", "主要工作", "任务", "管些什么", "管什么", "干些什么", "做些什么")),
    ("preconditions", ("前提", "条件", "适用", "适合什么", "什么情况下", "具备")),
    ("steps", ("步骤", "流程", "过程", "环节", "程序", "几步", "阶段", "顺序")),
    ("principles", ("原则", "准则")),
    ("core_ideas", ("理念", "核心思想")),
    ("key_points", ("重点", "难点", "关键", "要点")),
    ("importance", ("重要性", "意义", "为什么要", "为啥要", "作用", "好处", "价值", "为什么", "为啥", "原因",
                    "有什么用")),
    ("measures", ("措施", "举措", "手段", "对策")),
    ("methods", ("方法", "办法", "法子", "招数", "怎么解决", "如何解决", "怎么改进", "如何改进", "怎么办", "怎么应对",
                 "如何应对", "怎么处理", "如何处理", "怎么实现", "如何实现", "怎么做", "怎么实施", "如何实施", "实施", "怎么搞", "咋做", "怎么弄", "如何做",
                 "做法", "途径", "怎么落地")),
    ("features", ("特点", "特性", "特征", "特色")),
    ("types", ("类型", "种类", "分类", "层次", "几种", "哪几类", "有哪些类", "哪种", "哪类", "哪一种")),
    ("elements", ("要素", "组成", "构成", "包括", "包含", "内容", "组成部分", "部分", "内涵", "三条线",
                  "分界线")),
    ("goals", ("目标", "目的")),
    ("examples", ("例子", "举例", "案例", "示例", "比如")),
]

INTENT_ASPECTS = {
    "ask_role_duties": "duties",
    "ask_role_requirements": "requirements",
    "ask_compare": "differences",
}

# Words that qualify what is asked without naming a subject ("哪种最常见").
QUALIFIERS = frozenset("常见 常用 主要 重要 最好 最多 最少 具体 详细 一般 通常 普遍 典型 核心 基本".split())

# Words that say "this continues the previous topic" when no topic is named.
FOLLOWUP_WORDS = ("那", "呢", "它", "他", "这个", "该", "上面", "刚才", "还有", "再", "其", "此",
                  "每个", "各个", "分别", "各自", "这些", "那些")


@lru_cache(maxsize=1)
def _sound_index() -> SoundIndex:
    """Two-character and longer aspect words by sound, for pinyin typos (职则 → 职责)."""
    return SoundIndex([w for _, words in ASPECT_WORDS for w in words if len(w) >= 2], min_han=2)


# Words that say "a part of it" more than which part: any other aspect word goes first
# ("目标部分一般定哪些指标" asks for goals).
WEAK_ASPECT_WORDS = frozenset({"部分", "内容", "包括", "包含"})


def _named_aspect(norm: str) -> str | None:
    """The aspect of the last aspect word ("设计售后服务流程时该遵循哪些原则" asks for
    principles); at one position the longer word, then the list order, decides."""
    for weak in (False, True):
        found = [(norm.rfind(w) + len(w), len(w), -rank, aspect) for rank, (aspect, words) in enumerate(ASPECT_WORDS)
                 for w in words if (w in WEAK_ASPECT_WORDS) == weak and w in norm]
        if found:
            return max(found)[3]
    return None


def detect_aspect(text: str, intent: str | None = None) -> str | None:
    """The aspect named by the question words (exact, else by sound), else the intent's."""
    norm = normalize(text)
    aspect = _named_aspect(norm)
    if aspect is None:
        for match in _sound_index().find(norm):
            typed = norm[match.start:match.end]
            if len(match.key) <= 2 and not any(a == b for a, b in zip(typed, match.key, strict=True)):
                continue  # two sound-alike characters, neither typed right: "那总" is no 哪种
            aspect = _named_aspect(match.key)
            if aspect:
                break
    return aspect or INTENT_ASPECTS.get(intent or "")


HOW_WORDS = ("怎么", "怎样", "如何", "咋")


def asks_how(text: str) -> bool:
    """"怎么监督服务质量": the question asks how something is done."""
    norm = normalize(text)
    return any(w in norm for w in HOW_WORDS)


def refers_back(text: str) -> bool:
    """Words that point at what was just said (那…呢, 它, 其中, 每个)."""
    norm = normalize(text)
    return any(w in norm for w in FOLLOWUP_WORDS)


def looks_like_followup(text: str) -> bool:
    return refers_back(text) or len(normalize(text)) <= 8


def own_words(text: str) -> list[str]:
    """Content words of a question beyond question words, aspect words and cue words:
    "那它的缺点呢" has none, "渠道那块主要是什么" has 渠道."""
    from bot.knowledge.colloquial import load_table
    from bot.knowledge.tokenize import tokens

    table = load_table()
    asked = ({w for _, words in ASPECT_WORDS for w in words} | {w for group in table.cues for w in group}
             | QUALIFIERS)
    return [t for t in tokens(text) if t not in asked and not any(t in w or w in t for w in FOLLOWUP_WORDS + ("最",))
            and not any((w in t or t in w) for w in asked if len(w) >= 2)]
