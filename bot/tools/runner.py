"""Running a tool: start, one message at a time, the prompt of the current step.

Pure functions over ``Session``; persistence, NLU and the knowledge answer are the caller's.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.normalize import as_command
from bot.tools import texts
from bot.tools.commands import command_of, confirm_answer, is_payload, reads_like_request
from bot.tools.engine import Command, Data, Reply, Session, Step, Tool, Turn


def start(tool: Tool, text: str = "", context: Mapping[str, Data] | None = None,
          derived: Data | None = None) -> Turn:
    """A new session: data from the context, a derived analysis and the message itself."""
    data: Data = tool.new_data(context or {}) if tool.new_data else {}
    data.update(derived or {})
    prefilled = tool.prefill(text) if tool.prefill and text else {}
    data.update(prefilled)
    session = Session(tool.kind, None, data)
    messages = [Reply(tool.intro(data))] if tool.intro else []
    first = tool.first_open_step(data)
    if first is None:
        session.finished = True
    else:
        session.step = first.key
    return Turn(session, messages, save=bool(prefilled or derived))


def asks_to_start(tool: Tool, text: str) -> bool:
    """Start the tool only for a request or a message carrying its data (one-shot input);
    a question that merely names the tool's subject is answered from the knowledge instead."""
    if tool.prefill and tool.prefill(text):
        return True
    return reads_like_request(text) and names_subject(tool, text)


def names_subject(tool: Tool, text: str) -> bool:
    """A button, or a message saying one of the tool's cues: "新的" in "推一个新的理财服务"
    reads like a request but names no tool."""
    said = (text or "").lower()
    return is_payload(text) or not tool.cues or any(cue in said for cue in tool.cues)


def resume(tool: Tool, step_key: str | None, data: Data, analysis_id: int) -> Session:
    """A saved run back at the step where it stopped (or its first open step)."""
    step = tool.step(step_key)
    if step is None or not step.applies(data):
        step = tool.first_open_step(data)
    session = Session(tool.kind, step.key if step else None, dict(data), analysis_id)
    session.finished = step is None
    return session


def current_step(tool: Tool, session: Session) -> Step | None:
    return tool.step(session.step) or tool.first_open_step(session.data)


def handle(tool: Tool, session: Session, text: str, hint: Command | None = None,
           said: bool | None = None) -> Turn:
    """One user message inside the running tool."""
    if session.confirming_cancel:
        return _confirm_cancel(session, text, said)
    command = command_of(text, hint)
    step = current_step(tool, session)
    if command is None and step is not None and as_command(text) in step.back_words:
        command = Command.BACK
    if command is Command.CANCEL:
        session.confirming_cancel = True
        return Turn(session)
    if command is Command.HELP:
        return Turn(session, [Reply(help_text(tool, session))])
    if command is Command.BACK:
        return _back(tool, session)
    if command is Command.RESUME:
        return Turn(session, [Reply(texts.RESUMED_HERE)])
    if command in (Command.LIST, Command.EXPORT, Command.QUESTION):
        return Turn(session, command=command)
    if step is None:
        session.finished = True
        return Turn(session, save=True)
    result = step.accept(session.data, text.strip())
    turn = Turn(session, list(result.messages), save=result.changed or result.done)
    if result.done:
        following = tool.first_open_step(session.data, tool.steps.index(step) + 1)
        session.step = following.key if following else None
        session.finished = following is None
    return turn


def _confirm_cancel(session: Session, text: str, said: bool | None) -> Turn:
    answer = confirm_answer(text, said)
    if answer is None:
        return Turn(session, [Reply(texts.CONFIRM_UNCLEAR)])
    session.confirming_cancel = False
    if answer:
        session.cancelled = True
        return Turn(session)
    return Turn(session, [Reply(texts.CANCEL_CONTINUE)])


def _back(tool: Tool, session: Session) -> Turn:
    current = current_step(tool, session)
    previous = tool.previous_step(session.data, current)
    if previous is None:
        return Turn(session, [Reply(texts.BACK_AT_FIRST)])
    previous.clear(session.data)
    session.step = previous.key
    return Turn(session, [Reply(texts.BACK_TO.format(title=previous.title))], save=True)


def help_text(tool: Tool, session: Session) -> str:
    step = current_step(tool, session)
    guide = step.guide if step else ()
    lines = [texts.HELP_TITLE.format(tool=tool.name, step=step.title if step else "")]
    lines += [f"{n}. {q}" for n, q in enumerate(guide, start=1)] or [texts.HELP_NONE]
    lines.append(texts.HELP_COMMANDS)
    lines.append(texts.SOURCE.format(source=tool.source))
    return "\n".join(lines)


def prompt(tool: Tool, session: Session) -> Reply:
    """What the user sees as the question now: the step, or 确定要退出吗."""
    if session.confirming_cancel:
        text = texts.CONFIRM_CANCEL + (texts.CONFIRM_CANCEL_SAVED if session.analysis_id else "")
        return Reply(text, [(texts.BUTTON_CONFIRM_QUIT, texts.BUTTON_YES),
                            (texts.BUTTON_CONFIRM_CONTINUE, texts.BUTTON_CONTINUE)])
    step = current_step(tool, session)
    if step is None:
        return Reply("")
    return step.prompt(session.data)
