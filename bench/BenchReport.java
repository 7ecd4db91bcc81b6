import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the "key value" lines bench/run.sh collected into the run's JSON file and the table on stdout.
 * A key's dots nest it ("n100.health_json.rps 8000" becomes {"n100":{"health_json":{"rps":8000}}}).
 * <pre>  java bench/BenchReport.java RESULTS_FILE JSON_FILE</pre>
 */
public class BenchReport {

    public static void main(String[] args) throws Exception {
        Map<String, String> flat = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            int space = line.indexOf(' ');
            if (space > 0) {
                flat.put(line.substring(0, space), line.substring(space + 1).trim());
            }
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        flat.forEach((key, value) -> put(tree, key.split("\\."), value));
        Files.writeString(Path.of(args[1]), json(tree) + "\n");
        System.out.print(new Table(flat).render());
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> tree, String[] path, String value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    static String json(Object node) {
        if (node instanceof Map<?, ?> map) {
            return ((Map<String, Object>) map).entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        String value = (String) node;
        if (value.equals("true") || value.equals("false") || value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return quote(value);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The human-readable table: one block per number of apps. */
    record Table(Map<String, String> flat) {

        String get(String key) {
            return flat.getOrDefault(key, "-");
        }

        String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("Health benchmark %s: %s cores, %s, %s; wrk %s connections, %s s warm-up, %s x %s s measured (the median round's figures), %s s timeout%n",
                    get("run.started"), get("machine.cpus"), get("machine.java"), get("machine.wrk"),
                    get("run.connections"), get("run.warmup_s"), flat.getOrDefault("run.rounds", "1"), get("run.duration_s"),
                    get("run.timeout_s")));
            out.append(String.format("JVM options: %s; the service's heap (second replica, ceiling): %s; the first process (service + simulated cluster): %s%n",
                    get("run.java_opts").replace(',', ' '), get("run.heap_opts").replace(',', ' '),
                    flat.getOrDefault("run.cluster_java_opts", get("run.java_opts")).replace(',', ' ')));
            List<String> sizes = flat.keySet().stream().filter(k -> k.matches("n\\d+\\.apps"))
                    .map(k -> k.substring(0, k.indexOf('.'))).distinct().toList();
            for (String n : sizes) {
                block(out, n);
            }
            acrossSizes(out, sizes);
            return out.toString();
        }

        /**
         * Each N's figures against the smallest N's of this run: what the scale targets compare. The
         * N's run tens of minutes apart, so the host's drift is in these; the spread line of each
         * block is the same comparison on one process with its rounds alternated.
         */
        private void acrossSizes(StringBuilder out, List<String> sizes) {
            if (sizes.size() < 2) {
                return;
            }
            String base = sizes.get(0);
            out.append(String.format("%n== against %s apps (this run; the N's ran minutes apart)%n", get(base + ".apps")));
            for (String n : sizes.subList(1, sizes.size())) {
                for (String[] load : new String[][] {{"health_json", "health JSON"}, {"health_text", "health text"},
                        {"revalidate", "304 revalidation"}}) {
                    String now = n + "." + load[0] + ".";
                    String then = base + "." + load[0] + ".";
                    line(out, String.format("%s at %s apps", load[1], get(n + ".apps")),
                            String.format("req/s %s, p99 %s", change(now + "rps", then + "rps"),
                                    change(now + "p99_ms", then + "p99_ms")));
                }
            }
            sideBySide(out, sizes);
        }

        /**
         * The same comparison without the host's drift: the first N's replica stays up, and each
         * later N's loads alternate with the same loads on it, round by round.
         */
        private void sideBySide(StringBuilder out, List<String> sizes) {
            if (!flat.containsKey("run.side_by_side_apps")) {
                return;
            }
            out.append(String.format("%n== side by side with the %s-app replica (kept running; %s rounds each, alternated)%n",
                    get("run.side_by_side_apps"), flat.getOrDefault("run.side_by_side_rounds", get("run.rounds"))));
            for (String n : sizes) {
                for (String[] load : new String[][] {{"side_json", "health JSON"}, {"side_revalidate", "304 revalidation"}}) {
                    String now = n + "." + load[0] + ".this.";
                    String then = n + "." + load[0] + ".first.";
                    if (!flat.containsKey(now + "rps")) {
                        continue;
                    }
                    line(out, String.format("%s at %s apps", load[1], get(n + ".apps")),
                            String.format("req/s %s, p99 %s (%s apps %s req/s, p99 %s ms; %s apps %s req/s, p99 %s ms)",
                                    change(now + "rps", then + "rps"), change(now + "p99_ms", then + "p99_ms"),
                                    get(n + ".apps"), perRound(now, "rps"), perRound(now, "p99_ms"),
                                    get("run.side_by_side_apps"), perRound(then, "rps"), perRound(then, "p99_ms")));
                }
            }
        }

        /** The relative change from the value at {@code then} to the one at {@code now}, e.g. "-12.3 %". */
        private String change(String now, String then) {
            try {
                double a = Double.parseDouble(get(now));
                double b = Double.parseDouble(get(then));
                return b == 0 ? "-" : String.format("%+.1f %%", (a / b - 1) * 100);
            } catch (NumberFormatException e) {
                return "-";
            }
        }

        private void block(StringBuilder out, String n) {
            out.append(String.format("%n== %s apps (%s with a bad image) on %s nodes; settled %s in %s s (%s Healthy, %s Degraded, %s other)%n",
                    get(n + ".apps"), get(n + ".faulty"), get(n + ".nodes"), get(n + ".settle.settled"), get(n + ".settle.seconds"),
                    get(n + ".settle.healthy"), get(n + ".settle.degraded"), get(n + ".settle.other")));
            if (flat.containsKey(n + ".create.cpu_s")) {
                out.append(String.format("created in %s s, %s s of CPU; settled in %s s, %s s of CPU (service + simulated cluster, %s cores)%n",
                        get(n + ".create.seconds"), get(n + ".create.cpu_s"), get(n + ".settle.seconds"),
                        get(n + ".settle.cpu_s"), get("machine.cpus")));
            }
            out.append(String.format("%-22s %9s %8s %8s %8s %8s %8s %7s %8s %6s%n", "", "req/s", "p50 ms",
                    "p90 ms", "p99 ms", "max ms", "<400", ">=400", "timeouts", "load1"));
            for (String[] row : new String[][] {{"health_json", "health JSON"}, {"health_text", "health text"},
                    {"revalidate", "304 revalidation"}, {"list", "list (first page)"}, {"ceiling", "ceiling"},
                    {"health_single", "health JSON, 1 conn."}}) {
                String p = n + "." + row[0] + ".";
                if (flat.containsKey(p + "rps")) {
                    out.append(String.format("%-22s %9s %8s %8s %8s %8s %8s %7s %8s %6s%n", row[1], get(p + "rps"),
                            get(p + "p50_ms"), get(p + "p90_ms"), get(p + "p99_ms"), get(p + "max_ms"),
                            get(p + "status_ok"), get(p + "status_other"), get(p + "timeouts"), get(p + "load1")));
                }
            }
            line(out, "304 revalidation's answers", String.format("%s x 304, %s x 200, %s other in the warm-up; %s bytes per answer measured",
                    flat.getOrDefault(n + ".revalidate.warmup.status_304", "0"), flat.getOrDefault(n + ".revalidate.warmup.status_200", "0"),
                    get(n + ".revalidate.warmup.status_other"), get(n + ".revalidate.bytes_per_response")));
            rounds(out, n, "health_json", "health JSON rounds");
            rounds(out, n, "revalidate", "304 rounds");
            rounds(out, n, "ceiling", "ceiling rounds");
            if (flat.containsKey(n + ".spread.all.rps")) {
                line(out, "JSON over all apps / over few", String.format(
                        "%s (same replica, alternated: %s apps %s req/s, p99 %s ms; first %s apps %s req/s, p99 %s ms)",
                        get(n + ".ratio.spread_json"), get(n + ".apps"), perRound(n + ".spread.all.", "rps"),
                        perRound(n + ".spread.all.", "p99_ms"), get(n + ".spread.few_apps"), perRound(n + ".spread.few.", "rps"),
                        perRound(n + ".spread.few.", "p99_ms")));
            }
            line(out, "health JSON / ceiling (req/s)", get(n + ".ratio.health_json_to_ceiling"));
            line(out, "304 / ceiling (req/s)", get(n + ".ratio.revalidate_to_ceiling"));
            line(out, "Kubernetes API calls during load", String.format("%s (of which watch renewals: %s)",
                    get(n + ".api_calls_during_load"), get(n + ".api_watch_renewals_during_load")));
            line(out, "POST create p50 / p99 / max", String.format("%s / %s / %s ms (last %s creates, %s failed)",
                    get(n + ".create.p50_ms"), get(n + ".create.p99_ms"), get(n + ".create.max_ms"),
                    get(n + ".create.timed"), get(n + ".create.failed")));
            line(out, "CPU once settled", String.format("%s %% of a core over %s s, of which JIT compiler threads %s %% (service + simulated cluster, no requests)",
                    get(n + ".idle.cpu_pct"), get(n + ".idle.seconds"), get(n + ".idle.jit_cpu_pct")));
            line(out, "time to ready, empty cluster", get(n + ".ready.empty_s") + " s (service + embedded cluster)");
            line(out, "time to ready with the apps", String.format("%s s, median of %s (second replica: %s s, listening at %s s); %s s with no apps (listening at %s s)",
                    get(n + ".ready.replica_with_apps_s"), get("run.replica_starts"), get(n + ".ready.replica_with_apps_all_s"),
                    get(n + ".ready.replica_with_apps_listening_s"),
                    get(n + ".ready.replica_empty_s"), get(n + ".ready.replica_empty_listening_s")));
            if (flat.containsKey(n + ".ready.replica_with_apps_cpu_s")) {
                line(out, "CPU until ready with the apps", String.format("%s s, of which JIT compiler threads at least %s s (second replica, medians of the starts)",
                        get(n + ".ready.replica_with_apps_cpu_s"), get(n + ".ready.replica_with_apps_jit_cpu_s")));
            }
            line(out, "heap per app", String.format("%s KiB service only (second replica, medians of the starts: %s MiB live, %s MiB before the N apps); %s KiB with the simulated cluster",
                    get(n + ".memory.replica_heap_per_app_kib"), get(n + ".memory.replica_heap_mib"),
                    get(n + ".memory.replica_heap_fixed_apps_mib"), get(n + ".memory.process_heap_per_app_kib")));
            line(out, "heap of the first 10 apps", String.format("%s KiB (mostly one-time: deserializers, reflection accessors; %s MiB with no apps)",
                    get(n + ".memory.fixed_apps_kib"), get(n + ".memory.replica_heap_empty_mib")));
            if (flat.containsKey(n + ".unrelated.objects")) {
                line(out, "unrelated objects", String.format("%s KiB heap growth of the second replica after %s Services, pods and Warning events of no app (%s failed to create)",
                        get(n + ".memory.unrelated_growth_kib"), get(n + ".unrelated.objects"), get(n + ".unrelated.failed")));
            }
            line(out, "RSS", String.format("%s MiB second replica; %s MiB service + simulated cluster",
                    get(n + ".memory.replica_rss_mib"), get(n + ".memory.process_rss_mib")));
            line(out, "kubectl checklist (5 gets)", String.format("%s ms = %s x one health GET (mean %s ms), %s x its p50 (%s ms)",
                    get(n + ".kubectl.checklist_ms"), get(n + ".kubectl.ratio_to_health_get"),
                    get(n + ".health_single.mean_ms"), get(n + ".kubectl.ratio_to_health_get_p50"),
                    get(n + ".health_single.p50_ms")));
        }

        /** Every round's figure of a load ("a/b/c"), or its one figure when it ran one round. */
        private String perRound(String load, String figure) {
            return flat.getOrDefault(load + "rounds_" + figure, get(load + figure));
        }

        /** Every round's req/s and p99 of one load, when it ran more than one. */
        private void rounds(StringBuilder out, String n, String load, String label) {
            String p = n + "." + load + ".";
            if (flat.containsKey(p + "rounds_rps")) {
                line(out, label, String.format("req/s %s; p99 %s ms", get(p + "rounds_rps"), get(p + "rounds_p99_ms")));
            }
        }

        private static void line(StringBuilder out, String label, String value) {
            out.append(String.format("%-34s %s%n", label, value));
        }
    }
}
