"""Ingest: one pure parser per source, each turning decoded JSON into `relay.model.Alert`s.

Parsers never do I/O or read a clock (`ParseContext.received_at` is passed in) and raise
nothing but `relay.errors.SchemaInvalid`, whatever the input. Their alerts are not yet
scrubbed: the pipeline calls `Alert.scrubbed` next, before anything is stored or logged.
"""

from relay.ingest.common import DEFAULT_TAG_ALLOWLIST, ParseContext, SeverityMap, anonymise_user
from relay.ingest.direct import DirectAlertIn, parse_direct
from relay.ingest.sentry import looks_legacy, parse_legacy, parse_webhook

__all__ = [
    "DEFAULT_TAG_ALLOWLIST",
    "DirectAlertIn",
    "ParseContext",
    "SeverityMap",
    "anonymise_user",
    "looks_legacy",
    "parse_direct",
    "parse_legacy",
    "parse_webhook",
]
