"""Strict fakes of Slack and PagerDuty on real loopback ports, for integration tests.

They refuse what the real receivers refuse (FACTS.md §1–§5), and the Slack fake also
refuses unescaped mentions and foreign links. Fixtures: `tests.fakes.fixtures`.
"""

from tests.fakes.pagerduty import FakePagerDuty, Incident, check_event
from tests.fakes.server import ManualClock, Rejection, SeenRequest
from tests.fakes.slack import FakeSlack, Posted
from tests.fakes.slack_rules import Check, Violation, check_message

__all__ = [
    "Check", "FakePagerDuty", "FakeSlack", "Incident", "ManualClock", "Posted", "Rejection",
    "SeenRequest", "Violation", "check_event", "check_message",
]
