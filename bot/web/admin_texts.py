"""Chinese texts of the admin API and the widget feedback event (shown as they are)."""

from __future__ import annotations

FORBIDDEN = "没有管理员权限，或登录已过期：请从门户的管理入口重新打开。"
BAD_BODY = "请求内容不是有效的 JSON 对象。"
BODY_TOO_LARGE = "请求内容太大。"
FIELD_REQUIRED = "请填写「{field}」。"
FIELD_TYPE = "「{field}」的格式不对。"
UNKNOWN_LOG_ENTRY = "找不到编号为 {id} 的提问记录。"
SERVER_ERROR = "后台暂时出错，请稍后再试。"
FEEDBACK_NO_SESSION = "连接还没准备好，请稍后再试。"
FEEDBACK_FAILED = "评价暂时没能保存，请稍后再试。"

# Field names in the messages above.
FIELD_NAMES = {
    "topic_id": "主题", "alias": "别名", "question": "示例问题", "log_id": "提问记录",
    "name": "名称", "fields": "主题内容",
}
