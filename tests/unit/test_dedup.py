from hypothesis import given
from hypothesis import strategies as st

from relay.dedup import MemoryDedupStore, Seen, decide


def test_first_alert_passes_and_opens_window() -> None:
    verdict, seen = decide(None, severity_rank=1, resolve=False, now=100.0, window=300.0)
    assert verdict.send and verdict.occurrences == 1
    assert seen == Seen(1, 400.0, 0)


def test_repeat_inside_window_is_counted_not_sent() -> None:
    verdict, seen = decide(Seen(1, 400.0, 2), severity_rank=1, resolve=False, now=200.0,
                           window=300.0)
    assert not verdict.send
    assert seen == Seen(1, 400.0, 3)


def test_after_window_the_next_message_reports_swallowed_repeats() -> None:
    verdict, seen = decide(Seen(1, 400.0, 4), severity_rank=1, resolve=False, now=401.0,
                           window=300.0)
    assert verdict.send and verdict.occurrences == 5
    assert seen == Seen(1, 701.0, 0)


def test_severity_increase_passes_at_once() -> None:
    verdict, _ = decide(Seen(1, 400.0, 1), severity_rank=2, resolve=False, now=200.0,
                        window=300.0)
    assert verdict.send and verdict.occurrences == 2


def test_lower_severity_inside_window_is_a_duplicate() -> None:
    verdict, _ = decide(Seen(2, 400.0, 0), severity_rank=1, resolve=False, now=200.0,
                        window=300.0)
    assert not verdict.send


def test_resolve_always_passes_and_forgets() -> None:
    verdict, seen = decide(Seen(2, 400.0, 3), severity_rank=0, resolve=True, now=200.0,
                           window=300.0)
    assert verdict.send and verdict.occurrences == 4
    assert seen is None


@given(st.lists(st.tuples(st.integers(0, 2), st.booleans(), st.floats(0, 50)), max_size=40))
def test_every_observation_is_accounted_for(events: list[tuple[int, bool, float]]) -> None:
    """Occurrences reported by sent messages plus those still pending equal what came in."""
    prev = None
    now = 0.0
    reported = 0
    for rank, resolve, step in events:
        now += step
        verdict, prev = decide(prev, severity_rank=rank, resolve=resolve, now=now, window=60.0)
        reported += verdict.occurrences if verdict.send else 0
    pending = prev.suppressed if prev else 0
    assert reported + pending == len(events)


async def test_memory_store_applies_policy_and_forgets() -> None:
    store = MemoryDedupStore()
    first = await store.observe("fp", severity_rank=1, resolve=False, now=0.0, window=60.0)
    second = await store.observe("fp", severity_rank=1, resolve=False, now=1.0, window=60.0)
    assert first.send and not second.send
    await store.forget("fp")
    third = await store.observe("fp", severity_rank=1, resolve=False, now=2.0, window=60.0)
    assert third.send and third.occurrences == 1


def test_a_fingerprint_with_phi_becomes_a_stable_keyed_hash() -> None:
    from relay.model import Alert, Severity, Source
    from relay.scrub import default_scrubber

    def alert(fp: str) -> Alert:
        return Alert(source=Source.DIRECT, severity=Severity.WARNING, title="t",
                     service="s", fingerprint=fp)

    scrubber = default_scrubber()
    leaky = alert("intake:jane.doe@example.com")
    first, counts = leaky.scrubbed(scrubber, b"k" * 16)
    second, _ = leaky.scrubbed(scrubber, b"k" * 16)
    other, _ = alert("intake:john.roe@example.com").scrubbed(scrubber, b"k" * 16)
    assert first.fingerprint.startswith("h:") and "jane" not in first.fingerprint
    assert first.fingerprint == second.fingerprint != other.fingerprint
    assert counts["EMAIL"] == 1
    clean = alert("sentry:billing:1635244907")
    assert clean.scrubbed(scrubber, b"k" * 16)[0].fingerprint == "sentry:billing:1635244907"
