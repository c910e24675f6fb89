"""JSON escapes read back with each character's original offsets."""

from __future__ import annotations

from relay.scrub.escapes import unescape


def test_no_escape_is_none() -> None:
    assert unescape("plain text") is None
    assert unescape(r"C:\Users") is None  # a backslash that escapes nothing


def test_offsets_map_back() -> None:
    text = r'dob \"02\/20\/2005\" for \u00c9milie'
    got = unescape(text)
    assert got is not None
    decoded, starts, ends = got
    assert decoded == 'dob "02/20/2005" for Émilie'
    at = decoded.index("02/20/2005")
    assert text[starts[at]:ends[at + len("02/20/2005") - 1]] == r"02\/20\/2005"
    e = decoded.index("É")
    assert text[starts[e]:ends[e]] == r"\u00c9"
    assert len(starts) == len(ends) == len(decoded)


def test_control_escapes_and_surrogates() -> None:
    got = unescape(r"MSH|x\rPID|1\n\t\ud83d\ude00")
    assert got is not None and got[0] == "MSH|x\rPID|1\n\t??"


def test_regions_around_meaningful_escapes_only() -> None:
    from relay.scrub.escapes import MARGIN, escaped_regions

    pad = "x" * (3 * MARGIN)
    text = pad + r"a\/b" + pad + r'Illuminate\\Http \"q\"' + pad + r"\u00e9\n"
    regions = escaped_regions(text)
    assert len(regions) == 2  # the escaped backslash and quotes make no region
    assert regions[0] == (len(pad) + 1 - MARGIN, len(pad) + 3 + MARGIN)
    assert regions[1][1] == len(text)
