"""The declarative wizard engine: a tool is a list of steps plus how its result is shown.

Tools are plain data and functions (no Rasa names). ``handle`` takes one user message for the
running session and says what happened: replies, whether to save, finish or cancel, or which
command the caller must carry out (list analyses, export, answer a knowledge question). The
caller (``actions/tools.py``) does the I/O; everything here is pure and unit tested.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

Data = dict[str, Any]


@dataclass(frozen=True)
class Link:
    """A button that leaves the step: start a tool, export or list analyses.

    The core says what the button does; ``actions/`` turns it into a Rasa payload.
    """

    action: str  # "start" | "export" | "list" | "resume"
    tool: str | None = None
    analysis_id: int | None = None


Buttons = list[tuple[str, "str | Link"]]  # a str payload is plain text, parsed like typing


@dataclass(frozen=True)
class Table:
    """Rows and columns; the widget draws a table, other channels get the text version."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""

    def as_text(self) -> str:
        lines = [self.caption] if self.caption else []
        lines.append(" | ".join(self.columns))
        lines += [" | ".join(row) for row in self.rows]
        return "\n".join(lines)

    def as_markdown(self) -> list[str]:
        def cell(value: str) -> str:
            return str(value).replace("|", "\\|").replace("\n", " ")

        lines = [f"| {' | '.join(cell(c) for c in self.columns)} |",
                 f"|{'---|' * len(self.columns)}"]
        lines += [f"| {' | '.join(cell(c) for c in row)} |" for row in self.rows]
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {"columns": list(self.columns), "rows": [list(r) for r in self.rows],
                "caption": self.caption}


@dataclass
class Reply:
    """One chat bubble: text, optional buttons, optional table."""

    text: str
    buttons: Buttons = field(default_factory=list)
    table: Table | None = None


def replies(*items: str | Reply) -> list[Reply]:
    return [item if isinstance(item, Reply) else Reply(item) for item in items]


@dataclass
class StepResult:
    """What one message did to a step (the step changed ``data`` in place)."""

    done: bool = False  # the step is finished: go to the next one
    changed: bool = False  # data changed: save the progress
    messages: list[Reply] = field(default_factory=list)

    @classmethod
    def again(cls, message: str, changed: bool = False) -> StepResult:
        """Input refused or partial: say why (with an example), the step is asked again."""
        return cls(done=False, changed=changed, messages=replies(message))

    @classmethod
    def finished(cls, *messages: str | Reply) -> StepResult:
        return cls(done=True, changed=True, messages=replies(*messages))


class Step:
    """One question of a tool. Subclasses override ``accept`` (and usually ``prompt``).

    ``key`` is stored with a saved analysis (where to resume), ``title`` is shown in 我的分析.
    ``guide`` are the step's guiding questions (怎么填 / 帮助).
    """

    key: str = ""
    title: str = ""
    guide: tuple[str, ...] = ()
    skippable: bool = False
    back_words: frozenset[str] = frozenset()  # extra words meaning 上一步 here (e.g. 撤销)

    def prompt(self, data: Data) -> Reply:
        raise NotImplementedError

    def accept(self, data: Data, text: str) -> StepResult:
        raise NotImplementedError

    def applies(self, data: Data) -> bool:
        """False when the step has nothing to ask (e.g. no factors to weigh)."""
        return True

    def is_filled(self, data: Data) -> bool:
        """True when ``data`` already answers the step (prefilled by one-shot input)."""
        return False

    def clear(self, data: Data) -> None:
        """Forget what this step stored (上一步 goes back to it)."""

    def summary(self, data: Data) -> str | None:
        """The step's answer in a few words, for the report of an unfinished run."""
        value = data.get(self.key)
        return None if value is None else str(value)


@dataclass(frozen=True)
class Invalid:
    """A parser's refusal: the Chinese re-ask, with an example of valid input."""

    message: str


Parser = Callable[[str, Data], "Any | Invalid"]


class ValueStep(Step):
    """The common step: one value parsed from the message and stored under ``key``."""

    def __init__(self, key: str, title: str, question: str, parse: Parser, *,
                 guide: tuple[str, ...] = (), buttons: Buttons | None = None,
                 skippable: bool = False, skip_word: str = "跳过",
                 confirm: Callable[[Any], str] | None = None,
                 applies: Callable[[Data], bool] | None = None) -> None:
        self.key, self.title, self.question = key, title, question
        self.parse, self.guide, self.skippable = parse, guide, skippable
        self.buttons = list(buttons or [])
        self.skip_word = skip_word
        self.confirm = confirm
        self._applies = applies

    def prompt(self, data: Data) -> Reply:
        buttons = list(self.buttons)
        if self.skippable:
            buttons.append((self.skip_word, self.skip_word))
        return Reply(self.question, buttons)

    def accept(self, data: Data, text: str) -> StepResult:
        if self.skippable and text.strip() == self.skip_word:
            data[self.key] = None
            return StepResult(done=True, changed=True)
        value = self.parse(text, data)
        if isinstance(value, Invalid):
            return StepResult.again(value.message)
        data[self.key] = value
        messages = [self.confirm(value)] if self.confirm else []
        return StepResult.finished(*messages)

    def applies(self, data: Data) -> bool:
        return self._applies(data) if self._applies else True

    def is_filled(self, data: Data) -> bool:
        """Answered, or skipped (a skipped optional step stores None)."""
        return self.key in data and (data[self.key] is not None or self.skippable)

    def clear(self, data: Data) -> None:
        data.pop(self.key, None)


@dataclass
class Tool:
    """Everything the engine needs to run one advisory tool.

    ``result`` renders a finished run, ``report`` its Markdown export, ``subject`` the title in
    我的分析. ``prefill`` reads data out of the message that started the tool (one-shot input);
    ``derive`` builds this tool's data from another saved analysis (kind → function);
    ``intro`` is said once at the start; ``cues`` are the words that name the tool's subject.
    """

    kind: str
    name: str
    source: str
    steps: tuple[Step, ...]
    result: Callable[[Data], list[Reply]]
    report: Callable[[Data, str], str]
    subject: Callable[[Data], str]
    intro: Callable[[Data], str] | None = None
    prefill: Callable[[str], Data] | None = None
    derive: Mapping[str, Callable[[Data], Data]] = field(default_factory=dict)
    new_data: Callable[[Mapping[str, Data]], Data] | None = None
    uses: tuple[str, ...] = ()  # kinds of finished analyses offered to ``new_data``
    reports_partial: bool = False  # ``report`` copes with an unfinished run's data
    pull_saved: bool = False  # ``uses`` may come from any saved run, not only this chat's
    next_text: str | None = None  # said with the result's buttons (default: saved, export)
    result_buttons: Callable[[Data], Buttons] | None = None
    # Words one of which a typed start request says ("对手", "预算"): "分行要推一个新的理财
    # 服务，先做啥" reads like a request (新的) but asks nothing of the competitor check.
    # Empty: any request starts the tool.
    cues: tuple[str, ...] = ()

    def step(self, key: str | None) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)

    def first_open_step(self, data: Data, start: int = 0) -> Step | None:
        """The first step from ``start`` that applies and is not answered yet."""
        for step in self.steps[start:]:
            if step.applies(data) and not step.is_filled(data):
                return step
        return None

    def previous_step(self, data: Data, current: Step | None) -> Step | None:
        index = self.steps.index(current) if current else len(self.steps)
        return next((s for s in reversed(self.steps[:index]) if s.applies(data)), None)

    def step_number(self, data: Data, step: Step) -> tuple[int, int]:
        """(n, total) counting only the steps that apply."""
        active = [s for s in self.steps if s.applies(data)]
        return (active.index(step) + 1 if step in active else 0), len(active)


class Command(Enum):
    """What a message asks of the wizard instead of being step input."""

    CANCEL = "cancel"
    HELP = "help"
    BACK = "back"
    LIST = "list"
    EXPORT = "export"
    RESUME = "resume"
    QUESTION = "question"


@dataclass
class Session:
    """A running tool: kept in one conversation slot as a plain dict."""

    kind: str
    step: str | None
    data: Data = field(default_factory=dict)
    analysis_id: int | None = None
    confirming_cancel: bool = False
    finished: bool = False
    cancelled: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "step": self.step, "data": self.data,
                "analysis_id": self.analysis_id, "confirming_cancel": self.confirming_cancel,
                "finished": self.finished, "cancelled": self.cancelled}

    @classmethod
    def from_dict(cls, value: Mapping[str, Any] | None) -> Session | None:
        if not isinstance(value, Mapping) or not value.get("kind"):
            return None
        analysis_id = value.get("analysis_id")
        return cls(kind=str(value["kind"]), step=value.get("step"),
                   data=dict(value.get("data") or {}),
                   analysis_id=int(analysis_id) if analysis_id is not None else None,
                   confirming_cancel=bool(value.get("confirming_cancel")),
                   finished=bool(value.get("finished")), cancelled=bool(value.get("cancelled")))


@dataclass
class Turn:
    """What ``handle`` decided; the caller carries out ``command`` and the persistence.

    Unless the run ended, the caller then asks the current step again (``prompt``), which
    is also how 确定要退出吗 is shown while a cancel waits for its answer.
    """

    session: Session
    messages: list[Reply] = field(default_factory=list)
    save: bool = False  # progress changed: save ``session`` now
    command: Command | None = None  # LIST / EXPORT / QUESTION: do it, then ask the step again

    @property
    def ended(self) -> bool:
        return self.session.finished or self.session.cancelled
