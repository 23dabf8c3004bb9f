"""The service potential & market share wizard: steps, one-line reading, result and report.

Session data (plain JSON)::

    {"current": {"name": str, "vehicles": num, "hours_per_vehicle": num, "sold_hours": num},
     "regions": [{same keys}, ...],   # further regions added in one line at the "more" step
     "more_done": True}               # the user said 完成 (or a one-shot filled everything)

``current`` is the region asked step by step, so 上一步 simply forgets one of its keys; the
ranking is computed from ``current`` + ``regions`` every time and never stored.
"""

from __future__ import annotations

import re
from typing import Any

from bot.normalize import as_command
from bot.tools.engine import Buttons, Data, Reply, Step, StepResult, Table
from bot.tools.market_share import compute, texts
from bot.tools.numbers import Quantity, find_quantities, format_number, format_percent, parse_number
from bot.tools.render import advisory_tool, markdown_report

FIELDS = ("vehicles", "hours_per_vehicle", "sold_hours")
NAME_LIMIT = 20
REGION_LIMIT = 20


# --- reading numbers out of free text --------------------------------------------------------

def _field_of(quantity: Quantity, text: str, before: str) -> str | None:
    """Which input a number is, from its unit and the words between it and the previous one."""
    unit = quantity.unit
    per_vehicle = any(w in before for w in texts.PER_VEHICLE_WORDS)
    sold = any(w in before for w in texts.SOLD_WORDS)
    if unit in texts.VEHICLE_UNITS or (not unit and text[quantity.end:].startswith(texts.VEHICLE_AFTER)):
        return "vehicles"
    if unit == texts.HOURS_UNIT:
        return "sold_hours" if sold and not per_vehicle else "hours_per_vehicle"
    if unit == texts.WORK_HOURS_UNIT:
        return "hours_per_vehicle" if per_vehicle else "sold_hours"
    if unit:
        return None  # money, percentages: not an input of this tool
    if per_vehicle:
        return "hours_per_vehicle"
    if sold or texts.WORK_HOURS_WORD in before:
        return "sold_hours"
    if any(w in before for w in texts.VEHICLE_WORDS):
        return "vehicles"
    return None


def read_fields(text: str) -> tuple[dict[str, float], int | None]:
    """The inputs found in ``text`` (first one of each wins) and where the first one starts."""
    fields: dict[str, float] = {}
    first: int | None = None
    previous_end = 0
    for quantity in find_quantities(text):
        field = _field_of(quantity, text, text[previous_end:quantity.start])
        previous_end = quantity.end
        if field is None:
            continue
        first = quantity.start if first is None else first
        fields.setdefault(field, _plain(quantity.value))
    return fields, first


def read_name(text: str, first_number: int | None) -> str:
    """The leading word of a line ("城西站 8000辆 …" → 城西站), without the numbers after it."""
    head = (text if first_number is None else text[:first_number]).strip()
    name = re.split(texts.NAME_SEPARATORS, head, maxsplit=1)[0] if head else ""
    while filler := next((w for w in texts.NAME_FILLERS if name.endswith(w) and name != w), None):
        name = name[:-len(filler)]  # "城西站保有量8000辆" → 城西站
    return "" if name in texts.NAME_FILLERS else name


def _only_a_number(text: str) -> bool:
    quantities = find_quantities(text)
    return len(quantities) == 1 and quantities[0].start == 0 and quantities[0].end >= len(text)


def _plain(value: float) -> float | int:
    """Whole numbers stored as int, so saved data reads as the user typed it."""
    return int(value) if float(value).is_integer() else float(value)


def prefill(text: str) -> Data:
    """One-shot input: numbers found → a finished-looking run named 本区域; only gaps are asked."""
    fields, _ = read_fields(text)
    if not fields:
        return {}
    return {"current": {"name": texts.DEFAULT_NAME, **fields}, "regions": [], "more_done": True}


# --- steps -------------------------------------------------------------------------------------

def _current(data: Data) -> dict[str, Any]:
    return data.setdefault("current", {})


def _current_name(data: Data) -> str:
    return str(data.get("current", {}).get("name") or texts.DEFAULT_NAME)


class NameStep(Step):
    """The region's name; a whole line ("城东站 12000辆 每车3小时 9000工时") fills the rest too."""

    key, title = "name", texts.NAME_TITLE
    guide = texts.GUIDE_NAME

    def prompt(self, data: Data) -> Reply:
        return Reply(texts.NAME_QUESTION, [(texts.BUTTON_SKIP, texts.BUTTON_SKIP)])

    def accept(self, data: Data, text: str) -> StepResult:
        current = _current(data)
        if as_command(text) in texts.SKIP_WORDS:
            current["name"] = texts.DEFAULT_NAME
            return StepResult.finished()
        fields, first = read_fields(text)
        if not fields and _only_a_number(text):
            return StepResult.again(texts.NAME_IS_NUMBER)
        name = read_name(text, first) if fields else text.strip()
        if not name:
            if not fields:
                return StepResult.again(texts.NAME_EMPTY)
            name = texts.DEFAULT_NAME
        if len(name) > NAME_LIMIT:
            return StepResult.again(texts.NAME_TOO_LONG)
        current["name"] = name
        for field, value in fields.items():
            current.setdefault(field, value)
        return StepResult.finished()

    def is_filled(self, data: Data) -> bool:
        return bool(data.get("current", {}).get("name"))

    def clear(self, data: Data) -> None:
        _current(data).pop("name", None)


class NumberStep(Step):
    """One number of ``current``; refused input is asked again with an example."""

    def __init__(self, key: str, title: str, question: str, invalid: str,
                 guide: tuple[str, ...]) -> None:
        self.key, self.title, self.question, self.invalid = key, title, question, invalid
        self.guide = guide

    def prompt(self, data: Data) -> Reply:
        return Reply(self.question.format(name=_current_name(data)))

    def accept(self, data: Data, text: str) -> StepResult:
        current = _current(data)
        if text.lstrip().startswith(texts.NEGATIVE_SIGNS):
            return StepResult.again(texts.NEGATIVE + self.invalid)
        value = parse_number(text)
        if value is None:
            fields, _ = read_fields(text)  # "12000辆，每车3小时" answers more than one step
            if self.key not in fields:
                return StepResult.again(self.invalid)
            current[self.key] = fields.pop(self.key)
            for field, number in fields.items():
                current.setdefault(field, number)
            return StepResult.finished()
        current[self.key] = _plain(value)
        return StepResult.finished()

    def is_filled(self, data: Data) -> bool:
        return data.get("current", {}).get(self.key) is not None

    def clear(self, data: Data) -> None:
        _current(data).pop(self.key, None)


class MoreStep(Step):
    """Further regions, one line each; stays on the step until 完成."""

    key, title = "more", texts.MORE_TITLE
    guide = texts.GUIDE_MORE

    def prompt(self, data: Data) -> Reply:
        names = [str(r["name"]) for r in data.get("regions", [])]
        text = texts.MORE_QUESTION
        buttons: Buttons = [(texts.BUTTON_DONE, texts.BUTTON_DONE)]
        if names:
            text = texts.MORE_ADDED_SO_FAR.format(names=texts.LIST_JOIN.join(names)) + text
            buttons.append((texts.BUTTON_UNDO, texts.BUTTON_UNDO))
        return Reply(text, buttons)

    def accept(self, data: Data, text: str) -> StepResult:
        word = as_command(text)
        regions: list[dict[str, Any]] = data.setdefault("regions", [])
        if word in texts.DONE_WORDS:
            data["more_done"] = True
            return StepResult.finished()
        if word in texts.UNDO_WORDS:
            if not regions:
                return StepResult.again(texts.MORE_NOTHING_TO_UNDO)
            removed = regions.pop()
            return StepResult.again(texts.MORE_UNDONE.format(name=removed["name"]), changed=True)
        return self._add(data, regions, text)

    def _add(self, data: Data, regions: list[dict[str, Any]], text: str) -> StepResult:
        fields, first = read_fields(text)
        missing = [f for f in FIELDS if f not in fields]
        if missing:
            return StepResult.again(texts.MORE_MISSING.format(
                missing=texts.LIST_JOIN.join(texts.MISSING_NAMES[f] for f in missing)))
        name = read_name(text, first)[:NAME_LIMIT] or texts.UNNAMED.format(n=len(regions) + 2)
        if name == _current_name(data):
            return StepResult.again(texts.NAME_TAKEN.format(name=name))
        same = next((i for i, r in enumerate(regions) if r["name"] == name), None)
        if same is None and len(regions) + 1 >= REGION_LIMIT:
            return StepResult.again(texts.MORE_TOO_MANY.format(limit=REGION_LIMIT))
        region = {"name": name, **fields}
        if same is None:
            regions.append(region)
        else:
            regions[same] = region
        return StepResult.again(_added_message(region, updated=same is not None), changed=True)

    def is_filled(self, data: Data) -> bool:
        return data.get("more_done") is True

    def clear(self, data: Data) -> None:
        data.pop("more_done", None)


def _added_message(region: dict[str, Any], updated: bool) -> str:
    result = compute.assess(region)
    if result.share is None:
        return texts.MORE_ADDED_NO_SHARE.format(name=result.name)
    template = texts.MORE_UPDATED if updated else texts.MORE_ADDED
    message = template.format(name=result.name, potential=format_number(result.potential),
                              share=format_percent(result.share))
    return message + (texts.MORE_OVER if result.status == compute.OVER_POTENTIAL else "")


STEPS: tuple[Step, ...] = (
    NameStep(),
    NumberStep("vehicles", texts.VEHICLES_TITLE, texts.VEHICLES_QUESTION, texts.VEHICLES_INVALID,
               texts.GUIDE_VEHICLES),
    NumberStep("hours_per_vehicle", texts.HOURS_TITLE, texts.HOURS_QUESTION, texts.HOURS_INVALID,
               texts.GUIDE_HOURS),
    NumberStep("sold_hours", texts.SOLD_TITLE, texts.SOLD_QUESTION, texts.SOLD_INVALID,
               texts.GUIDE_SOLD),
    MoreStep(),
)


# --- result and report -------------------------------------------------------------------------

def all_regions(data: Data) -> list[dict[str, Any]]:
    current = data.get("current") or {}
    return ([current] if current else []) + list(data.get("regions") or [])


def _rows(assessed: list[compute.Assessment]) -> tuple[tuple[str, ...], ...]:
    rows = []
    for n, a in enumerate(assessed, start=1):
        rows.append((str(n) if a.ranked else texts.NO_RANK, a.name, format_number(a.vehicles),
                     format_number(a.hours_per_vehicle), format_number(a.potential),
                     format_number(a.sold_hours),
                     format_percent(a.share) if a.share is not None else texts.NO_SHARE,
                     texts.STATUS_CELL[a.status]))
    return tuple(rows)


def table(data: Data) -> Table:
    return Table(texts.COLUMNS, _rows(compute.rank(all_regions(data))))


def summary(assessed: list[compute.Assessment]) -> str:
    """One region: its share and the division; several: the best and the worst."""
    ranked = [a for a in assessed if a.ranked]
    if not ranked:
        return texts.SUMMARY_NONE
    if len(ranked) == 1:
        a = ranked[0]
        return texts.SUMMARY_ONE.format(name=a.name, share=format_percent(a.share or 0),
                                        sold=format_number(a.sold_hours),
                                        potential=format_number(a.potential))
    best, worst = ranked[0], ranked[-1]
    return texts.SUMMARY_MANY.format(best=best.name, best_share=format_percent(best.share or 0),
                                     worst=worst.name, worst_share=format_percent(worst.share or 0))


def interpretation(assessed: list[compute.Assessment]) -> list[str]:
    """One line per band position that occurs, naming its regions."""
    lines = []
    for status in (*compute.RANKED, compute.OVER_POTENTIAL, compute.NO_POTENTIAL):
        names = [a.name for a in assessed if a.status == status]
        if names:
            lines.append(texts.INTERPRETATION[status].format(names=texts.LIST_JOIN.join(names)))
    return lines


def result(data: Data) -> list[Reply]:
    assessed = compute.rank(all_regions(data))
    explained = "\n".join([texts.INTERPRETATION_TITLE, *interpretation(assessed), texts.LINK_NOTE,
                           texts.SOURCE_LINE])
    return [Reply(summary(assessed)), Reply(texts.TABLE_CAPTION, table=table(data)),
            Reply(explained)]


def subject(data: Data) -> str:
    count = len(all_regions(data))
    name = _current_name(data)
    return name if count <= 1 else texts.SUBJECT_MANY.format(name=name, count=count)


def report(data: Data, title: str) -> str:
    """The Markdown export: title, summary, ranked table, interpretation, source."""
    assessed = compute.rank(all_regions(data))
    readings = [f"- {line}" for line in interpretation(assessed)]
    return markdown_report(f"# {texts.TITLE.format(subject=title)}", [
        (texts.REPORT_INPUTS, [texts.TABLE_CAPTION, "", *table(data).as_markdown()]),
        (texts.REPORT_INTERPRETATION, [*readings, "", texts.LINK_NOTE]),
    ], texts.SOURCE, lead=[summary(assessed)])


TOOL = advisory_tool("market_share", texts, STEPS, result=result, report=report, subject=subject,
                     prefill=prefill, cues=("份额", "潜力", "占有率", "工时", "保有量"))
