"""Slack's rules for a message body, as a pure checker the fake (and any test) can run.

Hand-coded from FACTS.md §2–§5 because no offline Block Kit schema exists; slack_sdk's
`Block.parse(...).to_dict()` runs first as a partial check, then the limits slack_sdk misses
(50 blocks, plain_text headers, empty or over-long texts, field length, unknown block types,
the 12,000-character cumulative cap, attachment rules).

Mention/link injection (§5) is checked on every string Slack renders as text. Our formatter
escapes all alert text, and the only `<…>` it ever emits is `<https://…|label>` with a label
of its own (by default "View in Sentry"); anything else that Slack would parse as a control
sequence is a violation:

- `<!…>`, `<@…>`, `<#…>`, `<mailto:…>`, `<http://…>`, a bare `<https://…>` or a link
  whose label is not one of ours (attacker text like `<https://evil|click>`);
- a stray `<` or `>` outside such a link, or an `&` that does not start `&amp;`, `&lt;`
  or `&gt;` (unescaped text);
- a bare `@here`/`@channel`/`@everyone` where Slack would auto-parse it: a mrkdwn text
  object without `verbatim: true`, or top-level/attachment text with `link_names` on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

MAX_BLOCKS = 50
MAX_ATTACHMENTS = 100
MAX_CUMULATIVE = 12_000
MAX_TOP_TEXT = 40_000
DEFAULT_LINK_LABELS = frozenset({"View in Sentry"})
KNOWN_BLOCKS = frozenset({
    "section", "divider", "image", "actions", "context", "header", "input", "file", "video",
    "rich_text", "markdown",
})
_COLOR = re.compile(r"^(good|warning|danger|#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3})$")
_SEQUENCE = re.compile(r"<([^<>]*)>")
_BAD_AMP = re.compile(r"&(?!(?:amp|lt|gt);)")
_BROADCAST = re.compile(r"(?<![\w@])@(?:here|channel|everyone)\b")
_ATTACHMENT_TEXTS = ("text", "pretext", "fallback", "title", "footer", "author_name")


@dataclass(frozen=True)
class Violation:
    rule: str  # control_sequence | unescaped_angle | unescaped_ampersand | bare_broadcast
    pointer: str  # JSON pointer of the offending string
    snippet: str  # the offending sequence (≤ 80 chars)


@dataclass
class Check:
    """The verdict on one message: `code` is None when Slack would accept it."""

    code: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)


def check_message(
    body: Any, *, api: bool = False, link_labels: frozenset[str] = DEFAULT_LINK_LABELS
) -> Check:
    """Check a message body as Slack would (webhook when `api` is False, else chat.postMessage).

    Codes follow FACTS: webhook `invalid_payload`, `missing_text_or_fallback_or_attachments`,
    `invalid_blocks`, `too_many_attachments`; chat.postMessage `json_not_object`, `no_text`,
    `invalid_blocks(_format)`, `msg_blocks_too_long`, `invalid_attachments`.
    """
    result = Check()
    if not isinstance(body, dict):
        result.code = "json_not_object" if api else "invalid_payload"
        return result
    text, blocks, attachments = body.get("text"), body.get("blocks"), body.get("attachments")
    if not (text or blocks or attachments):
        result.code = "no_text" if api else "missing_text_or_fallback_or_attachments"
        return result
    if text is not None and not isinstance(text, str):
        result.code = "invalid_arguments" if api else "invalid_payload"
        result.errors.append("text must be a string [json-pointer:/text]")
        return result
    if blocks is not None and not isinstance(blocks, list):
        result.code = "invalid_blocks_format" if api else "invalid_blocks"
        return result
    if attachments is not None and not isinstance(attachments, list):
        result.code = "invalid_attachments" if api else "invalid_payload"
        return result
    if attachments and len(attachments) > MAX_ATTACHMENTS:
        result.code = "too_many_attachments"
        return result

    cumulative = _Counter()
    errors = result.errors
    if blocks:
        errors += _blocks(blocks, "/blocks", cumulative)
    for i, attachment in enumerate(attachments or []):
        errors += _attachment(attachment, f"/attachments/{i}", cumulative)
    if cumulative.n > MAX_CUMULATIVE:
        errors.append(f"total block text {cumulative.n} exceeds {MAX_CUMULATIVE} characters")
        if not result.code:
            result.code = "msg_blocks_too_long" if api else "invalid_blocks"
    if errors and not result.code:
        result.code = "invalid_blocks"
    if isinstance(text, str) and len(text) > MAX_TOP_TEXT:
        result.warnings.append("message_truncated")

    result.violations = list(mention_violations(body, link_labels=link_labels))
    if result.violations and not result.code:
        result.code = "invalid_payload"
    return result


# -- mention and link injection -------------------------------------------------------------


def mention_violations(
    body: dict[str, Any], *, link_labels: frozenset[str] = DEFAULT_LINK_LABELS
) -> Iterator[Violation]:
    """Every control sequence or unescaped character in the text Slack would render."""
    link_names = body.get("link_names") in (1, True, "1", "true") or body.get("parse") == "full"
    for pointer, text, auto_parsed in _rendered_texts(body, link_names):
        yield from scan_text(text, pointer, link_labels=link_labels, auto_parsed=auto_parsed)


def scan_text(
    text: str, pointer: str = "", *, link_labels: frozenset[str] = DEFAULT_LINK_LABELS,
    auto_parsed: bool = False,
) -> Iterator[Violation]:
    outside: list[str] = []
    position = 0
    for match in _SEQUENCE.finditer(text):
        outside.append(text[position:match.start()])
        position = match.end()
        if not _our_link(match.group(1), link_labels):
            yield Violation("control_sequence", pointer, match.group(0)[:80])
    outside.append(text[position:])
    rest = "".join(outside)
    for ch in "<>":
        at = rest.find(ch)
        if at >= 0:
            yield Violation("unescaped_angle", pointer, rest[max(0, at - 20):at + 20])
    bad = _BAD_AMP.search(text)
    if bad:
        yield Violation("unescaped_ampersand", pointer,
                        text[max(0, bad.start() - 20):bad.start() + 20])
    if auto_parsed:
        shout = _BROADCAST.search(text)
        if shout:
            yield Violation("bare_broadcast", pointer, shout.group(0))


def _our_link(content: str, labels: frozenset[str]) -> bool:
    """`https://host/…|<one of our labels>`, with nothing that could end or forge it."""
    url, sep, label = content.partition("|")
    if not sep or label not in labels or not url.startswith("https://"):
        return False
    if any(ch.isspace() for ch in url) or "|" in url:
        return False
    try:
        parts = urlsplit(url.replace("&amp;", "&"))
        return bool(parts.hostname) and "@" not in parts.netloc
    except ValueError:
        return False


def _rendered_texts(body: dict[str, Any], link_names: bool) -> Iterator[tuple[str, str, bool]]:
    """(pointer, text, auto_parsed) for each string Slack renders as message text."""
    if isinstance(body.get("text"), str):
        yield "/text", body["text"], link_names
    if isinstance(body.get("blocks"), list):
        yield from _block_texts(body["blocks"], "/blocks")
    for i, attachment in enumerate(body.get("attachments") or []):
        if not isinstance(attachment, dict):
            continue
        base = f"/attachments/{i}"
        for key in _ATTACHMENT_TEXTS:
            if isinstance(attachment.get(key), str):
                yield f"{base}/{key}", attachment[key], link_names
        for j, fld in enumerate(attachment.get("fields") or []):
            if isinstance(fld, dict):
                for key in ("title", "value"):
                    if isinstance(fld.get(key), str):
                        yield f"{base}/fields/{j}/{key}", fld[key], link_names
        if isinstance(attachment.get("blocks"), list):
            yield from _block_texts(attachment["blocks"], f"{base}/blocks")


def _block_texts(value: Any, pointer: str) -> Iterator[tuple[str, str, bool]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _block_texts(item, f"{pointer}/{i}")
    elif isinstance(value, dict):
        kind = value.get("type")
        if kind in ("plain_text", "mrkdwn", "markdown") and isinstance(value.get("text"), str):
            auto = kind == "mrkdwn" and value.get("verbatim") is not True
            yield f"{pointer}/text", value["text"], auto
        for key, item in value.items():
            if isinstance(item, dict | list):
                yield from _block_texts(item, f"{pointer}/{key}")


# -- Block Kit ------------------------------------------------------------------------------


class _Counter:
    def __init__(self) -> None:
        self.n = 0


def _blocks(blocks: list[Any], pointer: str, cumulative: _Counter) -> list[str]:
    errors: list[str] = []
    if len(blocks) > MAX_BLOCKS:
        errors.append(f"no more than {MAX_BLOCKS} items allowed [json-pointer:{pointer}]")
    for i, block in enumerate(blocks):
        errors += _block(block, f"{pointer}/{i}", cumulative)
    return errors


def _block(block: Any, ptr: str, cumulative: _Counter) -> list[str]:
    if not isinstance(block, dict):
        return [f"must be an object [json-pointer:{ptr}]"]
    kind = block.get("type")
    if kind not in KNOWN_BLOCKS:
        return [f"unknown block type [json-pointer:{ptr}/type]"]
    errors = _sdk_check(block, ptr)
    block_id = block.get("block_id")
    if block_id is not None and (not isinstance(block_id, str) or len(block_id) > 255):
        errors.append(f"must be a string of at most 255 characters [json-pointer:{ptr}/block_id]")
    if kind == "header":
        errors += _text_object(block.get("text"), f"{ptr}/text", 150, cumulative,
                               plain_only=True)
    elif kind == "section":
        errors += _section(block, ptr, cumulative)
    elif kind == "context":
        errors += _elements(block.get("elements"), f"{ptr}/elements", 10, cumulative,
                            _context_element)
    elif kind == "actions":
        errors += _elements(block.get("elements"), f"{ptr}/elements", 25, cumulative,
                            _action_element)
    elif kind == "image":
        errors += _image(block, ptr, cumulative)
        if block.get("title") is not None:
            errors += _text_object(block["title"], f"{ptr}/title", 2000, cumulative,
                                   plain_only=True)
    elif kind == "markdown":
        text = block.get("text")
        if not isinstance(text, str) or not 1 <= len(text) <= 12_000:
            errors.append(f"must be 1-12000 characters [json-pointer:{ptr}/text]")
        else:
            cumulative.n += len(text)
    return errors


def _sdk_check(block: dict[str, Any], ptr: str) -> list[str]:
    """slack_sdk's own validation: the first pass (it misses much, see FACTS §6)."""
    try:
        parsed = Block.parse(block)
        if parsed is None:
            return [f"unknown block type [json-pointer:{ptr}/type]"]
        parsed.to_dict()
    except SlackObjectFormationError as exc:
        return [f"{exc} [json-pointer:{ptr}]"]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return [f"malformed block ({type(exc).__name__}) [json-pointer:{ptr}]"]
    return []


def _section(block: dict[str, Any], ptr: str, cumulative: _Counter) -> list[str]:
    errors: list[str] = []
    text, fields = block.get("text"), block.get("fields")
    if text is None and fields is None:
        errors.append(f"text or fields is required [json-pointer:{ptr}]")
    if text is not None:
        errors += _text_object(text, f"{ptr}/text", 3000, cumulative)
    if fields is not None:
        if not isinstance(fields, list) or not 1 <= len(fields) <= 10:
            errors.append(f"must have 1-10 items [json-pointer:{ptr}/fields]")
        else:
            for i, fld in enumerate(fields):
                errors += _text_object(fld, f"{ptr}/fields/{i}", 2000, cumulative)
    accessory = block.get("accessory")
    if isinstance(accessory, dict) and accessory.get("type") == "button":
        errors += _action_element(accessory, f"{ptr}/accessory", cumulative)
    return errors


def _elements(elements: Any, ptr: str, most: int, cumulative: _Counter, check: Any
              ) -> list[str]:
    if not isinstance(elements, list) or not 1 <= len(elements) <= most:
        return [f"must have 1-{most} items [json-pointer:{ptr}]"]
    errors: list[str] = []
    for i, element in enumerate(elements):
        errors += check(element, f"{ptr}/{i}", cumulative)
    return errors


def _context_element(element: Any, ptr: str, cumulative: _Counter) -> list[str]:
    if isinstance(element, dict) and element.get("type") == "image":
        return _image(element, ptr, cumulative)
    return _text_object(element, ptr, 3000, cumulative)


def _action_element(element: Any, ptr: str, cumulative: _Counter) -> list[str]:
    if not isinstance(element, dict) or not isinstance(element.get("type"), str):
        return [f"must be an element object [json-pointer:{ptr}]"]
    if element["type"] != "button":
        return []  # selects, pickers…: slack_sdk's pass covers what Relay never sends
    errors = _text_object(element.get("text"), f"{ptr}/text", 75, cumulative, plain_only=True)
    for key, most in (("action_id", 255), ("url", 3000), ("value", 2000)):
        value = element.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > most):
            errors.append(f"must be at most {most} characters [json-pointer:{ptr}/{key}]")
    if element.get("style") not in (None, "primary", "danger"):
        errors.append(f"must be primary or danger [json-pointer:{ptr}/style]")
    return errors


def _image(element: dict[str, Any], ptr: str, cumulative: _Counter) -> list[str]:
    errors: list[str] = []
    url = element.get("image_url")
    if element.get("slack_file") is None and (not isinstance(url, str) or not url
                                              or len(url) > 3000):
        errors.append(f"image_url must be 1-3000 characters [json-pointer:{ptr}/image_url]")
    alt = element.get("alt_text")
    if not isinstance(alt, str) or not 1 <= len(alt) <= 2000:
        errors.append(f"alt_text must be 1-2000 characters [json-pointer:{ptr}/alt_text]")
    return errors


def _text_object(obj: Any, ptr: str, most: int, cumulative: _Counter, *,
                 plain_only: bool = False) -> list[str]:
    if not isinstance(obj, dict):
        return [f"must be a text object [json-pointer:{ptr}]"]
    errors: list[str] = []
    kind = obj.get("type")
    if kind not in ("plain_text", "mrkdwn"):
        errors.append(f"must be plain_text or mrkdwn [json-pointer:{ptr}/type]")
    elif plain_only and kind != "plain_text":
        errors.append(f"must be plain_text [json-pointer:{ptr}/type]")
    text = obj.get("text")
    if not isinstance(text, str):
        errors.append(f"must be a string [json-pointer:{ptr}/text]")
    elif not text:
        errors.append(f"must be more than 0 characters [json-pointer:{ptr}/text]")
    elif len(text) > most:
        errors.append(f"must be less than {most + 1} characters [json-pointer:{ptr}/text]")
    if isinstance(text, str):
        cumulative.n += len(text)
    if "emoji" in obj and (kind != "plain_text" or not isinstance(obj["emoji"], bool)):
        errors.append(f"emoji is only for plain_text [json-pointer:{ptr}/emoji]")
    if "verbatim" in obj and (kind != "mrkdwn" or not isinstance(obj["verbatim"], bool)):
        errors.append(f"verbatim is only for mrkdwn [json-pointer:{ptr}/verbatim]")
    return errors


def _attachment(attachment: Any, ptr: str, cumulative: _Counter) -> list[str]:
    if not isinstance(attachment, dict):
        return [f"must be an object [json-pointer:{ptr}]"]
    errors: list[str] = []
    color = attachment.get("color")
    if color is not None and (not isinstance(color, str) or not _COLOR.match(color)):
        errors.append(f"color must be good, warning, danger or #hex [json-pointer:{ptr}/color]")
    blocks = attachment.get("blocks")
    if blocks is not None:
        if not isinstance(blocks, list):
            errors.append(f"must be an array [json-pointer:{ptr}/blocks]")
        else:
            errors += _blocks(blocks, f"{ptr}/blocks", cumulative)
    elif not (attachment.get("fallback") or attachment.get("text")):
        errors.append(f"an attachment without blocks needs fallback or text [json-pointer:{ptr}]")
    for key in _ATTACHMENT_TEXTS:
        if key in attachment and not isinstance(attachment[key], str):
            errors.append(f"must be a string [json-pointer:{ptr}/{key}]")
    footer = attachment.get("footer")
    if isinstance(footer, str) and len(footer) > 300:
        errors.append(f"must be at most 300 characters [json-pointer:{ptr}/footer]")
    ts = attachment.get("ts")
    if ts is not None and (isinstance(ts, bool) or not (
            isinstance(ts, int) or (isinstance(ts, str) and ts.isdigit()))):
        errors.append(f"must be an integer unix time [json-pointer:{ptr}/ts]")
    return errors
