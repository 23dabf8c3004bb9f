"""What the advisory tools share: the Markdown report layout, the 是/否/不确定 step, small parsers.

Each tool keeps its own words in its ``texts.yml``; only the shape lives here, so every export
looks alike and a fix to the layout or the answer words reaches all tools at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from types import ModuleType
from typing import Any

from bot.normalize import as_command
from bot.strategy.strategy_types import parse_answer
from bot.tools import texts
from bot.tools.engine import Buttons, Data, Link, Reply, Step, StepResult, Tool

Section = tuple[str, Sequence[str]]  # a "## heading" and the lines under it


# --- parsing -----------------------------------------------------------------------------------

def meaningful_chars(text: str) -> int:
    """Letters, digits and Han characters: punctuation and emoji do not make an answer."""
    return sum(ch.isalnum() for ch in text)


def shorten(text: str, limit: int) -> str:
    """A title cut to ``limit`` characters (with …), so lists of analyses stay on one line."""
    return text if len(text) <= limit else text[:limit] + texts.ELLIPSIS


def parse_choice(text: str, extra_yes: Iterable[str] = (), extra_no: Iterable[str] = ()) -> str | None:
    """"yes" / "no" / "unsure" for 是 / 否 / 不确定 and their synonyms; a tool may add words
    that only mean yes or no for its own question (能达到, 不相关)."""
    answer = parse_answer(text)
    word = as_command(text)
    if answer is None and word in extra_yes:
        answer = "yes"
    if answer is None and word in extra_no:
        answer = "no"
    return answer


# --- steps -------------------------------------------------------------------------------------

def choice_buttons() -> Buttons:
    return [(b, b) for b in (texts.BUTTON_YES, texts.BUTTON_NO, texts.BUTTON_UNSURE)]


class ChoiceStep(Step):
    """是 / 否 / 不确定 for what no rule can judge; stores "yes", "no" or "unsure".

    By default the answer is stored under ``key``; a subclass that keeps answers elsewhere
    overrides ``store`` and ``stored`` (the rest follows). ``question_text`` may fill in data.
    """

    def __init__(self, key: str, title: str, question: str, invalid: str, *,
                 guide: tuple[str, ...] = (), extra_yes: Iterable[str] = (),
                 extra_no: Iterable[str] = ()) -> None:
        self.key, self.title, self.question, self.invalid = key, title, question, invalid
        self.guide = guide
        self.extra_yes, self.extra_no = tuple(extra_yes), tuple(extra_no)

    def question_text(self, data: Data) -> str:
        return self.question

    def prompt(self, data: Data) -> Reply:
        return Reply(self.question_text(data), choice_buttons())

    def accept(self, data: Data, text: str) -> StepResult:
        answer = parse_choice(text, self.extra_yes, self.extra_no)
        if answer is None:
            return StepResult.again(self.invalid)
        self.store(data, answer)
        return StepResult.finished()

    def store(self, data: Data, answer: str) -> None:
        data[self.key] = answer

    def stored(self, data: Data) -> str | None:
        value = data.get(self.key)
        return None if value is None else str(value)

    def is_filled(self, data: Data) -> bool:
        return self.stored(data) is not None

    def clear(self, data: Data) -> None:
        data.pop(self.key, None)

    def summary(self, data: Data) -> str | None:
        value = self.stored(data)
        return None if value is None else texts.CHOICE_LABELS.get(value, value)


# --- results and reports -----------------------------------------------------------------------

def source_reply(source: str) -> Reply:
    """The last bubble of a result: where the method comes from."""
    return Reply(texts.SOURCE.format(source=source))


def export_and_list_buttons() -> Buttons:
    """The buttons under a finished result when the tool adds none of its own."""
    return [(texts.BUTTON_EXPORT, Link("export")), (texts.BUTTON_LIST, Link("list"))]


def markdown_report(title: str, sections: Iterable[Section], source: str,
                    lead: Sequence[str] = ()) -> str:
    """The export layout of the tools: title, optional lead lines, each section, 出处.

    Blocks are separated by one blank line and the text ends with a newline.
    """
    lines = [title, ""]
    if lead:
        lines += [*lead, ""]
    for heading, body in sections:
        lines += [heading, "", *body, ""]
    lines += [texts.REPORT_SOURCE, "", source, ""]
    return "\n".join(lines)


def fixed_intro(text: str) -> Callable[[Data], str]:
    """An intro that does not depend on the data."""
    return lambda data: text


def advisory_tool(kind: str, tool_texts: ModuleType, steps: tuple[Step, ...], *,
                  name: str | None = None, source: str | None = None, **fields: Any) -> Tool:
    """A ``Tool`` whose name, source and fixed intro are its texts module's NAME, SOURCE, INTRO.

    ``name`` and ``source`` override the module's; ``fields`` are the other ``Tool`` fields.
    """
    return Tool(kind=kind, name=name or tool_texts.NAME, source=source or tool_texts.SOURCE,
                steps=steps, intro=fixed_intro(tool_texts.INTRO), **fields)
