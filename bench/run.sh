#!/usr/bin/env bash
# Health at scale: starts the packaged service on the embedded cluster, creates APPS apps, then
# measures health GETs (throughput, latency, Kubernetes API calls, memory).
#   bench/run.sh [APPS=1000] [GETS=20000] [THREADS=8] [SETTLE_SECONDS=120]
set -euo pipefail
cd "$(dirname "$0")/.."
APPS=${1:-1000}; GETS=${2:-20000}; THREADS=${3:-8}; SETTLE=${4:-120}; PORT=${PORT:-8089}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
STATEFUL_APPS_CLUSTER=embedded QUARKUS_HTTP_PORT=$PORT STATEFUL_APPS_EMBEDDED_KUBECONFIG=target/bench-kubeconfig.yaml \
  java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
java bench/HealthBench.java "http://localhost:$PORT" "$APPS" "$GETS" "$THREADS" "$SETTLE"
echo "service RSS     $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/$SERVICE/status)"
