"""Child process for the crash test: run a Deliverer on an existing outbox until it is
empty (exit 0) or killed. argv: db path, receiver URL, rate per second."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import aiohttp
from delivery_helpers import JsonSink

from relay.delivery import Deliverer, DeliverySettings
from relay.outbox.sqlite import SqliteOutbox
from relay.pacing import MemoryPacer
from relay.scrub import Scrubber


async def main(path: Path, url: str, rate: float) -> None:
    box = SqliteOutbox(path)
    await box.open()
    settings = DeliverySettings(request_timeout=2, backoff_base=0.05, backoff_cap=0.2,
                                pagerduty_rate=rate, pagerduty_burst=1, poll_interval=0.05)
    async with aiohttp.ClientSession() as session:
        d = Deliverer(outbox=box, sinks={"pd": JsonSink("pd", url, kind="pagerduty")},
                      pacer=MemoryPacer(), scrubber=Scrubber(), session=session,
                      settings=settings)
        await d.start()
        while any(s.pending for s in await box.stats(time.time())):
            await asyncio.sleep(0.05)
        await d.stop(1)
    await box.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])))
