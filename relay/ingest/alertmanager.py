"""Alertmanager webhooks (payload version 4) → Alerts, one per alert in the group.

Decisions, and why:
- Severity comes from one label (`severity` by default) through a table. Defaults:
  `critical`, `page`, `emergency` → critical; `error`, `warning`, `warn`, `high` → warning;
  `info`, `none`, `low`, `notice`, `debug` → info. A missing or unknown value is a warning:
  a firing alert is worth a look, and an odd label must neither page nor vanish.
- Service: the `service` label (configurable), else `job`, else `alertname`; environment:
  `env` or `environment`, else "production" (the `Alert` default).
- Title: `annotations.summary`, else `labels.alertname`; message: `annotations.description`
  (else `annotations.message`, a common older spelling).
- Link: `generatorURL` when it is an http(s) URL. Prometheus' own URLs are usually
  internal http, so https is not required; the link is scrubbed like every text field.
- Fingerprint: `am:<fingerprint>` from Alertmanager's own per-alert fingerprint, so a
  resolve finds its trigger. Without one (senders imitating Alertmanager) the same
  FNV-1a-64 over the sorted label set that Alertmanager computes stands in, so both
  shapes of one alert agree.
- Tags: only the labels in `DEFAULT_LABEL_TAGS` (low-cardinality names of the rule and its
  scope). `instance`, `pod`, `host`, … are left out: they identify machines, add
  cardinality and are not needed to route; the link and annotations carry context.
- `truncatedAlerts` > 0 is logged (count only); the alerts that did arrive are relayed.
- A body that is not a v4 payload raises `SchemaInvalid` naming every bad field, never
  the value; no other exception escapes, whatever the input.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import structlog

from relay import fingerprint
from relay.errors import FieldError, SchemaInvalid
from relay.ingest.common import (
    ENVIRONMENT_MAX,
    MESSAGE_MAX,
    SERVICE_MAX,
    TAG_VALUE_MAX,
    TAGS_MAX,
    TITLE_MAX,
    ParseContext,
    first,
    http_link,
    parse_datetime,
    text,
)
from relay.model import Action, Alert, Severity, Source

log = structlog.get_logger(__name__)

DEFAULT_SEVERITY_VALUES: Mapping[str, Severity] = MappingProxyType({
    "critical": Severity.CRITICAL,
    "page": Severity.CRITICAL,
    "emergency": Severity.CRITICAL,
    "error": Severity.WARNING,
    "warning": Severity.WARNING,
    "warn": Severity.WARNING,
    "high": Severity.WARNING,
    "info": Severity.INFO,
    "none": Severity.INFO,
    "low": Severity.INFO,
    "notice": Severity.INFO,
    "debug": Severity.INFO,
})
FALLBACK_SEVERITY = Severity.WARNING

#: Labels copied into `Alert.tags` (routing and silence matchers can use them).
DEFAULT_LABEL_TAGS: frozenset[str] = frozenset({
    "alertname", "severity", "job", "namespace", "cluster", "team", "service", "region",
    "component", "priority",
})

MAX_ERRORS = 100
_STATUSES = {"firing": Action.TRIGGER, "resolved": Action.RESOLVE}


def severity_table(overrides: Mapping[str, str] | None = None) -> Mapping[str, Severity]:
    """Defaults updated by `overrides` (label value → critical|warning|info), keys
    case-insensitive. An override that is not a severity raises ValueError: a config-load
    error, fail closed."""
    table = dict(DEFAULT_SEVERITY_VALUES)
    for key, value in (overrides or {}).items():
        table[str(key).strip().lower()] = Severity(str(value).strip().lower())
    return MappingProxyType(table)


# FNV-1a 64, as prometheus/common `model.LabelSet.Fingerprint` (0xff separates names and values).
_FNV_OFFSET, _FNV_PRIME, _MASK = 14695981039346656037, 1099511628211, (1 << 64) - 1


def labels_fingerprint(labels: Mapping[str, str]) -> str:
    """Alertmanager's fingerprint of a label set: 16 hex digits."""
    h = _FNV_OFFSET
    for name in sorted(labels):
        for part in (name, labels[name]):
            for byte in (*part.encode("utf-8", "surrogatepass"), 0xFF):
                h = ((h ^ byte) * _FNV_PRIME) & _MASK
    return f"{h:016x}"


def _hex_fingerprint(value: Any) -> str | None:
    if isinstance(value, str) and 1 <= len(value) <= 32:
        try:
            int(value, 16)
        except ValueError:
            return None
        return value.lower()
    return None


def _string_map(value: Any) -> dict[str, str] | None:
    """A JSON object of string → string, else None."""
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return value


def _one(
    raw: dict[str, Any],
    group_status: Any,
    loc: tuple[str | int, ...],
    errors: list[FieldError],
    ctx: ParseContext,
    severities: Mapping[str, Severity],
    service_label: str,
    severity_label: str,
    label_tags: frozenset[str],
) -> Alert | None:
    before = len(errors)
    labels = _string_map(raw.get("labels"))
    if labels is None:
        errors.append(FieldError((*loc, "labels"), "required: an object of string values"))
        labels = {}
    annotations = _string_map(raw.get("annotations") if raw.get("annotations") is not None
                              else {})
    if annotations is None:
        errors.append(FieldError((*loc, "annotations"), "must be an object of string values"))
        annotations = {}
    status = raw.get("status") if raw.get("status") is not None else group_status
    action = _STATUSES.get(status) if isinstance(status, str) else None
    if action is None:
        errors.append(FieldError((*loc, "status"), "required: firing or resolved"))
    raw_fp = raw.get("fingerprint")
    fp = _hex_fingerprint(raw_fp)
    if raw_fp not in (None, "") and fp is None:
        errors.append(FieldError((*loc, "fingerprint"), "must be a hex string"))
    starts = raw.get("startsAt")
    occurred = parse_datetime(starts) if isinstance(starts, str) else None
    if starts not in (None, "") and occurred is None:
        errors.append(FieldError((*loc, "startsAt"), "must be an RFC 3339 timestamp"))
    if len(errors) > before or action is None:
        return None

    alertname = text(labels.get("alertname"), TITLE_MAX)
    service = first(text(labels.get(service_label), SERVICE_MAX),
                    text(labels.get("job"), SERVICE_MAX), text(alertname, SERVICE_MAX))
    environment = first(text(labels.get("env"), ENVIRONMENT_MAX),
                        text(labels.get("environment"), ENVIRONMENT_MAX))
    raw_severity = labels.get(severity_label, "")
    severity = severities.get(raw_severity.strip().lower(), FALLBACK_SEVERITY)
    tags: dict[str, str] = {}
    for key in sorted(labels):
        value = text(labels[key], TAG_VALUE_MAX)
        if key in label_tags and value is not None and len(tags) < TAGS_MAX:
            tags[key] = value
    return Alert(
        source=Source.ALERTMANAGER,
        action=action,
        severity=severity,
        title=text(annotations.get("summary"), TITLE_MAX) or alertname or "Alertmanager alert",
        message=text(first(annotations.get("description"), annotations.get("message")),
                     MESSAGE_MAX),
        service=service or "alertmanager",
        environment=environment or "production",
        link=http_link(raw.get("generatorURL")),
        fingerprint=fingerprint.alertmanager(fp or labels_fingerprint(labels)),
        tags=tags,
        occurred_at=occurred,
        received_at=ctx.received_at,
    )


def parse_alertmanager(
    body: Any,
    ctx: ParseContext,
    *,
    severity_label: str = "severity",
    service_label: str = "service",
    severity_values: Mapping[str, str] | None = None,
    label_tags: frozenset[str] = DEFAULT_LABEL_TAGS,
) -> list[Alert]:
    """One Alert per entry of `alerts`, in order. Raises SchemaInvalid (only) when the body
    is not an Alertmanager v4 payload or any alert in it is unreadable; `severity_values`
    must have been checked with `severity_table` at config load (an invalid one raises
    ValueError here too)."""
    if not isinstance(body, dict):
        raise SchemaInvalid([FieldError(("body",), "must be an Alertmanager webhook object")])
    raw_alerts = body.get("alerts")
    if not isinstance(raw_alerts, list) or not raw_alerts:
        raise SchemaInvalid([FieldError(("body", "alerts"), "required: a non-empty array")])
    severities = severity_table(severity_values)
    group_status = body.get("status")
    truncated = body.get("truncatedAlerts")
    if isinstance(truncated, int) and not isinstance(truncated, bool) and truncated > 0:
        log.warning("ingest.alertmanager.truncated", truncated=min(truncated, 10**9),
                    received=len(raw_alerts))
    alerts: list[Alert] = []
    errors: list[FieldError] = []
    for i, raw in enumerate(raw_alerts):
        loc: tuple[str | int, ...] = ("body", "alerts", i)
        if not isinstance(raw, dict):
            errors.append(FieldError(loc, "must be an alert object"))
            continue
        alert = _one(raw, group_status, loc, errors, ctx, severities, service_label,
                     severity_label, label_tags)
        if alert is not None:
            alerts.append(alert)
    if errors:
        raise SchemaInvalid(errors[:MAX_ERRORS], f"{len(errors)} field(s) failed validation")
    return alerts
