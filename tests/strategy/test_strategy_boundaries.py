"""Architecture rules: the engine is stdlib only; nothing touches a database at import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_strategy_engine_imports_no_rasa_and_no_sqlalchemy() -> None:
    result = run(
        "import sys, bot.strategy, bot.strategy.report, bot.strategy.strategy_types\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'rasa', 'rasa_sdk', 'sqlalchemy', 'jieba', 'spacy'})\n"
        "assert not bad, bad"
    )
    assert result.returncode == 0, result.stderr


def test_importing_the_store_creates_no_engine() -> None:
    result = run(
        "import bot.analyses.store\n"
        "from bot.db import get_engine\n"
        "assert get_engine.cache_info().currsize == 0"
    )
    assert result.returncode == 0, result.stderr
