package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Fills the embedded API server's store with N apps as the simulator would leave them (StatefulSet,
 * 2 pods, 2 claims, 2 volumes, 2 Services, 2 EndpointSlices, a ControllerRevision, 3 events: 15
 * objects each), then reports the heap after a full GC and the time per request over HTTP. Not a
 * test: {@code java -cp <test classpath> io.statefulapps.embedded.apiserver.ApiServerScaleMeasurement 10000}.
 */
public final class ApiServerScaleMeasurement {

    private static final int APPS_PER_NAMESPACE = 100;

    private ApiServerScaleMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long baseline = usedHeapAfterGc();
        try (ApiServer server = ApiServer.start(ApiServer.Options.defaults(0, List.of()), ApiServer.Parts.defaults())) {
            ObjectStore store = server.store();
            ResourceCatalog catalog = new ResourceCatalog();
            long start = System.nanoTime();
            int objects = new ScaleFixture(store, catalog).fill(apps, APPS_PER_NAMESPACE);
            double fillMicros = (System.nanoTime() - start) / 1000.0 / objects;
            long heap = usedHeapAfterGc() - baseline;
            System.out.printf(Locale.ROOT, "apps=%d objects=%d fill=%.1f us/object heap=%.1f MiB (%.0f bytes/object,"
                    + " %.1f KiB/app)%n", apps, objects, fillMicros, heap / 1048576.0, (double) heap / objects,
                    heap / 1024.0 / apps);
            requests(URI.create("http://127.0.0.1:" + server.port()), apps);
        }
    }

    private static void requests(URI url, int apps) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int n = 2000;
        IntFunction<String> ns = i -> "ns-" + (i % apps) / APPS_PER_NAMESPACE;
        IntFunction<String> app = i -> "app-" + (i % apps);
        time(http, url, n, "GET /version (HTTP and client cost alone)", i -> "/version");
        time(http, url, n, "GET one pod", i -> get(ns.apply(i * 7), "pods/" + app.apply(i * 7) + "-0"));
        time(http, url, 200, "LIST pods of one namespace (200)", i -> get(ns.apply(i * 7), "pods"));
        time(http, url, n, "LIST pods by app label in one namespace", i -> get(ns.apply(i * 7),
                "pods?labelSelector=app.kubernetes.io%2Finstance%3D" + app.apply(i * 7)));
        time(http, url, n, "LIST pods by app label, all namespaces", i -> "/api/v1/pods?labelSelector="
                + "app.kubernetes.io%2Finstance%3D" + app.apply(i * 7));
        time(http, url, n, "LIST events by involvedObject, one namespace", i -> get(ns.apply(i * 7),
                "events?fieldSelector=involvedObject.name%3D" + app.apply(i * 7) + "-0"));
        time(http, url, 20, "LIST every pod (" + 2 * apps + ")", i -> "/api/v1/pods");
        pagedList(http, url, "LIST every pod in pages of 500, as kubectl", "/api/v1/pods", 500);
        timeWrite(http, url, n, "PATCH a pod's status", i -> HttpRequest.newBuilder(URI.create(url + get(
                ns.apply(i * 7), "pods/" + app.apply(i * 7) + "-1/status"))).header("Content-Type",
                "application/merge-patch+json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                "{\"status\":{\"message\":\"m" + i + "\"}}")).build());
        timeWrite(http, url, n, "PUT a pod's status (as the kubelet writes it)", i -> HttpRequest.newBuilder(URI.create(
                url + get(ns.apply(i * 11), "pods/" + app.apply(i * 11) + "-0/status"))).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString(AppObjects.pod(ns.apply(i * 11),
                app.apply(i * 11), 0).toString())).build());
        timeWrite(http, url, n, "POST a ConfigMap", i -> HttpRequest.newBuilder(URI.create(url + get(ns.apply(i),
                "configmaps"))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"metadata\":{\"name\":\"cm-" + i + "\"},\"data\":{\"a\":\"1\"}}")).build());
    }

    /** Reads a whole list page by page (limit and continue), as kubectl's chunked get does; prints the total time. */
    private static void pagedList(HttpClient http, URI url, String what, String path, int limit) throws Exception {
        java.util.regex.Pattern next = java.util.regex.Pattern.compile("\"continue\":\"([^\"]+)\"");
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int pages = 0;
            String token = null;
            do {
                String page = http.send(HttpRequest.newBuilder(URI.create(url + path + "?limit=" + limit
                        + (token == null ? "" : "&continue=" + token))).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                java.util.regex.Matcher m = next.matcher(page.substring(0, Math.min(page.length(), 300)));
                token = m.find() ? m.group(1) : null;
                pages++;
            } while (token != null);
            System.out.printf(Locale.ROOT, "%-48s %9.1f ms for %d pages%n", what,
                    (System.nanoTime() - start) / 1e6, pages);
        }
    }

    private static String get(String namespace, String rest) {
        return "/api/v1/namespaces/" + namespace + "/" + rest;
    }

    private static void time(HttpClient http, URI url, int n, String what, IntFunction<String> path) throws Exception {
        timeWrite(http, url, n, what, i -> HttpRequest.newBuilder(URI.create(url + path.apply(i))).GET().build());
    }

    private static void timeWrite(HttpClient http, URI url, int n, String what, IntFunction<HttpRequest> request)
            throws Exception {
        for (int i = 0; i < Math.min(n, 200); i++) {
            http.send(request.apply(i + n), HttpResponse.BodyHandlers.discarding());
        }
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            HttpResponse<byte[]> r = http.send(request.apply(i), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(what + ": " + r.statusCode() + " " + new String(r.body()));
            }
            bytes += r.body().length;
        }
        double micros = (System.nanoTime() - start) / 1000.0 / n;
        System.out.printf(Locale.ROOT, "%-48s %9.1f us/request (%d bytes/answer)%n", what, micros, bytes / n);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Objects for one app as the simulator writes them. */
    static final class ScaleFixture {
        private final ObjectStore store;
        private final ResourceCatalog catalog;

        ScaleFixture(ObjectStore store, ResourceCatalog catalog) {
            this.store = store;
            this.catalog = catalog;
        }

        int fill(int apps, int perNamespace) {
            int count = 0;
            for (int i = 0; i < apps; i++) {
                String ns = "ns-" + i / perNamespace;
                if (i % perNamespace == 0) {
                    ObjectNode namespace = JsonText.object();
                    namespace.putObject("metadata").put("name", ns);
                    namespace.putObject("status").put("phase", "Active");
                    store.write(() -> store.create(catalog.get("", "namespaces"), namespace));
                }
                String name = "app-" + i;
                count += store.write(() -> app(ns, name));
            }
            return count;
        }

        private int app(String ns, String name) {
            put("apps", "statefulsets", AppObjects.statefulSet(ns, name));
            put("apps", "controllerrevisions", AppObjects.revision(ns, name));
            put("", "services", AppObjects.service(ns, name + "-headless", name, true));
            put("", "services", AppObjects.service(ns, name, name, false));
            for (int o = 0; o < 2; o++) {
                put("", "pods", AppObjects.pod(ns, name, o));
                put("", "persistentvolumeclaims", AppObjects.claim(ns, name, o));
                put("", "persistentvolumes", AppObjects.volume(ns, name, o));
            }
            put("discovery.k8s.io", "endpointslices", AppObjects.slice(ns, name + "-headless", name));
            put("discovery.k8s.io", "endpointslices", AppObjects.slice(ns, name, name));
            for (String reason : new String[] {"Scheduled", "Pulled", "Started"}) {
                put("", "events", AppObjects.event(ns, name + "-0", reason));
            }
            return 15;
        }

        private void put(String group, String resource, ObjectNode object) {
            store.create(catalog.get(group, resource), object);
        }
    }
}
