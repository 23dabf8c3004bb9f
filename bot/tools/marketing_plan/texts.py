"""Every Chinese sentence of the service marketing plan builder.

Source: 001_7e80720d6df069a7.txt, 服务营销学教程(第五版)第13章服务营销管理 — 13.1 服务营销策划
(the eight parts of a plan) and 表13-2 一个具体的服务营销策划方案的格式 (four questions:
where are we, where do we want to go, how do we get there, how much and where to spend it);
第5章 服务营销规划 — 服务营销规划程序 and 服务营销规划的内容 (goals, situation review, SWOT,
key assumptions, implementation plan). The guiding questions are our own wording.
"""

from __future__ import annotations

from bot.strategy import texts as strategy_texts

NAME = "服务营销策划书"
SOURCE = (
    "《服务营销规划》（001_7e80720d6df069a7.txt）“服务营销学教程(第五版)第13章服务营销管理”"
    "13.1 服务营销策划、表13-2“一个具体的服务营销策划方案的格式”；"
    "“第5章 服务营销规划”中的服务营销规划程序与服务营销规划的内容"
)

INTRO = (
    "我们按策划书的八个部分一步步写一份服务营销策划书：执行概要、当前营销状况、机会与问题分析、"
    "目标、营销战略、行动方案、预计的利润表、控制。每部分写几句话即可，标“可跳过”的部分可以先不写；"
    "执行概要放在最前面，但最后再写。"
)

# --- the plan's title ----------------------------------------------------------------------

TITLE_TITLE = "策划书主题"
TITLE_QUESTION = "先给这份策划书起个主题，例如：城东服务站2025年售后服务营销策划"
TITLE_INVALID = "主题请写2到40个字，例如：城东服务站2025年售后服务营销策划"
TITLE_GUIDE: tuple[str, ...] = (
    "策划针对哪个门店、网点或区域？",
    "针对哪项服务或哪类客户？",
    "覆盖哪段时间？例如2025年、今年第四季度。",
)
TITLE_FROM_SWOT = "{subject}服务营销策划"

# --- the eight parts (key → wording); the order of the document is in plan.PART_KEYS ----------

PART_NAMES: dict[str, str] = {
    "summary": "执行概要",
    "situation": "当前营销状况",
    "issues": "机会与问题分析",
    "objectives": "目标",
    "strategy": "营销战略",
    "actions": "行动方案",
    "budget": "预计的利润表",
    "control": "控制",
}

# The four questions of 表13-2, shown with the parts they answer.
PART_QUESTIONS: dict[str, str] = {
    "situation": "我们现在在哪里？",
    "issues": "我们现在在哪里？",
    "objectives": "我们想要去哪里？",
    "strategy": "我们将如何到达那里？",
    "actions": "我们将如何到达那里？",
    "budget": "需要多少，应当分配在哪里？",
}

PART_PROMPTS: dict[str, str] = {
    "summary": "最后，用两三句话概括整份策划：主要目标、核心做法、预算和预期效果。",
    "situation": "描述我们当前的营销状况：外部环境、顾客和市场、竞争者，以及自身的目标、优势和劣势。",
    "issues": "把状况分析归纳成几条机会和几条需要解决的问题。",
    "objectives": "写下这份策划要达到的目标，最好有数字和期限。",
    "strategy": "写下营销战略：瞄准哪些细分市场，怎样定位，用哪些营销组合手段。",
    "actions": "写下行动方案：做什么、谁负责、什么时候做、每阶段要达到什么。",
    "budget": "写下预算和预计收益：需要多少资金、人员和时间，怎样分配，预计收入、成本和利润。",
    "control": "写下怎样控制执行：用什么指标衡量进度、多久检查一次、偏离目标时怎样调整。",
}

PART_EXAMPLES: dict[str, str] = {
    "summary": "今年第四季度以老客户保养为重点，推出保养套餐和上门取送车，预算8万元，目标保养工时收入增长15%。",
    "situation": "本区域保有车辆约1.2万辆，我站保养份额约18%；附近新开两家快修店价格更低；我站技师经验足但等待时间长。",
    "issues": "机会：老客户回厂率还有提升空间；问题：等待时间长、价格透明度不够。",
    "objectives": "2025年12月底前，保养工时收入增长15%，客户满意度从85%提高到90%。",
    "strategy": "以三年以上车龄的老客户为目标，定位为“省心快捷的原厂保养”，推出保养套餐、预约快修和取送车服务。",
    "actions": "10月上线预约系统（服务经理负责）；11月推出保养套餐并短信通知老客户（客服负责）；12月总结。",
    "budget": "宣传2万元、套餐让利4万元、取送车2万元，共8万元；预计新增工时收入30万元，毛利12万元。",
    "control": "每周看预约量和工时收入，每月做一次满意度回访；连续两周低于计划时调整套餐内容。",
}

PART_GUIDES: dict[str, tuple[str, ...]] = {
    "summary": (
        "读者只看这一段，能知道要做什么、为什么、花多少、得到什么吗？",
        "主要目标和核心做法各用一句话写清楚了吗？",
        "目录会按八个部分自动生成，不用自己写。",
    ),
    "situation": (
        "外部环境有什么变化？例如政策法规、经济形势、社会风气、新技术。",
        "目标顾客是谁？市场规模和需求有什么变化？",
        "员工、供应商和合作渠道的情况怎样？",
        "主要竞争者是谁？他们做得比我们好还是差？",
        "我们自己的现有目标、优势和劣势是什么？（可以引用做过的SWOT分析）",
    ),
    "issues": (
        "从状况分析里，哪些变化是可以抓住的机会？",
        "哪些问题必须先解决，否则目标无法实现？",
        "策划成败依赖哪些关键假设？例如需求水平、经济形势、利率；假设变了有什么应急办法？",
    ),
    "objectives": (
        "想在竞争中达到什么地位？市场份额要到多少？",
        "财务上要达到什么结果？例如销售额、利润、工时收入。",
        "服务质量、创新、员工方面有目标吗？",
        "每个目标都具体、可量化、可达成、与组织相关并有期限吗？",
    ),
    "strategy": (
        "瞄准哪些细分市场和客户群？",
        "相对竞争者怎样定位？我们的差异在哪里？",
        "SWOT分析指向哪种战略（扩张、分散化、防卫、退出）？",
        "产品、价格、渠道、促销，以及人员、有形展示、服务过程各怎样安排？",
    ),
    "actions": (
        "具体要做哪些事？按时间先后排一排。",
        "每件事由谁负责？什么时候开始、什么时候完成？",
        "每个阶段要达到什么小目标？",
    ),
    "budget": (
        "需要多少资金、人员和时间？",
        "总金额是多少，分别花在哪些活动上？",
        "预计能带来多少收入？扣除成本后利润是多少？",
    ),
    "control": (
        "用哪些指标衡量进度？多久检查一次？",
        "谁来检查，向谁汇报？",
        "进度落后或环境变化时，怎样检讨和修正计划？",
    ),
}

PART_HEADER = "{name}（策划书第{n}部分）"
PART_OPTIONAL = "（可跳过）"
PART_EXAMPLE = "例如：{example}"
PART_TOO_SHORT = "这部分写得太少了，请至少写一句完整的话。例如：{example}"
PART_TOO_LONG = "这部分请控制在2000字以内，可以先写要点。例如：{example}"
PART_SKIP_REQUIRED = "“{name}”是策划书的必备部分，不能跳过，写几句要点就可以。例如：{example}"
PART_QUOTED = "已引用SWOT分析：\n{text}"

# --- pulling in a finished SWOT analysis ---------------------------------------------------

BUTTON_QUOTE = "引用SWOT"
QUOTE_OFFER = "您有一份已完成的SWOT分析（{subject}），可以点“引用SWOT”直接填入，也可以在“引用SWOT”后接着补充。"
QUOTE_NOTHING = "没有找到已完成的SWOT分析，请直接写这一部分。例如：{example}"
BUTTON_SKIP = "跳过"

SWOT_PART_NAMES: dict[str, str] = strategy_texts.PART_NAMES
SWOT_QUADRANTS: dict[str, str] = {
    "SO": "SO（扩张性战略）", "ST": "ST（分散化战略）",
    "WO": "WO（防卫性战略）", "WT": "WT（退出性战略）",
}  # fmt: skip
SWOT_SUBJECT = "SWOT分析对象：{subject}"
SWOT_PART = "{name}：{factors}"
SWOT_NONE = "无"
SWOT_WEIGHT = "{text}（权重{weight}）"
SWOT_QUADRANT = "SWOT结论：{quadrant}"
SWOT_ISSUES_OPPORTUNITIES = "机会：{factors}"
SWOT_ISSUES_PROBLEMS = "需要解决的问题（劣势与威胁）：{factors}"
FACTOR_JOIN = "、"
LINE_JOIN = "；"

# --- result and report ---------------------------------------------------------------------

STATUS_TYPED = "已填写"
STATUS_QUOTED = "已填写（引用SWOT）"
STATUS_SKIPPED = "已跳过"
STATUS_MISSING = "未填写"

COMPLETENESS_CAPTION = "策划书完成情况"
COMPLETENESS_COLUMNS = ("部分", "状态")
RESULT_TITLE = "《{title}》"
RESULT_SECTION = "（{n}）{name}：{text}"
RESULT_SKIPPED_TEXT = "（已跳过）"
RESULT_FILLED = "八个部分中已填写{filled}个。"
RESULT_ALL_FILLED = "八个部分都已填写，策划书结构完整。"
RESULT_TODO_TITLE = "建议之后补上："
RESULT_TODO: dict[str, str] = {
    "summary": "执行概要：方便领导快速了解整份策划。",
    "situation": "当前营销状况：说明我们现在在哪里。",
    "objectives": "目标：说明想要达到什么，最好有数字和期限。",
    "strategy": "营销战略：说明怎样到达目标。",
    "actions": "行动方案：说明谁在什么时候做什么。",
    "issues": "机会与问题分析：说明策划要抓住什么、解决什么。",
    "budget": "预计的利润表：写明预算和预期收益，便于审批。",
    "control": "控制：写明检查指标和修正办法，保证计划落地。",
}
RESULT_NEXT = "可以说“导出报告”得到完整的策划书文档。"

REPORT_TITLE = "# 服务营销策划书：{title}"
REPORT_CONTENTS = "## 目录"
REPORT_SECTION = "## {n}. {name}"
REPORT_QUESTION = "> {question}"
REPORT_COMPLETENESS = "## 完成情况"
SUBJECT_LIMIT = 40
