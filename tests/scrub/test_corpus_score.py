"""The scorer on the labelled corpus copy: recall >= 99.5% overall, >= 99% for every kind,
keep rate >= 95%. Runs the real CLI in a subprocess, exactly as the scorer is meant to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def _score(corpus: str) -> dict[str, Any]:
    """The scorer's JSON summary for `relay scrub --jsonl` on a corpus in tests/data."""
    proc = subprocess.run(
        [sys.executable, str(DATA / "phi_score.py"), str(DATA / corpus), "--json",
         "--", sys.executable, "-m", "relay.scrub.cli", "--jsonl"],
        capture_output=True, text=True, timeout=60, check=True)
    summary: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return summary


def test_corpus_thresholds() -> None:
    summary = _score("phi_dev.jsonl")
    assert summary["recall"] >= 0.995, summary
    below = {k: r for k, r in summary["per_kind_recall"].items() if r < 0.99}
    assert not below, below
    assert summary["keep_preserved"] >= 0.95, summary
    assert summary["clean_records_modified"] == 0, summary


#: Corpora written blind to the detectors, in other styles: (file, recall, keep, every
#: kind, PHI-free records changed). They do not meet the dev thresholds (docs/scrubbing.md
#: says where they fall short); the floors are what they reached, so a change that loses
#: ground on text unlike the dev set fails here. Each was tuned on after its first score
#: (in the commit that added it or the round after), so none is blind any more.
HELD_OUT = [
    # X12, NCPDP XML, T-SQL, staff notes … (1,500 records)
    ("phi_heldout.jsonl", 0.995, 0.99, 0.9, 0),
    # ICS, passport checks, gRPC, Erlang, Swift, Sidekiq, fax gateways … (1,000)
    ("phi_blind.jsonl", 0.993, 0.99, 0.9, 0),
    # toString() dumps, Go structs, HL7 NK1/IN1, FHIR, object keys with names … (1,000)
    ("phi_blind3.jsonl", 0.99, 0.99, 0.95, 0),
    # Sentry breadcrumbs, Kafka and Redis payloads, voicemail, Spanish notes … (800); first
    # scored blind at 0.9004
    ("phi_blind4.jsonl", 0.988, 0.99, 0.9, 0),
    # vCards, PHP var_dump, Oracle binds, protobuf text, Spanish SMS, lower-case chat … (800);
    # first scored blind at 0.9070. Three PHI-free records change: their `session=` tokens
    # are redacted as secrets on purpose (a session id is a credential, whatever the corpus
    # says)
    ("phi_blind5.jsonl", 0.99, 0.99, 0.9, 3),
    # Alertmanager labels, clearinghouse reports, NCPDP, telehealth and e-signature events,
    # OCR dumps, French and Portuguese templates … (600); first scored blind at 0.8546 (and
    # 67 of 120 PHI-free records changed: placeholders and masks were redacted)
    ("phi_blind6.jsonl", 0.96, 0.99, 0.6, 3),
    # exceptions, access logs, SQL, Sidekiq/Celery jobs, HL7, FHIR, SMS, staff chat in the dev
    # corpus's families but new templates (700); first scored blind at 0.9440, keep 0.9862
    # (8 of 140 PHI-free records changed)
    ("phi_blind7.jsonl", 0.975, 0.99, 0.75, 0),
    # Sentry event payloads and dumps of them: frame vars, breadcrumbs, request data, JSON
    # escaped inside JSON, ORM errors, task arguments (600); first scored blind at 0.8827,
    # keep 0.9842 (15 of 120 PHI-free records changed)
    ("phi_blind8.jsonl", 0.97, 0.99, 0.85, 0),
    # a third exceptions, a third logs, a third human-written text (600); first scored blind
    # at 0.9145, keep 0.985 (4 of 120 PHI-free records changed), and read a round later
    ("phi_blind9.jsonl", 0.975, 0.98, 0.75, 4),
    # logfmt, GraphQL/REST errors, Python locals, bounced e-mail, CSV and fixed-width rows,
    # clinician chat switching languages, integrations, k8s/YAML (600); first scored blind at
    # 0.9181, keep 0.9916 (14 of 120 PHI-free records changed)
    ("phi_blind10.jsonl", 0.958, 0.995, 0.8, 8),
    # JVM/.NET/Ruby/PHP/Elixir/Rust errors, syslog/CEF, Windows events, DICOM, CDA, X12,
    # voicemail, eleven languages, S3 keys, command lines, headers (600); first scored blind
    # at 0.9105, keep 0.9872 (3 of 120 PHI-free records changed)
    ("phi_blind11.jsonl", 0.97, 0.99, 0.8, 0),
    # monitoring, queues, calendar/telehealth/payment/form/support integrations, mobile and
    # web clients, people's own words in ten languages (600); first scored blind at 0.8893,
    # keep 0.9803 (0 of 120 PHI-free records changed), and read the same round
    ("phi_blind12.jsonl", 0.965, 0.975, 0.85, 0),
    # jobs, pandas and debug pages, search, streams, infra, fax, e-prescribing, lab, EDI, OCR,
    # portal messages, eleven languages, chat ops, calendars, mobile, API, config (600); first
    # scored blind at 0.8675, keep 0.9686 (22 of 120 PHI-free records changed), read the same
    # round
    ("phi_blind13.jsonl", 0.93, 0.975, 0.8, 0),
    # careless exceptions in ten languages, validation, ETL, scheduling, billing, faxes,
    # pharmacy and lab, notes, patient messages, voicemail, contacts in thirteen languages,
    # audit, telehealth, queues, storage paths, bounces, labels, eligibility (600); first
    # scored blind at 0.9223, keep 0.9902 (8 of 120 PHI-free records changed); written with
    # blind 13 and left unread: 0.9267 after the round's work on blind 13; read a round later
    ("phi_blind14.jsonl", 0.965, 0.985, 0.75, 8),
    # GraphQL/gRPC, job queues, framework error pages, SQL errors, Problem+JSON, access logs,
    # HL7/FHIR, X12, CSV imports, webhooks, eligibility and pharmacy, forms, billing, SMS and
    # voicemail, eleven languages, config and infra, consoles, locals (600); first scored
    # blind at 0.9490 (keep 0.9911, 9 of 120 PHI-free records changed), read the same round
    ("phi_blind15.jsonl", 0.98, 0.985, 0.9, 9),
    # Go/Rust/.NET/Java/Node/Python errors, search, caches, object stores, dead letters, jobs,
    # warehouses, OCR and e-fax, consent webhooks, letters, crisis lines, groups, portal chat,
    # pages, SMS in eleven languages, pasted threads, ICS/vCard/labels, audit logs, flags
    # (600); first scored blind at 0.9076 (keep 0.9821, 8 of 125 PHI-free records changed),
    # 0.9250 after the round's work on blinds 14 and 15, and left unread
    ("phi_blind16.jsonl", 0.92, 0.975, 0.7, 8),
]


@pytest.mark.parametrize(("corpus", "recall", "keep", "each_kind", "changed"), HELD_OUT,
                         ids=[c[0] for c in HELD_OUT])
def test_held_out_corpus_does_not_regress(corpus: str, recall: float, keep: float,
                                          each_kind: float, changed: int) -> None:
    summary = _score(corpus)
    assert summary["recall"] >= recall, summary
    assert summary["keep_preserved"] >= keep, summary
    below = {k: r for k, r in summary["per_kind_recall"].items() if r < each_kind}
    assert not below, below
    assert summary["clean_records_modified"] <= changed, summary
