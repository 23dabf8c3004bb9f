"""50 simulated users run the SWOT wizard at the same time against one Rasa server and one
action server (production setup: PostgreSQL trackers and analyses, Redis locks).

Every user has factor texts of their own, so a saved analysis holding anything but exactly
its user's factors (a tracker or a database row crossing over) fails the test. Time is bounded:
each turn has a timeout and the whole run a deadline.
"""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

import pytest

from bot.analyses import store
from tests.integration import wizard
from tests.support.servers import owner

pytestmark = [pytest.mark.integration, pytest.mark.servers]

USERS = 50
DEADLINE_SECONDS = 300
TURN_TIMEOUT_SECONDS = 60
CHINESE_DIGITS = "零一二三四五六七八九"


def tag(n: int) -> str:
    """A Chinese tag per user (07 → 零七) so no factor text is another's prefix."""
    return "".join(CHINESE_DIGITS[int(d)] for d in f"{n:02d}")


def user_swot(n: int) -> wizard.Swot:
    t = tag(n)
    return wizard.Swot(
        subject=f"第{t}号网点",
        parts={"S": [f"{t}号网点位置好", f"{t}号员工热情"], "W": [f"{t}号排队时间长"],
               "O": [f"{t}号社区新楼盘入住"], "T": [f"{t}号附近新开同业网点"]},
        weights=None if n % 2 else [5, 4, 2, 3, 1],  # half weigh, half skip
    )


def test_fifty_users_run_the_wizard_interleaved(production) -> None:
    servers = production.first
    run_id = time.time_ns()
    users = {f"load-{run_id}-{n:02d}": user_swot(n) for n in range(USERS)}
    start_line = threading.Barrier(USERS)
    turns_done = []

    def run(user: str, swot: wizard.Swot) -> str:
        rng = random.Random(user)

        def say(message: str) -> str:
            time.sleep(rng.uniform(0, 0.05))  # jitter: users' turns interleave differently
            reply = "\n".join(m.get("text", "") for m in
                              servers.send(user, message, timeout=TURN_TIMEOUT_SECONDS))
            turns_done.append(user)
            return reply

        start_line.wait(timeout=60)
        return wizard.run(say, swot)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=USERS) as pool:
        futures = {pool.submit(run, user, swot): user for user, swot in users.items()}
        done, pending = wait(futures, timeout=DEADLINE_SECONDS)
        for future in pending:
            future.cancel()
    elapsed = time.monotonic() - started
    assert not pending, f"{len(pending)} users unfinished after {DEADLINE_SECONDS} s"
    errors = {futures[f]: f.exception() for f in done if f.exception() is not None}
    assert not errors, f"{len(errors)} users failed, e.g. {next(iter(errors.items()))}"
    print(f"\n{USERS} users, {len(turns_done)} turns in {elapsed:.1f} s "
          f"({len(turns_done) / elapsed:.1f} turns/s)")

    # The users really were interleaved: the first turns come from many different users.
    assert len(set(turns_done[:USERS])) >= USERS // 2
    assert len(set(turns_done)) == USERS

    for user, swot in users.items():
        records = store.list_for_user(owner(user), engine=production.engine)
        assert len(records) == 1, (user, records)
        record = records[0]
        assert record.status == "complete", (user, record)
        assert record.subject == swot.subject
        assert record.data["swot"] == swot.expected_swot(), user
