"""docker-compose.yml, Dockerfile, deploy/nginx.conf and .dockerignore agree with each other
and with the code, checked by parsing them (no Docker needed): a wrong port, env name, URL or
extra would otherwise show up only when someone runs `docker compose up`.

Plus the local sink end to end: `python -m relay.fakes` in a subprocess on a free port.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest
import yaml

from relay.config import (
    Settings,
    check_secrets,
    configured,
    load_routing,
    load_settings,
)
from relay.fakes import FakePagerDuty, FakeSlack
from relay.fakes.__main__ import parser as sink_parser
from relay.fakes.local_sink import LocalSink

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SINK_MODULE = ["python", "-m", "relay.fakes"]
ROUTING_KEY = re.compile(r"^[A-Za-z0-9]{32}$")


# -- parsing -------------------------------------------------------------------------------


def dockerfile_stages() -> list[list[tuple[str, str]]]:
    """(INSTRUCTION, arguments) per stage, continuation lines joined, comments out."""
    logical: list[str] = []
    pending = ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.lstrip().startswith("#"):
            continue
        pending += line.rstrip()
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        if pending.strip():
            logical.append(pending.strip())
        pending = ""
    stages: list[list[tuple[str, str]]] = []
    for text in logical:
        word, _, rest = text.partition(" ")
        if word.upper() == "FROM":
            stages.append([])
        stages[-1].append((word.upper(), rest.strip()))
    return stages


def dockerfile_final_stage() -> list[tuple[str, str]]:
    return dockerfile_stages()[-1]


def dockerfile_all() -> list[tuple[str, str]]:
    return [instruction for stage in dockerfile_stages() for instruction in stage]


def image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for word, rest in dockerfile_final_stage():
        if word == "ENV":
            env.update(pair.split("=", 1) for pair in shlex.split(rest))
    return env


def relay_replicas() -> dict[str, dict[str, Any]]:
    """Services that run the relay image's own CMD (`relay serve`): built here, no command."""
    return {name: svc for name, svc in SERVICES.items()
            if svc.get("build") == "." and "command" not in svc}


def sink_service() -> tuple[str, dict[str, Any]]:
    (found,) = [(n, s) for n, s in SERVICES.items() if s.get("command", [])[:3] == SINK_MODULE]
    return found


def sink_args() -> Any:
    _, svc = sink_service()
    return sink_parser().parse_args(svc["command"][3:])


def compose_env(svc: dict[str, Any]) -> dict[str, str]:
    env = svc.get("environment", {})
    assert isinstance(env, dict), "environment as a mapping (KEY: value)"
    return {k: str(v) for k, v in env.items()}


def healthcheck_urls(svc: dict[str, Any]) -> list[tuple[int, str]]:
    test = " ".join(svc["healthcheck"]["test"])
    return [(int(port), path) for port, path in
            re.findall(r"http://127\.0\.0\.1:(\d+)(/[\w/.-]*)", test)]


def nginx_upstreams() -> dict[str, list[tuple[str, int]]]:
    return {name: [(host, int(port)) for host, port in
                   re.findall(r"^\s*server\s+([\w.-]+):(\d+)", body, re.M)]
            for name, body in re.findall(r"upstream\s+([\w-]+)\s*\{([^}]*)\}", NGINX)}


def published(svc: dict[str, Any]) -> dict[int, int]:
    """container port → host port."""
    out = {}
    for spec in svc.get("ports", []):
        host, _, container = str(spec).rpartition(":")
        out[int(container)] = int(host)
    return out


# -- compose ---------------------------------------------------------------------------------


def test_every_service_has_a_healthcheck() -> None:
    for name, svc in SERVICES.items():
        test = svc.get("healthcheck", {}).get("test")
        assert test and test[0] in ("CMD", "CMD-SHELL"), f"{name}: no healthcheck"


def test_dependents_wait_for_healthy_services() -> None:
    for name, svc in SERVICES.items():
        for dep, cond in svc.get("depends_on", {}).items():
            assert dep in SERVICES, f"{name} depends on unknown {dep}"
            assert cond == {"condition": "service_healthy"}, name


def test_relay_env_names_are_settings_and_values_load() -> None:
    fields = {name.upper() for name in Settings.model_fields}
    replicas = relay_replicas()
    assert len(replicas) >= 2, "compose runs several replicas behind the lb"
    for name, svc in replicas.items():
        env = compose_env(svc)
        unknown = sorted(set(env) - fields)
        assert not unknown, f"{name}: not Relay settings: {unknown}"
        settings = load_settings({**image_env(), **env})
        assert check_secrets(settings) == [], name
        assert ROUTING_KEY.match(env["PAGERDUTY_INTEGRATION_KEY"]), name


def test_relay_receivers_all_point_at_the_sink() -> None:
    """The image's routing file with the compose env: every routed receiver is configured
    and delivers to the sink's host, port, webhook path and routing key."""
    sink_name, _ = sink_service()
    args = sink_args()
    for name, svc in relay_replicas().items():
        env = {**image_env(), **compose_env(svc)}
        routing_file = image_routing_file_source()
        settings = load_settings({**env, "RELAY_ROUTING_FILE": str(routing_file)})
        routing = load_routing(settings, env)
        routed = {r for route in routing.routes for r in route.receivers}
        kinds = {routing.receivers[r].kind for r in routed}
        assert kinds == {"slack", "pagerduty"}, name
        for receiver in routed:
            spec = routing.receivers[receiver]
            assert configured(spec), f"{name}: receiver {receiver} has no credentials"
            url = spec.webhook_url if spec.kind == "slack" else spec.events_url
            assert url is not None, receiver
            parts = urlsplit(url)
            assert (parts.scheme, parts.hostname, parts.port) == ("http", sink_name, args.port)
            if spec.kind == "slack":
                assert parts.path == args.webhook_path, "the sink's webhook must exist"
            else:
                assert parts.path == "/v2/enqueue"
                assert spec.routing_key == args.routing_key
        assert sink_name in svc["depends_on"], name


def image_routing_file_source() -> Path:
    """The repo file the Dockerfile copies to RELAY_ROUTING_FILE."""
    target = image_env()["RELAY_ROUTING_FILE"]
    for word, rest in dockerfile_final_stage():
        if word == "COPY" and not rest.startswith("--"):
            src, dst = rest.split()
            if dst == target:
                return ROOT / src
    raise AssertionError(f"the Dockerfile does not copy {target}")


def test_sink_command_is_a_module_that_listens_where_compose_says() -> None:
    _, svc = sink_service()
    module = svc["command"][2]
    assert importlib.util.find_spec(f"{module}.__main__") is not None
    args = sink_args()
    assert args.host == "0.0.0.0", "other containers must reach the sink"
    assert args.port in published(svc)
    assert healthcheck_urls(svc) == [(args.port, "/healthz")]
    assert ROUTING_KEY.match(args.routing_key)


async def test_sink_healthcheck_path_is_served() -> None:
    _, svc = sink_service()
    ((_, path),) = healthcheck_urls(svc)
    sink = LocalSink(FakeSlack(), FakePagerDuty())
    base = await sink.start()
    try:
        async with aiohttp.ClientSession() as session, session.get(base + path) as response:
            assert response.status == 200
    finally:
        await sink.close()


def test_relay_healthcheck_uses_the_port_relay_listens_on() -> None:
    port = int(image_env()["RELAY_PORT"])
    for name, svc in relay_replicas().items():
        env = compose_env(svc)
        assert int(env.get("RELAY_PORT", port)) == port
        assert healthcheck_urls(svc) == [(port, "/readyz")], name


# -- nginx ----------------------------------------------------------------------------------


def test_nginx_upstream_is_exactly_the_replicas_on_the_relay_port() -> None:
    upstreams = nginx_upstreams()
    (name,) = upstreams
    port = int(image_env()["RELAY_PORT"])
    assert sorted(upstreams[name]) == sorted((r, port) for r in relay_replicas())
    assert re.search(rf"proxy_pass\s+http://{name};", NGINX)


def test_lb_publishes_8000_and_waits_for_replicas() -> None:
    (lb,) = [svc for svc in SERVICES.values()
             if "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in svc.get("volumes", [])]
    (listen,) = re.findall(r"^\s*listen\s+(\d+);", NGINX, re.M)
    assert published(lb) == {int(listen): 8000}
    assert set(lb["depends_on"]) == set(relay_replicas())
    assert healthcheck_urls(lb) == [(int(listen), "/healthz")]


def test_nginx_accepts_bodies_up_to_relays_limit() -> None:
    (size,) = re.findall(r"client_max_body_size\s+(\d+)m;", NGINX)
    assert int(size) * 1024 * 1024 >= Settings.model_fields["relay_max_body_bytes"].default


# -- Dockerfile and .dockerignore ------------------------------------------------------------


def test_image_runs_relay_as_non_root_with_a_healthcheck() -> None:
    stage = dockerfile_final_stage()
    users = [rest for word, rest in stage if word == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    (check,) = [rest for word, rest in stage if word == "HEALTHCHECK"]
    assert "/healthz" in check and "RELAY_PORT" in check
    (cmd,) = [rest for word, rest in stage if word == "CMD"]
    assert json.loads(cmd) == ["relay", "serve", "--host", "0.0.0.0"]
    assert PYPROJECT["project"]["scripts"]["relay"] == "relay.cli:main"
    (expose,) = [rest for word, rest in stage if word == "EXPOSE"]
    assert expose.split() == [image_env()["RELAY_PORT"]]
    assert image_env()["RELAY_HOST"] == "0.0.0.0"


def test_image_installs_the_extras_the_services_need() -> None:
    installs = [rest for word, rest in dockerfile_all()
                if word == "RUN" and "pip install" in rest]
    extras = set()
    for line in installs:
        for group in re.findall(r"\.\[([\w,-]+)\]", line):
            extras |= set(group.split(","))
    needed = set()
    if any("RELAY_REDIS_URL" in compose_env(s) for s in relay_replicas().values()):
        needed.add("redis")
    _, sink = sink_service()
    if sink.get("build") == ".":
        needed.add("fakes")
    assert needed <= extras
    declared = PYPROJECT["project"]["optional-dependencies"]
    assert extras <= set(declared)
    fakes = {re.split(r"[<>=]", d)[0].lower().replace("-", "_") for d in declared["fakes"]}
    assert {"slack_sdk", "jsonschema"} <= fakes


def test_dockerignore_keeps_local_state_out_but_not_what_the_image_copies() -> None:
    ignored = {line.strip().rstrip("/") for line in
               (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".venv", "var"} <= ignored
    for word, rest in dockerfile_all():
        if word == "COPY" and not rest.startswith("--"):
            for src in rest.split()[:-1]:
                assert src.split("/")[0] not in ignored, f"COPY {src} is .dockerignored"


def test_the_package_carries_the_fakes_data_outside_tests() -> None:
    """tests/ is .dockerignored: whatever the sink loads must live in the package."""
    from relay.fakes.pagerduty import SCHEMA_FILE

    assert SCHEMA_FILE.is_relative_to(ROOT / "relay")
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["*"]
    assert any(SCHEMA_FILE.match(p) for p in patterns)


# -- the sink end to end ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _post(url: str, body: Any) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _wait_healthy(base: str, proc: subprocess.Popen[str], deadline: float) -> None:
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the sink did not become healthy")


@pytest.mark.slow
def test_sink_subprocess_accepts_refuses_and_shows_what_it_got() -> None:
    args = sink_parser().parse_args([])  # the defaults compose relies on
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "relay.fakes", "--port", str(port)], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, proc, time.monotonic() + 20)
        good = {"text": "Queue lag high &amp; rising",
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*lag*"}}]}
        assert _post(base + args.webhook_path, good) == (200, b"ok")
        bad = {"blocks": [{"type": "header", "text": {"type": "mrkdwn", "text": "x"}}]}
        assert _post(base + args.webhook_path, bad) == (400, b"invalid_blocks")
        trigger = {"routing_key": args.routing_key, "event_action": "trigger",
                   "dedup_key": "sentry:web:42",
                   "payload": {"summary": "DB down", "source": "billing",
                               "severity": "critical"}}
        status, answer = _post(base + "/v2/enqueue", trigger)
        assert status == 202 and json.loads(answer)["dedup_key"] == "sentry:web:42"

        with urllib.request.urlopen(base + "/received.json", timeout=5) as response:
            got = json.load(response)
        assert [m["body"] for m in got["slack"]] == [good]
        assert got["slack"][0]["summary"] == "Queue lag high & rising"
        assert [e["body"] for e in got["pagerduty"]] == [trigger]
        (refused,) = got["rejected"]
        assert (refused["receiver"], refused["status"], refused["reason"]) == (
            "slack", 400, "invalid_blocks")
        assert any("json-pointer:/blocks/0/text" in e for e in refused["errors"])
        with urllib.request.urlopen(base + "/", timeout=5) as response:
            page = response.read().decode()
        assert "DB down" in page and "invalid_blocks" in page and "http-equiv='refresh'" in page
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=10)
    assert proc.returncode == 0, out
    events = [json.loads(line)["event"] for line in out.splitlines() if line.startswith("{")]
    assert events.count("sink.accepted") == 2 and events.count("sink.rejected") == 1
    assert events[0] == "sink.started" and events[-1] == "sink.stopped"
    assert "demowebhooksecret" not in out and args.routing_key not in out
