"""Strict fakes of Slack and PagerDuty: integration tests' receivers and the local sink.

They refuse what the real receivers refuse (FACTS.md §1–§5), and the Slack fake also
refuses unescaped mentions and foreign links, so a formatter bug fails a test (or shows up
red on the local sink's page) instead of paging a clinic's whole workspace. They live in the
package, not under tests/, because `python -m relay.fakes` serves them as docker-compose's
local sink. pytest fixtures: `tests.fakes.fixtures`.
"""

from relay.fakes.pagerduty import FakePagerDuty, Incident, check_event
from relay.fakes.server import ManualClock, Rejection, SeenRequest
from relay.fakes.slack import FakeSlack, Posted
from relay.fakes.slack_rules import Check, Violation, check_message

__all__ = [
    "Check", "FakePagerDuty", "FakeSlack", "Incident", "ManualClock", "Posted", "Rejection",
    "SeenRequest", "Violation", "check_event", "check_message",
]
