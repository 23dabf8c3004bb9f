"""Performance benchmark: our bot against a stock Rasa 3.6 bot, in one run; prints a Markdown table.

Usage: ``make bench`` (or ``PYTHONPATH=. .venv/bin/python bench/run.py [--quick]`` after
``make setup``). Everything runs on 127.0.0.1 with free ports, temporary folders and its own
SQLite databases; nothing of the developer's data is touched. About 10 minutes on 2 cores.

Measured for both bots: training from scratch (``rasa train --force``), Rasa server cold start
(process start → first successful REST reply), per-turn latency p50/p95 through the REST
channel with the action server running — one user in sequence and 16 users at once —,
throughput with 16 users, and the resident memory of each server after the load. For ours
also knowledge retrieval (BM25) over 10,000 synthetic passages.

The stock bot is Rasa's ``rasa init`` template (copied by the same function ``rasa init``
uses; ``rasa init`` would also train it with the English config first) with Rasa's default
pipeline and policies, JiebaTokenizer in place of WhitespaceTokenizer (so ``language: zh``,
which JiebaTokenizer requires), its action server running and its in-memory tracker store.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import LoadResult, conversation, first_reply_after, percentile, run_load  # noqa: E402
from tests.support.servers import BotServers, free_port  # noqa: E402

VENV_BIN = Path(sys.executable).parent
RASA = str(VENV_BIN / "rasa")

TARGETS = {  # name -> (comparison, limit)
    "p95_1user": ("<=", 60.0),
    "throughput_16": (">=", 50.0),
    "cold_start": ("<=", 20.0),
    "training": ("<=", 60.0),
    "rss_rasa": ("<=", 800.0),
    "retrieval_p95": ("<=", 5.0),
}

# --- conversations -------------------------------------------------------------------------
# (kind, message): kinds "qa", "wizard" and "wizard_start" are timed; "setup" turns are sent
# and counted towards throughput only. Each script is one conversation (one sender id).
OURS_QA = [("qa", m) for m in (
    "售后服务经理的职责有哪些", "那任职要求呢", "什么是服务营销", "服务质量差距模型是什么",
    "客户总觉得我们收费太高该怎么应对", "服务蓝图有什么用", "大堂经理要做哪些工作",
    "服务补救和服务承诺有什么区别", "怎么提高客户满意度", "什么是服务利润链",
)] * 2
OURS_WIZARD = [("wizard_start", "我想做SWOT分析"), ("setup", "我们分行"), ("wizard", "客户忠诚度高"),
               ("wizard", "网点覆盖广"), ("wizard", "员工服务意识强"), ("wizard", "品牌知名度高")]
OURS_FOLLOW_UP = [("setup", "售后服务经理的职责有哪些"), ("wizard", "那任职要求呢")]
STOCK_QA = [("qa", m) for m in (
    "hello", "I am sad", "are you a bot?", "goodbye", "very good", "hi there", "I am great",
    "bye", "am I talking to a human?", "not good",
)] * 2
STOCK_STORY = [("wizard_start", "hello"), ("setup", "I am sad"), ("wizard", "yes"), ("wizard", "no"),
               ("wizard", "I am great"), ("wizard", "goodbye")]


# --- processes -------------------------------------------------------------------------------

def _family(pid: int) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def rss_mb(pid: int) -> float:
    """VmRSS of a process and all its descendants, in MB (0 if it is gone)."""
    total_kb = 0
    for member in _family(pid):
        try:
            match = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{member}/status").read_text(), re.M)
        except OSError:
            continue
        total_kb += int(match.group(1)) if match else 0
    return total_kb / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its descendants so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for member in _family(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


@dataclass
class Bot:
    """Action server + Rasa server of one project, started from `cwd` with `env`."""

    name: str
    cwd: Path
    model: Path
    env: dict[str, str]
    logs: Path
    rasa_port: int = field(default_factory=free_port)
    actions_port: int = 0
    rasa: subprocess.Popen | None = None
    actions: subprocess.Popen | None = None
    more_rasa: list[tuple[int, subprocess.Popen]] = field(default_factory=list)  # (port, process)
    # Ours: the guarded launcher that production runs (shared secret); stock: rasa_sdk's own.
    actions_command: tuple[str, ...] = (RASA, "run", "actions", "--actions", "actions")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def urls(self) -> list[str]:
        """Every Rasa server of this bot (the first one, then the ones of `add_rasa_servers`)."""
        return [self.url, *(f"http://127.0.0.1:{port}" for port, _ in self.more_rasa)]

    @property
    def rasa_pids(self) -> list[int]:
        return [process.pid for process in (self.rasa, *(p for _, p in self.more_rasa)) if process]

    def _popen(self, args: list[str], log: str) -> subprocess.Popen:
        with open(self.logs / f"{self.name}-{log}.log", "ab") as out:
            return subprocess.Popen(args, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT)

    def start_actions(self) -> float:
        started = time.monotonic()
        self.actions = self._popen([*self.actions_command, "--port", str(self.actions_port)], "actions")
        deadline = started + 120
        import urllib.request
        while time.monotonic() < deadline:
            if self.actions.poll() is not None:
                raise RuntimeError(f"{self.name} action server exited:\n{self.tail('actions')}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.actions_port}/health", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} action server not ready:\n{self.tail('actions')}")

    def _start_rasa_process(self, port: int, log: str) -> subprocess.Popen:
        endpoints = self.env.get("ENDPOINTS", "endpoints.yml")
        return self._popen([RASA, "run", "--model", str(self.model), "--interface", "127.0.0.1", "--port", str(port),
                            "--endpoints", endpoints, "--credentials", "credentials.yml"], log)

    def start_rasa(self, probe: str) -> float:
        """Start the Rasa server; seconds from process start to the first REST reply."""
        started = time.monotonic()
        self.rasa = self._start_rasa_process(self.rasa_port, "rasa")
        try:
            return first_reply_after(started, self.url, lambda: self.rasa.poll() is None, 180, probe)
        except RuntimeError as error:
            raise RuntimeError(f"{self.name} Rasa server: {error}\n{self.tail('rasa')}") from error

    def add_rasa_servers(self, count: int, probe: str) -> None:
        """`count` more Rasa servers on their own ports, sharing the stores of the first one."""
        for number in range(2, count + 2):
            port = free_port()
            started = time.monotonic()
            process = self._start_rasa_process(port, f"rasa{number}")
            self.more_rasa.append((port, process))
            try:
                first_reply_after(started, f"http://127.0.0.1:{port}", lambda p=process: p.poll() is None, 180, probe)
            except RuntimeError as error:
                raise RuntimeError(f"{self.name} Rasa server {number}: {error}\n{self.tail(f'rasa{number}')}") from error

    def tail(self, log: str, lines: int = 30) -> str:
        path = self.logs / f"{self.name}-{log}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    @staticmethod
    def _stop(process: subprocess.Popen | None) -> None:
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def stop_rasa(self) -> None:
        self._stop(self.rasa)

    def stop(self) -> None:
        self._stop(self.rasa)
        for _, process in self.more_rasa:
            self._stop(process)
        self._stop(self.actions)


def train(cwd: Path, env: dict[str, str], out: Path, name: str, log: Path) -> tuple[Path, float]:
    """`rasa train --force` into `out`, with an empty training cache; (model, seconds)."""
    cache = out / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with open(log, "wb") as output:
        done = subprocess.run([RASA, "train", "--force", "--out", str(out), "--fixed-model-name", name],
                              cwd=cwd, env={**env, "RASA_CACHE_DIRECTORY": str(cache)},
                              stdout=output, stderr=subprocess.STDOUT, timeout=600)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise RuntimeError(f"training {name} failed:\n" + "\n".join(log.read_text().splitlines()[-30:]))
    return out / f"{name}.tar.gz", seconds


# --- Rasa's scaling path: more Sanic workers, shared stores ------------------------------------

LOCK_STORE = """
# Added by bench/run.py --workers: Rasa refuses several Sanic workers with its in-memory lock store.
lock_store:
  type: redis
  url: ${REDIS_HOST}
  port: ${REDIS_PORT}
  password: ${REDIS_PASSWORD}
  db: 1
  key_prefix: advisor
"""


def scaling_setup(args: argparse.Namespace, tmp: Path) -> tuple[dict[str, str], list, str]:
    """Servers and environment for ``--workers N`` / ``--production`` (ours only); a description.

    Several workers need a shared lock store, so a throwaway Redis is started on loopback (as in
    tests/integration). ``--production`` runs the setup of docs/production.md instead:
    endpoints.production.yml with a throwaway PostgreSQL for the knowledge, analyses and trackers.
    """
    if args.servers > 1:
        args.production = True  # several servers share PostgreSQL and Redis (docs/production.md)
    if args.workers <= 1 and not args.production:
        return {}, [], "one Rasa server process; SQLite knowledge and SQLite tracker store; in-memory lock store"
    from tests.integration.services import (
        KNOWLEDGE_DB,
        TRACKER_DB,
        PostgresServer,
        RedisServer,
        production_env,
    )

    services: list = [RedisServer().start()]
    redis = services[0]
    if args.production:
        postgres = PostgresServer().start()
        services.append(postgres)
        postgres.create_database(KNOWLEDGE_DB)
        postgres.create_database(TRACKER_DB)
        env = production_env(postgres, redis)
        stores = "PostgreSQL knowledge and tracker store (endpoints.production.yml)"
    else:
        endpoints = tmp / "endpoints-lock.yml"
        endpoints.write_text((ROOT / "endpoints.yml").read_text(encoding="utf-8") + LOCK_STORE, encoding="utf-8")
        env = {"ENDPOINTS": str(endpoints), "REDIS_HOST": redis.host, "REDIS_PORT": str(redis.port),
               "REDIS_PASSWORD": redis.password}
        stores = "SQLite knowledge and SQLite tracker store"
    workers = max(args.workers, 1)
    env["SANIC_WORKERS"] = str(workers)
    servers = (f"{args.servers} Rasa servers (`rasa run`, {workers} Sanic worker(s) each) taking the requests "
               "in turn, as behind the round-robin load balancer of docs/production.md"
               if args.servers > 1 else f"{workers} Sanic worker(s) of one `rasa run`")
    return env, services, f"{servers}; one action server; {stores}; Redis lock store"


# --- the stock bot ---------------------------------------------------------------------------

def make_stock_project(folder: Path, actions_port: int) -> None:
    """`rasa init`'s template, default pipeline with JiebaTokenizer, action endpoint on."""
    from rasa.cli.scaffold import create_initial_project
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe

    create_initial_project(str(folder))
    default = Path(sys.modules[DefaultV1Recipe.__module__].__file__).parent / "config_files" / "default_config.yml"
    config = yaml.safe_load(default.read_text(encoding="utf-8"))
    config["language"] = "zh"  # JiebaTokenizer only accepts zh
    config["assistant_id"] = "stock_bench"
    config["pipeline"] = [{**c, "name": "JiebaTokenizer"} if c["name"] == "WhitespaceTokenizer" else c
                          for c in config["pipeline"]]
    (folder / "config.yml").write_text(
        "# rasa init + Rasa 3.6 default config, WhitespaceTokenizer -> JiebaTokenizer (bench/run.py)\n"
        + yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    endpoints = (folder / "endpoints.yml").read_text(encoding="utf-8")
    (folder / "endpoints.yml").write_text(
        endpoints + f"\naction_endpoint:\n  url: \"http://127.0.0.1:{actions_port}/webhook\"\n", encoding="utf-8")


# --- retrieval -------------------------------------------------------------------------------

def retrieval_benchmark(n_passages: int, n_queries: int, seed: int = 7) -> dict[str, float]:
    """BM25 over `n_passages` synthetic passages made of the real knowledge vocabulary."""
    from bot.knowledge.repository import read_snapshot
    from bot.knowledge.retrieval import BM25Index, Passage, passages_from
    from bot.knowledge.tokenize import add_words, tokens

    snapshot = read_snapshot()
    add_words([name for topic in snapshot.ordered() for name in (topic.name, *topic.aliases)])
    real = passages_from(snapshot)
    vocabulary = Counter(token for passage in real for token in tokens(passage.text))
    words, weights = zip(*vocabulary.items(), strict=True)
    names = [topic.name for topic in snapshot.ordered()]
    rng = random.Random(seed)

    def sentence(k: int) -> str:
        return "".join(rng.choices(words, weights, k=k))

    passages = []
    for i in range(n_passages):
        topic = rng.choice(names)
        body = "；".join(sentence(rng.randint(4, 9)) for _ in range(rng.randint(3, 7)))
        passages.append(Passage(f"synthetic_{i}", "synthetic", topic, f"{topic}：{body}。", None))
    started = time.perf_counter()
    index = BM25Index(passages)
    build = time.perf_counter() - started
    templates = ("{a}的{b}有哪些", "什么是{a}", "{a}和{b}有什么区别", "怎么提高{a}{b}", "{a}{b}{c}")
    queries = [rng.choice(templates).format(a=rng.choice(names + list(words)), b=rng.choice(words),
                                            c=rng.choice(words)) for _ in range(n_queries)]
    for query in queries[:20]:  # warm jieba and the caches
        index.search(query)
    times = []
    for query in queries:
        started = time.perf_counter()
        index.search(query)
        times.append(time.perf_counter() - started)
    return {"p50": percentile(times, 50) * 1000, "p95": percentile(times, 95) * 1000,
            "max": max(times) * 1000, "build": build, "passages": len(passages),
            "postings": sum(len(p) for p in index.postings.values()), "real_passages": len(real),
            "vocabulary": len(words)}


# --- measuring one bot ------------------------------------------------------------------------

@dataclass
class Figures:
    training: float = math.nan
    cold_starts: list[float] = field(default_factory=list)
    actions_start: float = math.nan
    loads: dict[str, LoadResult] = field(default_factory=dict)  # "qa1", "wiz1", "qa16", "wiz16"
    cpu: dict[str, tuple[float, float]] = field(default_factory=dict)  # load -> CPU ms/turn (rasa, actions)
    rss_rasa: float = math.nan
    rss_rasa_all: float = math.nan
    rss_actions: float = math.nan
    wizard_label: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def cold_start(self) -> float:
        return statistics.median(self.cold_starts) if self.cold_starts else math.nan

    def latency(self, load: str, kind: str, q: float) -> float:
        result = self.loads.get(load)
        return percentile(result.latencies.get(kind, []), q) * 1000 if result else math.nan

    def throughput(self, load: str) -> float:
        result = self.loads.get(load)
        return result.throughput if result else math.nan

    def cpu_per_turn(self, load: str, process: int) -> float:
        return self.cpu[load][process] if load in self.cpu else math.nan


def measure(bot: Bot, figures: Figures, qa: list, wizard: list, probe: str, args: argparse.Namespace,
            check_wizard: bool) -> None:
    figures.actions_start = bot.start_actions()
    for run in range(args.cold_runs):
        if run:
            bot.stop_rasa()
        figures.cold_starts.append(bot.start_rasa(probe))
        print(f"  {bot.name}: cold start {figures.cold_starts[-1]:.1f}s", flush=True)
    if getattr(args, "servers", 1) > 1 and bot.name == "ours":
        bot.add_rasa_servers(args.servers - 1, probe)
    target = bot.urls if len(bot.urls) > 1 else bot.url
    if check_wizard:
        replies = conversation(bot.url, "bench-probe", [m for _, m in wizard[:3]])
        if "客户忠诚度高" in replies[-1] and "S1" in replies[-1]:
            figures.wizard_label = "SWOT wizard step (a factor, form + save)"
        else:
            figures.notes.append("The SWOT wizard did not answer as expected "
                                 f"(reply: {replies[-1][:60]!r}); the wizard row measures the "
                                 "follow-up turn 那任职要求呢 instead.")
            figures.wizard_label = "follow-up turn 那任职要求呢 (wizard unavailable)"
            wizard = OURS_FOLLOW_UP
    measured = frozenset({"qa", "wizard", "wizard_start"})
    # Warm-up (not timed): every message once, so first-use costs don't count as latency.
    run_load(target, f"{bot.name}-warm", qa[:10] + wizard, 1, len(qa[:10]) + len(wizard), measured, 60)
    plan = (("qa1", qa, 1, args.seq_turns), ("wiz1", wizard, 1, args.seq_turns),
            ("qa16", qa, args.users, args.turns_per_user), ("wiz16", wizard, args.users, args.turns_per_user))
    for key, script, users, turns in plan:
        cpu_before = sum(map(cpu_seconds, bot.rasa_pids)), cpu_seconds(bot.actions.pid)
        result = run_load(target, f"{bot.name}-{key}", script, users, turns, measured, args.max_load_seconds)
        cpu_after = sum(map(cpu_seconds, bot.rasa_pids)), cpu_seconds(bot.actions.pid)
        figures.loads[key] = result
        figures.cpu[key] = tuple((a - b) * 1000 / max(result.turns, 1) for a, b in zip(cpu_after, cpu_before,
                                                                                         strict=True))
        print(f"  {bot.name} {key}: {result.turns} turns in {result.wall:.1f}s "
              f"({result.throughput:.1f}/s), errors {result.errors}"
              + (" — stopped by deadline" if result.truncated else ""), flush=True)
    figures.rss_rasa = max(map(rss_mb, bot.rasa_pids))  # one server, its Sanic workers included
    figures.rss_rasa_all = sum(map(rss_mb, bot.rasa_pids))
    figures.rss_actions = rss_mb(bot.actions.pid)


# --- report -----------------------------------------------------------------------------------

def fmt(value: float, digits: int = 1) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def ratio(ours: float, stock: float) -> str:
    if any(v is None or math.isnan(v) for v in (ours, stock)) or stock == 0:
        return "—"
    return f"{ours / stock:.2f}×"


def verdict(target: str | None, value: float) -> tuple[str, str]:
    if target is None:
        return "", ""
    op, limit = TARGETS[target]
    if value is None or math.isnan(value):
        return f"{op} {limit:g}", "not measured"
    ok = value <= limit if op == "<=" else value >= limit
    return f"{op} {limit:g}", "PASS" if ok else "**FAIL**"


def report(ours: Figures, stock: Figures, retrieval: dict[str, float], args: argparse.Namespace,
           facts: dict[str, str]) -> str:
    u = args.users
    rows: list[tuple[str, float, float, str | None, int]] = [
        ("Q&A turn, 1 user, p50 (ms)", ours.latency("qa1", "qa", 50), stock.latency("qa1", "qa", 50), None, 1),
        ("Q&A turn, 1 user, p95 (ms)", ours.latency("qa1", "qa", 95), stock.latency("qa1", "qa", 95),
         "p95_1user", 1),
        ("wizard turn, 1 user, p50 (ms)", ours.latency("wiz1", "wizard", 50), stock.latency("wiz1", "wizard", 50),
         None, 1),
        ("wizard turn, 1 user, p95 (ms)", ours.latency("wiz1", "wizard", 95), stock.latency("wiz1", "wizard", 95),
         "p95_1user", 1),
        ("wizard start turn, 1 user, p95 (ms)", ours.latency("wiz1", "wizard_start", 95),
         stock.latency("wiz1", "wizard_start", 95), None, 1),
        (f"Q&A turn, {u} users, p50 (ms)", ours.latency("qa16", "qa", 50), stock.latency("qa16", "qa", 50), None, 1),
        (f"Q&A turn, {u} users, p95 (ms)", ours.latency("qa16", "qa", 95), stock.latency("qa16", "qa", 95), None, 1),
        (f"wizard turn, {u} users, p50 (ms)", ours.latency("wiz16", "wizard", 50),
         stock.latency("wiz16", "wizard", 50), None, 1),
        (f"wizard turn, {u} users, p95 (ms)", ours.latency("wiz16", "wizard", 95),
         stock.latency("wiz16", "wizard", 95), None, 1),
        (f"throughput, {u} users, Q&A (turns/s)", ours.throughput("qa16"), stock.throughput("qa16"),
         "throughput_16", 1),
        (f"throughput, {u} users, wizard (turns/s)", ours.throughput("wiz16"), stock.throughput("wiz16"),
         "throughput_16", 1),
        *[(f"CPU per turn, {name} server, {u} users, {kind} (ms)", ours.cpu_per_turn(load, process),
           stock.cpu_per_turn(load, process), None, 1)
          for name, process in (("Rasa", 0), ("action", 1)) for kind, load in (("Q&A", "qa16"), ("wizard", "wiz16"))],
        ("Rasa server cold start → first REST reply (s)", ours.cold_start, stock.cold_start, "cold_start", 1),
        ("action server start → /health (s)", ours.actions_start, stock.actions_start, None, 1),
        ("training from scratch, `rasa train --force` (s)", ours.training, stock.training, "training", 1),
        ("RSS Rasa server after load (MB)", ours.rss_rasa, stock.rss_rasa, "rss_rasa", 0),
        ("RSS all Rasa servers together after load (MB)", ours.rss_rasa_all, stock.rss_rasa_all, None, 0),
        ("RSS action server after load (MB)", ours.rss_actions, stock.rss_actions, None, 0),
        (f"retrieval p50, {retrieval.get('passages', 0):,} passages (ms)", retrieval.get("p50", math.nan),
         math.nan, None, 2),
        (f"retrieval p95, {retrieval.get('passages', 0):,} passages (ms)", retrieval.get("p95", math.nan),
         math.nan, "retrieval_p95", 2),
    ]
    lines = ["| measurement | ours | stock Rasa 3.6 | ours/stock | target | ours |",
             "|---|---:|---:|---:|---|---|"]
    for label, mine, theirs, target, digits in rows:
        goal, result = verdict(target, mine)
        lines.append(f"| {label} | {fmt(mine, digits)} | {fmt(theirs, digits)} | {ratio(mine, theirs)} "
                     f"| {goal} | {result} |")
    errors = {name: sum(r.errors for r in f.loads.values()) for name, f in (("ours", ours), ("stock", stock))}
    turns = {name: sum(r.turns for r in f.loads.values()) for name, f in (("ours", ours), ("stock", stock))}
    notes = [
        "",
        f"- Machine: {facts['cpu']}, {facts['nproc']} cores, {facts['ram']} RAM; Python {facts['python']}, "
        f"Rasa {facts['rasa']}; load average before/after: {facts['load_before']} / {facts['load_after']}.",
        f"- Turns: 1 user = {args.seq_turns} turns in sequence per row; {u} users = {u} × "
        f"{args.turns_per_user} turns at once per row; failed turns (non-200 or empty reply): "
        f"ours {errors['ours']}/{turns['ours']}, stock {errors['stock']}/{turns['stock']}.",
        f"- Ours: {facts.get('ours_setup', '?')}. Q&A = knowledge questions (NLU → rules → "
        "`action_answer_question` on the action server → knowledge database); conversations of 20 turns. "
        f"Wizard row = {ours.wizard_label or '—'}; conversations: 我想做SWOT分析 → subject → 4 factors "
        "(factor turns timed; the start turn in its own row).",
        "- Stock: `rasa init` template, default pipeline/policies (DIET, ResponseSelector, TED, "
        "UnexpecTED, Memoization, Rule) with JiebaTokenizer; in-memory tracker store; no custom "
        "action exists in the template. Q&A row = hello, I am sad, are you a bot? …; wizard row = "
        "the template's multi-turn story (hello → I am sad → yes/no …).",
        f"- Cold start: median of {args.cold_runs} start(s), action server already up: ours "
        + (", ".join(f"{s:.1f} s" for s in ours.cold_starts) or "not measured") + "; stock "
        + (", ".join(f"{s:.1f} s" for s in stock.cold_starts) or "not measured") + ".",
        f"- Retrieval: {retrieval.get('passages', 0):,} synthetic passages from the real vocabulary "
        f"({retrieval.get('vocabulary', 0):,} words of {retrieval.get('real_passages', 0)} real passages), "
        f"{retrieval.get('postings', 0):,} postings, index built in {fmt(retrieval.get('build', math.nan))} s; "
        f"{args.queries:,} queries, jieba tokenisation included, max {fmt(retrieval.get('max', math.nan), 2)} ms.",
        "- RSS: VmRSS of a Rasa server process plus its children (/proc/<pid>/status): with several "
        "Sanic workers each worker is a child holding its own copy of the model; with several servers "
        "the row is the largest server, and the next row adds them up.",
        *[f"- {note}" for note in ours.notes + stock.notes],
    ]
    return "\n".join(lines + notes)


def machine_facts() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
    import rasa

    return {"cpu": cpu.group(1).strip() if cpu else platform.processor(), "nproc": str(os.cpu_count()),
            "ram": f"{int(mem.group(1)) / 1024 / 1024:.1f} GiB" if mem else "?",
            "python": platform.python_version(), "rasa": rasa.__version__,
            "load_before": " ".join(Path("/proc/loadavg").read_text().split()[:3]), "load_after": "?"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seq-turns", type=int, default=200, help="turns per one-user row")
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--turns-per-user", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=2, help="Rasa server starts to time")
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--max-load-seconds", type=float, default=150, help="deadline per load row")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                        help="extra environment for both bots' servers (repeatable), e.g. SANIC_WORKERS=2")
    parser.add_argument("--workers", type=int, default=1,
                        help="Sanic workers of our Rasa server (> 1 starts a throwaway Redis lock store)")
    parser.add_argument("--servers", type=int, default=1,
                        help="Rasa servers of ours behind a round-robin split of the requests (> 1 implies --production)")
    parser.add_argument("--production", action="store_true",
                        help="ours with endpoints.production.yml on a throwaway PostgreSQL and Redis")
    parser.add_argument("--skip-stock", action="store_true", help="measure our bot only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, models)")
    parser.add_argument("--quick", action="store_true", help="small counts, for trying the script")
    args = parser.parse_args()
    if args.quick:
        args.seq_turns, args.turns_per_user, args.cold_runs = 30, 10, 1
        args.passages, args.queries = 2_000, 200

    began = time.monotonic()
    facts = machine_facts()
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    logs = tmp / "logs"
    logs.mkdir()
    print(f"bench: working in {tmp}", flush=True)
    ours, stock = Figures(), Figures()
    base_env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    server_env = dict(item.split("=", 1) for item in args.env)
    bots: list[Bot] = []
    services: list = []
    try:
        print("retrieval …", flush=True)
        retrieval = retrieval_benchmark(args.passages, args.queries)
        print(f"  retrieval p50 {retrieval['p50']:.2f} ms, p95 {retrieval['p95']:.2f} ms", flush=True)

        print("training ours …", flush=True)
        model, ours.training = train(ROOT, {**base_env, "PYTHONPATH": str(ROOT)}, tmp / "ours-model", "advisor",
                                     logs / "ours-train.log")
        print(f"  {ours.training:.1f}s", flush=True)
        stock_dir = tmp / "stock"
        stock_actions_port = free_port()
        if not args.skip_stock:
            print("training stock …", flush=True)
            make_stock_project(stock_dir, stock_actions_port)
            stock_model, stock.training = train(stock_dir, {**base_env, "PYTHONPATH": str(stock_dir)},
                                                stock_dir / "models", "stock", logs / "stock-train.log")
            print(f"  {stock.training:.1f}s", flush=True)

        print("serving ours …", flush=True)
        (tmp / "ours").mkdir()
        scale_env, services, facts["ours_setup"] = scaling_setup(args, tmp)
        servers = BotServers(tmp / "ours", model=model, extra_env={**server_env, **scale_env})  # own knowledge DB, trackers
        bot = Bot("ours", ROOT, model, servers.env, logs, rasa_port=servers.rasa_port,
                  actions_port=servers.actions_port,
                  actions_command=(sys.executable, "-m", "actions.server", "--host", "127.0.0.1"))
        bots.append(bot)
        measure(bot, ours, OURS_QA, OURS_WIZARD, "售后服务经理的职责有哪些", args, check_wizard=True)
        bot.stop()

        if not args.skip_stock:
            print("serving stock …", flush=True)
            bot = Bot("stock", stock_dir, stock_model, {**base_env, "PYTHONPATH": str(stock_dir), **server_env}, logs,
                      actions_port=stock_actions_port)
            bots.append(bot)
            measure(bot, stock, STOCK_QA, STOCK_STORY, "hello", args, check_wizard=False)
            bot.stop()
    finally:
        for bot in bots:
            bot.stop()
        for service in services:
            service.stop()
        if args.keep:
            print(f"bench: kept {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    facts["load_after"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print()
    print(report(ours, stock, retrieval, args, facts))
    print(f"\n(whole run: {(time.monotonic() - began) / 60:.1f} min; "
          f"`make bench` or `PYTHONPATH=. .venv/bin/python bench/run.py`)")


if __name__ == "__main__":
    main()
