from pathlib import Path

import pytest

from relay.config import (
    ConfigError,
    Settings,
    check_secrets,
    configured,
    default_routing,
    expansion_env,
    load_settings,
    parse_routing,
    with_generated_secrets,
)

GOOD = """
receivers:
  slack-main:
    type: slack
    webhook_url: ${HOOK}
  pd:
    type: pagerduty
    routing_key: ${PD_KEY}
routes:
  - match: {severity: critical, environment: [production, staging]}
    receivers: [slack-main, pd]
    continue: true
  - match: {tags: {team: billing}}
    receivers: slack-main
scrub:
  sensitive_keys: [guardian_name]
  patterns: [{kind: OTHER_ID, regex: 'CASE-\\d{6}'}]
  allowlist: [intake-service]
severity_map: {error: critical}
"""
ENV = {"HOOK": "https://hooks.slack.com/services/T1/B1/abc", "PD_KEY": "a" * 32}


def settings(**env: str) -> Settings:
    return load_settings(env)


def test_routing_file_parses_and_expands_env() -> None:
    cfg = parse_routing(GOOD, "routing.yaml", settings(), ENV)
    assert cfg.receivers["slack-main"].webhook_url == ENV["HOOK"]
    assert cfg.receivers["pd"].routing_key == "a" * 32
    assert cfg.routes[0].cont and cfg.routes[0].match.severity == {"critical"}
    assert cfg.routes[1].match.tags == (("team", frozenset({"billing"})),)
    assert cfg.scrub.patterns == (("OTHER_ID", r"CASE-\d{6}"),)
    assert cfg.severity_map == {"error": "critical"}


def test_every_problem_is_listed_with_its_line() -> None:
    bad = """
receivers:
  s:
    type: slak
  p:
    type: pagerduty
    routing_key: short
    colour: red
routes:
  - match: {severity: urgent, planet: mars}
    receivers: [s, nobody]
    continue: maybe
"""
    with pytest.raises(ConfigError) as info:
        parse_routing(bad, "r.yaml", settings(), {})
    text = "\n".join(info.value.problems)
    assert "r.yaml:4: receiver 's': type must be" in text
    assert "unknown key 'colour'" in text
    assert "routing_key must be 32" in text
    assert "severity must be critical, warning or info" in text
    assert "cannot match on 'planet'" in text
    assert "unknown receiver 'nobody'" in text
    assert "continue must be true or false" in text
    assert len(info.value.problems) >= 7


def test_invalid_yaml_and_unknown_top_level_keys_fail_closed() -> None:
    with pytest.raises(ConfigError, match="not valid YAML"):
        parse_routing("routes: [", "r.yaml", settings(), {})
    with pytest.raises(ConfigError, match="unknown key 'mute'"):
        parse_routing(GOOD + "\nmute: {}\n", "r.yaml", settings(), ENV)


def test_bad_scrub_regex_is_a_config_error() -> None:
    text = GOOD.replace("CASE-\\d{6}", "CASE-(")
    with pytest.raises(ConfigError, match="does not compile"):
        parse_routing(text, "r.yaml", settings(), ENV)


def test_default_table_matches_design() -> None:
    cfg = default_routing(settings(SLACK_WEBHOOK_URL="https://hooks.example/x",
                                   PAGERDUTY_INTEGRATION_KEY="b" * 32))
    critical, rest = cfg.routes
    assert critical.receivers == ("slack-critical", "pagerduty")
    assert rest.match.severity == {"warning", "info"}
    assert cfg.receivers["slack-critical"].channel == "#pms-critical-alerts"
    assert all(configured(r) for r in cfg.receivers.values())


def test_shipped_routing_file_equals_default_table(tmp_path: Path) -> None:
    s = settings(SLACK_WEBHOOK_URL="https://hooks.example/x", PAGERDUTY_INTEGRATION_KEY="b" * 32)
    shipped = parse_routing(Path("config/routing.yaml").read_text(), "routing.yaml", s,
                            expansion_env(s, {}))
    default = default_routing(s)
    assert [(r.match, r.receivers) for r in shipped.routes] == \
        [(r.match, r.receivers) for r in default.routes]
    for name, spec in default.receivers.items():
        got = shipped.receivers[name]
        assert (got.webhook_url, got.routing_key, got.channel) == \
            (spec.webhook_url, spec.routing_key, spec.channel)


def test_production_requires_secrets() -> None:
    problems = check_secrets(settings(SENTRY_ENVIRONMENT="production"))
    assert {p.split(":")[0] for p in problems} == {
        "SENTRY_WEBHOOK_SECRET", "RELAY_API_TOKENS", "RELAY_HASH_KEY"}


def test_malformed_token_pairs_are_reported_without_values() -> None:
    problems = check_secrets(settings(RELAY_API_TOKENS="billing:short,noseparator"))
    assert len(problems) == 2
    assert all("short" not in p and "noseparator" not in p for p in problems)


def test_invalid_settings_list_every_variable_without_values() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({"RELAY_PORT": "seventy", "LOG_LEVEL": "LOUD",
                       "SENTRY_TRACES_SAMPLE_RATE": "7"})
    names = {p.split(":")[0] for p in info.value.problems}
    assert names == {"RELAY_PORT", "LOG_LEVEL", "SENTRY_TRACES_SAMPLE_RATE"}
    assert "seventy" not in " ".join(info.value.problems)


def test_generated_secrets_are_kept_and_printed_once(tmp_path: Path) -> None:
    s = settings(RELAY_DATA_DIR=str(tmp_path))
    first, fresh = with_generated_secrets(s)
    assert set(fresh) == {"SENTRY_WEBHOOK_SECRET", "RELAY_API_TOKENS", "RELAY_HASH_KEY"}
    assert (tmp_path / "generated-secrets.env").stat().st_mode & 0o777 == 0o600
    second, fresh_again = with_generated_secrets(s)
    assert fresh_again == {}
    assert second.hash_key() == first.hash_key()
    assert list(second.api_tokens().values()) == ["local"]


def test_production_never_generates(tmp_path: Path) -> None:
    s = settings(RELAY_DATA_DIR=str(tmp_path), SENTRY_ENVIRONMENT="production")
    _, fresh = with_generated_secrets(s)
    assert fresh == {}
    assert not (tmp_path / "generated-secrets.env").exists()


def test_test_endpoints_default_off_in_production() -> None:
    assert settings().test_endpoints_enabled
    assert not settings(SENTRY_ENVIRONMENT="production").test_endpoints_enabled
    assert settings(SENTRY_ENVIRONMENT="production",
                    RELAY_ENABLE_TEST_ENDPOINTS="true").test_endpoints_enabled


def test_a_lease_must_outlive_a_send() -> None:
    with pytest.raises(ConfigError, match="RELAY_LEASE_SECONDS"):
        load_settings({"RELAY_LEASE_SECONDS": "5", "RELAY_REQUEST_TIMEOUT_SECONDS": "10"})
