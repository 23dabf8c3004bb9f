"""The one generic path that runs every tool of ``bot.tools`` inside Rasa's ``tool_form``.

Thin: read the tracker, call ``bot.tools.runner``, do the I/O it asks for (save, list,
export, answer a knowledge question), send what it formats. The form has one slot,
``tool_input``, filled with the text of every user turn while it runs; the validator below
hands that text to the engine and empties the slot again, so the form asks the current step
until the engine says the run ended. A tool needs nothing here (docs/wizard-engine.md).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import payloads
from actions import tool_names as names
from actions.common import ChatAction, entity_values, message_intent, message_text, off_loop, send
from actions.knowledge import ActionAnswerQuestion
from bot.analyses import store
from bot.strategy import texts as list_texts
from bot.tools import registry, runner, texts
from bot.tools.commands import is_payload
from bot.tools.engine import Command, Data, Link, Reply, Session, Tool

T = TypeVar("T")


async def db(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """A ``bot.analyses.store`` call in a worker thread (never on the event loop)."""
    return await off_loop(functools.partial(func, *args, **kwargs))


def one_block(text: str) -> str:
    """Rasa's channels split a reply at blank lines; keep a report or list in one bubble."""
    return "\n".join(line for line in text.splitlines() if line.strip())


def requested_analysis_id(tracker: Tracker) -> int | None:
    """The analysis id a button payload carries (its entity), if any."""
    for value in entity_values(tracker.latest_message or {}, names.ANALYSIS_ENTITY):
        try:
            return int(float(value))
        except ValueError:
            continue
    return None


def send_reply(dispatcher: CollectingDispatcher, reply: Reply, analysis_id: int | None = None,
               kind: str | None = None) -> None:
    """One core reply: its text and buttons, then its table as the widget's table payload."""
    if reply.text or reply.buttons:
        send(dispatcher, one_block(reply.text), names.button_pairs(reply.buttons, analysis_id, kind))
    if reply.table is not None:
        dispatcher.utter_message(json_message={
            "type": "table", **reply.table.to_dict(), "text": reply.table.as_text()})


def running(tracker: Tracker) -> tuple[Tool, Session] | None:
    session = Session.from_dict(tracker.get_slot(names.SESSION_SLOT))
    tool = registry.get(session.kind) if session else None
    return (tool, session) if tool and session else None


async def save_progress(user: str, tool: Tool, session: Session) -> int:
    """Save the run's inputs and step; a run whose row vanished starts a new row."""
    subject = tool.subject(session.data)
    step = session.step or names.DONE
    if session.analysis_id is not None:
        try:
            await db(store.save_step, session.analysis_id, user, step, session.data,
                     subject=subject)
            return session.analysis_id
        except store.AnalysisNotFound:
            pass
    return await db(store.start, user, tool.kind, subject, session.data, step=step)


async def context_for(tracker: Tracker, tool: Tool) -> dict[str, Data]:
    """Finished analyses the tool builds on: this chat's last one, or any saved (if allowed)."""
    context: dict[str, Data] = {}
    last = tracker.get_slot(names.LAST_SLOT) or {}
    for kind in tool.uses:
        record = None
        if last.get("kind") == kind and last.get("analysis_id") is not None:
            record = await db(store.get, tracker.sender_id, int(last["analysis_id"]))
        if record is None and tool.pull_saved:
            saved = await db(store.list_for_user, tracker.sender_id, limit=50)
            record = next((r for r in saved if r.kind == kind and r.is_complete), None)
        if record is not None and record.is_complete:
            context[kind] = {**record.data, "analysis_id": record.id}
    return context


async def derived_for(tracker: Tracker, tool: Tool) -> Data | None:
    """Data built from the saved analysis a start button names (e.g. comparison → SWOT)."""
    analysis_id = requested_analysis_id(tracker)
    if analysis_id is None:
        return None
    record = await db(store.get, tracker.sender_id, analysis_id)
    if record is None or record.kind not in tool.derive:
        return None
    return tool.derive[record.kind](record.data)


def reset() -> list[EventType]:
    return [SlotSet(names.SESSION_SLOT, None), SlotSet(names.INPUT_SLOT, None)]


async def finish(dispatcher: CollectingDispatcher, tracker: Tracker, tool: Tool,
                 session: Session) -> list[EventType]:
    """The result of a finished run (stored as complete), or the reply to a confirmed 取消."""
    user = tracker.sender_id
    if session.cancelled:
        if session.analysis_id is not None:
            send(dispatcher, texts.CANCELLED_SAVED, [
                (texts.BUTTON_RESUME_LATEST, payloads.intent("resume_analysis")),
                (texts.BUTTON_LIST, payloads.intent("list_analyses"))])
        else:
            send(dispatcher, texts.CANCELLED_NOTHING, [
                (texts.BUTTON_START.format(name=tool.name),
                 payloads.intent(names.start_intent(tool.kind)))])
        return reset()
    messages = tool.result(session.data)  # may add derived fields (the SWOT quadrant)
    analysis_id = session.analysis_id
    if analysis_id is None:
        analysis_id = await db(store.start, user, tool.kind, tool.subject(session.data),
                               session.data, step=names.DONE)
    await db(store.complete, analysis_id, user, session.data)
    for reply in messages:
        send_reply(dispatcher, reply, analysis_id, tool.kind)
    buttons = tool.result_buttons(session.data) if tool.result_buttons else [
        (texts.BUTTON_EXPORT, Link("export")), (texts.BUTTON_LIST, Link("list"))]
    send_reply(dispatcher, Reply(tool.next_text or texts.RESULT_SAVED.format(id=analysis_id),
                                 buttons), analysis_id, tool.kind)
    return [*reset(), SlotSet(names.LAST_SLOT, {"kind": tool.kind, "analysis_id": analysis_id})]


def offer_to_save(dispatcher: CollectingDispatcher, tool: Tool, session: Session) -> list[EventType]:
    """A one-shot result: shown at once, kept in the chat until the user says 保存."""
    for reply in tool.result(session.data):
        send_reply(dispatcher, reply, kind=tool.kind)
    send(dispatcher, texts.ONE_SHOT_SAVE, [
        (texts.BUTTON_SAVE, payloads.intent(names.SAVE_INTENT)),
        (texts.BUTTON_START.format(name=tool.name), payloads.intent(names.start_intent(tool.kind)))])
    return [*reset(), SlotSet(names.LAST_SLOT, {"kind": tool.kind, "pending": session.data})]


class ActionSaveResult(ChatAction, action_name="action_save_result"):
    """保存 after a one-shot result: store it as a finished analysis of the user."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        last = tracker.get_slot(names.LAST_SLOT) or {}
        tool = registry.get(last.get("kind"))
        if tool is None or not isinstance(last.get("pending"), dict):
            send(dispatcher, texts.NOTHING_TO_SAVE, [(texts.BUTTON_LIST, payloads.intent("list_analyses"))])
            return []
        data = last["pending"]
        analysis_id = await db(store.start, tracker.sender_id, tool.kind, tool.subject(data), data,
                               step=names.DONE)
        await db(store.complete, analysis_id, tracker.sender_id, data)
        send_reply(dispatcher, Reply(texts.RESULT_SAVED.format(id=analysis_id), [
            (texts.BUTTON_EXPORT, Link("export")), (texts.BUTTON_LIST, Link("list"))]),
            analysis_id, tool.kind)
        return [SlotSet(names.LAST_SLOT, {"kind": tool.kind, "analysis_id": analysis_id})]


class ActionStartTool(ChatAction, action_name="action_start_tool"):
    """``start_<kind>``: a new run of that tool; the rule then activates ``tool_form``.

    A start intent that is not a request ("SWOT分析怎么做", "营销费用咋分") gets the knowledge
    answer and a start button instead. A first message that already carries all the data
    is computed at once and offered for saving (one-shot input).
    """

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        tool = registry.get(names.kind_of(message_intent(tracker)))
        if tool is None:
            return [FollowupAction("action_listen")]
        text = message_text(tracker)
        if not runner.asks_to_start(tool, text):
            events = await ActionAnswerQuestion().act(dispatcher, tracker)
            if runner.names_subject(tool, text):  # no offer of a tool the message never named
                send(dispatcher, texts.OFFER_TOOL.format(name=tool.name), [
                    (texts.BUTTON_START.format(name=tool.name),
                     payloads.intent(names.start_intent(tool.kind)))])
            return [*events, FollowupAction("action_listen")]
        context = await context_for(tracker, tool)
        derived = await derived_for(tracker, tool)
        turn = runner.start(tool, "" if is_payload(text) else text, context, derived)
        session = turn.session
        for reply in turn.messages:
            send_reply(dispatcher, reply, kind=tool.kind)
        if session.finished:
            return [*offer_to_save(dispatcher, tool, session), FollowupAction("action_listen")]
        if turn.save:
            session.analysis_id = await save_progress(tracker.sender_id, tool, session)
        return [SlotSet(names.SESSION_SLOT, session.to_dict()), SlotSet(names.INPUT_SLOT, None),
                SlotSet("requested_slot", None)]


class ValidateToolForm(ChatAction, action_name="validate_tool_form"):
    """Each user turn inside ``tool_form``: a command, a knowledge question or step input."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        value = tracker.get_slot(names.INPUT_SLOT)
        if value is None or value == names.DONE:
            return []  # activation or return to the form: nothing new to read
        found = running(tracker)
        if found is None:
            return [SlotSet(names.INPUT_SLOT, names.DONE)]  # the finish action tidies up
        tool, session = found
        intent = message_intent(tracker)
        text = names.PAYLOAD_WORDS.get(str(value), str(value))
        turn = runner.handle(tool, session, text, names.HINTS.get(intent or ""),
                             names.YES_NO.get(intent or ""))
        events: list[EventType] = []
        if turn.command is Command.QUESTION:
            events += await ActionAnswerQuestion().act(dispatcher, tracker)
        elif turn.command is Command.LIST:
            await send_analysis_list(dispatcher, tracker.sender_id)
            send(dispatcher, texts.BACK_TO_STEP)
        elif turn.command is Command.EXPORT:
            if session.analysis_id is None and session.data:
                session.analysis_id = await save_progress(tracker.sender_id, tool, session)
            await send_export(dispatcher, tracker.sender_id, session.analysis_id)
            send(dispatcher, texts.BACK_TO_STEP)
        for reply in turn.messages:
            send_reply(dispatcher, reply, session.analysis_id, tool.kind)
        if turn.save and not turn.ended:
            session.analysis_id = await save_progress(tracker.sender_id, tool, session)
        return [*events, SlotSet(names.SESSION_SLOT, session.to_dict()),
                SlotSet(names.INPUT_SLOT, names.DONE if turn.ended else None)]


class ActionAskToolInput(ChatAction, action_name="action_ask_tool_input"):
    """The form's question: the current step's prompt (or 确定要退出吗)."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        found = running(tracker)
        if found is not None:
            tool, session = found
            send_reply(dispatcher, runner.prompt(tool, session), session.analysis_id, tool.kind)
        return []


class ActionFinishTool(ChatAction, action_name="action_finish_tool"):
    """After ``tool_form``: the result, or 已退出 after a confirmed 取消."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        found = running(tracker)
        if found is None:
            return reset()
        tool, session = found
        return await finish(dispatcher, tracker, tool, session)


# --- shared with actions/analyses.py -----------------------------------------------------


def describe(record: store.AnalysisRecord) -> dict[str, Any]:
    """A saved analysis in the words of 我的分析."""
    tool = registry.get(record.kind)
    step = tool.step(record.step) if tool else None
    return {
        "id": record.id,
        "kind": tool.name if tool else record.kind,
        "subject": record.subject or list_texts.REPORT_DEFAULT_SUBJECT,
        "status": list_texts.STATUS_NAMES.get(record.status, record.status),
        "step": step.title if step else texts.STEP_DONE if record.is_complete else "-",
        "updated": record.updated_at.strftime("%m-%d %H:%M") if record.updated_at else "",
    }


def offer_start(tool_kind: str = "swot") -> list[tuple[str, str]]:
    tool = registry.get(tool_kind)
    name = tool.name if tool else tool_kind
    return [(texts.BUTTON_START.format(name=name), payloads.intent(names.start_intent(tool_kind)))]


LIST_LIMIT = 10
BUTTON_ROWS = 3


async def send_analysis_list(dispatcher: CollectingDispatcher, user: str) -> None:
    records = await db(store.list_for_user, user, limit=LIST_LIMIT)
    if not records:
        send(dispatcher, list_texts.ANALYSES_EMPTY, offer_start())
        return
    lines = [list_texts.ANALYSES_LIST_TITLE]
    lines += [list_texts.ANALYSES_LIST_ITEM.format(n=n, **describe(r))
              for n, r in enumerate(records, start=1)]
    pairs: list[tuple[str, str]] = []
    for record in records[:BUTTON_ROWS]:
        if record.is_complete:
            pairs.append((list_texts.BUTTON_VIEW.format(id=record.id),
                          payloads.analysis("export_analysis", record.id)))
        else:
            pairs.append((list_texts.BUTTON_RESUME.format(id=record.id),
                          payloads.analysis("resume_analysis", record.id)))
        pairs.append((list_texts.BUTTON_DELETE.format(id=record.id),
                      payloads.analysis("delete_analysis", record.id)))
    send(dispatcher, "\n".join(lines), pairs)


async def send_export(dispatcher: CollectingDispatcher, user: str, analysis_id: int | None) -> bool:
    """The Markdown report in chat; False (and a message) when there is none."""
    if analysis_id is None:
        send(dispatcher, texts.EXPORT_NOTHING_YET)
        return False
    try:
        markdown = await db(store.export_markdown, user, int(analysis_id))
    except store.AnalysisNotFound:
        send(dispatcher, list_texts.ANALYSES_NOT_FOUND.format(id=analysis_id),
             [(list_texts.BUTTON_LIST, payloads.intent("list_analyses"))])
        return False
    send(dispatcher, list_texts.ANALYSES_EXPORT_INTRO.format(id=analysis_id))
    send(dispatcher, one_block(markdown))
    send(dispatcher, list_texts.ANALYSES_EXPORT_COMMAND.format(user=user, id=analysis_id))
    return True


def resume_events(record: store.AnalysisRecord) -> list[EventType]:
    """Slots that put the record's tool back where it stopped, then the form itself."""
    tool = registry.get(record.kind)
    if tool is None:
        return []
    session = runner.resume(tool, record.step, record.data, record.id)
    follow = "action_finish_tool" if session.finished else names.FORM
    return [SlotSet(names.SESSION_SLOT, session.to_dict()), SlotSet(names.INPUT_SLOT, None),
            SlotSet("requested_slot", None), FollowupAction(follow)]
