# Shared by run.sh and soak.sh (sourced): starts the release server the way the HTTP numbers
# are measured (temporary ticket database, no access log, no rate limits) and waits for it.
# Sets the settings both share from the environment: BIN, PORT, CONNECTIONS, WRK_THREADS,
# QUESTIONS and URL; SERVER_THREADS and SERVER_ARGS are optional.

BIN=${BIN:-.build/release/hoidap}
PORT=${PORT:-8022}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
QUESTIONS=${QUESTIONS:-bench/http/questions.jsonl}
URL="http://127.0.0.1:$PORT"

# Starts the server in the background; sets WORK (a scratch folder) and server (its PID).
# Refuses when something already answers on the port: the figures would be that server's.
start_server() {
  if curl -fs "$URL/healthz" >/dev/null 2>&1; then
    echo "something already answers on $URL (a server left running?); stop it or set PORT" >&2
    exit 1
  fi
  WORK=$(mktemp -d)
  local threads=()
  [[ -n "${SERVER_THREADS:-}" ]] && threads=(--threads "$SERVER_THREADS")
  # shellcheck disable=SC2086
  "$BIN" serve --port "$PORT" --db "$WORK/tickets.sqlite" --reports "$WORK/reports" --no-digest \
    --access-log off --chat-limit 0 --ticket-limit 0 --lookup-limit 0 "${threads[@]}" ${SERVER_ARGS:-} \
    >"$WORK/server.log" 2>&1 &
  server=$!
}

# Waits up to 10 s for /healthz; prints the server's log and fails if it exits first.
wait_for_server() {
  for _ in $(seq 100); do
    kill -0 "$server" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    curl -fs "$URL/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
}
