#!/usr/bin/env bash
# Start the action server, the Rasa server (REST + portal socket.io) and the demo portal
# (http://localhost:$PORTAL_PORT), stop all three on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${RASA_PORT:=5005}" "${ACTIONS_PORT:=5055}" "${PORTAL_PORT:=8080}"
: "${CORS_ORIGINS:=http://localhost:$PORTAL_PORT,http://127.0.0.1:$PORTAL_PORT}"
export RASA_TELEMETRY_ENABLED=false PYTHONPATH="$PWD" PORTAL_PORT CORS_ORIGINS
export BOT_URL="${BOT_URL:-http://localhost:$RASA_PORT}"
# Development: without a PORTAL_JWT_SECRET, make a throwaway one for this run, so the demo
# portal mints tokens for its demo user and the bot verifies them, as in production.
if [ -z "${PORTAL_JWT_SECRET:-}" ]; then
  PORTAL_JWT_SECRET=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')
  secret_note="PORTAL_JWT_SECRET unset: generated a throwaway one; demo portal signs in as '${PORTAL_DEMO_USER:-demo}'"
else
  secret_note="PORTAL_JWT_SECRET from the environment; demo portal signs in as '${PORTAL_DEMO_USER:-demo}'"
fi
export PORTAL_JWT_SECRET
mkdir -p var/log
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "正在停止服务… (stopping)"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

.venv/bin/rasa run actions --port "$ACTIONS_PORT" --actions actions >var/log/actions.log 2>&1 &
pids+=($!)
.venv/bin/rasa run --model models/advisor.tar.gz --port "$RASA_PORT" \
  --endpoints "${ENDPOINTS:-endpoints.yml}" --credentials credentials.yml --cors ${CORS_ORIGINS//,/ } \
  >var/log/rasa.log 2>&1 &
pids+=($!)
.venv/bin/python -m bot.web.portal >var/log/portal.log 2>&1 &
pids+=($!)

echo "启动中，请稍候… (logs: var/log/rasa.log, var/log/actions.log, var/log/portal.log)"
for _ in $(seq 1 120); do
  if curl -fsS "http://localhost:$RASA_PORT/" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "服务启动失败，见 var/log/*.log"; tail -n 20 var/log/*.log; exit 1; }
  done
  sleep 1
done
cat <<MSG
服务营销顾问已启动 / the bot is running:
  Rasa server    http://localhost:$RASA_PORT   (REST: /webhooks/rest/webhook)
  Action server  http://localhost:$ACTIONS_PORT
  Demo portal    http://localhost:$PORTAL_PORT   (widget; $secret_note)
Try:
  curl -XPOST localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"u1","message":"售后服务经理的职责有哪些"}'
Ctrl-C stops all three.
MSG
wait -n "${pids[@]}"
echo "一个服务意外退出，见 var/log/*.log (a server exited)"
