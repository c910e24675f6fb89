"""`relay` command line: serve, check-config, scrub, send-test, outbox.

Configuration problems exit with status 2 and a list of every problem, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from relay.errors import ConfigError

if TYPE_CHECKING:
    from relay.config import RoutingConfig, Settings

EXIT_CONFIG = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="relay", description="PHI-scrubbing alert relay")
    sub = p.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP relay")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)

    sub.add_parser("check-config", help="validate settings and routing file, print the table")

    scrub = sub.add_parser("scrub", help="scrub text from stdin (see --jsonl, --explain)")
    scrub.add_argument("--jsonl", action="store_true")
    scrub.add_argument("--explain", action="store_true")

    test = sub.add_parser("send-test", help="send a test alert through the configured routes")
    test.add_argument("--severity", default="info", choices=["critical", "warning", "info"])

    outbox = sub.add_parser("outbox", help="inspect and replay the outbox")
    osub = outbox.add_subparsers(dest="outbox_command", required=True)
    osub.add_parser("stats")
    lst = osub.add_parser("list")
    lst.add_argument("--dead", action="store_true")
    lst.add_argument("--limit", type=int, default=50)
    rep = osub.add_parser("replay")
    rep.add_argument("ids", nargs="*")
    rep.add_argument("--receiver")
    rep.add_argument("--all-dead", action="store_true")
    purge = osub.add_parser("purge-delivered")
    purge.add_argument("--older-than", type=float, default=0.0,
                       help="seconds; default: every delivered row")
    silence = sub.add_parser("silence", help="add, list and expire silences")
    ssub = silence.add_subparsers(dest="silence_command", required=True)
    add = ssub.add_parser("add", help="e.g. relay silence add service=billing severity=warning "
                                      "--duration 2h --author ana --comment 'deploy'")
    add.add_argument("matchers", nargs="+", help="field=value (severity, service, environment, "
                                                 "source, tags.NAME); repeat a field for any-of")
    add.add_argument("--duration")
    add.add_argument("--starts-at")
    add.add_argument("--ends-at")
    add.add_argument("--author", required=True)
    add.add_argument("--comment", required=True)
    sls = ssub.add_parser("list")
    sls.add_argument("--expired", action="store_true", help="include ended silences")
    sexp = ssub.add_parser("expire")
    sexp.add_argument("silence_id")

    routes = sub.add_parser("routes", help="routing tools")
    rsub = routes.add_subparsers(dest="routes_command", required=True)
    rtest = rsub.add_parser("test", help="which route and receivers an alert gets; sends nothing")
    rtest.add_argument("fields", nargs="*",
                       help="field=value: severity, service, environment, source, action, "
                            "title, tags.NAME")
    rtest.add_argument("--file", help="a JSON file with the alert's fields")
    return p


def _fail(problems: Sequence[str], heading: str = "configuration is invalid") -> int:
    print(f"relay: {heading}:", file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    return EXIT_CONFIG


def load_all(*, generate: bool) -> tuple[Settings, RoutingConfig, dict[str, str]]:
    """Settings + secrets + routing file, every problem collected into one ConfigError."""
    # imported here: `relay scrub` never reads the configuration and starts faster without it
    from relay.config import check_secrets, load_routing, load_settings, with_generated_secrets

    settings = load_settings()
    problems = check_secrets(settings)
    fresh: dict[str, str] = {}
    if generate and not problems:
        settings, fresh = with_generated_secrets(settings)
    try:
        routing = load_routing(settings)
    except ConfigError as exc:
        problems.extend(exc.problems)
        routing = None
    if not problems and routing is not None:
        from relay.runtime import build_scrubber

        try:
            build_scrubber(routing)
        except ValueError as exc:
            problems.append(f"{routing.origin}: scrub: {exc}")
    if problems:
        raise ConfigError(problems)
    assert routing is not None
    return settings, routing, fresh


def cmd_check_config() -> int:
    from relay.config import configured

    try:
        settings, routing, _ = load_all(generate=False)
    except ConfigError as exc:
        return _fail(exc.problems)
    missing = [n for n in ("SENTRY_WEBHOOK_SECRET", "RELAY_API_TOKENS", "RELAY_HASH_KEY")
               if getattr(settings, n.lower()) is None]
    print(f"configuration OK (environment: {settings.sentry_environment})")
    if missing:
        print(f"note: {', '.join(missing)} not set; generated on first start (not production)")
    print(f"routing: {routing.origin}")
    print("receivers:")
    for name, spec in routing.receivers.items():
        state = "" if configured(spec) else "  (not configured: alerts routed here are skipped)"
        print(f"  {name}: {json.dumps(spec.masked(), ensure_ascii=False)}{state}")
    print("routes:")
    for r in routing.routes:
        m = r.match
        parts = [f"{k}={sorted(v)}" for k, v in (("severity", m.severity),
                                                 ("service", m.service),
                                                 ("environment", m.environment),
                                                 ("source", m.source)) if v]
        parts += [f"tags.{k}={sorted(v)}" for k, v in m.tags]
        cont = " (continue)" if r.cont else ""
        print(f"  {r.name}: {' '.join(parts) or 'any'} -> {', '.join(r.receivers)}{cont}")
    return 0


def _new_loop() -> asyncio.AbstractEventLoop:
    """uvloop where it is installed (Linux, macOS): the relay is CPU-bound in its event loop,
    and uvloop's is measurably cheaper per request; the standard loop elsewhere."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - optional on platforms without wheels
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def cmd_serve(host: str | None, port: int | None) -> int:
    try:
        settings, routing, fresh = load_all(generate=True)
    except ConfigError as exc:
        return _fail(exc.problems)
    from aiohttp import web

    from relay.app import create_app
    from relay.observability import configure_logging, init_sentry
    from relay.runtime import build_runtime, build_scrubber

    if fresh:
        print("relay: generated local credentials (kept in "
              f"{settings.relay_data_dir / 'generated-secrets.env'}; shown only now):",
              file=sys.stderr)
        for k, v in fresh.items():
            print(f"  {k}={v}", file=sys.stderr)
    scrubber = build_scrubber(routing)
    configure_logging(scrubber, settings.log_level)
    # One event loop builds and serves: a Redis client's connections belong to the loop that
    # opened them, so building in asyncio.run() and serving in another loop breaks them.
    loop = _new_loop()
    try:
        runtime = loop.run_until_complete(build_runtime(settings, routing, scrubber=scrubber))
    except Exception as exc:  # e.g. Redis unreachable at start: a named, value-free error
        loop.close()
        return _fail([f"{type(exc).__name__}: {exc}"], "cannot start")
    runtime.sentry_enabled = init_sentry(settings, scrubber)
    app = create_app(runtime)
    web.run_app(app, host=host or settings.relay_host, port=port or settings.relay_port,
                access_log=None, print=None,
                shutdown_timeout=settings.relay_shutdown_grace_seconds, loop=loop)
    return 0


def cmd_scrub(argv: Sequence[str]) -> int:
    """`relay scrub …` is the scrubber's own CLI (it parses its flags itself)."""
    from relay.scrub.cli import run

    return run(list(argv))


async def _with_outbox(settings: Settings, routing: RoutingConfig, fn: Any) -> Any:
    from relay.runtime import build_runtime

    rt = await build_runtime(settings, routing)
    await rt.outbox.open()
    try:
        return await fn(rt)
    finally:
        await rt.outbox.close()


def cmd_outbox(args: argparse.Namespace) -> int:
    try:
        settings, routing, _ = load_all(generate=False)
    except ConfigError as exc:
        return _fail(exc.problems)

    async def run(rt: Any) -> int:
        now = time.time()
        if args.outbox_command == "stats":
            stats = await rt.outbox.stats(now)
            print(json.dumps({"backend": rt.outbox.backend, "receivers": [
                {"receiver": s.receiver, "pending": s.pending, "oldest_age": s.oldest_age,
                 "dead": s.dead, "delivered": s.delivered} for s in stats]}, indent=2))
        elif args.outbox_command == "list":
            for d in await rt.outbox.list(args.dead, args.limit):
                print(json.dumps({"id": d.id, "receiver": d.receiver, "state": d.state.value,
                                  "attempts": d.attempts, "last_error": d.last_error,
                                  "severity": d.alert.severity.value,
                                  "title": d.alert.title, "created_at": d.created_at}))
        elif args.outbox_command == "replay":
            if not (args.ids or args.receiver or args.all_dead):
                print("relay outbox replay: give IDs, --receiver R or --all-dead",
                      file=sys.stderr)
                return EXIT_CONFIG
            absent = sorted(  # rows the next start or reload moves straight back
                s.receiver for s in await rt.outbox.stats(now)
                if s.dead and s.receiver not in routing.receivers
                and (args.all_dead or s.receiver == args.receiver))
            n = await rt.outbox.replay(args.ids, args.receiver, args.all_dead, now)
            print(f"replayed {n} dead letter(s)")
            for name in absent:
                print(f"note: receiver {name!r} is not in the routing file; its rows return to "
                      "the dead letters (receiver_removed) at the next start or reload",
                      file=sys.stderr)
        elif args.outbox_command == "purge-delivered":
            n = await rt.outbox.purge_delivered(now - args.older_than)
            print(f"purged {n} delivered row(s)")
        return 0

    result: int = asyncio.run(_with_outbox(settings, routing, run))
    return result


def cmd_send_test(severity: str) -> int:
    try:
        settings, routing, _ = load_all(generate=True)
    except ConfigError as exc:
        return _fail(exc.problems)

    async def run(rt: Any) -> int:
        import uuid

        from relay.model import Severity
        from relay.web import _test_alert

        [res] = await rt.pipeline.accept([_test_alert(rt, uuid.uuid4().hex,
                                                      Severity(severity))])
        print(json.dumps({**res.as_json(), "receivers": list(res.receivers)}))
        print("queued; a running `relay serve` on the same data delivers it")
        return 0

    result: int = asyncio.run(_with_outbox(settings, routing, run))
    return result


def _matchers(pairs: Sequence[str]) -> dict[str, Any]:
    """`field=value` words → the matcher mapping of a silence (repeats mean any-of)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError([f"'{key}': write matchers as field=value"])
        if key.startswith("tags."):
            out.setdefault("tags", {}).setdefault(key[5:], []).append(value)
        else:
            out.setdefault(key, []).append(value)
    return out


def cmd_silence(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from relay.errors import SchemaInvalid
    from relay.silences import parse_silence

    try:
        settings, routing, _ = load_all(generate=False)
        body: dict[str, Any] = {}
        if args.silence_command == "add":
            body = {"matchers": _matchers(args.matchers), "author": args.author,
                    "comment": args.comment}
            for key in ("duration", "starts_at", "ends_at"):
                if getattr(args, key):
                    body[key] = getattr(args, key)
    except ConfigError as exc:
        return _fail(exc.problems)

    async def run(rt: Any) -> int:
        store = rt.silences
        await store.open()
        now = datetime.fromtimestamp(time.time(), UTC)
        try:
            if args.silence_command == "add":
                try:
                    silence = parse_silence(body, now)
                except SchemaInvalid as exc:
                    return _fail([f"{'.'.join(map(str, e.loc[1:]))}: {e.msg}"
                                  for e in exc.errors], "the silence is invalid")
                silence, _ = silence.scrubbed(rt.scrubber)
                await store.add(silence)
                print(json.dumps(silence.as_json()))
            elif args.silence_command == "list":
                for item in await store.list(now=now, include_expired=args.expired):
                    print(json.dumps(item.as_json()))
            elif not await store.expire(args.silence_id, now):
                print(f"relay silence expire: no active silence {args.silence_id}",
                      file=sys.stderr)
                return 1
            else:
                print(f"expired {args.silence_id}")
            return 0
        finally:
            await store.close()

    result: int = asyncio.run(_with_outbox(settings, routing, run))
    return result


def cmd_routes_test(args: argparse.Namespace) -> int:
    """Like `amtool config routes test`: the route, receivers and mutes for an alert."""
    from datetime import UTC, datetime

    from relay.errors import SchemaInvalid
    from relay.ingest.common import ParseContext, SeverityMap
    from relay.ingest.direct import parse_direct
    from relay.model import Source
    from relay.silences import silences_matching

    try:
        settings, routing, _ = load_all(generate=False)
        fields: dict[str, Any] = {}
        if args.file:
            with open(args.file, encoding="utf-8") as fh:
                fields.update(json.load(fh))
        for pair in args.fields:
            key, sep, value = pair.partition("=")
            if not sep:
                raise ConfigError([f"'{key}': write fields as field=value"])
            if key.startswith("tags."):
                fields.setdefault("tags", {})[key[5:]] = value
            else:
                fields[key] = value
    except (ConfigError, OSError, ValueError) as exc:
        return _fail(exc.problems if isinstance(exc, ConfigError) else [str(exc)])
    source = fields.pop("source", "direct")
    fields.setdefault("title", "relay routes test")
    fields.setdefault("severity", "warning")
    fields.setdefault("service", "unknown")
    try:
        ctx = ParseContext(hash_key=settings.hash_key() or b"-",
                           severity_map=SeverityMap.with_overrides(routing.severity_map),
                           received_at=datetime.now(UTC))
        [alert] = parse_direct(fields, ctx)
        alert = alert.model_copy(update={"source": Source(source)})
    except SchemaInvalid as exc:
        return _fail([f"{'.'.join(map(str, e.loc[1:]))}: {e.msg}" for e in exc.errors],
                     "the alert fields are invalid")
    except ValueError:
        return _fail([f"source: must be one of {', '.join(s.value for s in Source)}"],
                     "the alert fields are invalid")

    async def run(rt: Any) -> int:
        now = time.time()
        when = datetime.fromtimestamp(now, UTC)
        result = rt.pipeline.routed(alert, now)
        store = rt.silences
        await store.open()
        try:
            silenced = silences_matching(alert, await store.active(when), when)
        finally:
            await store.close()
        rules = [i for i, r in enumerate(routing.inhibit_rules) if _could_target(r, alert)]
        print(f"alert: severity={alert.severity.value} service={alert.service} "
              f"environment={alert.environment} source={alert.source.value} "
              f"action={alert.action.value}")
        print(f"matched routes: {', '.join(result.routes) or '(none)'}")
        if result.muted:
            print(f"muted now by time intervals: {', '.join(result.muted)}")
        print(f"receivers: {', '.join(result.receivers) or '(none)'}")
        print(f"silenced by: {', '.join(s.id for s in silenced) or '(no active silence)'}")
        print("inhibition: " + (f"rules {rules} could mute it while a matching source fires"
                                if rules else "no rule targets it"))
        return 0

    code: int = asyncio.run(_with_outbox(settings, routing, run))
    return code


def _could_target(rule: Any, alert: Any) -> bool:
    from relay.routing import matches

    return matches(rule.target, alert)


def _quiet_logs() -> None:
    """Operator commands print their answer on stdout; only warnings go to stderr (scrubbed)."""
    from relay.observability import configure_logging
    from relay.scrub import default_scrubber

    configure_logging(default_scrubber(), "WARNING", stream=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)
    if args.command not in ("serve", "scrub"):
        _quiet_logs()
    if args.command == "serve":
        return cmd_serve(args.host, args.port)
    if args.command == "check-config":
        return cmd_check_config()
    if args.command == "scrub":
        return cmd_scrub(argv[1:])
    if args.command == "send-test":
        return cmd_send_test(args.severity)
    if args.command == "outbox":
        return cmd_outbox(args)
    if args.command == "silence":
        return cmd_silence(args)
    if args.command == "routes":
        return cmd_routes_test(args)
    return EXIT_CONFIG  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
