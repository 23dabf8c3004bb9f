"""Writing a saved analysis to a Markdown file (backs ``python -m bot export``)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy.engine import Engine

from bot.analyses import store
from bot.db import PROJECT_ROOT

DEFAULT_REPORT_DIR = PROJECT_ROOT / "reports"


def export_to_file(
    user_id: str,
    analysis_id: int | None = None,
    output: str | Path | None = None,
    *,
    engine: Engine | None = None,
) -> int:
    """Write the user's analysis (default: the most recently updated) and return an exit code."""
    if analysis_id is None:
        latest = store.list_for_user(user_id, limit=1, engine=engine)
        if not latest:
            print(f"no analyses for user {user_id!r}", file=sys.stderr)
            return 1
        analysis_id = latest[0].id
    try:
        markdown = store.export_markdown(user_id, analysis_id, engine=engine)
    except store.AnalysisNotFound:
        print(f"analysis {analysis_id} not found for user {user_id!r}", file=sys.stderr)
        return 1
    path = Path(output) if output else DEFAULT_REPORT_DIR / f"{analysis_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown, encoding="utf-8")
    print(path)
    return 0
