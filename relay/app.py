"""Builds the aiohttp Application: wiring, start-up and clean-up only."""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from relay import admin, api
from relay import web as ops
from relay.http import edge_middleware
from relay.runtime import RUNTIME, Runtime


def create_app(runtime: Runtime) -> web.Application:
    # the body limit is enforced by relay.http.read_body with a problem+json 413; aiohttp's
    # own limit sits just above it as a backstop
    app = web.Application(middlewares=[edge_middleware],
                          client_max_size=runtime.settings.relay_max_body_bytes + 1)
    app[RUNTIME] = runtime
    app.add_routes(api.routes())
    app.add_routes(ops.routes())
    app.add_routes(admin.routes())

    async def lifecycle(_app: web.Application) -> AsyncIterator[None]:
        await runtime.start()
        yield
        await runtime.stop()

    app.cleanup_ctx.append(lifecycle)
    app.on_startup.append(_reload_on_sighup)
    return app


async def _reload_on_sighup(app: web.Application) -> None:
    """SIGHUP re-reads the routing file, like Alertmanager; an invalid file is rejected."""
    import asyncio
    import contextlib
    import signal

    runtime = app[RUNTIME]
    loop = asyncio.get_running_loop()
    tasks: set[asyncio.Task[list[str]]] = set()

    def reload() -> None:
        task = loop.create_task(runtime.reload())
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    # not available off the main thread (some test runners): reload stays on POST /-/reload
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGHUP, reload)
