#!/usr/bin/env bash
# Console page times on a large inventory:
#   ./bench/run-console.sh [--hosts N] [--runs R]    (--hosts 100000 ≈ 1,000,000 findings)
# Starts `./sightline demo` on a fresh data directory (both simulated tenants synced), then asks
# each console page R times as a signed-in admin (the page's HTML only: what the server must
# compute before the browser can draw it) and prints the median and the slowest time of each.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOSTS=100000
RUNS=10
while [ $# -gt 0 ]; do
  case "$1" in
    --hosts) HOSTS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --data) KEEP="$2"; shift 2 ;;
    *) echo "usage: $0 [--hosts N] [--runs R] [--data DIR]" >&2; exit 2 ;;
  esac
done
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# --data DIR keeps the demo's database there (a later run with the same DIR starts from it, and
# the demo's start-up sync is then a delta); without it, a temporary directory is removed at exit.
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; DATA="$(cd "$KEEP" && pwd)"; else DATA="$(mktemp -d)"; fi
TOKEN="bench-console-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LOG="$DATA/demo.log"
cleanup() {
  [ -n "${DEMO:-}" ] && kill "$DEMO" 2>/dev/null
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$DATA"
}
trap cleanup EXIT

echo "Starting the demo with $HOSTS hosts (log: $LOG) ..." >&2
SIGHTLINE_ADMIN_TOKEN="$TOKEN" SIGHTLINE_DATA_DIR="$DATA/data" \
  "$ROOT/sightline" demo --port "$PORT" --hosts "$HOSTS" >"$LOG" 2>&1 &
DEMO=$!
start=$(date +%s)
until grep -q "Sightline is running at" "$LOG"; do
  if ! kill -0 "$DEMO" 2>/dev/null; then echo "The demo stopped: $(tail -5 "$LOG")" >&2; exit 1; fi
  sleep 5
done
echo "Synced in $(( $(date +%s) - start )) s" >&2
sleep 20 # the background rescoring the demo's syncs asked for
BASE="http://127.0.0.1:$PORT"
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE$1"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
FINDINGS=$(api "/api/v1/findings/count?q=" | field 'format(d["total"], ",")')
ASSET=$(api "/api/v1/assets?size=1&sort=-asset.riskScore" | field 'd["items"][0]["id"]')
FINDING=$(api "/api/v1/findings?size=1" | field 'd["items"][0]["id"]')
CONNECTOR=$(api "/api/v1/connectors" | field 'd[0]["id"]')
RUN=$(api "/api/v1/connectors/$CONNECTOR/runs" | field 'd[0]["runId"]')

PAGES=(
  "/"
  "/connectors"
  "/connectors/$CONNECTOR"
  "/runs/$RUN"
  "/assets"
  "/assets?q=inventory:(source:%22CrowdStrike%20Spotlight%22)"
  "/assets/$ASSET"
  "/findings"
  "/findings?q=finding.severity:5%20finding.state:ACTIVE"
  "/findings/$FINDING"
)
printf '\nConsole pages, %s findings, %s runs each (seconds; HTML as the server answers it)\n' "$FINDINGS" "$RUNS"
printf '%-62s %8s %8s %6s\n' "page" "median" "slowest" "status"
for page in "${PAGES[@]}"; do
  times=()
  status=""
  for _ in $(seq "$RUNS"); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE$page")
    status="${out%% *}"
    times+=("${out##* }")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  slowest=$(echo "$sorted" | tail -1)
  printf '%-62s %8.3f %8.3f %6s\n' "$page" "$median" "$slowest" "$status"
done
