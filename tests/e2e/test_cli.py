"""The `relay` command as an operator uses it: check-config, scrub, silence, routes test,
and SIGHUP reload of a running `relay serve`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import aiohttp

from tests.e2e.harness import TOKEN, env_for, eventually
from tests.e2e.test_durability import free_port, serve, wait_ready

ROOT = Path(__file__).resolve().parents[2]
PD_KEY = "a" * 32


def relay(env: Mapping[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "relay", *args], input=stdin,
                          env={**os.environ, **env}, cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)


def base_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = env_for(tmp_path, None, None, SLACK_WEBHOOK_URL="https://hooks.slack.com/services/T/B/x",
                  PAGERDUTY_INTEGRATION_KEY=PD_KEY)
    env.update(extra)
    return env


def test_check_config_prints_the_table_with_secrets_masked(tmp_path: Path) -> None:
    out = relay(base_env(tmp_path, RELAY_ROUTING_FILE=str(ROOT / "config/routing.yaml")),
                "check-config")
    assert out.returncode == 0, out.stderr
    assert "critical: severity=['critical'] -> slack-critical, pagerduty" in out.stdout
    assert PD_KEY not in out.stdout and "services/T/B/x" not in out.stdout
    assert "aaaa…" in out.stdout


def test_check_config_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    routing = tmp_path / "routing.yaml"
    routing.write_text("receivers:\n  x: {type: email}\nroutes:\n  - receivers: [y]\n")
    out = relay(base_env(tmp_path, RELAY_ROUTING_FILE=str(routing), RELAY_PORT="eighty",
                         SENTRY_ENVIRONMENT="production", RELAY_HASH_KEY="",
                         RELAY_API_TOKENS="svc:short"), "check-config")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "RELAY_PORT" in out.stderr
    out = relay(base_env(tmp_path, RELAY_ROUTING_FILE=str(routing),
                         RELAY_API_TOKENS="svc:short"), "check-config")
    assert out.returncode == 2
    for expected in ("RELAY_API_TOKENS", "routing.yaml:2", "unknown receiver 'y'"):
        assert expected in out.stderr, out.stderr
    assert "short" not in out.stderr


def test_scrub_command_modes(tmp_path: Path) -> None:
    env = base_env(tmp_path)
    out = relay(env, "scrub", stdin="Patient Jane Doe DOB 04/12/1987\n")
    assert out.stdout == "Patient [REDACTED:NAME] DOB [REDACTED:DATE]\n"
    out = relay(env, "scrub", "--jsonl", stdin='{"text": "call 415-555-0134"}\n')
    assert json.loads(out.stdout) == {"text": "call [REDACTED:PHONE]"}
    out = relay(env, "scrub", "--explain", stdin="SSN 123-45-6789\n")
    assert "SSN" in out.stdout and "123-45-6789" not in out.stdout


def test_silence_cli_and_routes_test(tmp_path: Path) -> None:
    env = base_env(tmp_path)
    out = relay(env, "routes", "test", "severity=critical", "service=billing")
    assert out.returncode == 0, out.stderr
    assert "receivers: slack-critical, pagerduty" in out.stdout
    assert "silenced by: (no active silence)" in out.stdout

    out = relay(env, "silence", "add", "service=billing", "severity=critical",
                "--duration", "2h", "--author", "Dr. Jane Smith", "--comment", "db failover")
    assert out.returncode == 0, out.stderr
    created = json.loads(out.stdout)
    assert "Smith" not in out.stdout
    out = relay(env, "routes", "test", "severity=critical", "service=billing")
    assert f"silenced by: {created['id']}" in out.stdout
    listed = [json.loads(line) for line in relay(env, "silence", "list").stdout.splitlines()]
    assert [s["id"] for s in listed] == [created["id"]]
    assert relay(env, "silence", "expire", created["id"]).returncode == 0
    assert relay(env, "silence", "list").stdout == ""
    assert relay(env, "silence", "expire", created["id"]).returncode == 1

    bad = relay(env, "silence", "add", "planet=mars", "--duration", "2h", "--author", "a",
                "--comment", "c")
    assert bad.returncode == 2 and "planet" in bad.stderr and "mars" not in bad.stderr


async def test_sighup_reloads_a_running_relay(tmp_path: Path) -> None:
    routing = tmp_path / "routing.yaml"
    head = ("receivers:\n  pd: {type: pagerduty, routing_key: '" + PD_KEY + "'}\n")
    routing.write_text(head + "routes:\n  - match: {severity: critical}\n    receivers: [pd]\n")
    env = base_env(tmp_path, RELAY_ROUTING_FILE=str(routing))
    port = free_port()
    log = tmp_path / "relay.log"
    proc = serve(env, port, log)
    try:
        await wait_ready(port, proc)

        async def status_of_warning(key: str) -> str:
            async with aiohttp.ClientSession(
                headers={"Authorization": f"Bearer {TOKEN}"}
            ) as session, session.post(
                f"http://127.0.0.1:{port}/api/alerts",
                json={"title": "t", "severity": "warning", "service": "s", "dedup_key": key},
            ) as resp:
                body: str = (await resp.json())["status"]
                return body

        assert await status_of_warning("k1") == "suppressed"
        routing.write_text(head + "routes:\n  - match: {severity: [critical, warning]}\n"
                                  "    receivers: [pd]\n")
        proc.send_signal(signal.SIGHUP)
        await eventually(lambda: "config.reloaded" in log.read_text(), seconds=10)
        assert await status_of_warning("k2") == "accepted"
        routing.write_text("routes: [")
        proc.send_signal(signal.SIGHUP)
        await eventually(lambda: "config.reload_rejected" in log.read_text(), seconds=10)
        assert await status_of_warning("k3") == "accepted"  # the running table stays
    finally:
        proc.terminate()
        proc.wait(15)
