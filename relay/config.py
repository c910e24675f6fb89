"""Settings (environment, `.env`) and the routing file, validated together.

Secure by default: in production a missing secret stops start-up; elsewhere the missing
secrets are generated once, kept in `RELAY_DATA_DIR/generated-secrets.env` (mode 0600) so
that restarts keep the same anonymised user ids, and printed the first time only.
Every problem is collected and reported at once (`ConfigError.problems`), never a traceback.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from relay.errors import ConfigError
from relay.model import Severity, Source

if TYPE_CHECKING:
    from relay.inhibit import InhibitRule
    from relay.timeintervals import TimeInterval

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class Settings(BaseSettings):
    """DESIGN §3: the names are the public interface."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False,
        populate_by_name=True,
    )

    sentry_dsn: SecretStr | None = None
    sentry_environment: str = "development"
    sentry_release: str | None = None
    sentry_traces_sample_rate: float = Field(0.1, ge=0.0, le=1.0)
    sentry_profiles_sample_rate: float = Field(0.1, ge=0.0, le=1.0)
    sentry_debug: bool = False
    log_level: str = "INFO"
    slack_webhook_url: SecretStr | None = None
    slack_bot_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api"
    pagerduty_integration_key: SecretStr | None = None
    pagerduty_events_url: str = "https://events.pagerduty.com/v2/enqueue"
    alert_channel_critical: str = "#pms-critical-alerts"
    alert_channel_warning: str = "#pms-alerts"

    sentry_webhook_secret: SecretStr | None = None
    relay_api_tokens: SecretStr | None = None
    relay_hash_key: SecretStr | None = None
    relay_routing_file: Path = Path("config/routing.yaml")
    relay_data_dir: Path = Path("./var")
    relay_redis_url: SecretStr | None = None
    relay_redis_prefix: str = "relay:"
    relay_max_body_bytes: int = Field(2 * 1024 * 1024, ge=1024)
    relay_enable_test_endpoints: bool | None = None
    relay_host: str = "127.0.0.1"
    relay_port: int = Field(8000, ge=0, le=65535)
    relay_dedup_window_seconds: float = Field(300.0, ge=0.0)
    relay_retry_cap_seconds: float = Field(300.0, gt=0.0)
    relay_max_age_seconds: float = Field(24 * 3600.0, gt=0.0)
    relay_request_timeout_seconds: float = Field(10.0, gt=0.0)
    relay_digest_threshold: int = Field(20, ge=2)
    relay_digest_max_age_seconds: float = Field(120.0, gt=0.0)
    relay_slack_rate_per_second: float = Field(1.0, gt=0.0)
    relay_pagerduty_rate_per_minute: float = Field(120.0, gt=0.0)
    relay_shutdown_grace_seconds: float = Field(10.0, ge=0.0)
    #: How long a delivery worker holds a row before another replica may take it over (after
    #: a crash). Must cover the pacing wait + RELAY_REQUEST_TIMEOUT_SECONDS.
    relay_lease_seconds: float = Field(60.0, gt=0.0)
    relay_outbox_retention_seconds: float = Field(7 * 24 * 3600.0, gt=0.0)
    #: SQLite outbox fsync policy. FULL (default): an alert answered 202 survives power loss.
    #: NORMAL (WAL): survives a process crash only; for measuring what durability costs.
    relay_outbox_synchronous: Literal["FULL", "NORMAL", "EXTRA"] = "FULL"
    #: Ingest limit per caller (each RELAY_API_TOKENS service, the Sentry webhook, the
    #: Alertmanager webhook), counted in alerts so arrays cannot dodge it: a sustained rate
    #: and a burst on top; beyond them 429 + Retry-After. It stops one runaway client, not a
    #: storm (dedup and digests fold those): 10,000 at once, then 200/s. RATE=0 turns it off.
    relay_ingest_rate: float = Field(200.0, ge=0.0)
    relay_ingest_burst: int = Field(10_000, ge=0)

    @field_validator("log_level")
    @classmethod
    def _level(cls, v: str) -> str:
        if v.upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return v.upper()

    @field_validator("relay_outbox_synchronous", mode="before")
    @classmethod
    def _upper(cls, v: object) -> object:
        return v.upper() if isinstance(v, str) else v

    @field_validator("slack_api_url", "pagerduty_events_url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not re.match(r"^https?://[^\s/]+", v):
            raise ValueError("must be an http(s) URL")
        return v.rstrip("/") if v.endswith("/api/") else v

    @model_validator(mode="after")
    def _lease_outlives_a_send(self) -> Settings:
        # a lease shorter than one send lets another replica send the same row again
        if self.relay_lease_seconds <= 2 * self.relay_request_timeout_seconds:
            raise ValueError("RELAY_LEASE_SECONDS must be more than twice "
                             "RELAY_REQUEST_TIMEOUT_SECONDS")
        return self

    @model_validator(mode="after")
    def _ingest_burst_admits(self) -> Settings:
        # a zero burst would refuse every alert while looking like "no burst"
        if self.relay_ingest_rate > 0 and self.relay_ingest_burst < 1:
            raise ValueError("RELAY_INGEST_BURST must be at least 1 while RELAY_INGEST_RATE "
                             "is above 0 (RELAY_INGEST_RATE=0 turns the ingest limit off)")
        return self

    @property
    def production(self) -> bool:
        return self.sentry_environment.strip().lower() == "production"

    @property
    def test_endpoints_enabled(self) -> bool:
        if self.relay_enable_test_endpoints is None:
            return not self.production
        return self.relay_enable_test_endpoints

    def api_tokens(self) -> dict[str, str]:
        """`service:token` pairs → {token: service}. Validated by `check_secrets`."""
        raw = self.relay_api_tokens.get_secret_value() if self.relay_api_tokens else ""
        out: dict[str, str] = {}
        for pair in filter(None, (p.strip() for p in raw.split(","))):
            service, _, token = pair.partition(":")
            out[token.strip()] = service.strip()
        return out

    def hash_key(self) -> bytes:
        return (self.relay_hash_key.get_secret_value() if self.relay_hash_key else "").encode()


SECRET_NAMES = ("SENTRY_WEBHOOK_SECRET", "RELAY_API_TOKENS", "RELAY_HASH_KEY")


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read settings; raise ConfigError listing every invalid variable (values never shown)."""
    try:
        if env is None:
            return Settings()
        lowered = {k.lower(): v for k, v in env.items()}
        # model_validate skips the env/.env sources: the mapping is the whole environment
        return Settings.model_validate(lowered)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_input=False, include_url=False):
            name = ".".join(str(p) for p in err["loc"]).upper() or "settings"
            problems.append(f"{name}: {err['msg']}")
        raise ConfigError(problems) from None


def check_secrets(settings: Settings) -> list[str]:
    """Problems with the credentials themselves (missing in production, malformed pairs)."""
    problems = []
    if settings.production:
        for name in SECRET_NAMES:
            if getattr(settings, name.lower()) is None:
                problems.append(f"{name}: required when SENTRY_ENVIRONMENT=production")
    if settings.relay_api_tokens is not None:
        raw = settings.relay_api_tokens.get_secret_value()
        for i, pair in enumerate(p.strip() for p in raw.split(",")):
            service, sep, token = pair.partition(":")
            if not sep or not service.strip() or len(token.strip()) < 16:
                problems.append(
                    f"RELAY_API_TOKENS: entry {i + 1} must be service:token "
                    "with a token of at least 16 characters"
                )
    if settings.relay_hash_key is not None and len(settings.hash_key()) < 16:
        problems.append("RELAY_HASH_KEY: must be at least 16 characters")
    return problems


def with_generated_secrets(settings: Settings) -> tuple[Settings, dict[str, str]]:
    """Fill missing secrets outside production from a kept file, creating it on first run.

    Returns the completed settings and the secrets generated *now* (to print once).
    """
    missing = [n for n in SECRET_NAMES if getattr(settings, n.lower()) is None]
    if not missing or settings.production:
        return settings, {}
    path = settings.relay_data_dir / "generated-secrets.env"
    kept = _read_env_file(path)
    fresh: dict[str, str] = {}
    for name in missing:
        if name not in kept:
            value = secrets.token_urlsafe(32)
            kept[name] = f"local:{value}" if name == "RELAY_API_TOKENS" else value
            fresh[name] = kept[name]
    if fresh:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write("# Generated by relay for local use; not for production.\n")
            fh.writelines(f"{k}={v}\n" for k, v in sorted(kept.items()))
    update = {n.lower(): SecretStr(kept[n]) for n in missing}
    return settings.model_copy(update=update), fresh


def _read_env_file(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            k, _, v = line.partition("=")
            out[k.strip()] = v.strip()
    return out


# --------------------------------------------------------------------------- routing file

ReceiverKind = Literal["slack", "pagerduty"]


@dataclass(frozen=True)
class ReceiverSpec:
    name: str
    kind: ReceiverKind
    webhook_url: str | None = None
    bot_token: str | None = None
    channel: str | None = None
    api_url: str | None = None
    routing_key: str | None = None
    events_url: str | None = None

    def masked(self) -> dict[str, str]:
        """For `check-config`: what the receiver is, with secrets masked."""
        out: dict[str, str] = {"type": self.kind}
        if self.webhook_url:
            out["webhook_url"] = _mask_url(self.webhook_url)
        if self.bot_token:
            out["bot_token"] = _mask(self.bot_token)
        if self.channel:
            out["channel"] = self.channel
        if self.routing_key:
            out["routing_key"] = _mask(self.routing_key)
        if self.events_url:
            out["events_url"] = self.events_url
        return out


@dataclass(frozen=True)
class Matcher:
    """Exact-value matching (any of the listed values); an absent field matches anything."""

    severity: frozenset[str] = frozenset()
    service: frozenset[str] = frozenset()
    environment: frozenset[str] = frozenset()
    source: frozenset[str] = frozenset()
    tags: tuple[tuple[str, frozenset[str]], ...] = ()


@dataclass(frozen=True)
class Route:
    match: Matcher
    receivers: tuple[str, ...]
    cont: bool = False
    name: str = ""
    mute_time_intervals: tuple[str, ...] = ()
    active_time_intervals: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScrubSpec:
    sensitive_keys: tuple[str, ...] = ()
    patterns: tuple[tuple[str, str], ...] = ()
    allowlist: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlertmanagerSpec:
    """How Alertmanager labels become alert fields (`alertmanager:` in the routing file)."""

    severity_label: str = "severity"
    service_label: str = "service"
    severity_values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoutingConfig:
    receivers: Mapping[str, ReceiverSpec]
    routes: tuple[Route, ...]
    severity_map: Mapping[str, str] = field(default_factory=dict)
    scrub: ScrubSpec = ScrubSpec()
    origin: str = "built-in default"
    time_intervals: Mapping[str, TimeInterval] = field(default_factory=dict)
    inhibit_rules: tuple[InhibitRule, ...] = ()
    alertmanager: AlertmanagerSpec = AlertmanagerSpec()


def _mask(secret: str) -> str:
    return secret[:4] + "…" if len(secret) > 8 else "…"


def _mask_url(url: str) -> str:
    m = re.match(r"^(https?://[^/]+)", url)
    return (m.group(1) if m else "") + "/…"


def default_routing(settings: Settings) -> RoutingConfig:
    """DESIGN §5's table: critical → Slack critical channel + PagerDuty; else Slack warning."""
    receivers = {
        "slack-critical": _slack_from_settings("slack-critical", settings,
                                               settings.alert_channel_critical),
        "slack-warning": _slack_from_settings("slack-warning", settings,
                                              settings.alert_channel_warning),
        "pagerduty": ReceiverSpec(
            "pagerduty", "pagerduty",
            routing_key=_secret(settings.pagerduty_integration_key),
            events_url=settings.pagerduty_events_url,
        ),
    }
    routes = (
        Route(Matcher(severity=frozenset({"critical"})), ("slack-critical", "pagerduty"),
              name="critical"),
        Route(Matcher(severity=frozenset({"warning", "info"})), ("slack-warning",),
              name="warning-info"),
    )
    return RoutingConfig(receivers, routes)


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value else None


def _slack_from_settings(name: str, settings: Settings, channel: str) -> ReceiverSpec:
    return ReceiverSpec(
        name, "slack",
        webhook_url=None if settings.slack_bot_token else _secret(settings.slack_webhook_url),
        bot_token=_secret(settings.slack_bot_token), channel=channel,
        api_url=settings.slack_api_url,
    )


def configured(spec: ReceiverSpec) -> bool:
    """A receiver without credentials cannot deliver; routes skip it (and say so at start)."""
    if spec.kind == "slack":
        return bool(spec.webhook_url or (spec.bot_token and spec.channel))
    return bool(spec.routing_key)


_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_MATCH_FIELDS = {"severity", "service", "environment", "source", "tags"}
_RECEIVER_FIELDS = {
    "slack": {"type", "webhook_url", "bot_token", "channel", "api_url"},
    "pagerduty": {"type", "routing_key", "events_url"},
}
_TOP_FIELDS = {"receivers", "routes", "severity_map", "scrub", "time_intervals",
               "inhibit_rules", "alertmanager"}
_ROUTE_FIELDS = {"__line__", "match", "receivers", "continue", "name", "mute_time_intervals",
                 "active_time_intervals"}


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers each mapping's line, so problems can name file and line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_routing(settings: Settings, env: Mapping[str, str] | None = None) -> RoutingConfig:
    """The routing file, or the built-in table when the file does not exist."""
    path = settings.relay_routing_file
    if not path.exists():
        return default_routing(settings)
    return parse_routing(path.read_text(encoding="utf-8"), str(path), settings,
                         expansion_env(settings, os.environ if env is None else env))


def expansion_env(settings: Settings, env: Mapping[str, str]) -> dict[str, str]:
    """What `${VAR}` sees: every setting by its variable name (so `.env` files and defaults
    work), overlaid by the process environment."""
    out: dict[str, str] = {}
    for name, value in settings.model_dump().items():
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if value is not None:
            out[name.upper()] = str(value)
    out.update(env)
    return out


def parse_routing(
    text: str, origin: str, settings: Settings, env: Mapping[str, str]
) -> RoutingConfig:
    """Validate the whole file and raise ConfigError listing every problem with its line."""
    problems: list[str] = []

    def problem(line: object, msg: str) -> None:
        problems.append(f"{origin}:{line}: {msg}" if line else f"{origin}: {msg}")

    try:
        doc = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            [f"{origin}:{mark.line + 1 if mark else '?'}: not valid YAML"]
        ) from None
    if not isinstance(doc, dict):
        raise ConfigError([f"{origin}: must be a mapping with receivers and routes"])

    for key in doc:
        if key != "__line__" and key not in _TOP_FIELDS:
            problem(doc["__line__"], f"unknown key '{key}' (expected one of "
                                     f"{', '.join(sorted(_TOP_FIELDS))})")

    def expand(value: Any, line: object, where: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, (str, int, float)):
            problem(line, f"{where} must be a string")
            return None
        def sub(m: re.Match[str]) -> str:
            if m.group(1) not in env:
                return ""
            return env[m.group(1)]
        out = _ENV_REF.sub(sub, str(value))
        return out or None

    receivers: dict[str, ReceiverSpec] = {}
    raw_receivers = doc.get("receivers") or {}
    if not isinstance(raw_receivers, dict):
        problem(doc["__line__"], "receivers must be a mapping of name → receiver")
        raw_receivers = {}
    for name, spec in raw_receivers.items():
        if name == "__line__":
            continue
        if not isinstance(spec, dict):
            problem(raw_receivers["__line__"], f"receiver '{name}' must be a mapping")
            continue
        line = spec["__line__"]
        kind = spec.get("type")
        if kind not in _RECEIVER_FIELDS:
            problem(line, f"receiver '{name}': type must be 'slack' or 'pagerduty'")
            continue
        for key in spec:
            if key != "__line__" and key not in _RECEIVER_FIELDS[kind]:
                problem(line, f"receiver '{name}': unknown key '{key}'")
        if kind == "slack":
            bot_token = expand(spec.get("bot_token"), line, "bot_token")
            receivers[name] = ReceiverSpec(
                name, "slack",
                # a bot token wins over a webhook: it can address the channel
                webhook_url=None if bot_token else expand(spec.get("webhook_url"), line,
                                                          "webhook_url"),
                bot_token=bot_token,
                channel=expand(spec.get("channel"), line, "channel"),
                api_url=expand(spec.get("api_url"), line, "api_url") or settings.slack_api_url,
            )
            r = receivers[name]
            if r.webhook_url and not r.webhook_url.startswith(("https://", "http://")):
                problem(line, f"receiver '{name}': webhook_url must be an http(s) URL")
            if r.bot_token and not r.channel:
                problem(line, f"receiver '{name}': bot_token needs a channel")
        else:
            receivers[name] = ReceiverSpec(
                name, "pagerduty",
                routing_key=expand(spec.get("routing_key"), line, "routing_key"),
                events_url=expand(spec.get("events_url"), line, "events_url")
                or settings.pagerduty_events_url,
            )
            key_ = receivers[name].routing_key
            if key_ and not re.fullmatch(r"[A-Za-z0-9]{32}", key_):
                problem(line, f"receiver '{name}': routing_key must be 32 letters or digits")

    from relay.inhibit import InhibitRuleError, parse_inhibit_rules
    from relay.timeintervals import TimeIntervalError, parse_time_intervals

    intervals: dict[str, TimeInterval] = {}
    try:
        intervals = parse_time_intervals(doc.get("time_intervals"), origin=origin)
    except TimeIntervalError as exc:
        problems.extend(exc.problems)
    inhibit: tuple[InhibitRule, ...] = ()
    try:
        inhibit = parse_inhibit_rules(doc.get("inhibit_rules"), origin=origin)
    except InhibitRuleError as exc:
        problems.extend(exc.problems)

    routes: list[Route] = []
    raw_routes = doc.get("routes") or []
    if not isinstance(raw_routes, list) or not raw_routes:
        problem(doc["__line__"], "routes must be a non-empty list")
        raw_routes = []
    for i, r in enumerate(raw_routes):
        if not isinstance(r, dict):
            problem(doc["__line__"], f"route {i + 1} must be a mapping")
            continue
        line = r["__line__"]
        for key in r:
            if key not in _ROUTE_FIELDS:
                problem(line, f"route {i + 1}: unknown key '{key}'")
        matcher = _parse_matcher(r.get("match") or {}, line, i, problem)
        names = r.get("receivers")
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not names:
            problem(line, f"route {i + 1}: receivers must be a non-empty list")
            names = []
        for n in names:
            if n not in receivers:
                problem(line, f"route {i + 1}: unknown receiver '{n}'")
        cont = r.get("continue", False)
        if not isinstance(cont, bool):
            problem(line, f"route {i + 1}: continue must be true or false")
            cont = False
        mute = _names(r.get("mute_time_intervals"), line, i, "mute_time_intervals", problem)
        active = _names(r.get("active_time_intervals"), line, i, "active_time_intervals",
                        problem)
        for n in (*mute, *active):
            if n not in intervals:
                problem(line, f"route {i + 1}: unknown time interval '{n}'")
        routes.append(Route(matcher, tuple(str(n) for n in names), cont,
                            str(r.get("name") or f"route {i + 1}"), mute, active))

    severity_map = _parse_severity_map(doc.get("severity_map"), doc["__line__"], problem)
    scrub = _parse_scrub(doc.get("scrub"), doc["__line__"], problem)
    am = _parse_alertmanager(doc.get("alertmanager"), doc["__line__"], problem)
    if problems:
        raise ConfigError(problems)
    return RoutingConfig(receivers, tuple(routes), severity_map, scrub, origin, intervals,
                         inhibit, am)


def _names(raw: Any, line: object, i: int, what: str, problem: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
        problem(line, f"route {i + 1}: {what} must be a list of interval names")
        return ()
    return tuple(raw)


def _parse_alertmanager(raw: Any, line: object, problem: Any) -> AlertmanagerSpec:
    if raw is None:
        return AlertmanagerSpec()
    if not isinstance(raw, dict):
        problem(line, "alertmanager must be a mapping")
        return AlertmanagerSpec()
    aline = raw["__line__"]
    for key in raw:
        if key not in {"__line__", "severity_label", "service_label", "severity_values"}:
            problem(aline, f"alertmanager: unknown key '{key}'")
    labels = {}
    for key in ("severity_label", "service_label"):
        value = raw.get(key, getattr(AlertmanagerSpec, key))
        if not isinstance(value, str) or not value:
            problem(aline, f"alertmanager.{key} must be a label name")
            value = getattr(AlertmanagerSpec, key)
        labels[key] = value
    values = {k: v for k, v in (raw.get("severity_values") or {}).items() if k != "__line__"}
    try:
        from relay.ingest.alertmanager import severity_table

        severity_table(values)
    except (ValueError, AttributeError):
        problem(aline, "alertmanager.severity_values must map label values to critical, "
                       "warning or info")
        values = {}
    return AlertmanagerSpec(labels["severity_label"], labels["service_label"], values)


def _values(raw: Any) -> frozenset[str] | None:
    if isinstance(raw, (str, int)):
        return frozenset({str(raw)})
    if isinstance(raw, list) and raw and all(isinstance(v, (str, int)) for v in raw):
        return frozenset(str(v) for v in raw)
    return None


def _parse_matcher(raw: Any, line: object, i: int, problem: Any) -> Matcher:
    if not isinstance(raw, dict):
        problem(line, f"route {i + 1}: match must be a mapping")
        return Matcher()
    fields: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "__line__":
            continue
        if key not in _MATCH_FIELDS:
            problem(line, f"route {i + 1}: cannot match on '{key}' "
                          f"(one of {', '.join(sorted(_MATCH_FIELDS))})")
            continue
        if key == "tags":
            if not isinstance(value, dict):
                problem(line, f"route {i + 1}: tags must be a mapping")
                continue
            tags = []
            for tk, tv in value.items():
                if tk == "__line__":
                    continue
                vals = _values(tv)
                if vals is None:
                    problem(line, f"route {i + 1}: tag '{tk}' needs a value or list")
                    continue
                tags.append((str(tk), vals))
            fields["tags"] = tuple(tags)
            continue
        vals = _values(value)
        if vals is None:
            problem(line, f"route {i + 1}: {key} needs a value or a list of values")
            continue
        if key == "severity":
            bad = vals - {s.value for s in Severity}
            if bad:
                problem(line, f"route {i + 1}: severity must be critical, warning or info")
        if key == "source":
            bad = vals - {s.value for s in Source}
            if bad:
                problem(line, f"route {i + 1}: source must be one of "
                              f"{', '.join(s.value for s in Source)}")
        fields[key] = vals
    return Matcher(**fields)


def _parse_severity_map(raw: Any, line: object, problem: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problem(line, "severity_map must map a Sentry level to critical, warning or info")
        return {}
    out = {}
    for level, sev in raw.items():
        if level == "__line__":
            continue
        if sev not in {s.value for s in Severity}:
            problem(raw["__line__"], f"severity_map: '{level}' must map to critical, "
                                     "warning or info")
            continue
        out[str(level).lower()] = str(sev)
    return out


def _parse_scrub(raw: Any, line: object, problem: Any) -> ScrubSpec:
    if raw is None:
        return ScrubSpec()
    if not isinstance(raw, dict):
        problem(line, "scrub must be a mapping")
        return ScrubSpec()
    sline = raw["__line__"]
    for key in raw:
        if key not in {"__line__", "sensitive_keys", "patterns", "allowlist"}:
            problem(sline, f"scrub: unknown key '{key}'")

    def strings(name: str) -> tuple[str, ...]:
        v = raw.get(name) or []
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            problem(sline, f"scrub.{name} must be a list of strings")
            return ()
        return tuple(v)

    patterns = []
    for p in raw.get("patterns") or []:
        if (not isinstance(p, dict) or not isinstance(p.get("kind"), str)
                or not isinstance(p.get("regex"), str)):
            problem(sline, "scrub.patterns entries need a kind and a regex")
            continue
        try:
            re.compile(p["regex"])
        except re.error:
            problem(p["__line__"], f"scrub.patterns: regex for {p['kind']} does not compile")
            continue
        patterns.append((p["kind"].upper(), p["regex"]))
    return ScrubSpec(strings("sensitive_keys"), tuple(patterns), strings("allowlist"))
