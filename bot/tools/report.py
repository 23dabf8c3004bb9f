"""The Markdown of an unfinished run: what each step has so far (any tool)."""

from __future__ import annotations

from bot.tools import texts
from bot.tools.engine import Data, Tool


def progress_report(tool: Tool, data: Data, subject: str) -> str:
    lines = [texts.PROGRESS_TITLE.format(tool=tool.name, subject=subject or texts.NO_SUBJECT),
             "", texts.PROGRESS_NOTE, ""]
    for step in tool.steps:
        if not step.applies(data):
            continue
        value = step.summary(data)
        lines.append(f"- {step.title}：{value if value is not None else texts.PROGRESS_EMPTY}")
    lines += ["", texts.SOURCE.format(source=tool.source)]
    return "\n".join(lines) + "\n"
