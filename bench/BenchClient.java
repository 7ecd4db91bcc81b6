import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's HTTP steps that wrk cannot do (run by bench/run.sh as a single-file program):
 * <pre>
 *   java bench/BenchClient.java create  BASE NAMESPACE N TIMED THREADS
 *   java bench/BenchClient.java settle  BASE NAMESPACE N TIMEOUT_SECONDS
 *   java bench/BenchClient.java etags   BASE NAMESPACE N FILE
 *   java bench/BenchClient.java unrelated API_SERVER NAMESPACE N TOKEN THREADS
 * </pre>
 * Apps are named app-00000 .. app-(N-1); every tenth (index ending in 9) has an image the simulated
 * cluster cannot pull, so it goes Degraded with ErrImagePull / ImagePullBackOff, as in a real fleet.
 * Results are printed as "bench.key value" lines.
 */
public class BenchClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        String namespace = args[2];
        int apps = Integer.parseInt(args[3]);
        switch (args[0]) {
            case "create" -> create(base, namespace, apps, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "settle" -> settle(base, namespace, apps, Integer.parseInt(args[4]));
            case "etags" -> etags(base, namespace, apps, Path.of(args[4]));
            case "unrelated" -> unrelated(base, namespace, apps, args[4], Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    static String name(int i) {
        return String.format("app-%05d", i);
    }

    static boolean faulty(int i) {
        return i % 10 == 9;
    }

    static String spec(int i) {
        String image = faulty(i) ? "nginx:1.27-pullfail" : "nginx:1.27";
        return "{\"name\":\"" + name(i) + "\",\"image\":\"" + image + "\",\"replicas\":2,"
                + "\"ports\":[{\"name\":\"http\",\"port\":80}],"
                + "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}";
    }

    /** Creates the first N - TIMED apps THREADS at a time, then the last TIMED one after the other, timed. */
    static void create(String base, String namespace, int apps, int timed, int threads) throws Exception {
        URI uri = URI.create(base + "/api/v1/namespaces/" + namespace + "/apps");
        int untimed = Math.max(0, apps - timed);
        long start = System.nanoTime();
        int failed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < untimed; i++) {
                int index = i;
                codes.add(pool.submit(() -> post(uri, spec(index))));
            }
            for (Future<Integer> code : codes) {
                failed += created(code) ? 0 : 1;
            }
        } finally {
            pool.shutdown();
        }
        double[] millis = new double[apps - untimed];
        for (int i = untimed; i < apps; i++) {
            long t = System.nanoTime();
            failed += post(uri, spec(i)) == 201 ? 0 : 1;
            millis[i - untimed] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        emit("seconds", String.format("%.1f", (System.nanoTime() - start) / 1e9));
        emit("failed", failed);
        emit("timed", millis.length);
        emit("p50_ms", String.format("%.1f", percentile(millis, 50)));
        emit("p99_ms", String.format("%.1f", percentile(millis, 99)));
        emit("max_ms", String.format("%.1f", millis.length == 0 ? 0 : millis[millis.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static int post(URI uri, String body) throws IOException, InterruptedException {
        return post(uri, body, null);
    }

    static int post(URI uri, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Creates N of each of what the service must not hold: Services and pods that are not an app's
     * (no managed-by label), and Warning events about those pods, in the apps' own namespace, straight
     * through the Kubernetes API, THREADS at a time.
     */
    static void unrelated(String server, String namespace, int count, String token, int threads) throws Exception {
        String api = server + "/api/v1/namespaces/" + namespace + "/";
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        long start = System.nanoTime();
        int failed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format("other-%05d", i);
                codes.add(pool.submit(() -> post(URI.create(api + "services"), "{\"metadata\":{\"name\":\"" + name
                        + "\",\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"selector\":{\"app\":\"" + name
                        + "\"},\"ports\":[{\"port\":8080}]}}", token)));
                codes.add(pool.submit(() -> post(URI.create(api + "pods"), "{\"metadata\":{\"name\":\"" + name
                        + "\",\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"main\","
                        + "\"image\":\"busybox:1.36\"}]}}", token)));
                codes.add(pool.submit(() -> post(URI.create(api + "events"), "{\"metadata\":{\"name\":\"" + name
                        + ".warning\"},\"type\":\"Warning\",\"reason\":\"BackOff\",\"message\":\"Back-off restarting "
                        + "failed container main in pod " + name + "\",\"count\":1,\"firstTimestamp\":\"" + now
                        + "\",\"lastTimestamp\":\"" + now + "\",\"involvedObject\":{\"apiVersion\":\"v1\","
                        + "\"kind\":\"Pod\",\"namespace\":\"" + namespace + "\",\"name\":\"" + name + "\"}}", token)));
            }
            for (Future<Integer> code : codes) {
                failed += created(code) ? 0 : 1;
            }
        } finally {
            pool.shutdown();
        }
        emit("objects", 3 * count);
        emit("failed", failed);
        emit("seconds", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    /**
     * Whether the object was created. A connection that ends without an answer (seen once in a
     * dozen runs: the JDK client's "header parser received no bytes") is one failed object,
     * counted and printed, not the end of the run.
     */
    static boolean created(Future<Integer> code) throws InterruptedException {
        try {
            return code.get() == 201;
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof IOException)) {
                throw new IllegalStateException(e.getCause());
            }
            System.err.println("unrelated object not created: " + e.getCause());
            return false;
        }
    }

    /** Waits until the healthy apps are Healthy and the faulty ones Degraded, or the time is up. */
    static void settle(String base, String namespace, int apps, int timeoutSeconds) throws Exception {
        int faulty = (int) java.util.stream.IntStream.range(0, apps).filter(BenchClient::faulty).count();
        // Each page of the list costs the service a pass over every app: poll less often the more there are,
        // so that the benchmark does not slow down what it waits for.
        long pause = Math.max(500, apps);
        long start = System.nanoTime();
        Map<String, Integer> statuses;
        boolean settled;
        do {
            statuses = statuses(base, namespace);
            settled = statuses.getOrDefault("Healthy", 0) == apps - faulty
                    && statuses.getOrDefault("Degraded", 0) == faulty;
            if (!settled) {
                Thread.sleep(pause);
            }
        } while (!settled && System.nanoTime() - start < timeoutSeconds * 1_000_000_000L);
        emit("settled", settled);
        emit("seconds", String.format("%.1f", (System.nanoTime() - start) / 1e9));
        emit("healthy", statuses.getOrDefault("Healthy", 0));
        emit("degraded", statuses.getOrDefault("Degraded", 0));
        emit("other", statuses.entrySet().stream().filter(e -> !e.getKey().equals("Healthy")
                && !e.getKey().equals("Degraded")).mapToInt(Map.Entry::getValue).sum());
    }

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Za-z]+)\"");
    private static final Pattern CONTINUE = Pattern.compile("\"continue\":\"([^\"]+)\"");

    /** Counts the namespace's apps by verdict, reading every page of the list. */
    static Map<String, Integer> statuses(String base, String namespace) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        String token = null;
        do {
            String url = base + "/api/v1/namespaces/" + namespace + "/apps?limit=500"
                    + (token == null ? "" : "&continue=" + token);
            String page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = STATUS.matcher(page);
            while (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
            Matcher c = CONTINUE.matcher(page);
            token = c.find() ? c.group(1) : null;
        } while (token != null);
        return counts;
    }

    /** Writes "name etag" for every app, for wrk's revalidation run. */
    static void etags(String base, String namespace, int apps, Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < apps; i++) {
            URI uri = URI.create(base + "/api/v1/namespaces/" + namespace + "/apps/" + name(i) + "/health");
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.discarding());
            String tag = r.headers().firstValue("ETag").orElse(null);
            if (tag == null) {
                missing++;
            } else {
                lines.add(name(i) + " " + tag);
            }
        }
        Files.write(file, lines);
        emit("missing", missing);
    }

    static void emit(String key, Object value) {
        System.out.println("bench." + key + " " + value);
    }
}
