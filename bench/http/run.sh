#!/usr/bin/env bash
# Measures the HTTP service as README "Numbers → HTTP" reports it: starts a release server,
# warms it up, then runs wrk against GET /healthz and POST /api/chat in the same run and
# prints requests/s, p99 and the chat/healthz ratio. The rotating questions are measured twice:
# as served (the message memo holds all 48 after the warm-up, as for questions citizens ask
# again and again) and with `--message-memo 0` (every message read afresh, as a question
# never asked before), each against the healthz rate of its own run.
#
#   bench/http/run.sh                 # 15 s per measurement, 64 connections
#   DURATION=30s SERVER_THREADS=2 bench/http/run.sh
#
# Environment: BIN (default .build/release/hoidap), PORT (8022), CONNECTIONS (64),
# WRK_THREADS (2), DURATION (15s), WARMUP (5s), SERVER_THREADS (the server's default),
# QUESTIONS (bench/http/questions.jsonl), SERVER_ARGS (extra `hoidap serve` options).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
# shellcheck source=bench/http/server.sh
source bench/http/server.sh
start_server
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for_server

echo "warm-up: $WARMUP of chat"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/http/chat.lua "$URL" -- "$QUESTIONS" >/dev/null

# One wrk run; prints "requests/s p99-ms errors" (errors: socket errors plus non-2xx replies).
measure() {
  local script=$1; shift
  local output
  output=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$URL" -- "$@")
  echo "$output" >>"$WORK/wrk.log"
  awk '
    /Requests\/sec:/ { rate = $2 }
    /^ +99%/ { p = $2; if (p ~ /us$/) ms = p / 1000; else if (p ~ /ms$/) ms = p + 0; else ms = p * 1000 }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    END { printf "%.0f %.2f %d\n", rate, ms, errors }' <<<"$output"
}

read -r health_rate health_p99 health_errors < <(measure bench/http/healthz.lua)
read -r chat_rate chat_p99 chat_errors < <(measure bench/http/chat.lua "$QUESTIONS")
read -r one_rate one_p99 one_errors < <(measure bench/http/chat-one.lua)

# The same rotating load with nothing remembered: a second server without the message memo.
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$WORK"
SERVER_ARGS="${SERVER_ARGS:-} --message-memo 0"
start_server
wait_for_server
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/http/chat.lua "$URL" -- "$QUESTIONS" >/dev/null
read -r fresh_health_rate fresh_health_p99 fresh_health_errors < <(measure bench/http/healthz.lua)
read -r fresh_rate fresh_p99 fresh_errors < <(measure bench/http/chat.lua "$QUESTIONS")

count=$(wc -l <"$QUESTIONS")
printf '%-52s %12s %10s %8s\n' request requests/s p99 errors
printf '%-52s %12s %8s ms %8s\n' "GET /healthz" "$health_rate" "$health_p99" "$health_errors"
printf '%-52s %12s %8s ms %8s\n' "POST /api/chat ($count questions rotating)" "$chat_rate" "$chat_p99" "$chat_errors"
printf '%-52s %12s %8s ms %8s\n' "POST /api/chat (one question repeated)" "$one_rate" "$one_p99" "$one_errors"
printf '%-52s %12s %8s ms %8s\n' "GET /healthz (second server, no memo)" "$fresh_health_rate" "$fresh_health_p99" "$fresh_health_errors"
printf '%-52s %12s %8s ms %8s\n' "POST /api/chat ($count rotating, each read afresh)" "$fresh_rate" "$fresh_p99" "$fresh_errors"
awk -v c="$chat_rate" -v o="$one_rate" -v h="$health_rate" -v f="$fresh_rate" -v g="$fresh_health_rate" \
  'BEGIN { printf "chat / healthz: %.2f (rotating), %.2f (one question), %.2f (each read afresh)\n", c / h, o / h, f / g }'
if [[ -n "${KEEP_WRK_LOG:-}" ]]; then cp "$WORK/wrk.log" "$KEEP_WRK_LOG"; fi
