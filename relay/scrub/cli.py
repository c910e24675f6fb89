"""`relay scrub`: stdin text -> scrubbed text; `--jsonl` streams `{"text": …}` lines (the
scorer's protocol: one line out per line in, flushed); `--explain` lists findings.

`--explain` prints kind, span and rule, never the value: the operator has the input and can
look a span up, while a terminal scrollback or a pasted bug report stays free of PHI.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from relay.scrub import default_scrubber


def main(argv: list[str] | None = None, stdin: TextIO = sys.stdin,
         stdout: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="relay scrub", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--jsonl", action="store_true",
                      help='read {"text": …} lines, write scrubbed {"text": …} lines')
    mode.add_argument("--explain", action="store_true",
                      help="list findings (kind, span, rule) instead of scrubbing")
    args = parser.parse_args(argv)
    scrubber = default_scrubber()
    if args.jsonl:
        for n, line in enumerate(stdin, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                print(f"relay scrub: line {n}: expected {{\"text\": string}} "
                      f"({exc.__class__.__name__})", file=sys.stderr)
                return 2
            clean, _ = scrubber.scrub(text)
            stdout.write(json.dumps({"text": clean}, ensure_ascii=False) + "\n")
            stdout.flush()
        return 0
    text = stdin.read()
    if args.explain:
        for f in scrubber.find(text):
            stdout.write(f"{f.kind}\t{f.start}-{f.end}\t{f.rule}\n")
        return 0
    clean, _ = scrubber.scrub(text)
    stdout.write(clean)
    stdout.flush()
    return 0


def run(argv: list[str]) -> int:
    """The command's entry (`relay scrub`, `python -m relay.scrub.cli`). stdout carries the
    scrubbed lines, so every log event (a prefilter cache it could not write, say) goes to
    stderr: one stray line on stdout would shift every answer the scorer reads."""
    import structlog

    structlog.configure(logger_factory=structlog.PrintLoggerFactory(sys.stderr))
    return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
