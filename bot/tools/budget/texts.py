"""Every Chinese string of the annual budget tool, in one place.

Why one module: wording is reviewed by people who do not read the logic. Content follows
001_7e80720d6df069a7.txt, 有关服务营销的策划设计方案 (一、年度预算额度的确立 and
二、年度预算额度如何进行分配, 以100万为例), in our own words.
"""

from __future__ import annotations

from bot.tools import texts as tool_texts

TOOL_NAME = "年度营销预算分配"
SOURCE_NAME = "有关服务营销的策划设计方案（年度预算额度分配）"
DEFAULT_SUBJECT = "本店"

INTRO = (
    "我们来把明年的营销预算分到每个月。做法是：年度预算 = 厂家（主机厂）广宣支持 + 店里自筹投入，"
    "再按各月销量占比分配——老店看近三年各月销量，新建店看明年各月计划销量。"
    "这样每月额度有数据依据，不是拍脑袋定的。"
)

# --- words we recognise (not shown) -------------------------------------------------------

SKIP_WORDS = frozenset({"跳过", "不填", "不用", "无", "没有", "略", "不写", "算了吧"})
ZERO_WORDS = frozenset({"0", "零", "没有", "无", "没", "不投", "不投入", "没有支持", "没有投入",
                        "0元", "零元", "一分没有", "一分钱也没有"})  # fmt: skip
DONE_WORDS = frozenset({"就这些", "完成", "没有了", "好了", "就这样", "计算", "开始计算",
                        "用这些计算", "只有这些", "够了", "没了"})  # fmt: skip
PLAN_WORDS = ("新店", "新建店", "新开", "计划销量", "计划", "新")
HISTORY_WORDS = ("近三年", "三年", "历史", "往年", "去年", "以往", "老店", "近")
PREFILL_PLAN_WORDS = ("新店", "新建店", "新开", "计划销量")  # safe inside a longer sentence
PREFILL_HISTORY_WORDS = ("近三年", "三年销量", "历史销量", "往年销量")
SUPPORT_WORDS = ("厂家", "主机厂", "厂商", "厂方", "支持", "补贴")
OWN_WORDS = ("自筹", "自有", "自己", "自投", "自费", "店里", "本店出")
BUDGET_WORDS = ("预算", "总额", "总共", "合计", "一共", "额度", "总计")

# --- steps ---------------------------------------------------------------------------------

SKIP = "跳过"
SUBJECT_TITLE = "门店名称"
SUBJECT_QUESTION = "这是哪家专营店/门店的预算？例如：城东4S店。不想填就点“跳过”，报告里写作“本店”。"
SUBJECT_GUIDE = ("报告和“我的分析”里用这个名字区分不同门店的预算。",)
SUBJECT_IS_NUMBER = "这一步填店名（例如：城东4S店），金额在下一步填；不想填店名就回复“跳过”。"
SUBJECT_TOO_LONG = "店名请不超过30个字，例如：城东4S店；不想填就回复“跳过”。"

SUPPORT_TITLE = "厂家支持"
SUPPORT_QUESTION = "明年主机厂（厂家）给的广宣支持预计一共多少钱？例如：60万、600000元；没有支持就回复 0。"
SUPPORT_GUIDE = (
    "看主机厂商务政策里市场广宣方面的支持：线上广告、线下活动、户外大牌、巡展外展、品牌支持、网络集采等。",
    "各品牌叫法可能不同，把全年各项支持加起来填一个总数。",
)
SUPPORT_CONFIRM = "记下：厂家支持 {amount} 元。"
SUPPORT_OVER_BUDGET = "厂家支持 {support} 元比您说的年度预算 {budget} 元还多，请重新输入厂家支持，例如：60万。"

OWN_TITLE = "自筹投入"
OWN_QUESTION = "店里自己（自筹）准备投入多少营销费用？可以参考今年实际花的营销费用。例如：40万；全部靠厂家支持就回复 0。"
OWN_GUIDE = (
    "参考本年度的营销费用，再结合明年的经营目标。",
    "年度预算 = 厂家支持 + 自筹投入，定下来后向总经理汇报、批准后再分配。",
)
OWN_CONFIRM = "记下：自筹投入 {amount} 元。"
OWN_DERIVED = "年度预算 {budget} 元减去厂家支持 {support} 元，自筹投入按 {own} 元计。"
TOTAL_ZERO = "厂家支持和自筹投入都是 0，没有可分配的预算。请输入自筹金额，例如：40万。"

MONEY_INVALID = "没看出金额，请写一个数，例如：60万、600000元；没有就回复 0。"
MONEY_SEVERAL = "看到了不止一个数，请只写一个金额，例如：60万。"
MONEY_UNIT_UNCLEAR = "“{value}”是 {value} 万元还是 {value} 元？请带上单位，例如：{value}万 或 {value}元。"
MONEY_NEGATIVE = "金额不能是负数，请重新输入，例如：40万；没有就回复 0。"
MONEY_TOO_LARGE = "这个金额超过了 100 亿元，请检查一下单位，例如：60万。"

BASIS_TITLE = "分配依据"
BASIS_HISTORY = "近三年销量"
BASIS_PLAN = "新店计划销量"
BASIS_QUESTION = (
    "按什么把预算分到各月？老店用近三年各月销量的占比；新建店没有历史数据，用明年各月计划销量的占比。"
)
BASIS_GUIDE = (
    "销量高的月份分到的费用多，费用跟着生意走。",
    "新建店的厂家广宣支持一般不多，更要按计划销量精打细算。",
)
BASIS_INVALID = "请点选或回复“近三年销量”或“新店计划销量”。"
BASIS_LABELS: dict[str, str] = {"history": BASIS_HISTORY, "plan": BASIS_PLAN}

SALES_TITLE = "各月销量"
SALES_GUIDE = (
    "三年各月销量加在一起再算占比，某一年偶然偏高或偏低的月份会被拉平。",
    "12 个月的口径一致就行：台数、工时或产值都可以。",
    "只有一两年数据也可以，发完点“就这些”。",
)
SALES_EXAMPLE = "1月120 2月95 3月130 4月110 5月100 6月105 7月90 8月115 9月125 10月140 11月135 12月160"
SALES_HISTORY_QUESTION = (
    "请发近三年各月的销量，每年 12 个数（1 月到 12 月），三种发法任选：\n"
    "① 一年一条，共发三条，例如：" + SALES_EXAMPLE + "；\n"
    "② 一条发齐 36 个数：按年份先后，每年从 1 月写到 12 月；\n"
    "③ 已经三年合计或平均好的 12 个数，或 12 个月的占比（如 8% 7% 9% ……），发完点“就这些”。\n"
    "数字之间用空格、逗号或顿号隔开都行，“1月”这样的标注可写可不写。"
)
SALES_NEXT_YEAR = (
    "已收到 {count} 年的销量。请发下一年的 12 个月销量；"
    "如果只有这些（或刚才发的已是三年合计/平均），点“就这些”。"
)
SALES_PLAN_QUESTION = (
    "请发新店明年 1–12 月的计划销量，共 12 个数，例如：1月30 2月25 3月40 …… 12月60；"
    "也可以直接发 12 个月的占比，如 7% 6% 9% ……"
)
DONE = "就这些"
SALES_YEARS_RECEIVED = "收到 {count} 年的数据（{totals}）。"
SALES_YEAR_TOTAL = "第{year}年合计 {total}"
SALES_USING = "好的，就按已收到的 {count} 组数据计算。"
SALES_SHARES_RECEIVED = "收到 12 个月的占比，合计 {total}%。"
SALES_WRONG_COUNT = "我数到 {count} 个数，每年需要 12 个（1–12 月各一个）。例如：" + SALES_EXAMPLE
SALES_WRONG_COUNT_PLAN = "我数到 {count} 个数，需要 12 个（1–12 月各一个）。例如：" + SALES_EXAMPLE
SALES_SHARES_COUNT = "占比需要正好 12 个（1–12 月各一个），例如：8% 7% 9% 8% 8% 8% 7% 8% 9% 9% 9% 10%"
SALES_TOO_MANY_YEARS = "最多按三年计算：已收到 {have} 年，这条又有 {new} 年。请只发剩下的 {left} 年，或点“就这些”。"
SALES_MISSING_MONTHS = "缺少 {months} 的数字，请 12 个月都写上，例如：" + SALES_EXAMPLE
SALES_BAD_MONTH = "{month}月后面没看清是多少（要一个数），请写成“{month}月120”这样。"
SALES_NO_NUMBERS = "没有看到数字。请发 12 个月的销量，例如：" + SALES_EXAMPLE
SALES_NEGATIVE = "销量不能是负数，请检查后重发，例如：" + SALES_EXAMPLE
SALES_ALL_ZERO = "12 个月加起来是 0，没法按占比分配，请重发实际销量，例如：" + SALES_EXAMPLE
SALES_MIXED = "已经收到销量数字了，占比（%）不能和销量混用；请继续发销量，或点“就这些”。"
SALES_NEED_FIRST = "还没有收到数字，请先发 12 个月的销量，例如：" + SALES_EXAMPLE

# --- result and report ---------------------------------------------------------------------

MONTH = "{month}月"
MONTH_JOIN = "、"
RESULT_TITLE = "【{subject}】年度营销预算分配"
RESULT_TOTAL = "年度预算 {total} 元 = 厂家支持 {support} 元 + 自筹投入 {own} 元。"
RESULT_BUDGET_MISMATCH = "注意：您开头说年度预算是 {budget} 元，但厂家支持加自筹是 {total} 元，下面按 {total} 元分配。"
BASIS_HISTORY_LINE = "分配依据：近 {years} 年各月销量合计后的占比。"
BASIS_ONE_ROW_LINE = "分配依据：您给出的 12 个月销量（单年，或已合计/平均好的数）的占比。"
BASIS_SHARES_LINE = "分配依据：您给出的各月占比。"
BASIS_PLAN_LINE = "分配依据：新店明年各月计划销量的占比。"
TABLE_CAPTION = "各月营销费用分配"
TABLE_LEAD = "各月分配如下（金额为整元）："
COLUMNS = ("月份", "销量占比", "分配金额(元)")
TOTAL_ROW = "合计"
REMAINDER_NONE = "取整说明：各月按占比算出的金额都是整元，12 个月合计正好 {total} 元。"
REMAINDER_NOTE = (
    "取整说明：各月金额按占比算出后去掉不足 1 元的零头，合计少了 {remainder} 元；"
    "这 {remainder} 元给了零头最大的 {months}，各加 1 元（最大余数法），"
    "所以 12 个月合计正好 {total} 元。"
)
NORMALISED_NOTE = "您给的各月占比加起来是 {total}%，不是 100%，已按比例换算成合计 100% 再分配。"
ZERO_MONTHS_NOTE = "{months} 销量为 0，没有分到费用；如果这些月份仍要做活动，可以从其他月份调剂。"
RESULT_TIP = "按销量占比分到各月，额度有数据依据，向领导汇报时更有说服力；具体活动再结合全年营销节点的节奏安排。"

REPORT_TITLE = "# 年度营销预算分配：{subject}"
REPORT_INPUTS = "## 输入"
REPORT_SUPPORT = "- 厂家支持：{amount} 元"
REPORT_OWN = "- 自筹投入：{amount} 元"
REPORT_TOTAL = "- 年度预算合计：{amount} 元"
REPORT_BUDGET = "- 开头所说年度预算：{amount} 元"
REPORT_BASIS = "- 分配依据：{basis}"
REPORT_YEAR = "- 第{year}年各月销量：{values}"
REPORT_PLAN = "- 各月计划销量：{values}"
REPORT_SHARES = "- 各月占比（%）：{values}"
REPORT_TABLE = "## 各月分配"
REPORT_NOTES = "## 说明"
REPORT_SOURCE = tool_texts.REPORT_SOURCE
REPORT_NOT_READY = "各月销量还没有填完，暂时没有分配表。"
REPORT_MISSING = "（未填）"
