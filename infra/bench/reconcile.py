#!/usr/bin/env python3
"""Reconciles one fault run (infra/bench/faults.sh): what the clients were told against what the
service stored and what Kafka holds; for construction-permit also each case's project. Reads the
run folder's CSV exports; prints one line per check and then "N passed, N failed"; exits 1 when a
check failed.

    reconcile.py RUN-FOLDER [SERVICE]    (SERVICE: enterprise-opening, the default, or construction-permit)"""
import csv
import json
import sys
from collections import Counter
from pathlib import Path

run = Path(sys.argv[1])
service = sys.argv[2] if len(sys.argv) > 2 else "enterprise-opening"


def rows(name):
    with open(run / f"{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


receipts = list(csv.DictReader(open(run / "receipts.csv", encoding="utf-8")))
cases = {r[0] for r in rows("cases")}
keys = {r[0]: r[1] for r in rows("keys")}
instances = {r[0]: int(r[1]) for r in rows("instances")}
audit = {r[0]: int(r[1]) for r in rows("audit")}
outbox = [(i, t, s, done == "t") for i, t, s, done in rows("outbox")]

kafka = []
for line in open(run / "kafka.jsonl", encoding="utf-8"):
    line = line.strip()
    if line.startswith("{"):
        kafka.append(json.loads(line))
kafka_ids = Counter(e["id"] for e in kafka if e.get("subject") in cases)
kafka_accepted = {e["subject"] for e in kafka if e.get("type") == "case.accepted"}

acknowledged = [r for r in receipts if r["status"] == "201" and r["caseNumber"]]
unanswered = [r for r in receipts if not (r["status"] == "201" and r["caseNumber"])]
receipt_numbers = Counter(r["caseNumber"] for r in acknowledged)
retried = sum(1 for r in receipts if int(r["attempts"]) > 1)
outbox_ids = {i for i, _, s, _ in outbox if s in cases}
accepted_in_outbox = Counter(s for _, t, s, _ in outbox if t == "case.accepted")

results = []


def check(name, failures, detail=""):
    results.append(not failures)
    shown = ", ".join(sorted(failures)[:5]) + (" …" if len(failures) > 5 else "")
    print(f"{'PASS' if not failures else 'FAIL'}  {name}" + (f" — {detail}" if detail else "")
          + (f" — {len(failures)}: {shown}" if failures else ""))


print(f"applications: {len(receipts)}; acknowledged (201): {len(acknowledged)}; retried at least once: {retried}; "
      f"cases stored: {len(cases)}; outbox events: {len(outbox)}; events of these cases on Kafka: "
      f"{sum(kafka_ids.values())} ({len(kafka_ids)} distinct)")
check("the load ran", [] if receipts else ["no application was sent"])
check("every application was acknowledged in the end (retries with the same Idempotency-Key)",
      [r["key"] for r in unanswered], f"{len(unanswered)} without a receipt")
check("every 2xx receipt names a stored case", [n for n in receipt_numbers if n not in cases])
check("no two receipts name the same case", [n for n, c in receipt_numbers.items() if c > 1])
check("every receipt's Idempotency-Key is kept with its case number",
      [r["key"] for r in acknowledged if keys.get(r["key"]) != r["caseNumber"]])
check("no case without a receipt", [n for n in cases if n not in receipt_numbers])
check("every case has exactly one process instance", [n for n in cases if instances.get(n) != 1])
check("every case has exactly one case.accept audit line", [n for n in cases if audit.get(n) != 1])
check("every case has exactly one case.accepted in the outbox", [n for n in cases if accepted_in_outbox.get(n) != 1])
check("nothing stuck in the outbox after recovery", [i for i, _, s, done in outbox if s in cases and not done])
check("every outbox event is on Kafka", [i for i in outbox_ids if i not in kafka_ids])
check("every case's case.accepted is on Kafka", [n for n in cases if n not in kafka_accepted])
check("Kafka holds no event of these cases that the outbox does not know", [i for i in kafka_ids if i not in outbox_ids])
if service == "construction-permit":
    # each application registered a new project (its code unique within the run) and its case joined it
    attached = Counter(n for n, _ in rows("project_cases"))
    project_of = {n: p for n, p in rows("project_cases")}
    registered = {p: int(c) for p, c in rows("projects")}
    check("every acknowledged case is attached to exactly one project",
          [r["caseNumber"] for r in acknowledged if attached.get(r["caseNumber"]) != 1])
    check("every acknowledged case's project is the one its application named",
          [r["caseNumber"] for r in acknowledged if project_of.get(r["caseNumber"]) != r["projectCode"]])
    check("every project registered during the run has exactly one case",
          [p for p, c in registered.items() if c != 1], f"{len(registered)} projects registered")
duplicates = {i: c for i, c in kafka_ids.items() if c > 1}
print(f"INFO  duplicates on Kafka by event id: {len(duplicates)} events delivered more than once "
      f"({sum(c - 1 for c in duplicates.values())} extra copies); consumers skip them by id (kernel Inbox)")
waits = sorted((int(r["doneAtMs"]) - int(r["firstSentAtMs"])) / 1000 for r in acknowledged)
if waits:
    at = lambda q: waits[min(len(waits) - 1, int(round(q * (len(waits) - 1))))]
    print(f"INFO  first try to receipt: p50 {at(0.5):.2f} s, p99 {at(0.99):.1f} s, max {waits[-1]:.1f} s; "
          f"answered at the first try: {len(receipts) - retried} of {len(receipts)}")
back = run / "PostgreSQL-back-ms"
if back.exists() and receipts:
    # recovery from PostgreSQL's return (the last fault): the applications first sent before it
    # and not yet answered then are the backlog; when was its last one answered?
    back_ms = int(back.read_text().strip())
    backlog = [r for r in receipts if int(r["firstSentAtMs"]) < back_ms and int(r["doneAtMs"]) >= back_ms]
    last_ms = max(int(r["doneAtMs"]) for r in receipts)
    since_back = (last_ms - back_ms) / 1000
    last_of_all = f"{since_back:.1f} s after" if since_back >= 0 else f"{-since_back:.1f} s before (the load had ended)"
    print(f"INFO  recovery: {len(backlog)} applications unanswered when PostgreSQL accepted connections again"
          + (f"; the last of them answered {(max(int(r['doneAtMs']) for r in backlog) - back_ms) / 1000:.1f} s after"
             if backlog else "")
          + f"; the last receipt of all {last_of_all}")
passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
