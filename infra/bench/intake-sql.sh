#!/usr/bin/env bash
# PostgreSQL's limit for OneWindow's intake: the statements of one real EO-1 intake, replayed by
# pgbench -M prepared, so the ceiling is the intake's own SQL (its inserts into Camunda's runtime
# and history tables, the case file, the clocks, the audit trail, the outbox, the case-number bump)
# and not a one-row insert.
#
#   1. PostgreSQL logs every statement of the service's database (log_min_duration_statement = 0,
#      with its bind parameters) while one application goes through the gateway; then logging is
#      reset
#   2. the intake's two transactions are cut out of the log (each backend's BEGIN to COMMIT): the
#      case number's bump and the one that inserted the case
#   3. every parameter that is a UUID (Camunda's ids, the case's, the event's) or an activity
#      instance's "activity:<uuid>" gets a fresh gen_random_uuid() per replay, and the case
#      number a fresh one, so replays never collide on a key; the rest (JSON that merely mentions those ids, the same jurisdiction's
#      case-number counter row) is replayed as logged
#   4. pgbench -M prepared with PGBENCH_CLIENTS clients for PGBENCH_SECONDS s, in a scratch copy of
#      the service's database (CREATE DATABASE ... TEMPLATE, for which the service is stopped for a
#      moment and started again: a copy needs its template unconnected), dropped afterwards; in the
#      copy no job executor runs the replayed jobs and no relay publishes the replayed events
# Prints the statement count and "intakes/s <tps>"; used by capacity.sh.
#
#   ./infra/bench/intake-sql.sh
#   PGBENCH_CLIENTS=4 PGBENCH_SECONDS=30 ./infra/bench/intake-sql.sh
set -uo pipefail
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-8}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-20}"
[[ "$SERVICE" == enterprise-opening ]] || { echo "intake-sql.sh replays the EO-1 intake (SERVICE=enterprise-opening)" >&2; exit 2; }
LOG="$STACK_DIR/logs/postgres.log"
[[ -f "$LOG" ]] || { echo "no PostgreSQL log at $LOG: is ./infra/stack.sh up?" >&2; exit 1; }

reset_logging() {
  sql postgres "ALTER SYSTEM RESET log_min_duration_statement" >/dev/null
  sql postgres "ALTER SYSTEM RESET log_parameter_max_length" >/dev/null
  sql postgres "ALTER SYSTEM RESET log_line_prefix" >/dev/null
  sql postgres "SELECT pg_reload_conf()" >/dev/null
}
trap reset_logging EXIT

token="$(clerk_token fc-clerk)" || { echo "no token from $KEYCLOAK_URL" >&2; exit 1; }
receipt="$WORK/intake-sql-receipt.json"
# an intake first, so that the one logged is a warm one (prepared statements, caches)
[[ "$(apply_eo1 "$token" "$receipt")" == 201 ]] || { echo "the warm-up application was not accepted: $(cat "$receipt")" >&2; exit 1; }

from="$(wc -c <"$LOG")"
sql postgres "ALTER SYSTEM SET log_line_prefix = '%m [%p] db=%d '" >/dev/null
sql postgres "ALTER SYSTEM SET log_min_duration_statement = 0" >/dev/null
sql postgres "ALTER SYSTEM SET log_parameter_max_length = -1" >/dev/null
sql postgres "SELECT pg_reload_conf()" >/dev/null
sleep 1
status="$(apply_eo1 "$token" "$receipt")"
sleep 1
reset_logging
[[ "$status" == 201 ]] || { echo "the logged application was not accepted ($status)" >&2; exit 1; }
case_number="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["caseNumber"])' "$receipt")"
tail -c +"$((from + 1))" "$LOG" >"$WORK/intake-sql-statements.log"

script="$WORK/intake.sql"
python3 - "$WORK/intake-sql-statements.log" "$DB" "$case_number" "$script" <<'PY'
import re, sys
log, db, case_number, out = sys.argv[1:]
# a log entry starts with the prefix; continuation lines (multi-line SQL, DETAIL) do not
head = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[(\d+)\] db=(\S*) (\w+):\s+(.*)$")
entries = []
for line in open(log, encoding="utf-8", errors="replace"):
    m = head.match(line.rstrip("\n"))
    if m:
        entries.append([int(m.group(1)), m.group(2), m.group(3), m.group(4)])
    elif entries:
        entries[-1][3] += "\n" + line.rstrip("\n")
# per backend of the service's database: executed statements, each with its parameters
# JDBC's BEGIN is a simple query ("statement: BEGIN"), the rest extended ("execute S_1: ...")
stmt = re.compile(r"^duration: [0-9.]+ ms\s+(?:execute [^:]*|statement):\s*(.*)$", re.S)
by_pid, last = {}, {}
for pid, d, level, text in entries:
    if d != db:
        continue
    m = stmt.match(text)
    if level == "LOG":
        # parse and bind are logged too, bind with the same parameters: only execute counts
        last[pid] = None
        if m and m.group(1).strip():
            by_pid.setdefault(pid, []).append([m.group(1).strip(), None])
            last[pid] = by_pid[pid][-1]
    elif level == "DETAIL" and text.startswith("Parameters:") and last.get(pid) is not None:
        last[pid][1] = text[len("Parameters:"):].strip()
def params(s):
    # $1 = 'a''b', $2 = NULL, ...
    out, i = {}, 0
    for m in re.finditer(r"\$(\d+) = (NULL|'(?:[^']|'')*')", s or ""):
        out[int(m.group(1))] = m.group(2)
    return out
def around(stmts, hit):
    """The statements between the BEGIN before stmts[hit] and the COMMIT after it."""
    begin = max(i for i in range(hit + 1) if stmts[i][0].upper() == "BEGIN")
    commit = min(i for i in range(hit, len(stmts)) if stmts[i][0].upper() == "COMMIT")
    return stmts[begin + 1:commit]
# the intake's transactions: the case number's bump (a pool of its own, so a backend of its own)
# and the transaction that wrote the case (the statement whose parameters carry the case number)
txns = []
for pattern in (lambda q, p: "case_number_counter" in q,
                lambda q, p: case_number in (p or "") and q.lower().startswith("insert")):
    for pid, stmts in by_pid.items():
        hit = next((i for i, (q, p) in enumerate(stmts) if pattern(q, p)), None)
        if hit is not None:
            txns.append(around(stmts, hit))
            break
    else:
        sys.exit(f"an intake transaction is missing in the log of database {db}")
txn = [s for t in txns for s in t]
uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
seen = {}
def fresh(m):
    v = m.group(0)
    if v not in seen:
        seen[v] = f"u{len(seen)}"
    return seen[v]
lines = []
for q, p in txn:
    ps = params(p)
    def lit(m):
        v = ps.get(int(m.group(1)))
        if v is None:
            return m.group(0)
        if v == "NULL":
            return "NULL"
        inner = v[1:-1]
        if uuid.fullmatch(inner):
            return ":" + fresh(re.match(r".*", inner))
        if inner == case_number:
            return ":case_number"
        composite = re.fullmatch(r"([A-Za-z][\w-]*):(" + uuid.pattern + ")", inner)
        if composite:
            # Camunda's activity-instance ids, "accepted:<uuid>" (a process definition's id,
            # "key:version:<uuid>", is not: it must stay the deployed one)
            return f"(E'{composite.group(1)}\\x3a'::text || :{fresh(re.match(r'.*', composite.group(2)))}::text)"
        if ":" in inner:
            # pgbench reads :name as a variable, even inside a literal (a JSON "key":true); an
            # escape string spells the colon without one
            return "E'" + inner.replace("\\", "\\\\").replace(":", "\\x3a") + "'"
        return v
    lines.append(re.sub(r"\$(\d+)", lit, q).replace("\n", " "))
cols = ", ".join(f"gen_random_uuid()::text AS {name}" for name in seen.values())
prefix = case_number.rsplit("-", 1)[0] if "-" in case_number else case_number
with open(out, "w") as f:
    if cols:
        f.write(f"SELECT {cols} \\gset\n")
    f.write(f"SELECT '{prefix}-R' || lpad((floor(random() * 1e12))::bigint::text, 12, '0') AS case_number \\gset\n")
    n = 0
    for t in txns:
        f.write("BEGIN;\n")
        for l in lines[n:n + len(t)]:
            f.write(l.rstrip(";") + ";\n")
        f.write("COMMIT;\n")
        n += len(t)
print(f"statements {len(txn)} in {len(txns)} transactions (the case number's bump; the intake); ids made fresh per replay: {len(seen)}")
PY
[[ $? == 0 && -s "$script" ]] || exit 1

scratch="${DB}_replay"
sql postgres "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1
# a copy of the service's schema and data: the replay meets the same indexes and table sizes
"$STACK" down "$SERVICE" >"$WORK/intake-sql-down.log" 2>&1
sql postgres "CREATE DATABASE $scratch TEMPLATE $DB" >/dev/null 2>"$WORK/intake-sql-copy.log"
copied=$?
"$STACK" up >"$WORK/intake-sql-up.log" 2>&1 || { tail -20 "$WORK/intake-sql-up.log" >&2; exit 1; }
((copied == 0)) || { cat "$WORK/intake-sql-copy.log" >&2; exit 1; }
PGPASSWORD="$PG_SUPERUSER_PASSWORD" pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -n -M prepared \
  -f "$script" -c "$PGBENCH_CLIENTS" -j "$(( PGBENCH_CLIENTS < 2 ? 1 : 2 ))" -T "$PGBENCH_SECONDS" "$scratch" \
  >"$WORK/intake-sql-pgbench.log" 2>&1
rc=$?
sql postgres "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1
tps="$(awk '/^tps = / { print $3; exit }' "$WORK/intake-sql-pgbench.log")"
failed="$(awk '/number of failed transactions/ { print $5; exit }' "$WORK/intake-sql-pgbench.log")"
((rc == 0)) && [[ -n "$tps" ]] || { tail -20 "$WORK/intake-sql-pgbench.log" >&2; exit 1; }
echo "pgbench -M prepared, $PGBENCH_CLIENTS clients, $PGBENCH_SECONDS s, on a copy of $DB; failed transactions: ${failed:-0}"
grep -c '' "$script" | xargs -I{} echo "script lines {} ($script)"
echo "intakes/s $tps"
