#!/usr/bin/env bash
# Start the action server and the Rasa server (REST + socket.io), stop both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${RASA_PORT:=5005}" "${ACTIONS_PORT:=5055}"
export RASA_TELEMETRY_ENABLED=false PYTHONPATH="$PWD"
mkdir -p var/log
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "正在停止服务… (stopping)"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/rasa run actions --port "$ACTIONS_PORT" --actions actions >var/log/actions.log 2>&1 &
pids+=($!)
.venv/bin/rasa run --model models/advisor.tar.gz --port "$RASA_PORT" \
  --endpoints endpoints.yml --credentials credentials.yml --cors "${CORS_ORIGINS:-http://localhost:8080}" \
  >var/log/rasa.log 2>&1 &
pids+=($!)

echo "启动中，请稍候… (logs: var/log/rasa.log, var/log/actions.log)"
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
Try:
  curl -XPOST localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"u1","message":"售后服务经理的职责有哪些"}'
Ctrl-C stops both.
MSG
wait -n "${pids[@]}"
echo "一个服务意外退出，见 var/log/*.log (a server exited)"
