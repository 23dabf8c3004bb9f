"""Throwaway PostgreSQL and Redis servers for the integration tests.

Both run from Debian's binaries (``make integration-deps`` installs them), listen on
127.0.0.1 on a free port, keep their data in a fresh temporary directory and are stopped and
deleted afterwards. The system services are never started or touched.

PostgreSQL refuses to run as root, so when the tests run as root ``initdb``/``pg_ctl`` run as
the ``postgres`` system user (created by the Debian package) through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.support.servers import free_port

KNOWLEDGE_DB = "advisor"
TRACKER_DB = "trackers"


class ServiceUnavailable(RuntimeError):
    """The server binaries are missing (run ``make integration-deps``)."""


def _as_service_user() -> tuple[list[str], int | None, int | None]:
    """Command prefix and uid/gid to run PostgreSQL with (root cannot run it)."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise ServiceUnavailable("running as root but there is no 'postgres' user") from exc
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--"], user.pw_uid, user.pw_gid
    return ["su", "postgres", "-s", "/bin/sh", "-c"], user.pw_uid, user.pw_gid


def postgres_bindir() -> Path:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding initdb and pg_ctl."""
    candidates = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin") if Path(p, "initdb").exists()]
    if not candidates:
        found = shutil.which("initdb")
        if found:
            return Path(found).parent
        raise ServiceUnavailable("PostgreSQL server binaries not found (make integration-deps)")
    return max(candidates, key=lambda p: float(p.parent.name) if p.parent.name.replace(".", "").isdigit() else 0)


class PostgresServer:
    """``initdb`` + ``pg_ctl start`` in a temp dir; password (scram) auth for one superuser."""

    def __init__(self, user: str = "advisor") -> None:
        self.bindir = postgres_bindir()
        self.user = user
        self.password = secrets.token_hex(12)
        self.host = "127.0.0.1"
        self.port = free_port()
        self._prefix, uid, gid = _as_service_user()
        # As root the server runs as `postgres`, which must reach its directory: use /tmp, not
        # a TMPDIR that may sit under a private home.
        self.root = Path(tempfile.mkdtemp(prefix="advisor-pg-", dir="/tmp" if uid is not None else None))
        self.datadir = self.root / "data"
        self.log = self.root / "postgres.log"
        if uid is not None:
            os.chown(self.root, uid, gid)
        self._started = False

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        argv = list(args)
        if self._prefix and self._prefix[-1] == "-c":  # su … -c "one command line"
            argv = [*self._prefix, subprocess.list2cmdline(argv)]
        else:
            argv = [*self._prefix, *argv]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n"
                               + self.tail())
        return result

    def start(self) -> PostgresServer:
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n")
        if self._prefix:
            pw = pwd.getpwnam("postgres")
            os.chown(pwfile, pw.pw_uid, pw.pw_gid)
        pwfile.chmod(0o600)
        self._run(str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", self.user,
                  f"--pwfile={pwfile}", "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8")
        pwfile.unlink()
        options = (f"-c listen_addresses={self.host} -p {self.port} -c unix_socket_directories={self.root} "
                   "-c fsync=off -c max_connections=200")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.log),
                  "-o", options, "-w", "-t", "60", "start")
        self._started = True
        return self

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}:{self.password}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str) -> None:
        import psycopg2

        connection = psycopg2.connect(host=self.host, port=self.port, user=self.user,
                                      password=self.password, dbname="postgres")
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()

    def tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        try:
            if self._started:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate",
                          "-w", "stop", timeout=60)
        finally:
            self._started = False
            shutil.rmtree(self.root, ignore_errors=True)


class RedisServer:
    """``redis-server`` in the foreground on loopback, no persistence, with a password."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise ServiceUnavailable("redis-server not found (make integration-deps)")
        self.binary = binary
        self.host = "127.0.0.1"
        self.port = free_port()
        self.password = secrets.token_hex(12)
        self.root = Path(tempfile.mkdtemp(prefix="advisor-redis-"))
        self.process: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        config = self.root / "redis.conf"
        config.write_text(
            f"bind {self.host}\nport {self.port}\ndir {self.root}\nsave \"\"\nappendonly no\n"
            f"requirepass {self.password}\ndaemonize no\nlogfile {self.root / 'redis.log'}\n"
        )
        config.chmod(0o600)
        self.process = subprocess.Popen([self.binary, str(config)], cwd=self.root,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import redis

        client = redis.Redis(host=self.host, port=self.port, password=self.password, socket_timeout=1)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("redis-server exited:\n" + self.tail())
            try:
                if client.ping():
                    return self
            except redis.RedisError:
                time.sleep(0.2)
        raise RuntimeError("redis-server not ready after 30 s:\n" + self.tail())

    def client(self):
        import redis

        return redis.Redis(host=self.host, port=self.port, password=self.password, db=1)

    def tail(self, lines: int = 30) -> str:
        log = self.root / "redis.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else ""

    def stop(self) -> None:
        try:
            if self.process is not None and self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def production_env(postgres: PostgresServer, redis_server: RedisServer) -> dict[str, str]:
    """The environment docker-compose.yml gives the Rasa and action servers."""
    return {
        "ENDPOINTS": "endpoints.production.yml",
        "DATABASE_URL": postgres.url(KNOWLEDGE_DB),
        "TRACKER_DB_HOST": postgres.host,
        "TRACKER_DB_PORT": str(postgres.port),
        "TRACKER_DB": TRACKER_DB,
        "TRACKER_DB_USER": postgres.user,
        "TRACKER_DB_PASSWORD": postgres.password,
        "REDIS_HOST": redis_server.host,
        "REDIS_PORT": str(redis_server.port),
        "REDIS_PASSWORD": redis_server.password,
    }
