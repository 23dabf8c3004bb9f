"""What the SMART rules look for in a goal: named targets, quantities and deadlines.

Matching data, not displayed sentences: one table per criterion, so a missing word is added
in one place. The targets are the services, customer groups and places of the customer's
documents (after-sales service of car dealers, bank branches, insurance).
"""

from __future__ import annotations

import re

# Specific: a goal names what it is about. Category → words (longer words win over the
# shorter ones they contain, e.g. 新客户 over 客户).
SPECIFIC_WORDS: dict[str, tuple[str, ...]] = {
    "service": (
        "维修", "保养", "保险", "续保", "延保", "贷款", "理财", "信用卡", "存款", "基金",
        "钣金", "喷漆", "油漆", "洗车", "美容", "救援", "换油", "轮胎", "配件", "附件",
        "年检", "检测", "快修", "售后", "索赔", "租赁", "取送车", "上门取车", "代步车",
        "咨询", "培训", "工时", "套餐", "二手车", "空调", "精品",
    ),
    "group": (
        "新客户", "老客户", "客户", "顾客", "会员", "车主", "用户", "VIP", "大客户",
        "企业客户", "个人客户", "商户", "学员", "住客", "员工", "服务人员", "销售人员",
        "服务顾问", "技师", "团队",
    ),
    "place": (
        "门店", "区域", "网点", "服务站", "4S店", "营业厅", "厅堂", "支行", "分行", "分公司",
        "社区", "片区", "城区", "县域", "乡镇", "商圈", "线上", "线下", "渠道", "本地市场",
        "农村市场", "酒店", "车间",
    ),
}  # fmt: skip

# Time-bound: a deadline, a period or a rhythm.
_NUM = r"[\d一二三四五六七八九十两半]+"
TIME_PATTERNS: tuple[str, ...] = (
    r"\d{4}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,2})?",  # 2025-12-31, 2025/6
    r"(?:\d{4}|[今明后本])\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号])?)?"
    r"(?:底|末|初|中|内|前|之前|以前|上半年|下半年)?",
    r"\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号])?(?:底|末|初|中|份|前|之前)?",
    r"[上下]半年",
    r"(?:年|月|季|季度)(?:底|末|内)",
    r"(?:第?[一二三四1-4]|本|下个?|每个?)\s*季度",
    r"Q[1-4]",
    r"(?:本|下个?|每个?|这个)(?:月|周|星期)",
    rf"每(?:{_NUM})?\s*个?\s*(?:天|日|周|星期|月|季度|年)",
    rf"(?:在|用|花)?{_NUM}\s*个?\s*(?:年|月|季度|周|星期|天|日|工作日)\s*(?:内|之内|以内|里|后|之后)",
    rf"(?:在|用|花){_NUM}\s*个?\s*(?:年|月|季度|周|星期|天|日|工作日)",
    r"(?:元旦|春节|国庆|五一|中秋|年终)(?:前|之前|以前)",
    r"年内|月内|年度",
)  # fmt: skip

# Measurable: a number (after the dates are taken out) or a quantity word.
MEASURE_PATTERNS: tuple[str, ...] = (
    r"百分之[\d一二三四五六七八九十百点]+",
    r"\d+(?:\.\d+)?\s*(?:[%％‰]|个百分点|百分点|万元|万|千|元|个|家|名|位|户|台|辆|次|倍|单|项|人|笔"
    r"|分钟|小时|天|分|星)?",
    r"(?<![统单唯进])[一二两三四五六七八九十百千万]+\s*"
    r"(?:个百分点|个|家|名|位|户|台|辆|次|倍|成|元|块|单|项|人|笔|万|千|百)",
    r"翻(?:一|两)?番|翻倍|一倍|加倍|减半",
)  # fmt: skip

# Numbers inside names, not quantities ("4S店", "24小时救援服务", "7×24小时").
NOT_A_MEASURE: tuple[str, ...] = (r"4S", r"7\s*[x×*]\s*24\s*小时", r"24\s*小时", r"O2O", r"5G")

# Weaving additions into the rewritten goal: how a deadline and a measure are worded.
TIME_LEAD = "在"
TIME_EVERY_MARK = "每"
TIME_WITHIN_ENDINGS: tuple[str, ...] = ("内", "里", "后")
TIME_BY_ENDINGS: tuple[str, ...] = ("之前", "以前", "前")
MEASURE_FROM_MARK = "从"  # "从85%提高到90%" reads best as 将<metric>从…
DIRECT_MEASURE_STARTS: tuple[str, ...] = (
    "到", "达到", "至", "提高到", "提升到", "增加到", "降低到", "减少到", "增长",
)  # fmt: skip
GOAL_VERBS: tuple[str, ...] = ("提高", "提升", "增加", "增长", "扩大", "降低", "减少", "缩短")


def alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of ``words``, longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                      re.IGNORECASE)


def any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
