import pytest

from relay.errors import MalformedBody
from relay.http import MAX_JSON_DEPTH, parse_json, sentry_signature_ok

SECRET = "test-client-secret-0123456789abcdef"
BODY1 = (b'{"action":"created","installation":{"uuid":"65027794-169a-4042-80d0-808ece377141"},'
         b'"data":{"issue":{"id":"1635244907","title":"Exception: Custom exception!",'
         b'"status":"unresolved"}},"actor":{"type":"application","id":"sentry","name":"Sentry"}}')
BODY2 = (b'{"action":"created","installation":{"uuid":"65027794-169a-4042-80d0-808ece377141"},'
         b'"data":{"issue":{"id":"1","title":"Erreur: caf\\u00e9 introuvable"}},'
         b'"actor":{"type":"application","id":"sentry","name":"Sentry"}}')


@pytest.mark.parametrize(("body", "sig"), [
    (BODY1, "729e19358b9054619d602bd792f21a96222e53428519319b2529126c42d09dff"),
    (BODY2, "bbeda43482e13785a69591755c32cecb1aef73c4517f4f30de11bd91e405db60"),
    (b"", "211163c2f74ef0e5012043572095689df63c91cbcfbb8eb550a4594b7c517b7e"),
])
def test_signature_vectors_from_sentry_serialisation_rules(body: bytes, sig: str) -> None:
    assert sentry_signature_ok(body, sig, SECRET)
    assert sentry_signature_ok(body, sig.upper() + " ", SECRET)


def test_reserialised_body_does_not_verify() -> None:
    # what the docs snippet does: json.dumps with default separators
    assert not sentry_signature_ok(
        BODY1, "270310f21fc6a259286687aec0b36a3e48624e06c878edd6e2c76baee431235a", SECRET)
    assert not sentry_signature_ok(BODY1, "", SECRET)


@pytest.mark.parametrize("raw", [
    b"", b"   ", b"{", b"\xff\xfe{}", b'{"a": NaN}', b'{"a": Infinity}', b"[1,]",
    b"1" * 5000,  # beyond Python's int-digits limit
])
def test_malformed_bodies_raise_named_error(raw: bytes) -> None:
    with pytest.raises(MalformedBody):
        parse_json(raw)


def test_depth_limit_counts_only_structure_outside_strings() -> None:
    ok = b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH
    assert parse_json(ok)
    assert parse_json(b'{"a": "' + b"[" * 500 + b'"}') == {"a": "[" * 500}
    with pytest.raises(MalformedBody, match="nested deeper"):
        parse_json(b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1))
    with pytest.raises(MalformedBody):
        parse_json(b"[" * 100000)


def test_error_messages_never_echo_input() -> None:
    canary = b'{"patient": "Zebulon Quackenbush" '
    with pytest.raises(MalformedBody) as info:
        parse_json(canary)
    assert "Zebulon" not in str(info.value)
