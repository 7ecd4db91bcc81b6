#!/usr/bin/env bash
# Health at portal scale (issue 12). For each N: starts the packaged service on a fresh embedded
# simulated cluster, creates N apps through the API (every tenth with an image that cannot be
# pulled), lets them settle, then drives health GETs with wrk and measures what they cost. In the
# same run it drives the ceiling (bench/ceiling) and times the kubectl checklist. bench/README.md
# explains every figure.
#
#   bench/run.sh [N ...]                      default: 100 1000
#   bench/run.sh --smoke --attach URL [--pid PID] [--kubeconfig FILE] [--namespace NS] [--out FILE] 20
#
# --attach drives a service that is already running (the smoke test's): no service, replica or
# ceiling is started. --smoke: 1 s warm-up, 2 s runs. Environment: BENCH_PORT (18089; the second
# replica uses +1, the ceiling +2; each later N 10 more), BENCH_WARMUP / BENCH_DURATION (10 / 10 s) / BENCH_ROUNDS (3 measured
# runs after one warm-up; figures are the median round's), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_TIMEOUT (wrk's, 30 s), BENCH_SETTLE_TIMEOUT (600 s), BENCH_KUBECTL_REPS (20), BENCH_JAVA_OPTS, BENCH_HEAP_OPTS,
# BENCH_CLUSTER_JAVA_OPTS (the first process's: service + simulated cluster, see below),
# BENCH_REPLICA_STARTS (3: time to ready and heap are the medians of that many starts of the second replica),
# BENCH_JFR=1 (a flight recording of the service during the health JSON run, in the run's folder),
# BENCH_UNRELATED (5000: Services, pods and Warning events of other teams added to show they cost no heap),
# BENCH_SPREAD (100: health JSON over all N apps is alternated with the same load over this many of them),
# BENCH_SIDE_ROUNDS (9: measured rounds of each side-by-side load, see side_by_side).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

# All in one function: bash reads it whole before running it, so editing this file during a run is safe.
main() {

    ATTACH="" ATTACH_PID="" ATTACH_KUBECONFIG="" NAMESPACE=demo FIXED_NAMESPACE=default FIXED_APPS=10 OUT="" SMOKE=false SIZES=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --smoke) SMOKE=true ;;
            --attach) ATTACH=$2; shift ;;
            --pid) ATTACH_PID=$2; shift ;;
            --kubeconfig) ATTACH_KUBECONFIG=$2; shift ;;
            --namespace) NAMESPACE=$2; shift ;;
            --out) OUT=$2; shift ;;
            -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
            *) SIZES+=("$1") ;;
        esac
        shift
    done
    [ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000)
    BASE_PORT=${BENCH_PORT:-18089}
    # The JVM options the JVM image (src/main/docker/Dockerfile.jvm: ubi9/openjdk-17-runtime's
    # run-java.sh, and the Dockerfile's MetaspaceSize and FreqInlineSize) starts the service with,
    # for the second replica and the ceiling alike; BENCH_JAVA_OPTS replaces them (empty: the JVM's own defaults, G1 here).
    JAVA_OPTS=${BENCH_JAVA_OPTS--XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:MetaspaceSize=128m -XX:FreqInlineSize=150}
    # The heap the deployment gives the service (deploy/base/deployment.yaml: a 1 GiB limit,
    # run-java.sh's MaxRAMPercentage 80 and the deployment's InitialRAMPercentage 50), for the
    # second replica and the ceiling.
    HEAP_OPTS=${BENCH_HEAP_OPTS--Xms512m -Xmx819m}
    # The first process also holds the simulated cluster (API server, controllers, kubelets), which
    # no image runs: the same collector without the image's footprint rules (MaxHeapFreeRatio=20,
    # GCTimeRatio=4), under which creating and settling 10,000 apps collected the whole heap 42
    # times (16 s of 37 s of GC pauses, JFR); no heap limit. BENCH_CLUSTER_JAVA_OPTS replaces them.
    CLUSTER_JAVA_OPTS=${BENCH_CLUSTER_JAVA_OPTS--XX:+UseParallelGC -XX:MetaspaceSize=128m}
    if $SMOKE; then WARMUP=${BENCH_WARMUP:-1} DURATION=${BENCH_DURATION:-2} ROUNDS=${BENCH_ROUNDS:-1} REPS=${BENCH_KUBECTL_REPS:-2}
    else WARMUP=${BENCH_WARMUP:-10} DURATION=${BENCH_DURATION:-10} ROUNDS=${BENCH_ROUNDS:-3} REPS=${BENCH_KUBECTL_REPS:-20}; fi
    CONNECTIONS=${BENCH_CONNECTIONS:-32} THREADS=${BENCH_THREADS:-2}
    STARTS=${BENCH_REPLICA_STARTS:-3}
    SPREAD=${BENCH_SPREAD:-100}
    # a 10 s round's p99 moves by 1-3 ms on this VM: the side-by-side medians take more rounds
    # (with five, one run's 304 p99 at 1,000 apps read +61 % where the next run's nine read -5 %)
    SIDE_ROUNDS=${BENCH_SIDE_ROUNDS:-9}
    # wrk leaves answers slower than its timeout out of the latencies (2 s by default): a slow list must show
    TIMEOUT=${BENCH_TIMEOUT:-30}
    SETTLE_TIMEOUT=${BENCH_SETTLE_TIMEOUT:-$($SMOKE && echo 60 || echo 600)}
    STAMP=$(date -u +%Y%m%dT%H%M%SZ)
    LOGS=target/bench/$STAMP
    mkdir -p "$LOGS"
    RESULTS=$LOGS/results.txt
    OUT=${OUT:-target/bench/run-$STAMP.json}
    : > "$RESULTS"

    install_wrk
    if [ -z "$ATTACH" ]; then
        [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
        [ -f bench/ceiling/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests
    fi
    javac -d "$LOGS/classes" bench/BenchClient.java bench/BenchReport.java
    client() { java -cp "$LOGS/classes" BenchClient "$@"; }

    STARTED=()
    cleanup() { for pid in "${STARTED[@]}"; do kill "$pid" 2> /dev/null || true; done; }
    trap cleanup EXIT
    stop() { kill "$1" 2> /dev/null || true; wait "$1" 2> /dev/null || true; }

    # start_service NAME PORT MODE [ENV...]: starts the packaged service, sets SERVICE_PID and READY_S
    start_service() {
        local name=$1 port=$2 mode=$3 t0 options="$JAVA_OPTS $HEAP_OPTS"
        shift 3
        [ "$mode" != embedded ] || options=$CLUSTER_JAVA_OPTS
        t0=$(now_ns)
        # shellcheck disable=SC2086 # the options are several words
        env "$@" STATEFUL_APPS_CLUSTER="$mode" QUARKUS_HTTP_PORT="$port" \
            java $options -jar target/quarkus-app/quarkus-run.jar > "$LOGS/$name.log" 2>&1 &
        SERVICE_PID=$!
        STARTED+=("$SERVICE_PID")
        wait_ready "http://localhost:$port/q/health/ready" "$SERVICE_PID" 600
        READY_S=$(seconds_since "$t0")
        # What the start cost: both cores are busy throughout, so CPU, not waiting, sets READY_S
        READY_CPU_S=$(cpu_s "$SERVICE_PID") READY_JIT_S=$(jit_s "$SERVICE_PID")
        # Quarkus's own figure: from the JVM's start to listening (the rest of READY_S is the caches and reports)
        STARTED_S=$(grep -o 'started in [0-9.]*s' "$LOGS/$name.log" | head -1 | tr -dc '0-9.')
    }

    # The second replica: the same service in external mode against the first one's embedded cluster,
    # so its readiness (caches synced, every report computed) and heap are the service's alone.
    start_replica() {
        start_service "$1" $((PORT + 1)) external KUBECONFIG="$KUBECONFIG_FILE" STATEFUL_APPS_AUTH_ENABLED=false
    }

    # sampled_replica NAME HISTOGRAM: starts the second replica STARTS times, the last one left
    # running; sets READY_S, STARTED_S, READY_CPU_S, READY_JIT_S and HEAP to the medians and READY_ALL
    # to every time. One
    # process's live heap differs from the next one's by up to 300 KiB (what Jackson and the JDK
    # build lazily), 3 KiB per app at 100 apps: the median of three takes that out.
    sampled_replica() {
        local name=$1 histogram=$2 i readies=() starts=() heaps=() cpus=() jits=()
        for i in $(seq 1 "$STARTS"); do
            start_replica "$name-$i"
            readies+=("$READY_S") starts+=("$STARTED_S") cpus+=("$READY_CPU_S") jits+=("$READY_JIT_S")
            heaps+=("$(live_heap_bytes "$SERVICE_PID" "$histogram-$i.txt")")
            [ "$i" = "$STARTS" ] || stop "$SERVICE_PID"
        done
        READY_S=$(median "${readies[@]}") STARTED_S=$(median "${starts[@]}") HEAP=$(median "${heaps[@]}")
        READY_CPU_S=$(median "${cpus[@]}") READY_JIT_S=$(median "${jits[@]}")
        READY_ALL=$(IFS=/; echo "${readies[*]}")
    }

    # side_by_side PREFIX URL ETAGS: health JSON and 304 on this N's replica and on the first N's,
    # alternated (drive_pair: PREFIX.side_json.this / .first, PREFIX.side_revalidate.this / .first):
    # the target "within 15 % from 100 to 10,000 apps" without the host's drift between N's run
    # minutes apart. The first N's processes are idle otherwise (the ceiling and the later N's run
    # beside them), but for the simulated kubelet's back-off on the bad images' pulls.
    side_by_side() {
        echo "   side by side with the $FIRST_N-app replica: health JSON, 304" >&2
        ROUNDS=$SIDE_ROUNDS drive_pair "$1.side_json" json this "$2" "$N" "" first "$FIRST_TARGET" "$FIRST_N" ""
        ROUNDS=$SIDE_ROUNDS drive_pair "$1.side_revalidate" revalidate this "$2" "$N" "$3" first "$FIRST_TARGET" "$FIRST_N" "$FIRST_ETAGS"
    }

    # unrelated_objects PREFIX PID HEAP: adds what the service must not hold (Services, pods and Warning
    # events that are no app's, in the apps' namespace) and measures PID's live heap again
    unrelated_objects() {
        local count=${BENCH_UNRELATED:-5000} heap
        [ "$count" -gt 0 ] || return 0
        echo "   $count unrelated Services, pods and Warning events" >&2
        add_named_nodes "$KUBECONFIG_FILE" other-node $((count / 100 + 1))   # room for the pods
        client unrelated "$(kube_server "$KUBECONFIG_FILE")" "$NAMESPACE" "$count" "$(kube_token "$KUBECONFIG_FILE")" 4 \
            | record_from "$1.unrelated"
        # A watch delivers in milliseconds; what would be held is held well before this.
        sleep 10
        heap=$(live_heap_bytes "$2" "$LOGS/replica-histogram-$N-unrelated.txt")
        record "$1.memory.replica_heap_with_unrelated_mib" "$(calc "$heap / 1048576")"
        record "$1.memory.unrelated_growth_kib" "$(calc "($heap - $3) / 1024")"
    }

    # process_memory PREFIX: heap per app and RSS of the first process (service + simulated cluster)
    process_memory() {
        record "$1.memory.process_heap_per_app_kib" "$(calc "($(live_heap_bytes "$PID") - $heap0) / $N / 1024")"
        record "$1.memory.process_rss_mib" "$(rss_mib "$PID")"
    }

    record run.started "$STAMP"
    record run.mode "$($SMOKE && echo smoke || echo full)"
    record run.connections "$CONNECTIONS"
    record run.threads "$THREADS"
    record run.replica_starts "$STARTS"
    record run.warmup_s "$WARMUP"
    record run.duration_s "$DURATION"
    record run.rounds "$ROUNDS"
    record run.timeout_s "$TIMEOUT"
    record run.namespace "$NAMESPACE"
    record run.java_opts "$(echo "${JAVA_OPTS:-none}" | tr ' ' ',')"
    record run.heap_opts "$(echo "${HEAP_OPTS:-none}" | tr ' ' ',')"
    record run.cluster_java_opts "$(echo "${CLUSTER_JAVA_OPTS:-none}" | tr ' ' ',')"
    record machine.cpus "$(nproc)"
    record machine.load_at_start "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
    record machine.java "$(java -version 2>&1 | head -1 | tr -d '"' | tr ' ' '-')"
    record machine.wrk "$(wrk --version 2>&1 | head -1 | awk '{print $2}')"

    # The first N's second replica and its cluster stay up through the later N's (BASE_PORT + 1):
    # each later N's loads are also alternated with the same loads on it (side_by_side).
    FIRST_N="" FIRST_TARGET="" FIRST_ETAGS=""
    block=0
    for N in "${SIZES[@]}"; do
        n=n$N
        PORT=$((BASE_PORT + 10 * block))
        block=$((block + 1))
        echo "== $N apps" >&2
        record "$n.apps" "$N"
        record "$n.faulty" $((N / 10))
        if [ -n "$ATTACH" ]; then
            BASE=$ATTACH PID=$ATTACH_PID KUBECONFIG_FILE=$ATTACH_KUBECONFIG
        else
            BASE=http://localhost:$PORT KUBECONFIG_FILE=$LOGS/kubeconfig-$N.yaml
            start_service "service-$N" "$PORT" embedded \
                STATEFUL_APPS_EMBEDDED_KUBECONFIG="$KUBECONFIG_FILE"
            PID=$SERVICE_PID
            record "$n.ready.empty_s" "$READY_S"
            start_replica "replica-empty-$N"
            record "$n.ready.replica_empty_s" "$READY_S"
            record "$n.ready.replica_empty_listening_s" "$STARTED_S"
            replica_heap_none=$(live_heap_bytes "$SERVICE_PID" "$LOGS/replica-histogram-none.txt")
            record "$n.memory.replica_heap_empty_mib" "$(calc "$replica_heap_none / 1048576")"
            stop "$SERVICE_PID"
            # Ten apps in another namespace, there for both heap figures: the first objects of each
            # kind make Jackson build its deserializers and the JDK generate its reflection accessors
            # (after 15 calls of a setter), a one-time cost that is no app's. It is shown apart; per
            # app is the slope from these ten apps to N more.
            client create "$BASE" "$FIXED_NAMESPACE" "$FIXED_APPS" 0 1 > /dev/null
            client settle "$BASE" "$FIXED_NAMESPACE" "$FIXED_APPS" 120 > /dev/null
            sampled_replica "replica-fixed-$N" "$LOGS/replica-histogram-$N-fixed"
            replica_heap0=$HEAP
            record "$n.memory.replica_heap_fixed_apps_mib" "$(calc "$replica_heap0 / 1048576")"
            record "$n.memory.fixed_apps_kib" "$(calc "($replica_heap0 - $replica_heap_none) / 1024")"
            stop "$SERVICE_PID"
        fi
        [ -z "$PID" ] || heap0=$(live_heap_bytes "$PID")

        [ -z "$KUBECONFIG_FILE" ] || add_nodes "$n" "$KUBECONFIG_FILE" "$N"
        echo "   creating $N apps" >&2
        [ -z "$PID" ] || cpu0=$(cpu_s "$PID")
        client create "$BASE" "$NAMESPACE" "$N" 100 4 | record_from "$n.create"
        [ -z "$PID" ] || { cpu1=$(cpu_s "$PID"); record "$n.create.cpu_s" "$(calc "$cpu1 - $cpu0")"; }
        echo "   waiting for them to settle" >&2
        client settle "$BASE" "$NAMESPACE" "$N" "$SETTLE_TIMEOUT" | record_from "$n.settle"
        [ -z "$PID" ] || record "$n.settle.cpu_s" "$(calc "$(cpu_s "$PID") - $cpu1")"
        # Settled, nothing asked: the simulated cluster and the service should be all but idle (what
        # still changes is the faulty pods' image pulls, retried with a back-off of up to 5 minutes;
        # in the first 20 s the JIT may still compile what the creates made hot: shown apart).
        [ -z "$PID" ] || busy_cpu "$n.idle" "$PID" 20

        if [ -z "$ATTACH" ]; then
            sampled_replica "replica-$N" "$LOGS/replica-histogram-$N"
            record "$n.ready.replica_with_apps_s" "$READY_S"
            record "$n.ready.replica_with_apps_all_s" "$READY_ALL"
            record "$n.ready.replica_with_apps_listening_s" "$STARTED_S"
            record "$n.ready.replica_with_apps_cpu_s" "$READY_CPU_S"
            record "$n.ready.replica_with_apps_jit_cpu_s" "$READY_JIT_S"
            replica_heap1=$HEAP
            record "$n.memory.replica_heap_mib" "$(calc "$replica_heap1 / 1048576")"
            record "$n.memory.replica_heap_per_app_kib" "$(calc "($replica_heap1 - $replica_heap0) / $N / 1024")"
            record "$n.memory.replica_rss_mib" "$(rss_mib "$SERVICE_PID")"
            process_memory "$n"   # before the unrelated objects: the simulated cluster holds them, the service does not
            unrelated_objects "$n" "$SERVICE_PID" "$replica_heap1"
            # The loads drive this replica: the service alone, as a deployment runs it. The first
            # process also hosts the simulated cluster, whose heap (1.4 GiB live at 10,000 apps) made
            # its young GC pauses 5-15 ms and its p99 swing between runs.
            TARGET=http://localhost:$((PORT + 1)) TARGET_PID=$SERVICE_PID
        else
            TARGET=$BASE TARGET_PID=$PID
            [ -z "$PID" ] || process_memory "$n"
        fi

        client etags "$TARGET" "$NAMESPACE" "$N" "$LOGS/etags-$N.txt" | record_from "$n.etags"
        calls0=$(api_calls "$TARGET") watches0=$(api_calls "$TARGET" watch)
        api_call_lines "$TARGET" > "$LOGS/api-calls-before-$N.txt"
        echo "   wrk: health JSON, text, 304, list" >&2
        jfr=false
        [ "${BENCH_JFR:-0}" = 1 ] && [ -n "$TARGET_PID" ] && jfr=true
        ! $jfr || jcmd "$TARGET_PID" JFR.start name=bench settings=profile > /dev/null
        drive "$n.health_json" "$TARGET" json "$N"
        ! $jfr || jcmd "$TARGET_PID" JFR.stop name=bench filename="$PWD/$LOGS/health-json-$N.jfr" > /dev/null
        drive "$n.health_text" "$TARGET" text "$N"
        drive "$n.revalidate" "$TARGET" revalidate "$N" "$LOGS/etags-$N.txt"
        drive "$n.list" "$TARGET" list "$N"
        # The same JSON load over all N apps and over the first SPREAD of them (100; half at 100 apps
        # or fewer), alternated on this process: what spreading reads over more apps costs, apart
        # from the host's drift between the N's (their runs are tens of minutes apart).
        few=$((N > SPREAD ? SPREAD : N / 2))
        if [ "$few" -ge 1 ]; then
            drive_spread "$n.spread" "$TARGET" json "$N" "$few"
            record "$n.ratio.spread_json" "$(calc "$(value "$n.spread.all.rps") / $(value "$n.spread.few.rps")")"
        fi
        [ -z "$FIRST_TARGET" ] || side_by_side "$n" "$TARGET" "$LOGS/etags-$N.txt"
        record "$n.api_calls_during_load" $(($(api_calls "$TARGET") - calls0))
        record "$n.api_watch_renewals_during_load" $(($(api_calls "$TARGET" watch) - watches0))
        api_call_lines "$TARGET" > "$LOGS/api-calls-after-$N.txt"
        # One GET at a time: the latency the kubectl checklist is compared with.
        CONNECTIONS=1 THREADS=1 drive "$n.health_single" "$TARGET" json "$N"
        if [ -n "$KUBECONFIG_FILE" ]; then
            echo "   kubectl checklist" >&2
            kubectl_checklist "$n.kubectl" "$KUBECONFIG_FILE" app-00000 "$REPS"
            single=$(value "$n.health_single.mean_ms")
            checklist=$(value "$n.kubectl.checklist_ms")
            if [ -n "$checklist" ]; then
                record "$n.kubectl.ratio_to_health_get" "$(calc "$checklist / $single")"
                record "$n.kubectl.ratio_to_health_get_p50" "$(calc "$checklist / $(value "$n.health_single.p50_ms")")"
            fi
        fi

        if [ -z "$ATTACH" ]; then
            if [ -z "$FIRST_TARGET" ] && [ "$block" -lt ${#SIZES[@]} ]; then
                # kept for the later N's side_by_side (the cleanup stops them)
                FIRST_N=$N FIRST_TARGET=$TARGET FIRST_ETAGS=$LOGS/etags-$N.txt
                record run.side_by_side_apps "$N"
                record run.side_by_side_rounds "$SIDE_ROUNDS"
            else
                stop "$TARGET_PID"
                stop "$PID"
            fi
            echo "   ceiling" >&2
            t0=$(now_ns)
            QUARKUS_HTTP_PORT=$((PORT + 2)) java $JAVA_OPTS $HEAP_OPTS -jar bench/ceiling/target/quarkus-app/quarkus-run.jar \
                > "$LOGS/ceiling-$N.log" 2>&1 &
            CEILING=$!
            STARTED+=("$CEILING")
            wait_ready "http://localhost:$((PORT + 2))/reports/app-00000" "$CEILING" 120
            drive "$n.ceiling" "http://localhost:$((PORT + 2))" ceiling 1000
            stop "$CEILING"
            ceiling=$(value "$n.ceiling.rps")
            record "$n.ratio.health_json_to_ceiling" "$(calc "$(value "$n.health_json.rps") / $ceiling")"
            record "$n.ratio.revalidate_to_ceiling" "$(calc "$(value "$n.revalidate.rps") / $ceiling")"
        fi
    done

    java -cp "$LOGS/classes" BenchReport "$RESULTS" "$OUT"
    echo "JSON: $OUT (logs in $LOGS)"
}

main "$@"
