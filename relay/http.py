"""The HTTP edge shared by every handler: request ids, problem+json, bodies, credentials.

Errors are raised as `relay.errors.RelayError` subclasses anywhere below a handler and turned
into RFC 9457 problem+json here, once. No response ever echoes a submitted value, and an
unexpected exception becomes a 500 only after it is reported (scrubbed) to Sentry — the
ingest paths are written so that no input reaches that branch.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import structlog
from aiohttp import web

from relay import metrics
from relay.errors import (
    MalformedBody,
    PayloadTooLarge,
    RelayError,
    SchemaInvalid,
    Unauthorized,
    UnsupportedMediaType,
)
from relay.model import new_id

log = structlog.get_logger(__name__)

PROBLEM_TYPE = "https://relay.invalid/problems/"
MAX_JSON_DEPTH = 32
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def problem(err: RelayError) -> web.Response:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + err.code,
        "title": err.title,
        "status": err.status,
        "detail": err.detail,
    }
    if isinstance(err, SchemaInvalid):
        body["errors"] = [{"loc": list(e.loc), "msg": e.msg} for e in err.errors]
    headers = {"Retry-After": str(err.retry_after)} if err.retry_after is not None else None
    resp = web.json_response(body, status=err.status, headers=headers,
                             content_type="application/problem+json")
    if isinstance(err, Unauthorized):
        resp.headers["WWW-Authenticate"] = 'Bearer realm="relay"'
    return resp


@web.middleware
async def edge_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Bind a request id, and turn every failure into a problem+json answer."""
    supplied = request.headers.get("X-Request-ID", "")
    request_id = supplied if _REQUEST_ID.match(supplied) else new_id()
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(request_id=request_id)
    try:
        response = await handler(request)
    except RelayError as err:
        metrics.INGEST_REJECTED.labels(reason=err.code).inc()
        log.info("http.rejected", status=err.status, code=err.code, path=request.path)
        response = problem(err)
    except web.HTTPRequestEntityTooLarge:
        metrics.INGEST_REJECTED.labels(reason="too_large").inc()
        response = problem(PayloadTooLarge())
    except web.HTTPException as exc:
        # aiohttp's own 404/405: answer in the same problem format
        response = problem(_from_http_exception(exc))
    except Exception:
        log.exception("http.internal_error", path=request.path)
        _capture()
        response = problem(RelayError("An internal error occurred; it has been reported."))
    response.headers["X-Request-ID"] = request_id
    return response


def _from_http_exception(exc: web.HTTPException) -> RelayError:
    err = RelayError(exc.reason)
    err.status, err.title = exc.status, exc.reason
    err.code = re.sub(r"\W+", "_", exc.reason.lower())
    return err


def _capture() -> None:
    try:
        import sentry_sdk

        sentry_sdk.capture_exception()
    except Exception:  # pragma: no cover - reporting must never fail the response
        pass


async def read_body(request: web.Request, limit: int) -> bytes:
    """The raw body, refusing anything over `limit` before buffering it whole."""
    if request.content_length is not None and request.content_length > limit:
        raise PayloadTooLarge(f"The body must be at most {limit} bytes.")
    chunks, size = [], 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The body must be at most {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def require_json_content_type(request: web.Request) -> None:
    ctype = request.headers.get("Content-Type", "")
    mime = ctype.split(";", 1)[0].strip().lower()
    if mime != "application/json" and not (mime.startswith("application/")
                                           and mime.endswith("+json")):
        raise UnsupportedMediaType("Send the body as JSON with Content-Type: application/json.")


def _reject_constant(_name: str) -> Any:
    raise MalformedBody("The body is not valid JSON (NaN and Infinity are not JSON).")


def parse_json(raw: bytes) -> Any:
    """Decode UTF-8 JSON strictly; every failure is a MalformedBody naming no value."""
    if not raw.strip():
        raise MalformedBody("The body is empty; send a JSON document.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedBody("The body is not valid UTF-8.") from None
    _check_depth(text)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except MalformedBody:
        raise
    except (ValueError, RecursionError):
        raise MalformedBody("The body is not valid JSON.") from None


def _check_depth(text: str) -> None:
    """Refuse deeply nested documents before the parser recurses into them."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise MalformedBody(f"The JSON is nested deeper than {MAX_JSON_DEPTH} levels.")
        elif ch in "]}":
            depth -= 1


def bearer_service(request: web.Request, tokens: Mapping[str, str]) -> str:
    """The service whose token the request carries; Unauthorized otherwise."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Send Authorization: Bearer <token>.")
    return token_service(token.strip(), tokens)


def token_service(token: str, tokens: Mapping[str, str]) -> str:
    """Constant-time lookup: every configured token is compared, whichever matches."""
    found = None
    supplied = token.encode()
    for candidate, service in tokens.items():
        if hmac.compare_digest(candidate.encode(), supplied):
            found = service
    if found is None:
        raise Unauthorized("Send Authorization: Bearer <token>.")
    return found


def sentry_signature_ok(raw: bytes, signature: str, secret: str) -> bool:
    """HMAC-SHA256 of the raw body bytes with the client secret, hex, constant-time."""
    expected = hmac.new(secret.encode("utf-8"), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.strip().lower().encode())
