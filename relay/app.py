"""Builds the aiohttp Application: wiring, start-up and clean-up only."""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from relay import api
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

    async def lifecycle(_app: web.Application) -> AsyncIterator[None]:
        await runtime.start()
        yield
        await runtime.stop()

    app.cleanup_ctx.append(lifecycle)
    return app
