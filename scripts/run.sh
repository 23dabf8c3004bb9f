#!/usr/bin/env bash
# Start the action server, the Rasa server (REST + portal socket.io) and the demo portal
# (http://localhost:$PORTAL_PORT), stop all three on Ctrl-C. The Rasa and action servers
# listen on BIND_HOST (default 127.0.0.1: this machine only; docs/security.md).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${RASA_PORT:=5005}" "${ACTIONS_PORT:=5055}" "${PORTAL_PORT:=8080}" "${BIND_HOST:=127.0.0.1}"
# The address the servers are reached at from this machine (0.0.0.0 / :: are not addresses).
case "$BIND_HOST" in 0.0.0.0|::|'') local_host=127.0.0.1 ;; *) local_host=$BIND_HOST ;; esac
: "${ACTION_ENDPOINT_URL:=http://$local_host:$ACTIONS_PORT/webhook}"
: "${CORS_ORIGINS:=http://localhost:$PORTAL_PORT,http://127.0.0.1:$PORTAL_PORT}"
export RASA_TELEMETRY_ENABLED=false PYTHONPATH="$PWD" PORTAL_PORT CORS_ORIGINS
export BOT_URL="${BOT_URL:-http://$local_host:$RASA_PORT}" ACTION_ENDPOINT_URL BIND_HOST
# Development: without a PORTAL_JWT_SECRET, make a throwaway one for this run, so the demo
# portal mints tokens for its demo user and the bot verifies them, as in production.
if [ -z "${PORTAL_JWT_SECRET:-}" ]; then
  PORTAL_JWT_SECRET=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')
  secret_note="PORTAL_JWT_SECRET unset: generated a throwaway one; demo portal signs in as '${PORTAL_DEMO_USER:-demo}'"
else
  secret_note="PORTAL_JWT_SECRET from the environment; demo portal signs in as '${PORTAL_DEMO_USER:-demo}'"
fi
export PORTAL_JWT_SECRET
# The Rasa server authenticates to the action server with this shared secret (endpoints.yml);
# a throwaway one per run unless set.
if [ -z "${ACTION_SERVER_TOKEN:-}" ]; then
  ACTION_SERVER_TOKEN=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')
fi
export ACTION_SERVER_TOKEN
LOG_DIR=${LOG_DIR:-var/log}
mkdir -p "$LOG_DIR"
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "正在停止服务… (stopping)"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

.venv/bin/python -m actions.server --host "$BIND_HOST" --port "$ACTIONS_PORT" >"$LOG_DIR/actions.log" 2>&1 &
pids+=($!)
.venv/bin/rasa run --model models/advisor.tar.gz --interface "$BIND_HOST" --port "$RASA_PORT" \
  --endpoints "${ENDPOINTS:-endpoints.yml}" --credentials credentials.yml --cors ${CORS_ORIGINS//,/ } \
  >"$LOG_DIR/rasa.log" 2>&1 &
pids+=($!)
.venv/bin/python -m bot.web.portal >"$LOG_DIR/portal.log" 2>&1 &
pids+=($!)

echo "启动中，请稍候… (logs: $LOG_DIR/rasa.log, $LOG_DIR/actions.log, $LOG_DIR/portal.log)"
for _ in $(seq 1 120); do
  if curl -fsS "http://$local_host:$RASA_PORT/" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "服务启动失败，见 $LOG_DIR/*.log"; tail -n 20 "$LOG_DIR"/*.log; exit 1; }
  done
  sleep 1
done
cat <<MSG
服务营销顾问已启动 / the bot is running:
  Rasa server    http://$local_host:$RASA_PORT   (REST: /webhooks/rest/webhook; listening on $BIND_HOST)
  Action server  http://$local_host:$ACTIONS_PORT   (needs ACTION_SERVER_TOKEN; listening on $BIND_HOST)
  Demo portal    http://localhost:$PORTAL_PORT   (widget; $secret_note)
Try:
  curl -XPOST $local_host:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"u1","message":"售后服务经理的职责有哪些"}'
Ctrl-C stops all three.
MSG
wait -n "${pids[@]}"
echo "一个服务意外退出，见 $LOG_DIR/*.log (a server exited)"
