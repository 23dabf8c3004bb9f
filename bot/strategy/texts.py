"""Every Chinese string the strategy engine shows, in one place.

Why one module: wording is reviewed and changed by people who do not read the logic, and the
knowledge-base rule (own words, no long runs copied from the source documents) is easier to
check when all text sits together. Logic modules refer to entries here by stable English keys.
Source of the content: 001_7e80720d6df069a7.txt, sections 服务营销战略分析 and
服务营销战略类型的选择 (rephrased).
"""

from __future__ import annotations

from bot.tools import texts as tool_texts

# --- SWOT parts ----------------------------------------------------------------------------

PART_NAMES: dict[str, str] = {"S": "优势", "W": "劣势", "O": "机会", "T": "威胁"}

PART_DEFINITIONS: dict[str, str] = {
    "S": "能让企业在竞争中领先、帮助实现目标的内部长处",
    "W": "让企业在竞争中吃亏的内部短处",
    "O": "外部环境中对企业有吸引力、能带来发展空间的领域",
    "T": "外部环境中的不利趋势，若不应对会侵蚀市场份额",
}

# Guiding questions: S and W share the internal list, O and T the external one.
INTERNAL_QUESTIONS: tuple[str, ...] = (
    "企业在行业中处于什么地位？",
    "资本状况如何，融资渠道是否畅通？",
    "目标顾客对企业的信赖度和忠诚度怎样？",
    "服务产品进入市场是难是易？",
    "主要竞争对手的情况如何？",
    "决策者、管理者和员工的素质怎样？",
    "与政府及社会有关部门的关系如何？",
    "服务产品还有多大的开发空间？",
)
EXTERNAL_QUESTIONS: tuple[str, ...] = (
    "有没有新的商机，或新的竞争对手进入？",
    "是否会出现替代我们的服务产品，或我们能推出替代品？",
    "国际、国内市场的变化对我们有利吗？",
    "各类环境变化对发展是利还是弊？",
    "企业的定位是否得当？",
)

# --- input errors (keys are the codes returned by factors.py / strategy_types.py) ---------

ERROR_MESSAGES: dict[str, str] = {
    "empty": "这一条是空的，请写出具体的因素；多条可以用顿号、逗号、分号或换行分开。",
    "too_long": "这一条超过了100个字，请精简成一句话再发。",
    "no_meaningful_text": "没有看到文字内容（只有表情或符号），请用文字描述这一条因素。",
    "duplicate": "这一条已经记下了，不用重复输入。",
    "too_many": "这一部分最多记录10条因素，请挑最重要的几条。",
    "weight_not_a_number": "请用1到5给重要程度打分（5最重要），或回复“跳过”表示同等看待。",
    "weight_out_of_range": "分数只能是1到5（例如“3”或“三”），请重新打分。",
    "weight_count_mismatch": "分数的个数和因素的个数对不上，请逐条打分，或一次给出全部分数。",
    "answer_unrecognized": "请回答“是”、“否”或“不确定”。",
}
UNKNOWN_ERROR = "这条输入没能识别，请换个说法再试一次。"

COMMAND_HINT = "可以继续补充；说“完成”进入下一步，“跳过”留空这一部分，“撤销”删除上一条。"

# --- quadrants and their measures ----------------------------------------------------------

QUADRANT_STRATEGIES: dict[str, str] = {
    "SO": "扩张性战略",
    "ST": "分散化战略",
    "WO": "防卫性战略",
    "WT": "退出性战略",
}
QUADRANT_SITUATIONS: dict[str, str] = {
    "SO": "内部有优势、外部有机会，是最理想的局面，宜主动扩张。",
    "ST": "内部有优势但外部有威胁，关键在灵活运作、分散风险。",
    "WO": "内部处于劣势但外部仍有机会，宜趋利避害、借机补短。",
    "WT": "内部劣势叠加外部威胁，应当果断收缩或撤出。",
}

# key -> (label, one-line explanation)
MEASURES: dict[str, tuple[str, str]] = {
    "external_expansion": (
        "外延扩张式",
        "扩大目标市场和经营领域，增设服务网点、拓宽渠道、扩充营销队伍",
    ),
    "internal_accumulation": ("内涵积累式", "靠技术改进和降低成本来提高收益率"),
    "capital_operation": ("资本营运式", "通过特许经营、兼并、联合等资本运作实现扩张"),
    "concentric_diversification": (
        "同心多角化",
        "围绕现有技术或服务能力延伸出相关的新服务",
    ),
    "horizontal_diversification": ("水平多角化", "面向现有顾客增加新的服务品类"),
    "conglomerate_diversification": (
        "跨领域多角化",
        "进入与现有业务关联不大的新领域，分散风险",
    ),
    "innovation_mechanism": ("引入创新机制", "抓住环境提供的市场机会，让创新成为常态"),
    "launch_new_services": ("推出新服务产品", "不断推出新的服务产品来弥补短处"),
    "retire_outdated_services": ("淘汰过时服务", "及时淘汰陈旧、过时的服务产品"),
    "decisive_exit": (
        "果断撤离",
        "收缩或退出劣势且受威胁的业务，把资源转到更有前景的地方",
    ),
}
MEASURE_NOTES: dict[str, str] = {
    "ST": "选关联性还是非关联性多角化，要看企业自身条件，没有绝对的优劣。",
}

# --- TOWS sentence templates ({a}: the internal factor, {b}: the external factor) ----------

TOWS_TEMPLATES: dict[str, str] = {
    "SO": "发挥优势“{a}”，抓住机会“{b}”，主动扩大市场和服务范围。",
    "ST": "用优势“{a}”化解威胁“{b}”，并借多角化经营分散风险。",
    "WO": "借助机会“{b}”弥补劣势“{a}”，引入创新或推出新服务。",
    "WT": "劣势“{a}”遇上威胁“{b}”，考虑收缩相关业务、控制损失。",
}
TOWS_TITLES: dict[str, str] = {
    "SO": "SO（优势+机会）",
    "ST": "ST（优势+威胁）",
    "WO": "WO（劣势+机会）",
    "WT": "WT（劣势+威胁）",
}

# --- strategy types --------------------------------------------------------------------------

STRATEGY_TYPE_NAMES: dict[str, str] = {
    "cost_leadership": "总成本领先战略",
    "differentiation_strategy": "特色经营战略",
    "focus_strategy": "集中化战略",
    "diversification_strategy": "多角化战略",
}
STRATEGY_TYPE_SUMMARIES: dict[str, str] = {
    "cost_leadership": "持续压低成本，使成本低于竞争对手，从而获得高于行业平均的收益。",
    "differentiation_strategy": (
        "又称差异性战略：靠形象、服务特色、客户服务、技术和客户网络形成独到之处，"
        "培养顾客的品牌偏好和忠诚。"
    ),
    "focus_strategy": (
        "又称专业化战略：把资源集中到最能体现自身优势的某项技术、某个市场或某个品牌上，"
        "取得成本优势。"
    ),
    "diversification_strategy": "又称多元化战略：同时经营两个以上行业的服务产品，用来分散风险。",
}

# question id -> question text (the precondition asked as a yes/no question)
PRECONDITION_QUESTIONS: dict[str, str] = {
    "cl_same_quality": "你们和竞争对手的服务产品品质基本相同吗？",
    "cl_strong_capital": "企业的资金实力雄厚吗？",
    "cl_same_function": "你们和竞争对手的服务功能基本相同吗？",
    "df_marketing_capability": "企业的市场营销能力很强吗？",
    "df_creative_vision": "企业有创造性的眼光，能不断想出新点子吗？",
    "df_service_reputation": "企业在服务方面享有良好声誉吗？",
    "df_traditional_skills": "企业拥有传承下来的优质技能吗？",
    "df_channel_partners": "销售渠道上的合作伙伴会和企业有力配合吗？",
    "fc_large_distinct_segments": "市场需求规模较大，而且顾客群之间差别明显吗？",
    "fc_specialization_fit": "你们的服务特点适合专业化经营吗？",
    "fc_standardized_management": "企业适合按标准化方式管理吗？",
    "dv_same_lifecycle_stage": "现有各项服务产品都处在市场生命周期的同一阶段吗？",
    "dv_risky_or_slow": "现有服务产品都属于风险产品或滞销产品吗？",
    "dv_resource_dependence": "现有服务产品都严重依赖某一种资源吗？",
}
# question id -> short statement of the precondition (used in reasons / missing lists)
PRECONDITION_LABELS: dict[str, str] = {
    "cl_same_quality": "服务产品品质与对手相同",
    "cl_strong_capital": "资金实力雄厚",
    "cl_same_function": "服务功能与对手相同",
    "df_marketing_capability": "市场营销能力强",
    "df_creative_vision": "有创造性的眼光",
    "df_service_reputation": "服务享有声誉",
    "df_traditional_skills": "拥有传统优质技能",
    "df_channel_partners": "渠道伙伴有力合作",
    "fc_large_distinct_segments": "需求规模大且顾客群差别明显",
    "fc_specialization_fit": "服务适合专业化经营",
    "fc_standardized_management": "适合标准化管理",
    "dv_same_lifecycle_stage": "各服务产品处于生命周期同一阶段",
    "dv_risky_or_slow": "各服务产品都是风险或滞销产品",
    "dv_resource_dependence": "各服务产品都严重依赖某种资源",
}
STRATEGY_TYPE_WAYS: dict[str, tuple[str, ...]] = {
    "cost_leadership": (
        "调整企业的资产结构和服务产品结构",
        "压缩费用、减少开支",
        "改进分销渠道和促销方式",
        "在高成本、劳动密集的环节推行自动化",
    ),
    "differentiation_strategy": (
        "塑造鲜明的企业形象",
        "打造服务产品的特色",
        "提升客户服务水平",
        "突出技术上的特点",
        "经营好客户网络",
    ),
    "focus_strategy": (
        "选定最能体现自身优势的一项技术、一个市场或一个品牌",
        "把资源集中投入，取得成本优势",
        "缩小经营范围，推行科学管理",
        "留意竞争面变窄、应变能力减弱的风险",
    ),
    "diversification_strategy": (
        "同心多角化：围绕现有能力延伸相关服务",
        "水平多角化：为现有顾客增加新服务",
        "跨领域多角化：进入新的行业分散风险",
        "根据自身条件决定关联性还是非关联性多角化",
    ),
}
ANSWER_LABELS: dict[str, str] = {"yes": "是", "no": "否", "unsure": "不确定"}

# --- decision explanation and report ---------------------------------------------------------

DECISION_SCORES = (
    "内部位置 = 优势 {s} − 劣势 {w} = {internal}；外部位置 = 机会 {o} − 威胁 {t} = {external}。"
)
DECISION_WEIGHTS_EQUAL = "（未打分，各因素按同等权重 1 计算）"
DECISION_SINGLE = "结论：{quadrant}象限，宜采取{strategy}。{situation}"
DECISION_BALANCED_INTERNAL = "内部优势与劣势相互抵消（差值为 0），内部位置不明确。"
DECISION_BALANCED_EXTERNAL = "外部机会与威胁相互抵消（差值为 0），外部位置不明确。"
DECISION_CANDIDATES = "可能的选择：{candidates}。建议补充或重新评估因素后再定。"
CANDIDATE_ITEM = "{quadrant}（{strategy}）"
LIST_SEPARATOR = "、"

REPORT_TITLE = "# 服务营销战略分析报告：{subject}"
SOURCE_SWOT = "出处：《服务营销规划》（001_7e80720d6df069a7.txt）“服务营销战略分析”（SWOT分析法，内外部因素与四种战略）"
SOURCE_STRATEGY_TYPE = "出处：《服务营销规划》（001_7e80720d6df069a7.txt）“服务营销战略类型的选择”"
REPORT_DEFAULT_SUBJECT = "未命名"
REPORT_FACTORS = "## SWOT 因素"
REPORT_EMPTY_PART = "（无）"
REPORT_WEIGHT = "重要程度 {weight}"
REPORT_NO_WEIGHT = "未打分"
REPORT_DECISION = "## 战略定位"
REPORT_SCORE_TABLE_HEADER = "| 项目 | 得分 |\n|---|---|"
REPORT_SCORE_ROWS: dict[str, str] = {
    "S": "优势 S",
    "W": "劣势 W",
    "O": "机会 O",
    "T": "威胁 T",
    "internal": "内部位置（S − W）",
    "external": "外部位置（O − T）",
}
REPORT_MEASURES = "## 建议措施：{strategy}"
REPORT_TOWS = "## TOWS 矩阵"
REPORT_TOWS_HEADER = "| 象限 | 组合 | 策略 | 权重 |\n|---|---|---|---|"
REPORT_TOWS_EMPTY = "（因素不足，无法配对）"
REPORT_STRATEGY_TYPE = "## 战略类型建议"
REPORT_RECOMMENDED = "推荐：**{name}**（符合度 {score}%）"
REPORT_TIE_BREAK = (
    "（与其他类型得分相同，按 SWOT 象限 {quadrant} 的倾向选出；象限只用于平分时取舍）"
)
REPORT_REASONS = "理由（已具备的前提）："
REPORT_NO_REASONS = "理由：尚无明确具备的前提，建议先补足条件。"
REPORT_WAYS = "实施途径："
REPORT_SCORES = "各类型符合度："
REPORT_MISSING = "其他类型尚缺的前提："
REPORT_MISSING_ITEM = "{name}：{items}"
REPORT_NOTHING_MISSING = "{name}：前提均已具备或不确定"
REPORT_ANSWERS = "前提条件回答："

# --- wizard dialogue (actions/swot.py, actions/strategy.py, actions/analyses.py) ------------

WIZARD_SUBJECT_SET = "好的，分析对象：{subject}。接下来依次填写优势、劣势、机会和威胁。"
WIZARD_PART_INTRO = "第{step}步（共4步）· {name}（{key}）：{definition}。"
WIZARD_PART_GUIDE = "可以从这些问题想一想："
WIZARD_PART_ASK = (
    "请写出{name}，多条可以用顿号、逗号、分号或换行分开，也可以分几次发；"
    "说“完成”进入下一步，“跳过”表示没有。"
)
WIZARD_PART_SO_FAR = "{name}（{key}）已记录 {count} 条："
WIZARD_REJECTED_ITEM = "“{text}”没有记录：{reason}"
WIZARD_UNDONE = "已撤销：{text}"
WIZARD_NOTHING_TO_UNDO = "这一部分还没有可撤销的因素。"
WIZARD_PART_SKIPPED = "{name}这一部分留空。"
WIZARD_PART_DONE = "{name}共 {count} 条，已保存。"
WIZARD_PAYLOAD_IGNORED = "这一步需要文字输入。"
WIZARD_WEIGHT_INTRO = "最后一步：给每条因素的重要程度打分，1到5分，5分最重要。"
WIZARD_WEIGHT_CURRENT = "第 {index}/{total} 条 · {label} {text}"
WIZARD_WEIGHT_HINT = (
    "回复一个分数；也可以一次给出剩下全部 {remaining} 条的分数，用空格或逗号分开"
    "（如 5 3 4）；回复“跳过”则所有因素同等看待。"
)
WIZARD_WEIGHTS_SKIPPED = "好的，所有因素按同等权重计算。"
WIZARD_WEIGHT_SET = "{label} 记为 {weight} 分。"
WIZARD_NO_FACTORS_TO_WEIGH = "没有需要打分的因素。"
WIZARD_RESULT_TITLE = "【SWOT分析结果：{subject}】"
WIZARD_RESULT_MEASURES = "建议措施 · {quadrant}（{strategy}）："
WIZARD_RESULT_TOWS = "TOWS 矩阵（按因素权重从高到低，编号对应上面的因素）："
WIZARD_RESULT_NEXT = "分析已保存。下一步可以选择竞争战略类型、导出报告，或开始新的分析。"

STRATEGY_DEFAULT_SUBJECT = "竞争战略选择"
STRATEGY_INTRO = (
    "我们来判断总成本领先、特色经营、集中化、多角化四种竞争战略哪种更适合。"
    "共 {count} 个问题，请回答“是”、“否”或“不确定”（“撤销”可改上一题）。"
)
STRATEGY_CONTEXT = "参考你的SWOT结果：{quadrant}象限（{strategy}）；分数相同时优先考虑与之相符的类型。"
STRATEGY_QUESTION = "第 {index}/{total} 题 · {type_name}的前提：\n{question}"
STRATEGY_GUIDE_YES = "符合你们现在的情况就答“是”，明显不符合答“否”。"
STRATEGY_GUIDE_UNSURE = "拿不准就答“不确定”，按半分计入；说“撤销”或“上一步”改上一题。"
STRATEGY_RESULT_TITLE = "【竞争战略建议：{subject}】"
STRATEGY_RESULT_NEXT = "建议已保存，可以导出报告。"

STATUS_NAMES: dict[str, str] = {"in_progress": "未完成", "complete": "已完成"}
STEP_NAMES: dict[str, str] = {
    "swot_subject": "分析对象",
    "swot_strengths": "优势",
    "swot_weaknesses": "劣势",
    "swot_opportunities": "机会",
    "swot_threats": "威胁",
    "swot_weights": "重要程度打分",
    "strategy_answer": "前提条件问答",
    "done": "已完成",
}
ANALYSES_LIST_TITLE = "你保存的分析（最近的在前）："
ANALYSES_LIST_ITEM = "{n}. #{id} {kind} · {subject} · {status}（{step}）· {updated}"
ANALYSES_EMPTY = "还没有保存的分析。可以说“我想做SWOT分析”开始。"
ANALYSES_NONE_IN_PROGRESS = "没有未完成的分析。"
ANALYSES_NOT_FOUND = "没有找到分析 #{id}。"
ANALYSES_RESUMING = "好的，继续 #{id}「{subject}」的{kind}，上次进行到：{step}。"
ANALYSES_RESUME_COMPLETE = "分析 #{id} 已经完成，可以直接导出报告。"
ANALYSES_DELETE_CONFIRM = "确定删除分析 #{id}「{subject}」吗？删除后无法恢复。"
ANALYSES_DELETE_WHICH = "要删除哪一个？请点下面的按钮，或说“删除分析”加编号（如“删除分析 3”）。"
ANALYSES_DELETED = "已删除分析 #{id}。"
ANALYSES_DELETE_KEPT = "好的，没有删除。"
ANALYSES_EXPORT_INTRO = "分析 #{id} 的报告（Markdown）如下："
ANALYSES_EXPORT_COMMAND = "保存为文件：python -m bot export --user {user} --analysis {id}"

BUTTON_NEXT = "完成"
BUTTON_SKIP = "跳过"
BUTTON_UNDO = "撤销"
BUTTON_YES = tool_texts.BUTTON_YES
BUTTON_NO = tool_texts.BUTTON_NO
BUTTON_UNSURE = tool_texts.BUTTON_UNSURE
BUTTON_START_SWOT = "新的SWOT分析"
BUTTON_START_STRATEGY = "选择竞争战略类型"
BUTTON_EXPORT = tool_texts.BUTTON_EXPORT
BUTTON_LIST = tool_texts.BUTTON_LIST
BUTTON_RESUME = "继续 #{id}"
BUTTON_VIEW = "查看 #{id}"
BUTTON_DELETE = "删除 #{id}"
BUTTON_RESUME_LATEST = tool_texts.BUTTON_RESUME_LATEST
WIZARD_ASK_SUBJECT = "我们来做SWOT分析。先说说分析的对象是什么？例如：公司整体、某家分行或门店、某项服务。"
