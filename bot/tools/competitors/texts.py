"""Every Chinese sentence of the competitor performance comparison.

Source: 000_cca45a3cc66b965b.txt, slides 核查清单——与竞争方的绩效对比(1) and (2) (a grid of
services with columns for the dealer itself and competitors A–E), read with 了解竞争对手 and
竞争地位与原则. The two service lists below are the slides' rows; the advice is our wording.
"""

from __future__ import annotations

from bot.tools import texts as tool_texts

NAME = "竞争对手绩效对比"
SOURCE = (
    "《服务营销管理(服务经理)》（000_cca45a3cc66b965b.txt）营销环境与市场分析："
    "“核查清单——与竞争方的绩效对比(1)”“核查清单——与竞争方的绩效对比(2)”"
)

INTRO = (
    "我们按资料里的核查清单，把自己和竞争对手的服务逐项打分对比（1到5分，5分最好），"
    "看看哪些项目领先、哪些落后。"
)

# The rows of the two checklist slides.
CHECKLIST_1: tuple[str, ...] = (
    "服务套餐/价格", "燃油喷射系统检测", "车身修理", "铝制部件修理", "根据汽车价值进行的修理",
    "快速油漆服务", "快修服务", "24小时紧急服务", "快速检测服务", "延长营业时间",
    "24小时送车服务", "24小时取车服务", "排放标准检查",
)  # fmt: skip
CHECKLIST_2: tuple[str, ...] = (
    "24小时换油服务", "废气检测", "制动系统检查服务", "索赔知识介绍", "轮胎检测服务",
    "车辆校正", "发动机检测", "输出功率试验", "收缩车顶服务", "空调", "出租车/驾驶学校服务",
    "改装", "气囊检测服务", "导航系统销售", "上门取车和送车服务", "租赁车辆", "附件范围",
    "季节性服务", "配件快递服务", "客户卡和优惠券",
)  # fmt: skip
# The default: the rows most after-sales outlets offer, from both slides.
DEFAULT_ITEMS: tuple[str, ...] = (
    "服务套餐/价格", "快修服务", "车身修理", "快速油漆服务", "24小时紧急服务",
    "延长营业时间", "上门取车和送车服务", "客户卡和优惠券",
)  # fmt: skip

# --- our name -------------------------------------------------------------------------------

DEFAULT_US = "我们"
US_TITLE = "我方名称"
US_QUESTION = "先说说我方怎么称呼，例如：城东店。直接点“我们”也可以。"
US_INVALID = "名称请写1到12个字，例如：城东店；或点“我们”。"
US_GUIDE: tuple[str, ...] = (
    "对比表里用什么名字代表我们自己？例如门店名、服务站名。",
    "名称短一些，打分时要用到，例如：城东店。",
)

# --- competitors ----------------------------------------------------------------------------

COMPETITORS_TITLE = "竞争对手"
COMPETITORS_QUESTION = "和哪些竞争对手比？一次写完，用顿号或逗号分开，最多5家。例如：A店、B店"
COMPETITORS_INVALID = "请写出1到5家竞争对手的名称，用顿号或逗号分开，例如：A店、B店"
COMPETITORS_TOO_MANY = "最多对比5家竞争对手，请挑最主要的几家，例如：A店、B店、C店"
COMPETITORS_NAME_TOO_LONG = "每个名称请控制在12个字以内，例如：A店、B店"
COMPETITORS_NAME_NUMBER = "名称不能只是数字（打分时会分不清），例如：A店、B店"
COMPETITORS_SAME_AS_US = "竞争对手不能和我方同名（{us}），请换个名称，例如：A店、B店"
COMPETITORS_GUIDE: tuple[str, ...] = (
    "同一区域里，客户还会去哪些店修车、保养？",
    "哪些对手在价格、速度或服务项目上和我们正面竞争？",
    "包括快修连锁店、其他品牌经销商、路边维修店等。",
)

# --- items ----------------------------------------------------------------------------------

ITEMS_TITLE = "对比项目"
BUTTON_DEFAULT_ITEMS = "用清单默认项目"
ITEMS_QUESTION = (
    "比较哪些服务项目？用顿号或逗号分开，最多12项。例如：快修服务、24小时紧急服务、上门取车和送车服务。"
    "点“用清单默认项目”使用核查清单里的{count}项：{items}。"
)
ITEMS_INVALID = "请写出要比较的服务项目，用顿号或逗号分开，例如：快修服务、车身修理；或点“用清单默认项目”。"
ITEMS_TOO_MANY = "最多比较12项，请挑最重要的，例如：快修服务、车身修理、快速油漆服务"
ITEMS_TOO_LONG = "每个项目请控制在20个字以内，例如：快修服务、车身修理"
ITEMS_GUIDE: tuple[str, ...] = (
    "客户选店时最看重哪些服务？价格、速度、营业时间还是取送车？",
    "核查清单一里有：" + "、".join(CHECKLIST_1) + "。",
    "核查清单二里有：" + "、".join(CHECKLIST_2) + "。",
    "也可以写自己的项目，例如：预约等待时间、客户休息区。",
)

# --- ratings --------------------------------------------------------------------------------

RATING_TITLE = "第{n}项评分"
RATING_QUESTION = (
    "第{n}/{total}项：{item}\n请按“{order}”的顺序各打一个1到5的整数分（5分最好），例如：{example}"
    "\n不了解这一项可以点“跳过”。"
)
RATING_EXAMPLE_NAMED = "{pairs}"
RATING_EXAMPLE_PLAIN = "“{scores}”"
EXAMPLE_OR = "{named} 或 {plain}"
RATING_COUNT = "需要{need}个分数（{order}），您给了{got}个。例如：{example}"
RATING_MISSING = "没有看到{names}的分数。例如：{example}"
RATING_RANGE = "分数只能是1到5的整数（不用小数），例如：{example}"
RATING_DECIMAL = "请用整数打分，不用小数（例如4而不是4.5）。例如：{example}"
RATING_NONE = "没有看到分数，请按“{order}”的顺序打分，例如：{example}"
RATING_GUIDE: tuple[str, ...] = (
    "站在客户的角度，这一项谁做得最好？给最好的打5分。",
    "可以参考客户调查、暗访、网上评价或价格表。",
    "可以写名称加分数，例如“我们4 A店3”，也可以只按顺序写分数，例如“4 3”。",
    "分数用1到5的整数，不用小数，免得分差看起来比实际更精确。",
)
BUTTON_SKIP = "跳过"
RATING_SAVED = "已记下：{item}（{scores}）。"
RATING_SKIPPED = "已跳过：{item}。"
RATING_SKIPPED_SHORT = "（跳过）"

# --- result ---------------------------------------------------------------------------------

COLUMN_ITEM = "项目"
COLUMN_VERDICT = "领先或落后"
VERDICTS: dict[str, str] = {"lead": "领先", "lag": "落后", "tie": "持平", "unrated": "未评分"}
NO_SCORE = "—"
TABLE_CAPTION = "{us}与竞争对手的绩效对比（1–5分）"
LEADS_TITLE = "{us}领先的项目（高于最强的对手）："
LAGS_TITLE = "{us}落后的项目（低于最强的对手）："
TIES_TITLE = "与最强对手持平的项目："
LEAD_ITEM = "{item}（{ours} vs {best}）"
LAG_ITEM = "{item}（{ours} vs {leader}{best}）"
NO_LEADS = "暂时没有领先的项目。"
NO_LAGS = "没有落后的项目。"
ADVICE = (
    "领先的项目可以作为宣传卖点和竞争优势；落后的项目要分析原因，优先改进与客户关系最大的那几项，"
    "也可以针对对手的薄弱环节集中发力。"
)
TO_SWOT_HINT = "可以点“转为SWOT分析”，把领先项目作为优势、落后项目作为劣势，接着补充机会与威胁。"
BUTTON_TO_SWOT = "转为SWOT分析"
NAME_JOIN = "、"

REPORT_TITLE = "# 竞争对手绩效对比：{subject}"
REPORT_INPUTS = "## 对比对象"
REPORT_US = "- 我方：{us}"
REPORT_COMPETITORS = "- 竞争对手：{names}"
REPORT_ITEMS = "- 对比项目：{count}项，1–5分整数，5分最好"
REPORT_TABLE = "## 对比结果"
REPORT_CONCLUSIONS = "## 结论"
SUBJECT = "{us}与{competitors}的服务对比"
SUBJECT_LIMIT = 40

# --- conversion into SWOT factors (each ≤ 40 characters) -------------------------------------

SWOT_SUBJECT = "{us}与{competitors}的服务对比"
SWOT_STRENGTH = "{item}领先竞争对手({ours} vs {best})"
SWOT_WEAKNESS = "{item}落后竞争对手({ours} vs {best})"
ELLIPSIS = tool_texts.ELLIPSIS
