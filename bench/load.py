"""REST load generator for bench/run.py: scripted conversations, one user or many at once.

Every request goes to a Rasa server on 127.0.0.1 through its REST channel. Loops are bounded
twice: by a number of turns and by a deadline, so a hung server cannot stall the benchmark.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import aiohttp

# A script yields (kind, message) turns for one conversation; kinds not in `measured` are
# sent (they set up the state) but only counted towards throughput.
Script = Sequence[tuple[str, str]]


@dataclass
class LoadResult:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # kind -> seconds
    turns: int = 0
    errors: int = 0
    wall: float = 0.0
    truncated: bool = False  # stopped by the deadline before all turns were sent

    @property
    def throughput(self) -> float:
        return self.turns / self.wall if self.wall else 0.0

    def merge(self, other: LoadResult) -> None:
        for kind, values in other.latencies.items():
            self.latencies.setdefault(kind, []).extend(values)
        self.turns += other.turns
        self.errors += other.errors
        self.truncated |= other.truncated


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


async def _turn(session: aiohttp.ClientSession, url: str, sender: str, message: str,
                timeout: float) -> tuple[bool, float, list]:
    started = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": message},
                                timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            body = await response.json(content_type=None)
            ok = response.status == 200 and isinstance(body, list) and len(body) > 0
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        body, ok = [], False
    return ok, time.perf_counter() - started, body


async def _user(session: aiohttp.ClientSession, urls: Iterator[str], user: str, script: Script, turns: int,
                measured: frozenset[str], deadline: float, timeout: float,
                result: LoadResult) -> None:
    conversation = 0
    sent = 0
    while sent < turns:
        sender = f"{user}-c{conversation}"
        for kind, message in script:
            if sent >= turns:
                break
            if time.monotonic() > deadline:
                result.truncated = True
                return
            ok, elapsed, _ = await _turn(session, next(urls), sender, message, timeout)
            sent += 1
            result.turns += 1
            if not ok:
                result.errors += 1
            elif kind in measured:
                result.latencies.setdefault(kind, []).append(elapsed)
        conversation += 1


async def _run(base_url: str | Sequence[str], prefix: str, script: Script, users: int, turns_per_user: int,
               measured: frozenset[str], max_seconds: float, timeout: float) -> LoadResult:
    # Several servers: each request goes to the next one in turn (a load balancer's round
    # robin), so one conversation's turns land on different servers.
    bases = [base_url] if isinstance(base_url, str) else list(base_url)
    urls = itertools.cycle([f"{base}/webhooks/rest/webhook" for base in bases])
    result = LoadResult()
    connector = aiohttp.TCPConnector(limit=users * len(bases))
    async with aiohttp.ClientSession(connector=connector) as session:
        deadline = time.monotonic() + max_seconds
        started = time.perf_counter()
        await asyncio.gather(*(
            _user(session, urls, f"{prefix}-u{i}", script, turns_per_user, measured, deadline, timeout, result)
            for i in range(users)
        ))
        result.wall = time.perf_counter() - started
    return result


def run_load(base_url: str | Sequence[str], prefix: str, script: Script, users: int, turns_per_user: int,
             measured: frozenset[str], max_seconds: float = 240, timeout: float = 30) -> LoadResult:
    """`users` simulated users at once, each sending `turns_per_user` turns of `script`
    (repeated with a fresh sender id per conversation); requests alternate between the
    servers when `base_url` lists several."""
    return asyncio.run(_run(base_url, prefix, script, users, turns_per_user, measured, max_seconds, timeout))


async def _probe(base_url: str, sender: str, messages: Sequence[str], timeout: float) -> list[list]:
    url = f"{base_url}/webhooks/rest/webhook"
    replies = []
    async with aiohttp.ClientSession() as session:
        for message in messages:
            ok, _, body = await _turn(session, url, sender, message, timeout)
            replies.append(body if ok else [])
    return replies


def conversation(base_url: str, sender: str, messages: Sequence[str], timeout: float = 30) -> list[str]:
    """Send messages in order as one user; the reply texts joined per turn ('' on failure)."""
    replies = asyncio.run(_probe(base_url, sender, messages, timeout))
    return ["\n".join(str(m.get("text", "")) for m in reply) for reply in replies]


def first_reply_after(start: float, base_url: str, alive: Callable[[], bool], max_seconds: float,
                      message: str, poll: float = 0.1) -> float:
    """Seconds from `start` (time.monotonic) to the first successful REST reply; polls."""
    url = f"{base_url}/webhooks/rest/webhook"

    async def wait() -> float:
        async with aiohttp.ClientSession() as session:
            while time.monotonic() - start < max_seconds:
                if not alive():
                    raise RuntimeError("server exited before answering")
                ok, _, _ = await _turn(session, url, "bench-coldstart", message, timeout=30)
                if ok:
                    return time.monotonic() - start
                await asyncio.sleep(poll)
        raise RuntimeError(f"no REST reply within {max_seconds:.0f}s")

    return asyncio.run(wait())
