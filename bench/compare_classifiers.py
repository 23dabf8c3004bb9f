"""Compare intent classifiers on the held-out set: accuracy, training time, start-up time.

Usage: ``PYTHONPATH=. .venv/bin/python bench/compare_classifiers.py`` (after ``make setup``).
Trains one model per pipeline variant into a temporary folder, then measures how long
``rasa run`` takes to answer its first request, and the held-out topic accuracy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge.repository import read_snapshot  # noqa: E402
from tests.heldout.evaluate import evaluate  # noqa: E402
from tests.support.servers import BotServers  # noqa: E402

DIET = {"name": "DIETClassifier", "epochs": 100, "entity_recognition": False, "random_seed": 42}


def variant_config(classifier: dict) -> dict:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    config["pipeline"] = [classifier if c["name"] == "LogisticRegressionClassifier" else c
                          for c in config["pipeline"]]
    return config


def train(config: dict, out: Path) -> tuple[Path, float]:
    config_path = out / "config.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    subprocess.run([str(Path(sys.executable).parent / "rasa"), "train", "--config", str(config_path),
                    "--out", str(out), "--fixed-model-name", "m", "--force"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return out / "m.tar.gz", time.monotonic() - started


def startup_seconds(model: Path, workdir: Path) -> float:
    servers = BotServers(workdir, model=model)
    servers.start_actions()
    try:
        started = time.monotonic()
        servers.start_rasa()
        return time.monotonic() - started
    finally:
        servers.stop()


def main() -> None:
    snapshot = read_snapshot()
    rows = []
    base = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    logreg = next(c for c in base["pipeline"] if c["name"] == "LogisticRegressionClassifier")
    for name, classifier in (("LogisticRegressionClassifier", logreg), ("DIETClassifier", DIET)):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            model, train_s = train(variant_config(classifier), out)
            outcomes = evaluate(snapshot, model)
            accuracy = sum(o.ok for o in outcomes) / len(outcomes)
            start_s = startup_seconds(model, out)
            rows.append((name, accuracy, len(outcomes), train_s, start_s))
            print(f"{name}: accuracy {accuracy:.3f} on {len(outcomes)}, train {train_s:.1f}s, "
                  f"start-up {start_s:.1f}s", flush=True)
    print("\n| classifier | held-out topic accuracy | training (s) | server start-up (s) |")
    print("|---|---|---|---|")
    for name, accuracy, n, train_s, start_s in rows:
        print(f"| {name} | {accuracy:.1%} ({n} questions) | {train_s:.1f} | {start_s:.1f} |")


if __name__ == "__main__":
    main()
