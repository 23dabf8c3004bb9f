"""docker-compose.yml, endpoints.production.yml, deploy/nginx.conf and the integration fixtures
agree: same endpoints file, same environment variable names, same service names.

Docker cannot run here, so this is what keeps the compose file honest; the integration tests
run the same endpoints file with the same variables on loopback. No servers are started.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from tests.integration.services import production_env

ROOT = Path(__file__).resolve().parents[2]
ENDPOINTS = "endpoints.production.yml"


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader without the ``${VAR}`` resolver Rasa registers globally when imported."""


_PlainLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "!env_var"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(name: str) -> dict:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_PlainLoader)


@pytest.fixture(scope="module")
def compose() -> dict:
    return load("docker-compose.yml")


def endpoint_variables() -> set[str]:
    lines = (line.split("#", 1)[0] for line in (ROOT / ENDPOINTS).read_text(encoding="utf-8").splitlines())
    return set(re.findall(r"\$\{(\w+)\}", "\n".join(lines)))


def services(compose: dict, prefix: str) -> dict[str, dict]:
    found = {name: s for name, s in compose["services"].items() if name.startswith(prefix)}
    assert len(found) >= 2, f"several {prefix}* services expected"
    return found


def test_endpoints_file_uses_rasa_stores_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.core.utils import AvailableEndpoints

    values = {var: f"value-{var.lower()}" for var in endpoint_variables()}
    values.update(TRACKER_DB_PORT="5432", REDIS_PORT="6379", REDIS_PASSWORD="")
    for var, value in values.items():
        monkeypatch.setenv(var, value)
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / ENDPOINTS))
    tracker, lock = endpoints.tracker_store, endpoints.lock_store
    assert tracker.type == "SQL" and tracker.kwargs["dialect"] == "postgresql"
    assert tracker.url == "value-tracker_db_host" and tracker.kwargs["db"] == "value-tracker_db"
    assert lock.type == "redis" and lock.url == "value-redis_host" and lock.kwargs["password"] == ""
    assert endpoints.action.url == "value-action_endpoint_url"


def test_rasa_services_get_every_variable_the_endpoints_file_needs(compose: dict) -> None:
    needed = endpoint_variables() | {"DATABASE_URL", "ENDPOINTS"}
    for name, service in services(compose, "rasa-").items():
        env = service["environment"]
        assert needed <= set(env), f"{name} lacks {needed - set(env)}"
        assert env["ENDPOINTS"] == ENDPOINTS
        assert f"--endpoints {ENDPOINTS}" in service["command"]
        assert env["DATABASE_URL"].startswith("postgresql://")
        assert env["ACTION_ENDPOINT_URL"] == "http://loadbalancer:5055/webhook"
        postgres = compose["services"]["postgres"]["environment"]
        assert env["TRACKER_DB"] == postgres["TRACKER_DB"]
        assert env["TRACKER_DB_USER"] == postgres["POSTGRES_USER"]
        assert env["TRACKER_DB_HOST"] == "postgres" and env["REDIS_HOST"] == "redis"
    for name, service in services(compose, "actions-").items():
        assert service["environment"]["DATABASE_URL"].startswith("postgresql://"), name


def test_integration_fixture_sets_the_same_variables(compose: dict) -> None:
    fake = SimpleNamespace(url=lambda db: f"postgresql://u:p@h:1/{db}", host="h", port=1, user="u",
                           password="p")
    env = production_env(fake, fake)
    # ACTION_ENDPOINT_URL and ACTION_SERVER_TOKEN come from BotServers (free port, fresh secret).
    assert set(env) == (endpoint_variables() - {"ACTION_ENDPOINT_URL", "ACTION_SERVER_TOKEN"}) | {
        "DATABASE_URL", "ENDPOINTS"}
    assert env["ENDPOINTS"] == ENDPOINTS
    rasa = compose["services"]["rasa-1"]["environment"]
    assert env["TRACKER_DB"] == rasa["TRACKER_DB"]
    assert env["DATABASE_URL"].rsplit("/", 1)[1] == rasa["DATABASE_URL"].rsplit("/", 1)[1]


def test_load_balancer_knows_every_server(compose: dict) -> None:
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for name in [*services(compose, "rasa-"), *services(compose, "actions-")]:
        port = "5005" if name.startswith("rasa") else "5055"
        assert f"server {name}:{port}" in nginx
    assert not re.search(r"^\s*(ip_hash|hash|sticky)\b", nginx, re.MULTILINE)  # no sticky sessions
    published = compose["services"]["loadbalancer"]["ports"]
    assert all(not str(p).endswith(":5055") for p in published)  # action servers stay internal
    for name in ("postgres", "redis"):
        assert "ports" not in compose["services"][name]


def test_action_servers_require_the_secret_the_rasa_servers_send(compose: dict) -> None:
    endpoints = load(ENDPOINTS)["action_endpoint"]
    assert endpoints["headers"]["Authorization"] == "Bearer ${ACTION_SERVER_TOKEN}"
    required = "${ACTION_SERVER_TOKEN:?set ACTION_SERVER_TOKEN}"
    for name, service in {**services(compose, "rasa-"), **services(compose, "actions-")}.items():
        assert service["environment"]["ACTION_SERVER_TOKEN"] == required, name
    for name, service in services(compose, "actions-").items():
        assert service["command"].startswith("python -m actions.server "), name  # the guarded launcher
        assert "rasa run actions" not in service["command"]


def test_only_the_load_balancer_is_published_and_only_on_the_internal_interface(compose: dict) -> None:
    for name, service in compose["services"].items():
        if name != "loadbalancer":
            assert "ports" not in service, name
    (published,) = compose["services"]["loadbalancer"]["ports"]
    assert str(published).startswith("${BOT_BIND:?"), published  # no all-interfaces default


def test_run_script_chooses_the_endpoints_file_from_the_environment() -> None:
    script = (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    assert '--endpoints "${ENDPOINTS:-endpoints.yml}"' in script
