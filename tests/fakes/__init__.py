"""The strict fakes, for tests: they live in `relay.fakes` (docker-compose serves them as the
local sink); this package re-exports them and adds pytest fixtures (`tests.fakes.fixtures`).
"""

from relay.fakes import (
    Check,
    FakePagerDuty,
    FakeSlack,
    Incident,
    ManualClock,
    Posted,
    Rejection,
    SeenRequest,
    Violation,
    check_event,
    check_message,
)

__all__ = [
    "Check", "FakePagerDuty", "FakeSlack", "Incident", "ManualClock", "Posted", "Rejection",
    "SeenRequest", "Violation", "check_event", "check_message",
]
