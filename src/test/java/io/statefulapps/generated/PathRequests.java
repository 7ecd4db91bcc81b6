package io.statefulapps.generated;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Tuple;

/**
 * Every route of the API with generated path parameters (names with odd characters, broken and
 * double percent-encodings, dot segments, very long names), every method, odd query flags and
 * Accept headers. A few names are those of real apps, so reads, deletes and patches also succeed.
 */
final class PathRequests {

    private static final List<String> SUBPATHS = List.of("", "", "/", "/health", "/health", "/manifests",
            "/badge.svg", "/unknown", "/health/extra");
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "HEAD", "POST", "PATCH", "DELETE",
            "PUT", "OPTIONS", "TRACE");
    private static final List<String> FLAGS = List.of("dryRun", "deleteData", "lines", "limit", "continue", "watch",
            "status", "reason", "foo");
    private static final List<String> ACCEPTS = List.of("", "application/json", "*/*", "text/plain",
            "application/yaml", "image/png", "garbage", "text/event-stream", "application/json;q=0, text/plain;q=0.5",
            "application/problem+json");

    /** The parts of a request, filled in by the generator. */
    static final class Draft {
        String namespace;
        String name;
        String subpath = "";
        String method = "GET";
        String query = "";
        String accept = "";
        String precondition = "";
        boolean allApps;
    }

    private PathRequests() {
    }

    /** Every odd name with each method of the app's path first, then {@code count} generated requests. */
    static List<Exchange.Request> draw(String namespace, List<String> apps, long seed, int count) {
        List<Exchange.Request> all = new ArrayList<>();
        List<String> names = new ArrayList<>(oddNames());
        names.addAll(List.of(encode("ünïcødé"), encode("名前"), encode("a\u202eb"), "n".repeat(3000)));
        for (String name : names) {
            for (String method : List.of("GET", "HEAD", "PATCH", "DELETE", "GET /badge.svg", "GET /health")) {
                Draft d = new Draft();
                d.namespace = namespace;
                d.name = name;
                d.method = method.split(" ")[0];
                d.subpath = method.contains("/") ? method.split(" ")[1] : "";
                d.accept = method.contains("/") ? "*/*" : "application/json";
                all.add(request(d));
            }
        }
        all.addAll(SeededSamples.draw(requests(namespace, apps), seed, count));
        return all;
    }

    static Arbitrary<Exchange.Request> requests(String namespace, List<String> apps) {
        return Builders.withBuilder(Draft::new)
                .use(namespaces(namespace)).inSetter((d, ns) -> d.namespace = ns)
                .use(names(apps)).inSetter((d, n) -> d.name = n)
                .use(Arbitraries.of(SUBPATHS)).inSetter((d, s) -> d.subpath = s)
                .use(Arbitraries.of(METHODS)).inSetter((d, m) -> d.method = m)
                .use(queries()).inSetter((d, q) -> d.query = q)
                .use(Arbitraries.of(ACCEPTS)).inSetter((d, a) -> d.accept = a)
                .use(Arbitraries.of("If-None-Match: *", "If-None-Match: \"0000\"", "If-None-Match: W/\"x\", *",
                        "If-Match: *", "If-Match: \"0000\"", "If-Match: garbage")).withProbability(0.2)
                .inSetter((d, p) -> d.precondition = p)
                .use(Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false))).inSetter((d, all) -> d.allApps = all)
                .build(PathRequests::request);
    }

    private static Exchange.Request request(Draft d) {
        String path = d.allApps ? "/api/v1/apps" + (d.subpath.equals("/") ? "/" : "")
                : d.name == null ? "/api/v1/namespaces/" + d.namespace + "/apps"
                : "/api/v1/namespaces/" + d.namespace + "/apps/" + d.name + d.subpath;
        Map<String, String> headers = new LinkedHashMap<>();
        if (!d.accept.isEmpty()) {
            headers.put("Accept", d.accept);
        }
        if (!d.precondition.isEmpty()) {
            String[] header = d.precondition.split(": ", 2);
            headers.put(header[0], header[1]);
        }
        byte[] body = null;
        if (d.method.equals("POST")) {
            headers.put("Content-Type", "application/json");
            body = ("{\"name\":\"made-" + Math.abs(d.query.hashCode() % 1000) + "\",\"image\":\"nginx:1.27\","
                    + "\"ports\":[{\"port\":80}]}").getBytes(StandardCharsets.UTF_8);
        } else if (d.method.equals("PATCH") || d.method.equals("PUT")) {
            headers.put("Content-Type", "application/merge-patch+json");
            body = "{\"replicas\":1}".getBytes(StandardCharsets.UTF_8);
        }
        String label = "name " + Exchange.cut(d.name, 60) + ", namespace " + Exchange.cut(d.namespace, 60);
        return new Exchange.Request("path", label, d.method, path + d.query, headers, body, Set.of());
    }

    static Arbitrary<String> namespaces(String namespace) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(namespace)),
                Tuple.of(2, Arbitraries.of("demo", "no-such-namespace", "Bad_NS", "kube-system", "a".repeat(64),
                        "%2E%2E", "-x", "n%00s", "%E2%80%AE", "ns%2Fapps")));
    }

    /** Names of real apps, fine names of none, and odd ones (null: the collection itself). */
    static Arbitrary<String> names(List<String> apps) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(apps)),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(2, ValidSpecs.appNames()),
                Tuple.of(3, ValidSpecs.freeText(40).filter(s -> !s.isEmpty()).map(PathRequests::encode)),
                Tuple.of(3, Arbitraries.of(oddNames())),
                Tuple.of(1, Arbitraries.of(64, 253, 1000, 3000).map("n"::repeat)));
    }

    static List<String> oddNames() {
        return List.of(".", "..", "...", "%2e%2e", "%2E", "%2F", "a%2Fb", "%252F", "%zz", "%", "a%", "%c3%28",
                "%ff%fe", "%00", "a%00b", "%ed%a0%80", "%f0%9f%98%80", "%e2%80%ae", "%20", "+", "~", ";", "a;b=c",
                "%3B", "%3F", "%23", "a|b", "a{b}", "a^b", "a`b", "a%22b", "%3Cscript%3E", "NAME", "-a", "a-", "a_b",
                "a.b", "0", "%u0041", "%%41", "a'b", "@", "a:b", "*", "$", "%07bell", "%1b%5b31mred", "%ef%bf%bf",
                "a%26b", "%26amp%3B");
    }

    /** Zero to three query flags with generated values, sometimes a flag twice. */
    static Arbitrary<String> queries() {
        Arbitrary<String> flag = Arbitraries.of(FLAGS).flatMap(name -> values().map(v -> v == null ? name : name + "=" + v));
        return flag.list().ofMaxSize(3).map(flags -> flags.isEmpty() ? "" : "?" + String.join("&", flags));
    }

    static Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("true", "false", "All", "", "1", "0", "-1", "5", "2147483648", "1e3",
                        "yes", "TRUE", "%74rue", "%ff", "%zz", "%00", "a%26b", "%E2%80%AE", "abc")),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("Degraded", "Healthy,Progressing", "CrashLoopBackOff", "nonsense")),
                Tuple.of(1, ValidSpecs.freeText(30).map(PathRequests::encode)),
                Tuple.of(1, Arbitraries.of(100, 3000).map("v"::repeat)),
                Tuple.of(1, Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withChars('=', '_', '-')
                        .ofMinLength(1).ofMaxLength(80)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
