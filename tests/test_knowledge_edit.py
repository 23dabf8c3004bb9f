"""A concept added to the YAML becomes answerable after `reload`, without Python or retraining."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from bot.db import get_engine
from bot.knowledge.loader import KNOWLEDGE_DIR, load

pytestmark = pytest.mark.servers

NEW_CONCEPT = """\
concepts:
  - id: service_recovery_demo
    name: 服务补救演示
    aliases: [补救演示条目]
    category: 服务管理
    definition: 这是测试用的新条目：服务出错后及时弥补并挽回客户信任的做法。
    source: {doc: 000_cca45a3cc66b965b.txt, section: 服务管理与营销管理讲义}
    facets:
      - kind: steps
        title: 演示步骤
        items: [道歉并承认问题, 尽快解决, 回访确认满意]
"""


def test_new_concept_is_answerable_after_reload(bot_servers, tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    (knowledge / "concepts" / "zz_demo.yml").write_text(NEW_CONCEPT, encoding="utf-8")
    _, changed = load(knowledge, get_engine(bot_servers.env["DATABASE_URL"]))
    assert changed
    deadline = time.monotonic() + 20  # the servers re-check the knowledge revision every 5 s
    answer = ""
    while time.monotonic() < deadline:
        answer = bot_servers.say("kb-edit", "补救演示条目是什么")
        if "【服务补救演示】" in answer:
            break
        time.sleep(1)
    assert "【服务补救演示】" in answer and "1. 道歉并承认问题" in answer
    # Restore the real knowledge so other tests see the documented state.
    load(KNOWLEDGE_DIR, get_engine(bot_servers.env["DATABASE_URL"]))
