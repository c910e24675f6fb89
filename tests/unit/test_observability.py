import io
import json

import structlog

from relay.observability import configure_logging, make_before_breadcrumb, make_before_send
from relay.scrub import default_scrubber

PHI = "Patient Zebulon Quackenbush SSN 123-45-6789 email zebulon.q@example.com"


def leaked(text: str) -> bool:
    return any(n in text for n in ("Zebulon", "Quackenbush", "123-45-6789", "zebulon.q@"))


def test_every_log_event_is_scrubbed_keys_and_values() -> None:
    out = io.StringIO()
    configure_logging(default_scrubber(), "DEBUG", json=True, stream=out)
    log = structlog.get_logger("t")
    log.info("alert.accepted", detail=PHI, nested={"note": PHI, "list": [PHI]})
    log.info(PHI)
    try:
        raise ValueError(PHI)
    except ValueError:
        log.exception("ingest.failed")
    import logging

    logging.getLogger("aiohttp.server").error("Error handling request %s", PHI)
    text = out.getvalue()
    assert text.count("\n") == 4
    assert not leaked(text), text
    first = json.loads(text.splitlines()[0])
    assert first["event"] == "alert.accepted" and "[REDACTED:" in first["detail"]


def test_sentry_before_send_drops_what_must_never_leave_and_scrubs_the_rest() -> None:
    event = {
        "message": PHI,
        "user": {"email": "zebulon.q@example.com", "ip_address": "8.8.8.8"},
        "extra": {"patient": PHI},
        "request": {"url": "https://relay/api/alerts?token=secret-token-123",
                    "data": PHI, "cookies": "sid=1", "query_string": "token=x",
                    "headers": {"Authorization": "Bearer x", "Content-Type": "application/json",
                                "X-Patient": PHI}},
        "exception": {"values": [{"type": "ValueError", "value": PHI, "stacktrace": {
            "frames": [{"function": "f", "vars": {"name": PHI}, "context_line": PHI}]}}]},
        "tags": {"note": PHI},
    }
    out = make_before_send(default_scrubber())(event, {})
    text = json.dumps(out)
    assert not leaked(text), text
    assert "user" not in out and "extra" not in out
    assert out["request"]["headers"] == {"Content-Type": "application/json"}
    assert out["request"]["url"] == "https://relay/api/alerts"
    frame = out["exception"]["values"][0]["stacktrace"]["frames"][0]
    assert "vars" not in frame and "context_line" not in frame
    assert out["exception"]["values"][0]["type"] == "ValueError"


def test_breadcrumbs_lose_data_and_are_scrubbed() -> None:
    crumb = {"category": "query", "message": f"SELECT * FROM patients WHERE {PHI}",
             "data": {"params": [PHI]}}
    out = make_before_breadcrumb(default_scrubber())(crumb, {})
    assert "data" not in out and not leaked(json.dumps(out))


def test_transactions_go_through_the_same_filter() -> None:
    from types import SimpleNamespace

    import sentry_sdk

    from relay.observability import init_sentry

    sent: list[object] = []

    class Keep(sentry_sdk.transport.Transport):
        def capture_envelope(self, envelope: object) -> None:
            sent.append(envelope)

    settings = SimpleNamespace(sentry_dsn=None, sentry_environment="test", sentry_release=None,
                               sentry_traces_sample_rate=1.0, sentry_profiles_sample_rate=0.0,
                               sentry_debug=False)
    init_sentry(settings, default_scrubber(), transport=Keep())
    options = sentry_sdk.get_client().options
    event = {"type": "transaction", "transaction": "/api/webhooks/sentry",
             "request": {"url": "https://relay/api/webhooks/sentry?token=abc", "query_string":
                         "token=abc", "data": PHI}}
    out = options["before_send_transaction"](event, {})
    assert out["request"] == {"url": "https://relay/api/webhooks/sentry"}
    sentry_sdk.get_client().close()
