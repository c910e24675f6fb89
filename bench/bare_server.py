"""The ceiling for bench/ingest_bench.py: aiohttp with the same payload parsing and nothing else.

    python bench/bare_server.py --port 8001

One process, `POST /api/alerts`: read the body, `json.loads` it, answer 202 with a body of
the shape Relay answers. No auth, no validation, no scrub, no outbox, no log line: whatever
Relay measures below this is what its own work costs.
"""

from __future__ import annotations

import argparse
import json
import uuid

from aiohttp import web


async def post_alerts(request: web.Request) -> web.Response:
    doc = json.loads(await request.read())
    key = doc.get("dedup_key", "") if isinstance(doc, dict) else ""
    return web.json_response({"id": uuid.uuid4().hex, "status": "accepted", "dedup_key": key},
                             status=202)


async def readyz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ready"})


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    args = p.parse_args()
    app = web.Application()
    app.add_routes([web.post("/api/alerts", post_alerts), web.get("/readyz", readyz)])
    web.run_app(app, host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
