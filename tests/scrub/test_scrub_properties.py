"""Property tests: never raises, idempotent, shape-preserving, redacted values never return."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relay.scrub import default_scrubber

PHI_BITS = st.sampled_from([
    "Patient Jane Doe", "Dr. Okonkwo", "118-65-3614", "(623) 480-5983", "04/12/1987",
    "jane.doe@example.com", "MRN 00123456", "69.79.128.110", "866 Combs Square, Flint, MI 48502",
    "age 93", "DEA MS4630869", "VIN 1HGCM82633A004352", "[REDACTED:NAME]", "name='Ann Lee'",
    "dob=1987-04-12", "4111 1111 1111 1111", "/patients/jane-doe/notes", "sister Margaret",
])
TEXT = st.one_of(st.text(max_size=80),
                 st.lists(st.one_of(PHI_BITS, st.text(max_size=12)), max_size=6).map(" ".join))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.one_of(st.sampled_from(["name", "dob", "ssn", "note", "email", "id", "password"]),
                  st.text(max_size=8)), children, max_size=4),
    max_leaves=12)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _same_shape(a: Any, b: Any) -> bool:
    """Same keys and lengths everywhere, except that a value under a sensitive key may have
    been replaced whole by a marker."""
    if isinstance(b, str) and b.startswith("[REDACTED:") and b.endswith("]"):
        return True
    if isinstance(a, dict):
        return isinstance(b, dict) and len(a) == len(b) and all(
            _same_shape(x, y) for x, y in zip(a.values(), b.values(), strict=True))
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(
            _same_shape(x, y) for x, y in zip(a, b, strict=True))
    return True


@FAST
@given(TEXT)
def test_text_idempotent(text: str) -> None:
    s = default_scrubber()
    once, _ = s.scrub(text)
    twice, counts = s.scrub(once)
    assert twice == once
    assert not counts


@FAST
@given(TEXT)
def test_redacted_values_never_reappear(text: str) -> None:
    s = default_scrubber()
    clean, _ = s.scrub(text)
    found = s.find(text)
    for f in found:
        value = text[f.start:f.end]
        if len(value) >= 4 and not value.startswith("[REDACTED"):
            # the same letters may stand elsewhere, outside every finding ('cree' in
            # 'ScreeNNAMEcree'): those may stay, the redacted occurrence may not
            elsewhere = sum(1 for at in _occurrences(text, value)
                            if not any(g.start < at + len(value) and at < g.end for g in found))
            assert clean.count(value) <= elsewhere


def _occurrences(text: str, value: str) -> list[int]:
    out, at = [], text.find(value)
    while at >= 0:
        out.append(at)
        at = text.find(value, at + 1)
    return out


@FAST
@given(JSON)
def test_json_never_raises_keeps_shape_and_is_idempotent(value: Any) -> None:
    s = default_scrubber()
    out, counts = s.scrub_json(value)
    assert _same_shape(value, out)
    again, counts2 = s.scrub_json(out)
    assert again == out
    assert not counts2
    assert all(n > 0 for n in counts.values())
