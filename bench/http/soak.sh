#!/usr/bin/env bash
# The soak test of README "Numbers → HTTP": a release server under wrk's chat load (64
# keep-alive connections, questions rotating, a new conversation each request) for 10
# minutes after a warm-up, sampling the server's RSS from /proc every few seconds. Prints
# RSS after warm-up, at the end and at its highest, the change in percent, and wrk's
# requests/s, p99 and error counts (socket errors and non-2xx replies).
#
#   bench/http/soak.sh                         # 60 s warm-up, 10 min soak
#   SOAK=2m WARMUP=20s bench/http/soak.sh      # a quick check
#
# Environment: BIN, PORT, CONNECTIONS, WRK_THREADS, QUESTIONS, SERVER_THREADS, SERVER_ARGS
# as in run.sh; WARMUP (60s), SOAK (10m), SAMPLE_SECONDS (5), RSS_LOG (keep the samples).
set -euo pipefail
cd "$(dirname "$0")/../.."

WARMUP=${WARMUP:-60s}
SOAK=${SOAK:-10m}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-5}
# shellcheck source=bench/http/server.sh
source bench/http/server.sh
start_server
sampler=""
trap '[[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for_server

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }

echo "warm-up: $WARMUP of chat load"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/http/chat.lua "$URL" -- "$QUESTIONS" >/dev/null
warm=$(rss_kib)
echo "RSS after warm-up: $((warm / 1024)) MiB; soaking for $SOAK"

# Samples "seconds-since-start RSS-KiB" until killed.
( start=$(date +%s)
  while kill -0 "$server" 2>/dev/null; do
    echo "$(( $(date +%s) - start )) $(rss_kib)"
    sleep "$SAMPLE_SECONDS"
  done ) >"$WORK/rss.log" &
sampler=$!

wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$SOAK" --timeout 5s --latency -s bench/http/chat.lua "$URL" -- "$QUESTIONS" \
  >"$WORK/wrk.log"
end=$(rss_kib)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
[[ -n "${RSS_LOG:-}" ]] && cp "$WORK/rss.log" "$RSS_LOG"

cat "$WORK/wrk.log"
peak=$(awk '$2 > max { max = $2 } END { print max + 0 }' "$WORK/rss.log")
samples=$(wc -l <"$WORK/rss.log")
errors=$(awk '
  /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
  /Non-2xx or 3xx responses:/ { errors += $5 }
  END { print errors + 0 }' "$WORK/wrk.log")
echo "RSS after warm-up: $warm KiB; at the end: $end KiB; highest of $samples samples: $peak KiB"
awk -v w="$warm" -v e="$end" -v p="$peak" \
  'BEGIN { printf "RSS change: end %+.1f%%, highest %+.1f%% of the warm-up value (limit ±10%%)\n", 100 * (e - w) / w, 100 * (p - w) / w }'
echo "errors (socket errors + non-2xx): $errors"
kill -0 "$server" 2>/dev/null || { echo "the server died"; exit 1; }
