"""Every Chinese string of the service potential & market share tool.

Source: 000_cca45a3cc66b965b.txt, sections 服务市场份额, 服务市场潜力 (the 15%--30% band) and
客户的覆盖区域; the interpretations are our own wording of what those sections imply.
"""

from __future__ import annotations

NAME = "服务潜力与市场份额"
SOURCE = "000_cca45a3cc66b965b.txt，“服务市场份额”“服务市场潜力”（15%–30%）“客户的覆盖区域”"
SOURCE_LINE = "出处：" + SOURCE

INTRO = (
    "我们来算一算服务潜力和市场份额：潜在工时 = 区域内车辆数 × 每车每年的维修工时，"
    "市场份额 = 去年实际售出的工时 ÷ 潜在工时，再和资料中15%–30%的常见区间对比。"
    "可以加入多个区域或服务站一起排名。"
)

DEFAULT_NAME = "本区域"
UNNAMED = "区域{n}"

# --- steps ----------------------------------------------------------------------------------

NAME_TITLE = "区域或服务站名称"
NAME_QUESTION = "这次分析的区域或服务站叫什么？例如：城东站。不想起名可以点“跳过”，记为“本区域”。"
NAME_TOO_LONG = "名称请控制在20个字以内，例如：城东站。"
NAME_EMPTY = "请写一个区域或服务站名称，例如：城东站；或点“跳过”。"
NAME_IS_NUMBER = "这一步先写区域或服务站的名称，例如：城东站；车辆数在下一步填写。"
NAME_TAKEN = "“{name}”已经用过了，请换一个名称，例如：城西站。"

VEHICLES_TITLE = "区域内车辆数"
VEHICLES_QUESTION = "{name}的服务覆盖区域内有多少辆车（车辆保有量）？例如：12000 或 1.2万"
VEHICLES_INVALID = "请输入车辆数，例如：12000 或 1.2万"

HOURS_TITLE = "每车每年维修工时"
HOURS_QUESTION = "平均每辆车每年需要多少小时的维修保养工时？例如：3 或 2.5"
HOURS_INVALID = "请输入每车每年的维修工时（小时），例如：3 或 2.5"

SOLD_TITLE = "去年实际售出工时"
SOLD_QUESTION = "{name}去年实际售出了多少维修工时？例如：9000 或 9千"
SOLD_INVALID = "请输入去年实际售出的工时数，例如：9000 或 9千"

NEGATIVE = "数值不能是负数。"
NEGATIVE_SIGNS = ("-", "－", "负", "−")

MORE_TITLE = "更多区域或服务站"
MORE_QUESTION = (
    "还要加入其他区域或服务站一起对比吗？一行写一个，例如：城西站 8000辆 每车2.5小时 6000工时。"
    "没有了就点“完成”。"
)
MORE_ADDED_SO_FAR = "已加入：{names}。"
MORE_ADDED = "已加入{name}：潜在工时{potential}，市场份额{share}。继续加入下一个，或点“完成”。"
MORE_UPDATED = "已更新{name}：潜在工时{potential}，市场份额{share}。继续加入下一个，或点“完成”。"
MORE_OVER = "注意：实际工时超过了潜在工时（份额超过100%），请核对这一行的数据。"
MORE_ADDED_NO_SHARE = "已加入{name}，但潜在工时为0，无法计算份额。继续加入下一个，或点“完成”。"
MORE_MISSING = "这一行还缺少{missing}。请按这样写：城西站 8000辆 每车2.5小时 6000工时"
MORE_UNDONE = "已撤销{name}。"
MORE_NOTHING_TO_UNDO = "还没有加入其他区域，没有可撤销的。"
MORE_TOO_MANY = "最多对比{limit}个区域，请点“完成”查看结果。"
MISSING_NAMES = {"vehicles": "车辆数（如8000辆）", "hours_per_vehicle": "每车年维修工时（如每车2.5小时）",
                 "sold_hours": "实际工时（如6000工时）"}
LIST_JOIN = "、"

BUTTON_SKIP = "跳过"
BUTTON_DONE = "完成"
BUTTON_UNDO = "撤销"

GUIDE_NAME = ("分析的是一个服务站的覆盖区域，还是一个更大的区域？",
              "覆盖区域由距离、河流山脉等自然边界、与竞争者的位置关系决定。")
GUIDE_VEHICLES = ("覆盖区域内登记的本品牌车辆有多少（保有台数）？",
                  "可以用当地车辆登记数据或厂家提供的保有量数据。")
GUIDE_HOURS = ("一辆车一年平均需要多少小时的保养和维修？", "可以用车间历史数据或厂家的经验值估算。")
GUIDE_SOLD = ("去年车间实际结算了多少工时？", "用工单系统里全年的售出工时合计。")
GUIDE_MORE = ("想和哪些服务站或区域比较？", "每个区域写：名称、车辆数（辆）、每车年工时（每车…小时）、实际工时（工时）。")

# --- result ---------------------------------------------------------------------------------

TITLE = "服务潜力与市场份额：{subject}"
COLUMNS = ("排名", "区域(服务站)", "车辆数", "每车年维修工时", "潜在工时", "实际工时", "市场份额",
           "与15%–30%对比")
TABLE_CAPTION = "按市场份额从高到低排列（潜在工时 = 车辆数 × 每车年维修工时）"
NO_RANK = "—"
NO_SHARE = "—"

STATUS_CELL = {
    "below": "低于常见区间",
    "within": "在常见区间内",
    "above": "高于常见区间",
    "over_potential": "超过100%，请核对数据",
    "no_potential": "潜在工时为0，无法计算",
}

SUMMARY_ONE = "{name}的服务市场份额为{share}（实际{sold}工时 ÷ 潜在{potential}工时）。"
SUMMARY_MANY = "份额最高：{best}（{best_share}）；最低：{worst}（{worst_share}）。"
SUMMARY_NONE = "没有能算出合理份额的区域，请先核对下面标出的数据。"

INTERPRETATION_TITLE = "对照资料中15%–30%的常见区间："
INTERPRETATION = {
    "below": (
        "{names}：份额低于15%，说明覆盖区域里的服务潜力大部分还没有挖掘出来，"
        "多数维修需求流向了竞争者或其他渠道。可以从“客户的覆盖区域”的因素入手找原因"
        "（距离、河流山脉等自然边界、与竞争者的相对位置），把提升份额作为营销目标。"
    ),
    "within": (
        "{names}：份额在15%–30%之间，潜力挖掘程度与资料中的历史水平相当。"
        "可以在此基础上设定更高的目标份额，并留意哪些客户群还没有回厂。"
    ),
    "above": (
        "{names}：份额高于30%，已经超过资料中的历史区间，说明区域内的潜力挖掘得比较充分，"
        "继续增长的空间相对有限。先确认车辆数和每车工时没有低估；数据无误的话，"
        "重点放在留住现有客户，或考虑扩大服务覆盖区域。"
    ),
    "over_potential": (
        "{names}：实际工时超过了潜在工时（份额超过100%），这在现实中不可能，"
        "请核对车辆数、每车年维修工时和实际工时是否填错（例如单位或多写了一个0）。"
    ),
    "no_potential": (
        "{names}：车辆数或每车年维修工时为0，算不出潜在工时，也就无法计算份额，请补充真实数据。"
    ),
}
LINK_NOTE = "服务区域分析把一般性的市场分析和具体的服务站分析连在一起：份额说明服务站把本区域的潜力挖掘到了什么程度。"
SUBJECT_MANY = "{name}等{count}个区域"

REPORT_INPUTS = "## 计算结果"
REPORT_INTERPRETATION = "## 解读"

# --- words we read in the user's input (not shown) --------------------------------------------

SKIP_WORDS = frozenset({"跳过", "不用", "不起名", "没有名字", "无"})
DONE_WORDS = frozenset({"完成", "没有了", "没有", "没了", "无", "好了", "就这些", "不用了", "不加了",
                        "够了", "算吧", "出结果", "看结果", "计算", "done"})
UNDO_WORDS = frozenset({"撤销", "删除上一个", "删掉上一个", "撤回", "undo"})
VEHICLE_UNITS = frozenset({"辆", "台"})
VEHICLE_AFTER = "车"  # "12000车": a bare number followed by 车 counts vehicles
PER_VEHICLE_WORDS = ("每车", "每台", "每辆", "单车", "车均", "台均", "平均每", "一辆车", "一台车")
SOLD_WORDS = ("去年", "实际", "做了", "卖了", "售出", "销售", "卖出", "结算", "完成了", "接了")
VEHICLE_WORDS = ("车辆", "保有", "车")
HOURS_UNIT = "小时"
WORK_HOURS_UNIT = "工时"
WORK_HOURS_WORD = "工时"
NAME_FILLERS = ("保有量", "保有", "车辆数", "车辆", "区域内", "的", "有", "共", "约")
NAME_SEPARATORS = r"[\s，,：:；;、。]+"
