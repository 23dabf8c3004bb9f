"""Chinese text of knowledge operations: admin edit errors, CSV headers, contacts, commands."""

from __future__ import annotations

# Admin edits (bot/ops/knowledge_edit.py): shown to the admin as is.
EDIT_UNKNOWN_TOPIC = "找不到条目“{topic}”，请从列表中选择已有的条目。"
EDIT_EMPTY_ALIAS = "别名不能为空。"
EDIT_EMPTY_QUESTION = "示例问题不能为空。"
EDIT_TOO_LONG = "{what}太长（最多 {limit} 个字）。"
EDIT_ALIAS_EXISTS = "“{alias}”已经是条目“{topic}”的名称或别名，无需重复添加。"
EDIT_ALIAS_TAKEN = "“{alias}”已经是条目“{topic}”的名称或别名；一个别名只能指向一个条目。"
EDIT_QUESTION_EXISTS = "条目“{topic}”已有这个示例问题。"
EDIT_BAD_KIND = "只能新建概念条目（kind: concept），收到的是“{kind}”。"
EDIT_NOT_MAPPING = "新条目的内容应当是键值结构。"
EDIT_UNKNOWN_FIELD = "新条目含有无法识别的字段：{fields}。"
EDIT_REFUSED = "无法保存：{field} {problem}"
EDIT_NO_ACTOR = "需要记录是谁做的修改（actor 不能为空）。"
ALIAS_LABEL = "别名"
QUESTION_LABEL = "示例问题"

# Knowledge schema additions (owner, contacts, additions of admin_additions.yml).
ERR_UNKNOWN_OWNER = "负责人“{value}”不在 knowledge/contacts.yml 的 owners 中"
ERR_BAD_OWNER_ID = "“{value}”不是合法的负责人 id（小写英文、数字和下划线，以字母开头）"
ERR_NO_OWNERS = "需要至少一个负责人（owners）"
ERR_UNKNOWN_DEFAULT = "默认负责人“{value}”不在 owners 中"
ERR_UNKNOWN_TOPIC = "要补充的条目 {value} 不存在"
OVERLAY_LABEL = "{file}（后台修改，尚未导出）"

# Feedback (bot/ops/feedback.py).
FEEDBACK_BAD_RATING = "评价只能是 up 或 down。"
FEEDBACK_BAD_REASON = "原因只能是：{allowed}。"
FEEDBACK_NO_USER = "缺少用户标识。"

# Handoff when no contact is configured at all.
FALLBACK_CONTACT_NAME = "客户服务中心"
FALLBACK_CONTACT = "请联系贵单位的客户服务中心"

# CSV exports: header rows.
LOG_CSV_HEADER = ("编号", "时间（UTC）", "用户", "问题", "意图", "置信度", "结果", "相关条目")
FEEDBACK_CSV_HEADER = ("编号", "时间（UTC）", "用户", "条目", "问题", "回答", "评价", "原因", "补充说明")
AUDIT_CSV_HEADER = ("编号", "时间（UTC）", "操作人", "操作", "对象", "修改前", "修改后")

# Commands (python -m bot purge-log | export-knowledge).
PURGE_DONE = "已删除 {days} 天前的记录：问题日志 {log} 条，反馈 {feedback} 条，转人工 {handoff} 条。"
EXPORT_DONE = "后台修改已写入 {path}，共 {count} 项；知识库版本 {revision}（导出前后一致）。"
EXPORT_NOTHING = "没有尚未导出的后台修改。"
