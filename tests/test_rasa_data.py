"""Training data and generated files are consistent: `rasa data validate` without warnings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.knowledge.loader import read_knowledge
from bot.nlu.generate import LOOKUPS, lookups_yaml

ROOT = Path(__file__).resolve().parents[1]


def test_generated_lookups_are_up_to_date() -> None:
    assert LOOKUPS.read_text(encoding="utf-8") == lookups_yaml(read_knowledge()), \
        "run `python -m bot generate` (make does it)"


def test_rasa_data_validate_passes_without_warnings() -> None:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "data", "validate", "--fail-on-warnings"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "UserWarning" not in output and "MissingArgumentError" not in output
