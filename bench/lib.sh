# Functions for bench/run.sh (sourced). Every figure goes to $RESULTS as a "key value" line.

record() { echo "$1 $2" >> "$RESULTS"; }

# record_from PREFIX: reads "bench.key value" lines on stdin and records them as PREFIX.key
record_from() {
    local prefix=$1 line
    while read -r line; do
        case "$line" in bench.*) line=${line#bench.}; record "$prefix.${line%% *}" "${line#* }" ;; esac
    done
}

# value KEY: the value recorded for KEY, or empty
value() { awk -v k="$1" '$1 == k { v = $2 } END { print v }' "$RESULTS"; }

# calc EXPRESSION: arithmetic with two decimals (awk, empty when a term is missing or divides by 0)
calc() { awk "BEGIN { r = $1; printf \"%.2f\", r }" 2>/dev/null || true; }

# median VALUE...: the middle value (the mean of the two middle ones for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

now_ns() { date +%s%N; }

seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

load1() { cut -d' ' -f1 /proc/loadavg; }

install_wrk() {
    command -v wrk > /dev/null && return 0
    echo "installing wrk (Debian package)" >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -n"
    $sudo apt-get install -y -qq wrk > /dev/null 2>&1 \
        || { $sudo apt-get update -qq > /dev/null 2>&1 && $sudo apt-get install -y -qq wrk > /dev/null 2>&1; } \
        || { echo "wrk is missing and could not be installed" >&2; return 1; }
}

# http_ok URL: whether URL (http://host:port/path) answers 200. Bash's own /dev/tcp, no process
# started: a curl per poll took ~9 ms of CPU, 20 times a second, from the 2 cores a starting
# replica needs (a kubelet probes from outside the pod, every few seconds).
http_ok() {
    local rest=${1#http://} hostport path status=""
    hostport=${rest%%/*}
    path=/${rest#*/}
    exec 8<> "/dev/tcp/${hostport%:*}/${hostport##*:}" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&8
    read -r -t 5 -u 8 _ status _ || status=""
    exec 8<&-
    [ "$status" = 200 ]
}

# wait_ready URL PID TIMEOUT_S: polls URL until it answers 200; fails if PID dies or time is up
wait_ready() {
    local url=$1 pid=$2 deadline=$((SECONDS + $3))
    until http_ok "$url" 2> /dev/null; do
        kill -0 "$pid" 2> /dev/null || { echo "process $pid ended before $url was ready" >&2; return 1; }
        [ $SECONDS -lt $deadline ] || { echo "$url not ready within $3 s" >&2; return 1; }
        sleep 0.05
    done
}

# live_heap_bytes PID [FILE]: bytes of live objects after a full GC (the class histogram forces
# one); FILE keeps the histogram, to see which classes hold the memory
live_heap_bytes() {
    jcmd "$1" GC.class_histogram 2> /dev/null | tee "${2:-/dev/null}" | awk '/^Total/ { print $3 }'
}

# busy_cpu PREFIX PID SECONDS: the CPU PID uses over SECONDS (user + system), in % of one core, and
# the share of it its JIT compiler threads used (a burst of work leaves compilations queued for tens
# of seconds: CPU of the JVM, not of anything the service or the simulated cluster does)
busy_cpu() {
    local hz a b jit_a jit_b
    hz=$(getconf CLK_TCK)
    a=$(awk '{ print $14 + $15 }' "/proc/$2/stat") jit_a=$(jit_ticks "$2")
    sleep "$3"
    b=$(awk '{ print $14 + $15 }' "/proc/$2/stat") jit_b=$(jit_ticks "$2")
    record "$1.cpu_pct" "$(calc "($b - $a) * 100 / $hz / $3")"
    record "$1.jit_cpu_pct" "$(calc "($jit_b - $jit_a) * 100 / $hz / $3")"
    record "$1.seconds" "$3"
}

# jit_ticks PID: CPU ticks of PID's compiler threads so far (threads end and start: only a trend)
jit_ticks() {
    local task total=0
    for task in /proc/"$1"/task/*; do
        case "$(cat "$task/comm" 2> /dev/null)" in
            C[12]\ Compiler*) total=$((total + $(awk '{ print $14 + $15 }' "$task/stat" 2> /dev/null || echo 0))) ;;
        esac
    done
    echo "$total"
}

# cpu_s PID: CPU seconds (user + system) PID has used so far, all its threads
cpu_s() { calc "$(awk '{ print $14 + $15 }' "/proc/$1/stat") / $(getconf CLK_TCK)"; }

# jit_s PID: CPU seconds of PID's compiler threads so far (a floor: see jit_ticks)
jit_s() { calc "$(jit_ticks "$1") / $(getconf CLK_TCK)"; }

rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# api_calls BASE [watch|other]: the service's Kubernetes API requests so far, all of them, only
# watches (the informers renewing a watch the API server ended) or all but watches
api_calls() {
    curl -sf "$1/q/metrics" | awk -v only="${2:-}" '/^stateful_apps_kubernetes_api_requests_total/ {
        watch = index($0, "verb=\"watch\"") > 0
        if (only == "" || (only == "watch" && watch) || (only == "other" && !watch)) s += $2
    } END { printf "%d", s }'
}

api_call_lines() { curl -sf "$1/q/metrics" | grep '^stateful_apps_kubernetes_api_requests_total' | sort; }

# measured_round URL MODE APPS [ETAG_FILE]: one measured wrk run of DURATION s ("bench.key value"
# lines out, kept in the run's wrk.log too)
measured_round() {
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency -s bench/wrk/apps.lua "$1" -- "$2" "$3" "$NAMESPACE" "${4:-}" \
        | tee -a "$LOGS/wrk.log"
}

# drive PREFIX URL MODE APPS [ETAG_FILE]: a wrk warm-up that counts answers by status (recorded as
# PREFIX.warmup.status_*), then ROUNDS measured runs of DURATION s each that do not (see
# bench/wrk/apps.lua why), recorded as one: the median round's req/s, mean and percentiles (a round
# in which the host stalled the machine moves no figure on its own), the sums of the counts, the
# largest max, and every round's req/s and p99 as PREFIX.rounds_rps / PREFIX.rounds_p99_ms
drive() {
    local prefix=$1 url=$2 mode=$3 apps=$4 etags=${5:-} round rounds
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "${TIMEOUT}s" -s bench/wrk/apps.lua "$url" -- "$mode" "$apps" "$NAMESPACE" "$etags" statuses \
        | { grep '^bench\.status_' || true; } | record_from "$prefix.warmup"
    record "$prefix.load1" "$(load1)"
    rounds=$(mktemp -d)
    for round in $(seq 1 "${ROUNDS:-1}"); do
        measured_round "$url" "$mode" "$apps" "$etags" > "$rounds/$round"
    done
    combine_rounds "$rounds"/* | record_from "$prefix"
    rm -rf "$rounds"
}

# drive_pair PREFIX MODE A URL_A APPS_A ETAGS_A B URL_B APPS_B ETAGS_B: the same load against two
# targets (a process and its apps, or the same process over fewer of them), a warm-up of each, then
# round by round in turn (A B A B ...), recorded as PREFIX.A and PREFIX.B as drive records a load.
# Runs a few minutes apart on this shared VM differ by more than what is compared; alternated rounds
# leave the host's drift out of the ratio. ETAGS_* may be empty (only revalidate reads them).
drive_pair() {
    local prefix=$1 mode=$2 a=$3 url_a=$4 apps_a=$5 etags_a=$6 b=$7 url_b=$8 apps_b=$9 etags_b=${10} round rounds
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "${TIMEOUT}s" -s bench/wrk/apps.lua "$url_a" -- "$mode" "$apps_a" "$NAMESPACE" "$etags_a" > /dev/null
    [ "$url_a" = "$url_b" ] \
        || wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "${TIMEOUT}s" -s bench/wrk/apps.lua "$url_b" -- "$mode" "$apps_b" "$NAMESPACE" "$etags_b" > /dev/null
    rounds=$(mktemp -d)
    mkdir "$rounds/a" "$rounds/b"
    for round in $(seq 1 "${ROUNDS:-1}"); do
        measured_round "$url_a" "$mode" "$apps_a" "$etags_a" > "$rounds/a/$round"
        measured_round "$url_b" "$mode" "$apps_b" "$etags_b" > "$rounds/b/$round"
    done
    combine_rounds "$rounds"/a/* | record_from "$prefix.$a"
    combine_rounds "$rounds"/b/* | record_from "$prefix.$b"
    rm -rf "$rounds"
}

# drive_spread PREFIX URL MODE APPS FEW: the same load spread over APPS apps and over the first FEW of
# them, on the same process, alternated (drive_pair), recorded as PREFIX.all and PREFIX.few: what
# spreading reads over more apps costs.
drive_spread() {
    drive_pair "$1" "$3" all "$2" "$4" "" few "$2" "$5" ""
    record "$1.few_apps" "$5"
}

# combine_rounds FILE...: "bench.key value" lines of several wrk rounds in, one set out (see drive)
combine_rounds() {
    awk '
        $1 ~ /^bench\./ {
            key = substr($1, 7)
            if (!(key in n)) order[++keys] = key
            values[key, ++n[key]] = $2
        }
        function median(key,    i, j, t, a, m) {
            m = n[key]
            for (i = 1; i <= m; i++) a[i] = values[key, i] + 0
            for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
            return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
        }
        function joined(key,    i, s) {
            for (i = 1; i <= n[key]; i++) s = s (i > 1 ? "/" : "") values[key, i]
            return s
        }
        END {
            for (k = 1; k <= keys; k++) {
                key = order[k]
                if (key ~ /^(requests|seconds|socket_errors|timeouts|status_)/) {
                    total = 0
                    for (i = 1; i <= n[key]; i++) total += values[key, i]
                    print "bench." key, total
                } else if (key == "max_ms") {
                    largest = 0
                    for (i = 1; i <= n[key]; i++) if (values[key, i] + 0 > largest) largest = values[key, i] + 0
                    print "bench." key, largest
                } else {
                    print "bench." key, median(key)
                }
            }
            if (n["rps"] > 1) { print "bench.rounds_rps", joined("rps"); print "bench.rounds_p99_ms", joined("p99_ms") }
        }' "$@"
}

# kubectl_checklist PREFIX KUBECONFIG APP REPS: the tutorial's five gets for one app, mean of REPS runs each
kubectl_checklist() {
    local prefix=$1 kubeconfig=$2 app=$3 reps=$4 total=0 name args start ms
    command -v kubectl > /dev/null || { echo "kubectl missing: no checklist" >&2; return 0; }
    local -a checks=("sts sts $app" "po po -l app=$app" "pvc pvc -l app=$app" "pv pv"
        "endpointslices endpointslices -l kubernetes.io/service-name=$app-headless")
    for check in "${checks[@]}"; do
        name=${check%% *}; args=${check#* }
        # shellcheck disable=SC2086 # args are words on purpose
        kubectl --kubeconfig "$kubeconfig" -n "$NAMESPACE" get $args > /dev/null   # discovery cache warm
        start=$(now_ns)
        for _ in $(seq 1 "$reps"); do
            # shellcheck disable=SC2086
            kubectl --kubeconfig "$kubeconfig" -n "$NAMESPACE" get $args > /dev/null
        done
        ms=$(awk -v a="$start" -v b="$(now_ns)" -v r="$reps" 'BEGIN { printf "%.1f", (b - a) / 1e6 / r }')
        record "$prefix.get_${name}_ms" "$ms"
        total=$(calc "$total + $ms")
    done
    record "$prefix.checklist_ms" "$total"
    record "$prefix.reps" "$reps"
}

# add_nodes PREFIX KUBECONFIG APPS: the embedded cluster starts with 3 nodes of 110 pods; registers
# more (as kwok does, a Node object with a Ready status) so that APPS apps of 2 pods fit with room
# to spare, at most 100 pods a node, as a real cluster of that size would have.
add_nodes() {
    local wanted=$(( ($3 * 2 + 99) / 100 ))
    add_named_nodes "$2" bench-node $((wanted - 3))
    record "$1.nodes" "$(( wanted > 3 ? wanted : 3 ))"
}

# add_named_nodes KUBECONFIG NAME COUNT: registers nodes NAME-1 .. NAME-COUNT
add_named_nodes() {
    local i body
    for i in $(seq 1 "$3"); do
        body=$(sed "s/NAME/$2-$i/g" bench/node.json)
        curl -sf -o /dev/null -X POST -H "Authorization: Bearer $(kube_token "$1")" -H 'Content-Type: application/json' \
            --data "$body" "$(kube_server "$1")/api/v1/nodes"
    done
}

kube_server() { awk '$1 == "server:" { print $2; exit }' "$1"; }
kube_token() { awk '$1 == "token:" { print $2; exit }' "$1"; }
