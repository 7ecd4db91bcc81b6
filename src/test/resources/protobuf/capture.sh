#!/usr/bin/env bash
# Captures the protobuf request bodies the installed kubectl sends, as fixtures for KubectlBodiesTest.
# Each fixture is kubectl/<name>.pb (the body exactly as sent) and, where kubectl can print the same
# object itself, kubectl/<name>.json (the same command with --dry-run=client -o json).
# Run from anywhere: bash src/test/resources/protobuf/capture.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/kubectl"
work="$(mktemp -d)"
port=18999
mkdir -p "$out"
python3 "$here/capture_server.py" "$port" "$work" &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
cat > "$work/kubeconfig" <<CONFIG
apiVersion: v1
kind: Config
clusters: [{name: capture, cluster: {server: "http://127.0.0.1:$port"}}]
users: [{name: capture, user: {token: capture}}]
contexts: [{name: capture, context: {cluster: capture, user: capture, namespace: shop}}]
current-context: capture
CONFIG
export KUBECONFIG="$work/kubeconfig"
printf '\x00\x01\x02\xff' > "$work/blob.bin"
sleep 1

# capture NAME DRY_RUN(yes|no) kubectl-args...
capture() {
    local name="$1" dry="$2"
    shift 2
    : > "$work/log.txt"
    kubectl "$@" --cache-dir "$work/cache" >/dev/null 2>&1 || true
    local n
    n="$(awk '$4 == "application/vnd.kubernetes.protobuf" {n = $1} END {print n}' "$work/log.txt")"
    if [ -z "$n" ]; then echo "no protobuf body for: kubectl $*" >&2; exit 1; fi
    cp "$work/$n.bin" "$out/$name.pb"
    if [ "$dry" = yes ]; then
        local args=()
        for a in "$@"; do [ "$a" = "--dry-run=server" ] || args+=("$a"); done
        kubectl "${args[@]}" --dry-run=client -o json > "$out/$name.json"
    fi
    echo "$name: kubectl $*"
}

capture create-namespace yes create namespace shop
capture create-configmap yes create configmap cm --from-literal=a=1 -n shop
capture create-configmap-dry-run yes create configmap dry --dry-run=server -n shop
capture create-configmap-binary yes create configmap bin --from-file=blob="$work/blob.bin" -n shop
capture create-secret yes create secret generic creds --from-literal=password=s3cr3t -n shop
capture create-service-clusterip yes create service clusterip ledger --tcp=80:8080 -n shop
capture create-service-nodeport yes create service nodeport np --tcp=80:http --node-port=30080 -n shop
capture create-serviceaccount yes create serviceaccount ledger-sa -n shop
capture create-token no create token ledger-sa --duration=1h --audience=x -n shop
capture create-token-bound no create token ledger-sa --bound-object-kind=Pod --bound-object-name=solo \
    --bound-object-uid=0d4691ed-659b-4935-a832-355f77ee47cc -n shop
capture auth-can-i no auth can-i create pods -n shop
capture auth-can-i-subresource no auth can-i get statefulsets.apps --subresource=scale --all-namespaces
capture auth-can-i-list no auth can-i --list -n shop
capture create-role yes create role reader --verb=get,list --resource=pods -n shop
capture create-clusterrole yes create clusterrole watcher --verb=watch --resource=statefulsets.apps
capture create-rolebinding yes create rolebinding bob-edit --clusterrole=edit --user=bob -n shop
capture create-clusterrolebinding yes create clusterrolebinding watch-all --clusterrole=watcher --group=devs \
    --serviceaccount=shop:ledger-sa
capture create-deployment yes create deployment web --image=nginx:1.27 --replicas=2 --port=80 -n shop
capture create-deployment-idle yes create deployment idle --image=nginx:1.27 --replicas=0 -n shop
capture create-pdb-min-available yes create poddisruptionbudget ledger-pdb --selector=app=ledger --min-available=1 -n shop
capture create-pdb-max-unavailable yes create poddisruptionbudget ledger-pdb2 --selector=app=ledger \
    --max-unavailable=50% -n shop
capture create-ingress yes create ingress web --rule="shop.example/*=web:80" -n shop
capture create-quota yes create quota q --hard=cpu=1,memory=1Gi,pods=2 -n shop
capture create-job yes create job once --image=busybox -n shop
capture create-cronjob yes create cronjob nightly --image=busybox --schedule="0 1 * * *" -n shop
