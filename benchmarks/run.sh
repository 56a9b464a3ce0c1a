#!/usr/bin/env bash
# Builds the benchmarks, runs every JMH benchmark and the outbox harness, and rewrites the generated
# section of docs/benchmarks.md (the hand-written text around it is kept).
#
# Usage: benchmarks/run.sh [--quick] [--postgres JDBC_URL] [--skip-build] [--doc FILE]
#                          [--only REGEX] [--outbox-events N]
#   --quick          short forks and iterations, 1 KiB CMS content only, 100,000-dossier quality
#                    report, 5,000-event outbox backlog: a few minutes on 2 cores
#   --all-sizes      with --quick: every size of the full run (1 KiB and 1 MiB CMS content, the
#                    1,000,000-dossier report) at the quick iterations, about 8 minutes on 2 cores
#   --postgres URL   also run the outbox harness on PostgreSQL, e.g.
#                    'jdbc:postgresql://127.0.0.1:5432/motcua?user=motcua&password=motcua'
#                    (default: $MOTCUA_BENCH_POSTGRES_URL, else $MOTCUA_TEST_POSTGRES_URL as
#                    .ci/run exports it, else H2 only)
#   --skip-build     reuse benchmarks/target/benchmarks.jar
#   --doc FILE       write to FILE instead of docs/benchmarks.md
#   --only REGEX     run only the JMH benchmarks matching REGEX (the table then holds only those)
#   --outbox-events N  backlog size for the outbox harness (default 100,000; 5,000 with --quick;
#                    0 skips the harness)
# Raw results stay in benchmarks/target/results/ (JMH JSON and log, outbox output).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODE=full
PG_URL="${MOTCUA_BENCH_POSTGRES_URL:-${MOTCUA_TEST_POSTGRES_URL:-}}"
BUILD=1
DOC=docs/benchmarks.md
ONLY=""
ALL_SIZES=0
OUTBOX_EVENTS=""
ARGS_TEXT="benchmarks/run.sh"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick; ARGS_TEXT+=" --quick" ;;
    --all-sizes) ALL_SIZES=1; ARGS_TEXT+=" --all-sizes" ;;
    --postgres) PG_URL="$2"; ARGS_TEXT+=" --postgres <url>"; shift ;;
    --skip-build) BUILD=0; ARGS_TEXT+=" --skip-build" ;;
    --doc) DOC="$2"; ARGS_TEXT+=" --doc $2"; shift ;;
    --only) ONLY="$2"; ARGS_TEXT+=" --only '$2'"; shift ;;
    --outbox-events) OUTBOX_EVENTS="$2"; ARGS_TEXT+=" --outbox-events $2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: java is not on the PATH (a JDK 17 or newer is needed)" >&2
  exit 2
fi

RESULTS=benchmarks/target/results
JAR=benchmarks/target/benchmarks.jar
LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
STARTED=$(date +%s)

if [ "$BUILD" = 1 ]; then
  echo "== building $JAR"
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
if [ ! -f "$JAR" ]; then
  echo "run.sh: $JAR is missing (run without --skip-build)" >&2
  exit 2
fi
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*

if [ "$MODE" = quick ]; then
  # Eight short iterations rather than three long ones: the 99.9 % interval of three samples is
  # about ten times wider than that of eight, which left every quick ratio "not significant".
  JMH_OPTS=(-f 1 -wi 2 -w 500ms -i 8 -r 500ms)
  if [ "$ALL_SIZES" = 0 ]; then
    JMH_OPTS+=(-p size=1024 -p dossiers=100000)
  fi
  : "${OUTBOX_EVENTS:=5000}"
else
  JMH_OPTS=(-f 2 -wi 3 -w 2s -i 5 -r 2s)
  : "${OUTBOX_EVENTS:=100000}"
fi
JMH_CMD=(java -jar "$JAR" "${JMH_OPTS[@]}" -rf json -rff "$RESULTS/jmh.json")
if [ -n "$ONLY" ]; then
  JMH_CMD+=("$ONLY")
fi

echo "== JMH: ${JMH_CMD[*]}"
# A failing benchmark does not stop the others; the report lists it.
if ! "${JMH_CMD[@]}" 2>&1 | tee "$RESULTS/jmh.log"; then
  echo "run.sh: JMH ended with an error (see $RESULTS/jmh.log); writing what it measured" >&2
fi
if [ ! -s "$RESULTS/jmh.json" ]; then
  echo "run.sh: JMH wrote no results (see $RESULTS/jmh.log)" >&2
  exit 1
fi

OUTBOX_ARGS=()
COMMANDS="${ARGS_TEXT}"$'\n'"# which ran:"$'\n'"${JMH_CMD[*]}"
if [ "$OUTBOX_EVENTS" != 0 ]; then
  OUTBOX_CMD=(java -cp "$JAR" io.github.motcua.benchmarks.OutboxThroughput "$OUTBOX_EVENTS")
  for workers in 1 2; do
    plural=$([ "$workers" = 1 ] && echo worker || echo workers)
    echo "== outbox on H2, $workers $plural: ${OUTBOX_CMD[*]} --workers $workers"
    if ! "${OUTBOX_CMD[@]}" --workers "$workers" 2>&1 | tee "$RESULTS/outbox-h2-w$workers.txt"; then
      echo "run.sh: the outbox harness failed on H2 (see $RESULTS/outbox-h2-w$workers.txt)" >&2
    fi
    OUTBOX_ARGS+=(--outbox "H2 (file), $workers $plural=$RESULTS/outbox-h2-w$workers.txt")
    COMMANDS+=$'\n'"${OUTBOX_CMD[*]} --workers $workers"
  done
  RAW_CMD=(java -cp "$JAR" io.github.motcua.benchmarks.OutboxJdbcBaseline "$OUTBOX_EVENTS")
  echo "== raw JDBC baseline on H2: ${RAW_CMD[*]}"
  if ! "${RAW_CMD[@]}" 2>&1 | tee "$RESULTS/outbox-h2-raw.txt"; then
    echo "run.sh: the raw JDBC baseline failed on H2 (see $RESULTS/outbox-h2-raw.txt)" >&2
  fi
  OUTBOX_ARGS+=(--outbox "H2 (file), raw JDBC=$RESULTS/outbox-h2-raw.txt")
  COMMANDS+=$'\n'"${RAW_CMD[*]}"
  if [ -n "$PG_URL" ]; then
    for workers in 1 2; do
      plural=$([ "$workers" = 1 ] && echo worker || echo workers)
      echo "== outbox on PostgreSQL, $workers $plural"
      if ! "${OUTBOX_CMD[@]}" "$PG_URL" --workers "$workers" 2>&1 \
          | tee "$RESULTS/outbox-postgres-w$workers.txt"; then
        echo "run.sh: the outbox harness failed on PostgreSQL (see $RESULTS/outbox-postgres-w$workers.txt)" >&2
      fi
      OUTBOX_ARGS+=(--outbox "PostgreSQL, $workers $plural=$RESULTS/outbox-postgres-w$workers.txt")
      COMMANDS+=$'\n'"${OUTBOX_CMD[*]} '<postgres url>' --workers $workers"
    done
    echo "== raw JDBC baseline on PostgreSQL"
    if ! "${RAW_CMD[@]}" "$PG_URL" 2>&1 | tee "$RESULTS/outbox-postgres-raw.txt"; then
      echo "run.sh: the raw JDBC baseline failed on PostgreSQL" >&2
    fi
    OUTBOX_ARGS+=(--outbox "PostgreSQL, raw JDBC=$RESULTS/outbox-postgres-raw.txt")
    COMMANDS+=$'\n'"${RAW_CMD[*]} '<postgres url>'"
  fi
fi

ELAPSED=$(( $(date +%s) - STARTED ))
DURATION="$((ELAPSED / 60)) min $((ELAPSED % 60)) s (build included: $([ "$BUILD" = 1 ] && echo yes || echo no))"
echo "== writing $DOC"
java -cp "$JAR" io.github.motcua.benchmarks.BenchmarkReport \
  --jmh "$RESULTS/jmh.json" --jmh-log "$RESULTS/jmh.log" --doc "$DOC" \
  "${OUTBOX_ARGS[@]}" \
  --command "$COMMANDS" --mode "$MODE" --load "$LOAD" --duration "$DURATION"
echo "== done in $DURATION; results in $RESULTS, table in $DOC"
