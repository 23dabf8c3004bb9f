"""Every Chinese sentence of the SMART goal check.

Source: 000_cca45a3cc66b965b.txt, 营销目标的制定--SMART原则 (the five criteria; the slide
calls the last one Time-Table), with goal examples from 001_7e80720d6df069a7.txt
(营销管理部工作规划怎么写, 服务营销规划的内容). Wording is our own.
"""

from __future__ import annotations

NAME = "SMART目标检查"
SOURCE = (
    "《服务营销管理(服务经理)》（000_cca45a3cc66b965b.txt）“营销目标的制定--SMART原则”；"
    "目标示例参考《服务营销规划》（001_7e80720d6df069a7.txt）“营销管理部工作规划怎么写”"
    "“服务营销规划的内容”"
)

INTRO = (
    "我们按SMART原则检查一个营销目标：具体明确（S）、可量化（M）、可达成（A）、"
    "与组织和个人相结合（R）、有时限（T）。S、M、T我按写法判断，A和R需要您来判断。"
)

CRITERION_NAMES: dict[str, str] = {
    "specific": "S 具体明确",
    "measurable": "M 可量化",
    "attainable": "A 可达成",
    "relevant": "R 相关（组织与个人结合）",
    "time_bound": "T 有时限",
}

# --- the goal ------------------------------------------------------------------------------

GOAL_TITLE = "营销目标"
GOAL_QUESTION = "请写下要检查的营销目标，一句话即可。例如：今年把保养客户满意度提高到90%"
GOAL_TOO_SHORT = "目标写得太短了，请写成一句完整的话，例如：年底前把售后维修客户满意度提高到90%"
GOAL_TOO_LONG = "目标请控制在200字以内，只写一个目标，例如：明年上半年新增会员客户500名"
GOAL_GUIDE: tuple[str, ...] = (
    "这个目标针对哪项服务、哪个市场或哪类客户？",
    "达到什么程度算完成？能不能用数字或百分比表示？",
    "打算在什么时间之前完成？",
    "例如：到2025年底，把保养业务的工时收入提高15%；三个月内新增会员客户100名。",
)

# --- additions asked when a rule finds nothing -----------------------------------------------

ADD_TITLES: dict[str, str] = {
    "specific": "补充目标对象",
    "measurable": "补充衡量数字",
    "time_bound": "补充完成期限",
}
ADD_QUESTIONS: dict[str, str] = {
    "specific": (
        "这个目标没有说明针对哪项服务、哪个市场或哪类客户。请补充对象，"
        "例如：售后维修客户、城东门店、新客户。不想补充可以点“暂不补充”。"
    ),
    "measurable": (
        "这个目标里没有可以衡量的数字。请补充一个数字或百分比，"
        "例如：从85%提高到90%、新增100名、增长15%。不想补充可以点“暂不补充”。"
    ),
    "time_bound": (
        "这个目标没有写完成期限。请补充时间，例如：2025年12月底、今年上半年、三个月内。"
        "不想补充可以点“暂不补充”。"
    ),
}
ADD_INVALID: dict[str, str] = {
    "specific": "请写出目标针对的服务、市场或客户群，例如：保养客户、城东门店；或点“暂不补充”。",
    "measurable": "没有看到数字或百分比，请写成例如：提高到90%、新增100名会员；或点“暂不补充”。",
    "time_bound": "没有看到时间，请写成例如：2025年12月底、今年第四季度、三个月内；或点“暂不补充”。",
}
ADD_GUIDE: dict[str, tuple[str, ...]] = {
    "specific": (
        "目标具体到哪项服务？例如维修、保养、保险、贷款、理财。",
        "针对哪类客户？例如新客户、老客户、会员、企业客户。",
        "落在哪个门店、网点或区域？",
    ),
    "measurable": (
        "现在的水平是多少，希望达到多少？例如满意度从85%到90%。",
        "用什么指标衡量？例如客户数、工时收入、市场份额、满意度。",
    ),
    "time_bound": (
        "最晚什么时候完成？例如2025年12月底。",
        "是一段时间内的目标吗？例如三个月内、今年上半年。",
        "是周期性的目标吗？例如每月、每季度。",
    ),
}
SKIP_ADDITION = "暂不补充"
SKIP_WORDS: tuple[str, ...] = (SKIP_ADDITION, "跳过", "不补充")
ADDED_CONFIRM = "好的，目标现在是：{goal}\n{criterion}已满足。"
SKIPPED_CONFIRM = "好的，{criterion}先记为不满足，结果里会给出建议。"

# --- the two judged criteria ---------------------------------------------------------------

ANSWER_TITLES: dict[str, str] = {"attainable": "是否可达成", "relevant": "是否相关"}
ANSWER_QUESTIONS: dict[str, str] = {
    "attainable": "目标：{goal}\n以现有的人员、预算和时间，经过努力能达到这个目标吗？",
    "relevant": "目标：{goal}\n这个目标和企业、部门的整体目标以及负责人的个人职责能结合起来吗？",
}
ANSWER_GUIDE: dict[str, tuple[str, ...]] = {
    "attainable": (
        "目标有挑战性吗？只靠现在的做法就能轻松完成的目标激励作用小。",
        "需要多少人员、资金和时间？这些资源能到位吗？",
        "过去同类目标完成得怎样？同行做到过吗？",
    ),
    "relevant": (
        "这个目标支持企业或门店的整体目标吗？例如市场地位、利润、服务质量。",
        "由谁负责？和他的岗位职责、考核指标一致吗？",
        "完成它会不会和其他目标争资源？",
    ),
}
ANSWER_INVALID = "请回答“是”、“否”或“不确定”，例如：是"
EXTRA_YES_WORDS: tuple[str, ...] = ("能", "可以", "能达到", "可以达到", "结合", "相关", "一致")
EXTRA_NO_WORDS: tuple[str, ...] = ("不能", "不可以", "达不到", "不相关", "不一致", "难")

# --- result and report ---------------------------------------------------------------------

STATUS_LABELS: dict[str, str] = {
    "met": "满足", "added": "满足（已补充）", "missing": "不满足",
    "yes": "满足", "no": "不满足", "unsure": "待确认",
}  # fmt: skip
EVIDENCE_MET: dict[str, str] = {
    "specific": "提到了对象：{words}",
    "measurable": "含有数字：{words}",
    "time_bound": "含有时间：{words}",
}
EVIDENCE_ADDED: dict[str, str] = {
    "specific": "您补充了对象：{words}",
    "measurable": "您补充了数字：{words}",
    "time_bound": "您补充了期限：{words}",
}
EVIDENCE_MISSING: dict[str, str] = {
    "specific": "没有说明针对哪项服务、市场或客户群",
    "measurable": "没有可以衡量的数字或百分比",
    "time_bound": "没有写完成期限",
}
EVIDENCE_JUDGED: dict[str, str] = {"yes": "您的判断：是", "no": "您的判断：否", "unsure": "您的判断：不确定"}
WORD_JOIN = "、"

ADVICE: dict[str, str] = {
    "specific": "写明目标针对的服务、市场或客户群，例如“售后维修客户”。",
    "measurable": "给出现状和目标值，例如“满意度从85%提高到90%”。",
    "time_bound": "加上完成期限，例如“2025年12月底前”。",
    "attainable": "核对人员、预算和时间，必要时分阶段设定或调整目标值，让它既有挑战又能达到。",
    "relevant": "把目标和企业、部门的整体目标挂钩，明确负责人，并写进他的考核指标。",
}

RESULT_TABLE_CAPTION = "SMART检查结果"
RESULT_COLUMNS = ("准则", "是否满足", "依据")
RESULT_SUMMARY = "五项准则中满足{met}项。"
RESULT_ALL_MET = "五项准则都满足，这是一个合格的SMART目标。"
RESULT_REWRITE = "整理后的目标：{goal}"
RESULT_ADVICE_TITLE = "还可以这样改进："

REPORT_TITLE = "# SMART目标检查：{subject}"
REPORT_GOAL = "## 原目标"
REPORT_RESULT = "## 检查结果"
REPORT_REWRITE = "## 整理后的目标"
REPORT_ADVICE = "## 改进建议"
REPORT_NO_ADVICE = "五项准则都满足，无需修改。"

# --- rewriting -----------------------------------------------------------------------------

TIME_BY = "在{time}前，"
TIME_WITHIN = "在{time}，"
TIME_EVERY = "{time}，"
TARGET_PHRASE = "针对{target}，"
CLAUSE_JOIN = "，"
MEASURE_FROM = "将{what}{measure}"

# --- one-shot start ("帮我看看这个目标：……") -------------------------------------------------

PREFILL_MARKERS: tuple[str, ...] = ("：", ":", "目标是", "目标为")
SUBJECT_LIMIT = 30
