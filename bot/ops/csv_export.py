"""CSV text for the admin exports, safe to open in a spreadsheet.

A cell starting with ``= + - @`` (or a tab / carriage return) would run as a formula in
Excel or LibreOffice (CSV injection); such cells get a leading single quote. User text
ends up in these files, so every cell is treated this way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.db import session_scope

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """UTF-8 text with a header row (the HTTP layer adds the BOM Excel wants)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    writer.writerows([cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def table_csv(model: Any, header: Sequence[str], cells: Callable[[Any], Sequence[Any]],
              *, engine: Engine | None = None) -> str:
    """Every row of an ops table in id order: its id and time (the first two columns of each
    export), then ``cells(row)``."""
    with session_scope(engine) as session:
        rows = session.execute(select(model).order_by(model.id)).scalars()
        return to_csv(header, ((row.id, row.created_at.isoformat(), *cells(row)) for row in rows))
