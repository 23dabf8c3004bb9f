"""Which part of a topic a question asks for (duties, steps, principles …).

Question words are more reliable than the intent for the aspect ("有哪些原则" vs
"有哪些步骤" share one intent), so the words decide and the intent is the fallback.
"""

from __future__ import annotations

from bot.knowledge.normalize import normalize

# Ordered: the first group whose word occurs wins; longer, more specific words first.
ASPECT_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("differences", ("区别", "差别", "差异", "不同", "对比", "比较", "vs", "异同", "不一样")),
    ("requirements", ("任职要求", "任职资格", "任职条件", "招聘要求", "岗位要求", "职位要求", "应聘",
                      "学历", "经验", "门槛", "资格", "要求", "条件要", "需要什么样", "什么人能")),
    ("working_conditions", ("工作环境", "工作条件", "工作时间", "上班时间", "加班", "出差", "工作地点",
                            "压力", "工作强度")),
    ("duties", ("职责", "工作内容", "负责", "干什么", "干啥", "做什么", "做啥", "干嘛", "工作是",
                "日常工作", "主要工作", "任务")),
    ("preconditions", ("前提", "条件", "适用", "适合什么", "什么情况下")),
    ("steps", ("步骤", "流程", "过程", "环节", "程序", "几步", "阶段", "顺序")),
    ("principles", ("原则", "准则")),
    ("core_ideas", ("理念", "核心思想")),
    ("key_points", ("重点", "难点", "关键", "要点")),
    ("importance", ("重要性", "意义", "为什么要", "为啥要", "作用", "好处", "价值")),
    ("measures", ("措施", "举措", "手段", "对策")),
    ("methods", ("方法", "怎么实现", "如何实现", "怎么做", "怎么实施", "如何实施", "实施", "怎么搞", "咋做", "怎么弄", "如何做",
                 "做法", "途径", "怎么落地")),
    ("features", ("特点", "特性", "特征", "特色")),
    ("types", ("类型", "种类", "分类", "层次", "几种", "哪几类", "有哪些类")),
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

# Words that say "this continues the previous topic" when no topic is named.
FOLLOWUP_WORDS = ("那", "呢", "它", "他", "这个", "该", "上面", "刚才", "还有", "再", "其", "此")


def detect_aspect(text: str, intent: str | None = None) -> str | None:
    """The aspect named by the question words, else the one implied by the intent."""
    norm = normalize(text)
    for aspect, words in ASPECT_WORDS:
        if any(w in norm for w in words):
            return aspect
    return INTENT_ASPECTS.get(intent or "")


def looks_like_followup(text: str) -> bool:
    norm = normalize(text)
    return any(w in norm for w in FOLLOWUP_WORDS) or len(norm) <= 8
