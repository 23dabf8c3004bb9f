"""Saved analyses: 我的分析 (list), 继续我的分析 (resume), export, delete with confirmation."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import payloads
from actions import tool_names as names
from actions.common import ChatAction, message_intent, message_text, send
from actions.tools import (
    LIST_LIMIT,
    db,
    describe,
    offer_start,
    requested_analysis_id,
    resume_events,
    send_analysis_list,
    send_export,
)
from bot.analyses import store
from bot.normalize import normalize
from bot.strategy import texts
from bot.tools.engine import Session

_NUMBER = re.compile(r"(\d+)")


def current_analysis_id(tracker: Tracker) -> int | None:
    """The analysis of the running tool, else the last one finished in this chat."""
    session = Session.from_dict(tracker.get_slot(names.SESSION_SLOT))
    if session is not None and session.analysis_id is not None:
        return session.analysis_id
    last = tracker.get_slot(names.LAST_SLOT) or {}
    return int(last["analysis_id"]) if last.get("analysis_id") is not None else None


def requested_id(tracker: Tracker) -> int | None:
    """The analysis id from a button payload entity, or a number typed in the message."""
    from_button = requested_analysis_id(tracker)
    if from_button is not None:
        return from_button
    text = message_text(tracker)
    if text.startswith("/"):
        return None
    match = _NUMBER.search(normalize(text))
    return int(match.group(1)) if match else None


class ActionListAnalyses(ChatAction, action_name="action_list_analyses"):
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        await send_analysis_list(dispatcher, tracker.sender_id)
        return []


class ActionResumeAnalysis(ChatAction, action_name="action_resume_analysis"):
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        user = tracker.sender_id
        analysis_id = requested_id(tracker)
        if analysis_id is not None:
            record = await db(store.get, user, analysis_id)
            if record is None:
                send(dispatcher, texts.ANALYSES_NOT_FOUND.format(id=analysis_id),
                     [(texts.BUTTON_LIST, payloads.intent("list_analyses"))])
                return []
        else:
            record = await db(store.latest_in_progress, user)
            if record is None:
                send(dispatcher, texts.ANALYSES_NONE_IN_PROGRESS, [
                    (texts.BUTTON_START_SWOT, payloads.intent("start_swot")), (texts.BUTTON_LIST, payloads.intent("list_analyses"))])
                return []
        if record.is_complete:
            send(dispatcher, texts.ANALYSES_RESUME_COMPLETE.format(id=record.id),
                 [(texts.BUTTON_EXPORT, payloads.analysis("export_analysis", record.id))])
            return []
        send(dispatcher, texts.ANALYSES_RESUMING.format(**describe(record)))
        return resume_events(record)


class ActionExportAnalysis(ChatAction, action_name="action_export_analysis"):
    """The Markdown report in chat, and the command that writes it to a file."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        user = tracker.sender_id
        analysis_id = requested_id(tracker) or current_analysis_id(tracker)
        if analysis_id is None:
            latest = await db(store.list_for_user, user, limit=1)
            if not latest:
                send(dispatcher, texts.ANALYSES_EMPTY, offer_start())
                return []
            analysis_id = latest[0].id
        await send_export(dispatcher, user, analysis_id)
        return []


class ActionConfirmDeleteAnalysis(ChatAction, action_name="action_confirm_delete_analysis"):
    """Asks 确定删除…吗 (the rules send 是 / 否 to ``action_delete_analysis``)."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        user = tracker.sender_id
        analysis_id = requested_id(tracker)
        if analysis_id is None:
            records = await db(store.list_for_user, user, limit=LIST_LIMIT)
            if not records:
                send(dispatcher, texts.ANALYSES_EMPTY)
                return [SlotSet("pending_delete_id", None)]
            lines = [texts.ANALYSES_DELETE_WHICH]
            lines += [texts.ANALYSES_LIST_ITEM.format(n=n, **describe(r))
                      for n, r in enumerate(records, start=1)]
            send(dispatcher, "\n".join(lines), [
                (texts.BUTTON_DELETE.format(id=r.id), payloads.analysis("delete_analysis", r.id))
                for r in records[:6]])
            return [SlotSet("pending_delete_id", None)]
        record = await db(store.get, user, analysis_id)
        if record is None:
            send(dispatcher, texts.ANALYSES_NOT_FOUND.format(id=analysis_id))
            return [SlotSet("pending_delete_id", None)]
        send(dispatcher, texts.ANALYSES_DELETE_CONFIRM.format(**describe(record)),
             [(texts.BUTTON_YES, payloads.intent("affirm")), (texts.BUTTON_NO, payloads.intent("deny"))])
        return [SlotSet("pending_delete_id", record.id)]


class ActionDeleteAnalysis(ChatAction, action_name="action_delete_analysis"):
    """Deletes the analysis named by ``action_confirm_delete_analysis`` if the user said 是."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        pending = tracker.get_slot("pending_delete_id")
        events: list[EventType] = [SlotSet("pending_delete_id", None)]
        if pending is None or message_intent(tracker) != "affirm":
            send(dispatcher, texts.ANALYSES_DELETE_KEPT)
            return events
        deleted = await db(store.delete, tracker.sender_id, int(pending))
        if not deleted:
            send(dispatcher, texts.ANALYSES_NOT_FOUND.format(id=int(pending)))
            return events
        send(dispatcher, texts.ANALYSES_DELETED.format(id=int(pending)),
             [(texts.BUTTON_LIST, payloads.intent("list_analyses"))])
        if current_analysis_id(tracker) == int(pending):
            events.append(SlotSet(names.LAST_SLOT, None))
        return events

