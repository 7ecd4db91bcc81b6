import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running service (usually on the embedded cluster, see run.sh): creates APPS apps, waits
 * for them to be Healthy, then measures health GETs at scale and what they cost the Kubernetes API.
 * Run: java bench/HealthBench.java http://localhost:8089 1000 20000 8 120
 */
public class HealthBench {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8089";
        int apps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int gets = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int settleSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 120;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String api = base + "/api/v1/namespaces/bench/apps";
        ExecutorService pool = Executors.newFixedThreadPool(threads);

        long t0 = System.nanoTime();
        List<Future<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            String body = "{\"name\":\"app-" + i + "\",\"image\":\"nginx:1.27\",\"ports\":[{\"name\":\"http\",\"port\":80}],"
                    + "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}";
            creates.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(api))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        int created = 0;
        for (Future<Integer> f : creates) {
            int code = f.get();
            if (code == 201 || code == 409) {
                created++;
            }
        }
        double createSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("created        %d apps in %.1f s (%.0f/s)%n", created, createSeconds, created / createSeconds);

        // Health costs the same whatever the verdict, so the measurement does not wait for every app
        // to settle: at most SETTLE seconds, then it reports how far the simulated cluster got.
        long t1 = System.nanoTime();
        int healthy = 0;
        while (System.nanoTime() - t1 < settleSeconds * 1e9) {
            healthy = count(get(http, api + "?limit=500"), "\"status\":\"Healthy\"");
            if (healthy >= Math.min(apps, 500)) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.printf("settled        %d of the first %d apps Healthy after %.1f s%n", healthy,
                Math.min(apps, 500), (System.nanoTime() - t1) / 1e9);

        double requestsBefore = apiRequests(http, base);
        long[] latencies = new long[gets];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long t2 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < gets) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create(api + "/app-" + (i % apps) + "/health")).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - t2) / 1e9;
        double requestsAfter = apiRequests(http, base);
        Arrays.sort(latencies);
        System.out.printf("health GETs     %d with %d threads in %.1f s: %.0f/s, %d failed%n", gets, threads, seconds,
                gets / seconds, failures.get());
        System.out.printf("latency         p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                latencies[gets / 2] / 1e6, latencies[gets * 9 / 10] / 1e6, latencies[gets * 99 / 100] / 1e6,
                latencies[gets - 1] / 1e6);
        System.out.printf("k8s API calls   %.0f during the health GETs (must be 0)%n", requestsAfter - requestsBefore);
        String metrics = get(http, base + "/q/metrics");
        System.out.printf("heap used       %.0f MiB%n", sum(metrics, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+]+)") / 1048576);
        pool.shutdownNow();
    }

    static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static double apiRequests(HttpClient http, String base) throws Exception {
        return sum(get(http, base + "/q/metrics"), "stateful_apps_kubernetes_api_requests_total\\{[^}]*\\} ([0-9.E+]+)");
    }

    static double sum(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
