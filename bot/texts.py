"""Every Chinese sentence the core shows to people, in one place.

Actions and the loader format these templates; nothing else in ``bot/`` spells out
user-facing Chinese, so wording can be reviewed and changed here alone.
"""

# --- knowledge loader -----------------------------------------------------------------
KNOWLEDGE_ERROR = "知识库文件 {file} 有误：字段 {field} {problem}。数据库内容未做任何改动。"
ERR_REQUIRED_TEXT = "不能为空，需要填写文字"
ERR_NOT_TEXT = "应当是一段文字"
ERR_REQUIRED_LIST = "需要至少一条内容的列表"
ERR_NOT_LIST = "应当是列表"
ERR_NOT_MAPPING = "应当是键值结构（mapping）"
ERR_REQUIRED_SOURCE = "缺少出处：需要 {doc: 文件名, section: 章节标题}"
ERR_UNKNOWN_SECTION = "引用的章节不存在：{doc}《{section}》（见 knowledge/sections.yml）"
ERR_BAD_ID = "“{value}”不是合法的 id（小写英文、数字和下划线，以字母开头）"
ERR_BAD_KIND = "“{value}”不是已知的类型，可选：{allowed}"
ERR_UNKNOWN_KEY = "不是可识别的顶层键，可选：{allowed}"
ERR_DUPLICATE_ID = "与 {other} 中的 id 重复"
ERR_DUPLICATE_ALIAS = "别名“{alias}”已被 {other} 使用"
ERR_UNKNOWN_RELATED = "引用了不存在的条目 {value}"
ERR_YAML_SYNTAX = "YAML 语法错误"
RELOAD_DONE = "知识库已加载：{count} 个条目，版本 {revision}。"
RELOAD_UNCHANGED = "知识库没有变化（版本 {revision}），数据库未改动。"

# --- answers ----------------------------------------------------------------------------
SOURCE_LINE = "📖 出处：{sources}"
SUMMARY_LINE = "【{name}】{summary}"
FACET_HEADER = "{title}："
FACET_BUTTON = "{name}·{title}"
LIST_CUT = "……（共{total}条，这里列出{shown}条）"
FOCUS_LINE = "👉 您问的这一条：{item}"
MORE_FACETS = "还可以接着问：{titles}。"
ITEM_LINE = "【{name}】{title}第{n}条：{item}"
ALIASES_LINE = "也叫：{aliases}"
NO_ALIASES = "资料里没有给出{name}的其他叫法。"
ALSO_LINE = "🔎 资料里相关的一条（{title}）：{item}（《{section}》）"
SITUATION_SWOT = "按您描述的情况（{cues}），属于SWOT的{quadrant}组合，资料建议这样做："
SITUATION_TYPE = "按您描述的情况（{cues}），资料里对应的是下面这种战略："
# A case that describes one side only: the two quadrants it can be in, and what decides.
SITUATION_PARTIAL = "按您描述的情况（{cues}），{known}；{missing}还没说清楚，按SWOT有两种可能："
SITUATION_KNOWN = {"S": "内部条件属于优势", "W": "内部条件属于劣势", "O": "外部环境属于机会", "T": "外部环境属于威胁"}
SITUATION_MISSING = {"inside": "内部条件（人员、资金、服务、品牌等）", "outside": "外部环境（市场需求、政策、竞争等）"}
# What the unknown letter of a possible quadrant would mean.
SITUATION_CONDITION = {"O": "如果外部机会多", "T": "如果外部威胁多", "S": "如果自身优势多", "W": "如果自身劣势多"}
SITUATION_OPTION = "• {condition}：{quadrant}组合，宜采用{name}——{summary}"
SITUATION_PARTIAL_END = "把{missing}和刚才的情况一起发给我，我再帮您确定；也可以说“做SWOT分析”，我一步步带您做。"
ASPECT_MISSING = "资料里没有专门讲{name}的“{aspect}”，先给您看主要内容："
COMPARE_HEADER = "【{a}】与【{b}】对比："
COMPARE_SUMMARY = "• {name}：{summary}"
COMPARE_FACET = "{name}的{title}："
COMPARE_NEED_TWO = "您想比较哪两项？请把两个名称都告诉我，例如“服务经理和营销服务经理有什么区别”。"
UNKNOWN_ANSWER = "抱歉，这个问题我在资料里没有找到可靠的答案。"
DID_YOU_MEAN = "您是想问下面这些吗？"
CAN_ANSWER = "我可以回答这些方面的问题：{categories}。"
CAN_ANSWER_ROLES = "岗位职责方面：{roles}。"
TOO_LONG = "您的消息太长了（超过 {limit} 个字），请精简到一两句话再问我。"
OUT_OF_SCOPE = (
    "抱歉，这个超出了我的范围。我专门解答服务营销知识和岗位职责方面的问题，"
    "比如“什么是SWOT分析”“售后服务经理的职责有哪些”。"
)
BUTTON_CAPABILITIES = "我能问什么"

# --- small talk (bot/smalltalk.py decides the kind) ---------------------------------------
CHAT_REPLIES = {
    "greet": ("您好！我是服务营销顾问，可以解答服务营销的概念（如服务营销管理、SWOT、4P/7P、服务蓝图）"
              "和岗位职责（如服务经理、售后服务经理）方面的问题，也能陪您做SWOT分析和战略类型选择。请问想了解什么？"),
    "identity": ("我是服务营销顾问，一个解答服务营销知识和岗位职责的助手：概念、流程、战略选择、"
                 "各岗位的职责和任职要求都可以问我，也能带您一步步做SWOT分析。"),
    "thanks": "不客气！还有什么想了解的，随时问我。",
    "goodbye": "再见！有问题随时来问我。",
    "ok": "好的。还有什么想了解的吗？",
}
GREET_BUTTONS = (("服务营销管理是什么", "service_marketing_management"), ("售后服务经理的职责", "after_sales_service_manager"))
EMPTY_MESSAGE = "我没有收到文字内容，请输入您的问题。"
NO_REPLY_APOLOGY = "抱歉，系统暂时出了点问题，这次没能回答您。请稍后再试一次，您之前的对话和分析都已保存。"
UNAUTHORIZED = "未授权：请提供有效的访问令牌。"
BAD_REQUEST = "请求格式不正确：需要 JSON，例如 {\"sender\": \"u1\", \"message\": \"你好\"}。"
BAD_MESSAGE_TYPE = "请求格式不正确：message 必须是文字（字符串）。"
BAD_SENDER = "请求格式不正确：sender 必须是不超过 128 个字符的文字或数字。"
REST_FORBIDDEN = "REST 接口只接受本机请求；从其他机器访问请使用门户聊天窗口，或由管理员配置 REST_TOKEN 后携带令牌。"
PAYLOAD_REFUSED = ("这个指令不能直接输入。请直接用中文提问，或点击对话中的按钮；"
                   "输入 /restart 可以重新开始对话（已保存的分析不受影响）。")
ACTION_TOKEN_MISSING = ("{variable} 未设置：动作服务器需要与 Rasa 服务器共享的令牌"
                        "（set {variable}; scripts/run.sh generates one for local runs）")
RESTART_DONE = "好的，对话已重新开始，之前的上下文已清空；您保存的分析都还在，说“我的分析”即可查看。请问想了解什么？"

# Headings of a role's facets in the knowledge format, and a role's default category.
ROLE_FACET_TITLES = {"duties": "岗位职责", "requirements": "任职要求", "working_conditions": "工作环境与条件"}
ROLE_CATEGORY = "岗位职责"

# Chinese names of answer aspects, used in headings and buttons.
ASPECT_NAMES = {
    "summary": "概述",
    "aliases": "别名",
    "duties": "岗位职责",
    "requirements": "任职要求",
    "working_conditions": "工作条件",
    "steps": "步骤流程",
    "elements": "构成要素",
    "principles": "原则",
    "features": "特点",
    "importance": "重要性",
    "methods": "实施方法",
    "key_points": "重点",
    "core_ideas": "核心理念",
    "types": "类型",
    "preconditions": "前提条件",
    "measures": "措施",
    "goals": "目标",
    "examples": "例子",
    "differences": "区别",
    "other": "其他",
}

# --- handoff (转人工 / 找专家) ---------------------------------------------------------------
HANDOFF_ABOUT = "关于「{topic}」的问题，"
HANDOFF_CONTACT = "可以直接联系{name}：{contact}。"
HANDOFF_RECORDED = "我已记下您的请求，管理员在后台能看到，会尽快安排人跟进。"
HANDOFF_NOT_RECORDED = "（请求暂时没能记下，请直接按上面的方式联系。）"
