"""Saved analyses: 我的分析 (list), 继续我的分析 (resume), export, delete with confirmation."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import payloads
from actions.common import entity_values, send
from actions.strategy import reset_strategy
from actions.swot import reset_swot
from actions.wizard import buttons, db, message_intent, message_text, one_block
from bot.analyses import store
from bot.analyses.store import AnalysisRecord
from bot.normalize import normalize
from bot.strategy import texts
from bot.strategy.wizard import swot_slots_for_step

LIST_LIMIT = 10
BUTTON_ROWS = 3
_NUMBER = re.compile(r"(\d+)")


def requested_id(tracker: Tracker) -> int | None:
    """The analysis id from a button payload entity, or a number typed in the message."""
    message = tracker.latest_message or {}
    for value in entity_values(message, "analysis_id"):
        try:
            return int(float(value))
        except ValueError:
            continue
    text = message_text(tracker)
    if text.startswith("/"):
        return None
    match = _NUMBER.search(normalize(text))
    return int(match.group(1)) if match else None


def describe(record: AnalysisRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "kind": texts.KIND_NAMES.get(record.kind, record.kind),
        "subject": record.subject or texts.REPORT_DEFAULT_SUBJECT,
        "status": texts.STATUS_NAMES.get(record.status, record.status),
        "step": texts.STEP_NAMES.get(record.step, record.step or "-"),
        "updated": record.updated_at.strftime("%m-%d %H:%M") if record.updated_at else "",
    }




class ActionListAnalyses(Action):
    def name(self) -> str:
        return "action_list_analyses"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        records = await db(store.list_for_user, tracker.sender_id, limit=LIST_LIMIT)
        if not records:
            send(dispatcher, texts.ANALYSES_EMPTY, buttons([(texts.BUTTON_START_SWOT, payloads.intent("start_swot"))]))
            return []
        lines = [texts.ANALYSES_LIST_TITLE]
        lines += [texts.ANALYSES_LIST_ITEM.format(n=n, **describe(r))
                  for n, r in enumerate(records, start=1)]
        pairs: list[tuple[str, str]] = []
        for record in records[:BUTTON_ROWS]:
            if record.is_complete:
                pairs.append((texts.BUTTON_VIEW.format(id=record.id),
                              payloads.analysis("export_analysis", record.id)))
            else:
                pairs.append((texts.BUTTON_RESUME.format(id=record.id),
                              payloads.analysis("resume_analysis", record.id)))
            pairs.append((texts.BUTTON_DELETE.format(id=record.id), payloads.analysis("delete_analysis", record.id)))
        send(dispatcher, "\n".join(lines), buttons(pairs))
        return []


def resume_events(record: AnalysisRecord) -> list[EventType]:
    """Slots that put the record's wizard back where it stopped, then the form itself."""
    if record.kind == "swot":
        slots = swot_slots_for_step(record.step, record.data, record.subject)
        return [*reset_strategy(), *reset_swot(),
                *(SlotSet(name, value) for name, value in slots.items()),
                SlotSet("analysis_id", record.id), FollowupAction("swot_form")]
    context = {key: record.data[key] for key in ("swot", "quadrant") if key in record.data}
    return [*reset_swot(), *reset_strategy(),
            SlotSet("strategy_context", context),
            SlotSet("strategy_answers", dict(record.data.get("answers") or {})),
            SlotSet("analysis_id", record.id), FollowupAction("strategy_type_form")]


class ActionResumeAnalysis(Action):
    def name(self) -> str:
        return "action_resume_analysis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        user = tracker.sender_id
        analysis_id = requested_id(tracker)
        if analysis_id is not None:
            record = await db(store.get, user, analysis_id)
            if record is None:
                send(dispatcher, texts.ANALYSES_NOT_FOUND.format(id=analysis_id),
                     buttons([(texts.BUTTON_LIST, payloads.intent("list_analyses"))]))
                return []
        else:
            record = await db(store.latest_in_progress, user)
            if record is None:
                send(dispatcher, texts.ANALYSES_NONE_IN_PROGRESS, buttons([
                    (texts.BUTTON_START_SWOT, payloads.intent("start_swot")), (texts.BUTTON_LIST, payloads.intent("list_analyses"))]))
                return []
        if record.is_complete:
            send(dispatcher, texts.ANALYSES_RESUME_COMPLETE.format(id=record.id),
                 buttons([(texts.BUTTON_EXPORT, payloads.analysis("export_analysis", record.id))]))
            return []
        send(dispatcher, texts.ANALYSES_RESUMING.format(**describe(record)))
        return resume_events(record)


class ActionExportAnalysis(Action):
    """The Markdown report in chat, and the command that writes it to a file."""

    def name(self) -> str:
        return "action_export_analysis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        user = tracker.sender_id
        analysis_id = requested_id(tracker) or tracker.get_slot("analysis_id")
        if analysis_id is None:
            latest = await db(store.list_for_user, user, limit=1)
            if not latest:
                send(dispatcher, texts.ANALYSES_EMPTY, buttons([(texts.BUTTON_START_SWOT, payloads.intent("start_swot"))]))
                return []
            analysis_id = latest[0].id
        try:
            markdown = await db(store.export_markdown, user, int(analysis_id))
        except store.AnalysisNotFound:
            send(dispatcher, texts.ANALYSES_NOT_FOUND.format(id=analysis_id),
                 buttons([(texts.BUTTON_LIST, payloads.intent("list_analyses"))]))
            return []
        send(dispatcher, texts.ANALYSES_EXPORT_INTRO.format(id=analysis_id))
        send(dispatcher, one_block(markdown))
        send(dispatcher, texts.ANALYSES_EXPORT_COMMAND.format(user=user, id=analysis_id))
        return []


class ActionConfirmDeleteAnalysis(Action):
    """Asks 确定删除…吗 (the rules send 是 / 否 to ``action_delete_analysis``)."""

    def name(self) -> str:
        return "action_confirm_delete_analysis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
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
            send(dispatcher, "\n".join(lines), buttons([
                (texts.BUTTON_DELETE.format(id=r.id), payloads.analysis("delete_analysis", r.id))
                for r in records[:6]]))
            return [SlotSet("pending_delete_id", None)]
        record = await db(store.get, user, analysis_id)
        if record is None:
            send(dispatcher, texts.ANALYSES_NOT_FOUND.format(id=analysis_id))
            return [SlotSet("pending_delete_id", None)]
        send(dispatcher, texts.ANALYSES_DELETE_CONFIRM.format(**describe(record)),
             buttons([(texts.BUTTON_YES, payloads.intent("affirm")), (texts.BUTTON_NO, payloads.intent("deny"))]))
        return [SlotSet("pending_delete_id", record.id)]


class ActionDeleteAnalysis(Action):
    """Deletes the analysis named by ``action_confirm_delete_analysis`` if the user said 是."""

    def name(self) -> str:
        return "action_delete_analysis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
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
             buttons([(texts.BUTTON_LIST, payloads.intent("list_analyses"))]))
        if tracker.get_slot("analysis_id") is not None and int(tracker.get_slot("analysis_id")) == int(pending):
            events.append(SlotSet("analysis_id", None))
        return events

