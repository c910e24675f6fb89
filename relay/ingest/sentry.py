"""Sentry webhooks (integration platform and the legacy WebHooks plugin) → Alerts.

Only an allowlist of fields is read; everything else in the body (request data, cookies,
headers, frame vars and source lines, breadcrumbs, `extra`, contexts other than the trace
id, user e-mail/ip/name, actor, assignee, comment text) is never touched, so it cannot
leak. The user is kept only as `user_<hmac>` of the first of id, e-mail, username, ip.

Fingerprints (`relay.fingerprint`): one Sentry issue → `sentry:<project slug>:<issue id>`,
whatever envelope carries it (`event_alert`, `error`, `issue.*`, legacy plugin), so the
copies dedup and a resolve closes the incident its trigger opened. The project slug is
read from `issue.project.slug`, the event's API `url` (`/projects/<org>/<slug>/events/`)
or the legacy `project_slug`; only when none is present does the numeric project id
stand in. The issue id comes from `issue.id`, `event.issue_id`, `event.groupID`, or the
`/issues/<id>/` part of `issue_url`/`web_url` (the 2020 `event_alert` has no `issue_id`).
Without any of these, the event gets `fingerprint.sentry_untracked` (project + masked
title), which still folds its own repeats.

What a clinic's on-call gets per resource/action:
- `event_alert.triggered`, `error.created`, `issue.created`: a trigger at the level's
  severity.
- `issue.resolved`: a resolve (same fingerprint) so PagerDuty closes the incident.
- `issue.ignored` (Sentry's "archive"): a resolve too. Archiving is a human saying "stop
  paging for this"; leaving the incident open would page nobody but never close. If the
  issue comes back, Sentry sends `unresolved` (escalating/regressed) and it re-triggers.
- `issue.unresolved`: substatus `regressed` or `escalating` is the problem coming back: a
  trigger at the level's severity. Any other unresolve (a person reopening it, automatic
  `ongoing` bookkeeping) is an info notice, never a page.
- `issue.assigned`: an info notice ("assigned to a person/team", never who), on its own
  fingerprint (`…:assigned`) so it neither folds into nor re-opens the issue's incident.
- `metric_alert.critical|warning|open`: a trigger (metric severity table);
  `metric_alert.resolved`: a resolve; all on `sentry-metric:<alert rule id>`.
- `installation`, `comment`, `seer`, any other resource or action: `[]` (acknowledge,
  drop). A body too broken to read for a handled action raises `SchemaInvalid`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from relay import fingerprint
from relay.errors import FieldError, SchemaInvalid
from relay.ingest.common import (
    CULPRIT_MAX,
    ENVIRONMENT_MAX,
    MESSAGE_MAX,
    RELEASE_MAX,
    SERVICE_MAX,
    TITLE_MAX,
    ParseContext,
    allowed_tags,
    anonymise_user,
    as_dict,
    dig,
    first,
    http_link,
    ident,
    parse_datetime,
    positive_int,
    tag_index,
    tag_lookup,
    text,
    token,
    user_key,
)
from relay.model import Action, Alert, Severity, Source

DEFAULT_ENVIRONMENT = "production"

_Handler = Callable[[str, dict[str, Any], ParseContext], list[Alert]]


def _invalid(loc: tuple[str | int, ...], msg: str) -> SchemaInvalid:
    return SchemaInvalid([FieldError(("body", *loc), msg)])


def _object(parent: dict[str, Any], key: str, loc: tuple[str | int, ...]) -> dict[str, Any]:
    value = parent.get(key)
    if not isinstance(value, dict):
        raise _invalid((*loc, key), "expected an object")
    return value


# -- URLs ------------------------------------------------------------------------------------

_ISSUE_IN_PATH = re.compile(r"/issues/(\d+)(?:/|$)")
_PROJECT_IN_API_PATH = re.compile(r"/api/0/projects/[^/]+/([^/]+)/events/")
_EVENT_SUFFIX = re.compile(r"(/issues/[^/]+/)events/[^/]+/?$")


def _path(url: Any) -> str:
    link = http_link(url)
    return urlsplit(link).path if link else ""


def _issue_id_from_url(url: Any) -> str | None:
    match = _ISSUE_IN_PATH.search(_path(url))
    return match.group(1) if match else None


def _project_from_api_url(url: Any) -> str | None:
    match = _PROJECT_IN_API_PATH.search(_path(url))
    return ident(match.group(1)) if match else None


def _issue_web_link(url: Any) -> str | None:
    """A Sentry issue page from a web URL, an event-in-issue URL or an API issue URL."""
    link = http_link(url)
    if link is None:
        return None
    parts = urlsplit(link)
    path = parts.path
    if "/api/0/" in path:
        if not _ISSUE_IN_PATH.search(path):
            return None  # an API URL of something else (e.g. an event) is no page
        path = path.replace("/api/0/", "/", 1)
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    path = _EVENT_SUFFIX.sub(r"\1", path)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


# -- events (event_alert, error, legacy plugin) ----------------------------------------------

#: Sentry 8/9 legacy-plugin events use interface paths instead of the normalized keys.
_LEGACY_KEYS = {
    "user": "sentry.interfaces.User",
    "exception": "sentry.interfaces.Exception",
    "logentry": "sentry.interfaces.Message",
}


def _iface(event: dict[str, Any], name: str) -> Any:
    value = event.get(name)
    return value if value is not None else event.get(_LEGACY_KEYS[name])


def _exception_title(exception: Any) -> str | None:
    values = exception.get("values") if isinstance(exception, dict) else exception
    if not isinstance(values, list) or not values:
        return None
    last = as_dict(values[-1])  # the outermost exception comes last
    kind, value = text(last.get("type"), TITLE_MAX), text(last.get("value"), TITLE_MAX)
    if kind and value:
        return f"{kind}: {value}"
    return kind or value


def _metadata_title(metadata: Any) -> str | None:
    meta = as_dict(metadata)
    kind, value = text(meta.get("type"), TITLE_MAX), text(meta.get("value"), TITLE_MAX)
    if kind and value:
        return f"{kind}: {value}"
    return text(meta.get("title"), TITLE_MAX) or kind or value


def _event_title(event: dict[str, Any]) -> str | None:
    logentry = as_dict(_iface(event, "logentry"))
    return (
        text(event.get("title"), TITLE_MAX)
        or _exception_title(_iface(event, "exception"))
        or _metadata_title(event.get("metadata"))
        or text(first(logentry.get("formatted"), logentry.get("message")), TITLE_MAX)
        or text(event.get("message"), TITLE_MAX)
    )


def _event_user(event: dict[str, Any], key: bytes) -> str | None:
    user = as_dict(_iface(event, "user"))
    raw = first(*(user_key(user.get(k)) for k in ("id", "email", "username", "ip_address")))
    return anonymise_user(raw, key) if raw else None


def _correlation(tags: Mapping[str, Any], contexts: Any) -> str | None:
    tagged = tag_lookup(tags, "correlation_id", "correlation-id", "request_id", "x-request-id")
    return token(tagged) or token(dig(contexts, "trace", "trace_id"))


def _release(value: Any) -> str | None:
    return text(value, RELEASE_MAX) or text(dig(value, "version"), RELEASE_MAX)


@dataclass(frozen=True)
class _Hints:
    """What an envelope knows better than the event it wraps (legacy plugin top level)."""

    source: Source = Source.SENTRY
    issue_id: str | None = None
    project: str | None = None
    service: str | None = None
    title: str | None = None
    culprit: str | None = None
    level: Any = None
    link: str | None = None
    message: str | None = None


def _event_alert(event: dict[str, Any], ctx: ParseContext, hints: _Hints) -> Alert:
    tags = tag_index(event.get("tags"))
    project = first(
        hints.project,
        _project_from_api_url(event.get("url")),
        ident(event.get("project_slug")),
        ident(event.get("project")),
    )
    project = project or "unknown"
    issue_id = first(
        hints.issue_id,
        ident(event.get("issue_id")),
        ident(event.get("groupID")),
        ident(event.get("group_id")),
        _issue_id_from_url(event.get("issue_url")),
        _issue_id_from_url(event.get("web_url")),
    )
    title = hints.title or _event_title(event) or "Sentry event"
    level = first(hints.level, text(event.get("level"), 32), text(tag_lookup(tags, "level"), 32))
    link = hints.link or _issue_web_link(
        first(http_link(event.get("web_url")), http_link(event.get("issue_url")))
    )
    return Alert(
        source=hints.source,
        action=Action.TRIGGER,
        severity=ctx.severity_map.for_level(level),
        title=title,
        message=hints.message,
        service=hints.service or project,
        environment=first(text(event.get("environment"), ENVIRONMENT_MAX),
                          text(tag_lookup(tags, "environment"), ENVIRONMENT_MAX))
        or DEFAULT_ENVIRONMENT,
        release=first(_release(event.get("release")), _release(tag_lookup(tags, "release"))),
        culprit=hints.culprit or text(event.get("culprit"), CULPRIT_MAX),
        link=link,
        fingerprint=(fingerprint.sentry_issue(project, issue_id) if issue_id
                     else fingerprint.sentry_untracked(project, title)),
        correlation_id=_correlation(tags, event.get("contexts")),
        user=_event_user(event, ctx.hash_key),
        occurrences=1,
        tags=allowed_tags(tags, ctx.tag_allowlist),
        sentry_issue_id=issue_id,
        sentry_event_id=first(ident(event.get("event_id")), ident(event.get("id"))),
        sentry_project=project,
        occurred_at=first(parse_datetime(event.get("datetime")),
                          parse_datetime(event.get("timestamp"))),
        received_at=ctx.received_at,
    )


def _rule_message(rules: Any) -> str | None:
    labels = [r for r in (rules if isinstance(rules, list) else [rules]) if isinstance(r, str)]
    labels = [label for label in labels if label.strip()]
    return text("Alert rule: " + ", ".join(labels), MESSAGE_MAX) if labels else None


def _on_event_alert(action: str, data: dict[str, Any], ctx: ParseContext) -> list[Alert]:
    event = _object(data, "event", ("data",))
    rule = first(text(data.get("triggered_rule"), TITLE_MAX),
                 text(dig(data, "issue_alert", "title"), TITLE_MAX))
    hints = _Hints(message=_rule_message(rule))
    return [_event_alert(event, ctx, hints)]


def _on_error(action: str, data: dict[str, Any], ctx: ParseContext) -> list[Alert]:
    return [_event_alert(_object(data, "error", ("data",)), ctx, _Hints())]


# -- issues ----------------------------------------------------------------------------------

_RESOLUTIONS = {
    "now": "Resolved in Sentry",
    "in_release": "Resolved in Sentry (in the current release)",
    "in_next_release": "Resolved in Sentry (in the next release)",
    "in_commit": "Resolved in Sentry (by a commit)",
    "with_commit": "Resolved in Sentry (by a commit)",
}
_COMING_BACK = {"regressed": "Issue regressed", "escalating": "Issue is escalating"}


def _issue_title(issue: dict[str, Any], issue_id: str) -> str:
    return (text(issue.get("title"), TITLE_MAX) or _metadata_title(issue.get("metadata"))
            or f"Sentry issue {issue_id}")


def _on_issue(action: str, data: dict[str, Any], ctx: ParseContext) -> list[Alert]:
    issue = _object(data, "issue", ("data",))
    issue_id = ident(issue.get("id"))
    if issue_id is None:
        raise _invalid(("data", "issue", "id"), "expected an issue id")
    project_obj = as_dict(issue.get("project"))
    project = first(ident(project_obj.get("slug")), ident(project_obj.get("id"))) or "unknown"
    level_severity = ctx.severity_map.for_level(issue.get("level"))
    fp = fingerprint.sentry_issue(project, issue_id)
    alert_action, severity, message = Action.TRIGGER, level_severity, None
    if action == "resolved":
        alert_action, severity = Action.RESOLVE, Severity.INFO
        resolution = data.get("resolution_type")
        message = _RESOLUTIONS.get(resolution if isinstance(resolution, str) else "",
                                   "Resolved in Sentry")
    elif action == "ignored":
        alert_action, severity, message = Action.RESOLVE, Severity.INFO, "Archived in Sentry"
    elif action == "unresolved":
        substatus = issue.get("substatus")
        back = _COMING_BACK.get(substatus) if isinstance(substatus, str) else None
        severity = level_severity if back else Severity.INFO
        message = back or "Issue marked unresolved"
    elif action == "assigned":
        kind = dig(data, "assignee", "type")
        severity, fp = Severity.INFO, fp + ":assigned"
        message = {"team": "Assigned to a team", "user": "Assigned to a person"}.get(
            kind if isinstance(kind, str) else "", "Assignment changed")
    level = ident(issue.get("level"))
    tags = allowed_tags({"level": level}, ctx.tag_allowlist) if level else {}
    return [Alert(
        source=Source.SENTRY,
        action=alert_action,
        severity=severity,
        title=_issue_title(issue, issue_id),
        message=message,
        service=first(text(project_obj.get("slug"), SERVICE_MAX),
                      text(project_obj.get("name"), SERVICE_MAX)) or project,
        environment=DEFAULT_ENVIRONMENT,
        culprit=text(issue.get("culprit"), CULPRIT_MAX),
        link=first(*(_issue_web_link(issue.get(k)) for k in ("web_url", "permalink", "url"))),
        fingerprint=fp,
        occurrences=positive_int(issue.get("count")),
        tags=tags,
        sentry_issue_id=issue_id,
        sentry_project=project,
        occurred_at=first(parse_datetime(issue.get("lastSeen")),
                          parse_datetime(issue.get("firstSeen"))),
        received_at=ctx.received_at,
    )]


# -- metric alerts ---------------------------------------------------------------------------


def _on_metric_alert(action: str, data: dict[str, Any], ctx: ParseContext) -> list[Alert]:
    incident = _object(data, "metric_alert", ("data",))
    rule = as_dict(incident.get("alert_rule"))
    rule_id = ident(rule.get("id"))
    incident_id = ident(incident.get("id"))
    if rule_id is None and incident_id is None:
        raise _invalid(("data", "metric_alert", "alert_rule", "id"), "expected an alert rule id")
    key = rule_id or f"incident-{incident_id}"
    project = first(ident(dig(rule, "projects", 0)), ident(dig(incident, "projects", 0)))
    rule_name = text(rule.get("name"), TITLE_MAX)
    title = (text(data.get("description_title"), TITLE_MAX)
             or (f"{action.capitalize()}: {rule_name}" if rule_name else None)
             or text(incident.get("title"), TITLE_MAX) or f"Metric alert {key}")
    resolve = action == "resolved"
    when_keys = ("date_closed", "date_detected") if resolve else ("date_detected", "date_started")
    when = first(*(parse_datetime(incident.get(k)) for k in when_keys))
    return [Alert(
        source=Source.SENTRY,
        action=Action.RESOLVE if resolve else Action.TRIGGER,
        severity=Severity.INFO if resolve else ctx.severity_map.for_metric(action),
        title=title,
        message=text(data.get("description_text"), MESSAGE_MAX),
        service=project or "sentry",
        environment=text(rule.get("environment"), ENVIRONMENT_MAX) or DEFAULT_ENVIRONMENT,
        link=http_link(data.get("web_url")),
        fingerprint=fingerprint.sentry_metric(key),
        sentry_project=project,
        occurred_at=when,
        received_at=ctx.received_at,
    )]


@dataclass(frozen=True)
class _Resource:
    actions: frozenset[str]
    parse: _Handler


RESOURCES: Mapping[str, _Resource] = {
    "event_alert": _Resource(frozenset({"triggered"}), _on_event_alert),
    "error": _Resource(frozenset({"created"}), _on_error),
    "issue": _Resource(
        frozenset({"created", "resolved", "assigned", "ignored", "unresolved"}), _on_issue),
    "metric_alert": _Resource(
        frozenset({"critical", "warning", "open", "resolved"}), _on_metric_alert),
}


def looks_legacy(body: Any) -> bool:
    """A legacy WebHooks-plugin body: no `action`, but the plugin's own top-level keys."""
    return (isinstance(body, dict) and "action" not in body
            and any(k in body for k in ("project_slug", "triggering_rules", "event")))


def parse_webhook(resource: str | None, body: Any, ctx: ParseContext) -> list[Alert]:
    """Alerts for one integration-platform delivery (`Sentry-Hook-Resource` + body).

    `[]` means "authentic, not ours to alert on": acknowledge and drop. A body without a
    resource header is parsed as the legacy plugin when it looks like one.
    """
    if resource is None:
        return parse_legacy(body, ctx) if looks_legacy(body) else []
    handler = RESOURCES.get(resource.strip().lower())
    if handler is None:
        return []
    if not isinstance(body, dict):
        raise _invalid((), "expected a JSON object")
    action = body.get("action")
    if not isinstance(action, str):
        raise _invalid(("action",), "expected a string")
    if action not in handler.actions:
        return []
    return handler.parse(action, _object(body, "data", ()), ctx)


def parse_legacy(body: Any, ctx: ParseContext) -> list[Alert]:
    """The legacy WebHooks plugin: top-level issue facts plus the whole stored `event`,
    with normalized keys or Sentry 8/9 interface paths (`sentry.interfaces.User`, …)."""
    if not isinstance(body, dict):
        raise _invalid((), "expected a JSON object")
    event = body.get("event", {})
    if event is None:
        event = {}
    if not isinstance(event, dict):
        raise _invalid(("event",), "expected an object")
    issue_id = first(ident(body.get("id")), ident(event.get("groupID")),
                     ident(event.get("group_id")), _issue_id_from_url(body.get("url")))
    if issue_id is None:
        raise _invalid(("id",), "expected an issue id")
    project = first(ident(body.get("project_slug")), ident(body.get("project")))
    hints = _Hints(
        source=Source.SENTRY_LEGACY,
        issue_id=issue_id,
        project=project,
        service=first(text(body.get("project_slug"), SERVICE_MAX),
                      text(body.get("project_name"), SERVICE_MAX)),
        title=_event_title(event) or text(body.get("message"), TITLE_MAX),
        culprit=text(body.get("culprit"), CULPRIT_MAX),
        level=text(body.get("level"), 32),
        link=_issue_web_link(body.get("url")),
        message=_rule_message(body.get("triggering_rules")),
    )
    return [_event_alert(event, ctx, hints)]
