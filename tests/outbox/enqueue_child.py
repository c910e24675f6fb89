"""Child process for the SIGKILL test: enqueue alerts one by one, print each id once
`enqueue` has returned, forever (until the parent kills it)."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from relay.model import Alert, Severity, Source
from relay.outbox.sqlite import SqliteOutbox


async def main(path: Path) -> None:
    box = SqliteOutbox(path)
    await box.open()
    n = 0
    while True:
        alert = Alert(source=Source.DIRECT, severity=Severity.INFO, service="s",
                      title=f"t{n}", fingerprint=f"fp{n}")
        await box.enqueue(alert, ["a", "b"], time.time())
        sys.stdout.write(f"ack {alert.id}\n")
        sys.stdout.flush()
        n += 1


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
