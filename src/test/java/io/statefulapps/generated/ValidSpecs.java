package io.statefulapps.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * AppSpecs that break no rule, as JSON trees: the required members always, most optional ones
 * sometimes, with free text (env values, annotations, commands) drawn from the whole Basic
 * Multilingual Plane outside the surrogates, so "valid" also covers odd but legal Unicode.
 */
final class ValidSpecs {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> RESERVED_LABELS = Set.of("app");

    private ValidSpecs() {
    }

    /** A complete valid spec. */
    static Arbitrary<ObjectNode> specs() {
        return Builders.withBuilder(NODES::objectNode)
                .use(appNames()).in((spec, name) -> spec.put("name", name))
                .use(images()).in((spec, image) -> spec.put("image", image))
                .use(ports()).in((spec, ports) -> with(spec, "ports", ports))
                .use(Arbitraries.integers().between(0, 3)).withProbability(0.7).in((spec, n) -> spec.put("replicas", n))
                .use(env()).withProbability(0.5).in((spec, env) -> with(spec, "env", env))
                .use(resources()).withProbability(0.4).in((spec, r) -> with(spec, "resources", r))
                .use(volumes()).withProbability(0.5).in((spec, v) -> with(spec, "volumes", v))
                .use(labels()).withProbability(0.4).in((spec, l) -> with(spec, "labels", l))
                .use(annotations()).withProbability(0.3).in((spec, a) -> with(spec, "podAnnotations", a))
                .use(service()).withProbability(0.3).in((spec, s) -> with(spec, "service", s))
                .use(updateStrategy()).withProbability(0.2).in((spec, u) -> with(spec, "updateStrategy", u))
                .use(Arbitraries.of("OrderedReady", "Parallel")).withProbability(0.2)
                .in((spec, p) -> spec.put("podManagementPolicy", p))
                .use(Arbitraries.integers().between(0, 10)).withProbability(0.2)
                .in((spec, n) -> spec.put("revisionHistoryLimit", n))
                .use(Arbitraries.longs().between(0, 300)).withProbability(0.2)
                .in((spec, n) -> spec.put("terminationGracePeriodSeconds", n))
                .use(freeText(40).list().ofMinSize(1).ofMaxSize(3)).withProbability(0.2)
                .in((spec, c) -> with(spec, "command", strings(c)))
                .use(Arbitraries.of("Always", "IfNotPresent", "Never")).withProbability(0.2)
                .in((spec, p) -> spec.put("imagePullPolicy", p))
                .use(Arbitraries.of(true, false)).withProbability(0.5).in(ValidSpecs::withReadinessProbe)
                .build();
    }

    /** DNS-1035 labels short enough that the derived Service and claim names stay legal. */
    static Arbitrary<String> appNames() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
        Arbitrary<String> middle = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-').ofMaxLength(30);
        Arbitrary<Character> last = Arbitraries.chars().range('a', 'z').range('0', '9');
        return Combinators.combine(first, middle, last).as((f, m, l) -> f + m + l);
    }

    static Arbitrary<String> images() {
        return Arbitraries.of("nginx:1.27", "nginx:1.28", "redis:7.2", "busybox", "postgres:16-alpine",
                "registry.example.com:5000/team/app:v1.2.3",
                "ghcr.io/acme/ledger@sha256:" + "ab".repeat(32));
    }

    /** One to three ports with distinct numbers and (when more than one) distinct names. */
    static Arbitrary<ArrayNode> ports() {
        return Arbitraries.integers().between(1, 3).flatMap(count -> Combinators.combine(
                Arbitraries.integers().between(1, 65535).set().ofSize(count),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).set().ofSize(count),
                Arbitraries.of(true, false))
                .as((numbers, names, named) -> {
                    ArrayNode ports = NODES.arrayNode();
                    List<String> nameList = List.copyOf(names);
                    int i = 0;
                    for (int number : numbers) {
                        ObjectNode port = ports.addObject().put("port", number);
                        if (count > 1 || named) {
                            port.put("name", nameList.get(i));
                        }
                        i++;
                    }
                    return ports;
                }));
    }

    static Arbitrary<ArrayNode> env() {
        Arbitrary<String> names = Combinators.combine(
                        Arbitraries.chars().range('A', 'Z').with('_'),
                        Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('_', '.', '-')
                                .ofMaxLength(15))
                .as((f, rest) -> f + rest);
        return Arbitraries.maps(names, freeText(60)).ofMaxSize(4).map(vars -> {
            ArrayNode env = NODES.arrayNode();
            vars.forEach((name, value) -> env.addObject().put("name", name).put("value", value));
            return env;
        });
    }

    static Arbitrary<ObjectNode> resources() {
        return Arbitraries.of(
                Map.of("cpu", "100m", "memory", "64Mi"),
                Map.of("cpu", "250m"),
                Map.of("memory", "1Gi"),
                Map.of("cpu", "0.5", "memory", "128Mi")).flatMap(requests -> Arbitraries.of(true, false).map(limited -> {
                    ObjectNode resources = NODES.objectNode();
                    ObjectNode req = resources.putObject("requests");
                    requests.forEach(req::put);
                    if (limited) {
                        ObjectNode lim = resources.putObject("limits");
                        requests.forEach(lim::put);
                    }
                    return resources;
                }));
    }

    static Arbitrary<ArrayNode> volumes() {
        return Arbitraries.of("data", "logs", "cache", "wal").set().ofMinSize(1).ofMaxSize(2)
                .flatMap(names -> Arbitraries.of("1Gi", "500Mi", "10Gi", "2G").list().ofSize(names.size())
                        .map(sizes -> {
                            ArrayNode volumes = NODES.arrayNode();
                            int i = 0;
                            for (String name : names) {
                                volumes.addObject().put("name", name).put("mountPath", "/var/lib/" + name)
                                        .put("size", sizes.get(i++));
                            }
                            return volumes;
                        }));
    }

    static Arbitrary<ObjectNode> labels() {
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .filter(k -> !RESERVED_LABELS.contains(k));
        Arbitrary<String> values = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMaxLength(20);
        return Arbitraries.maps(keys, values).ofMinSize(1).ofMaxSize(3).map(ValidSpecs::object);
    }

    static Arbitrary<ObjectNode> annotations() {
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .map(k -> "example.com/" + k);
        return Arbitraries.maps(keys, freeText(200)).ofMinSize(1).ofMaxSize(3).map(ValidSpecs::object);
    }

    static Arbitrary<ObjectNode> service() {
        return Arbitraries.of("ClusterIP", "NodePort", "LoadBalancer").map(type -> NODES.objectNode().put("type", type));
    }

    static Arbitrary<ObjectNode> updateStrategy() {
        return Arbitraries.integers().between(-1, 3).map(partition -> partition < 0
                ? NODES.objectNode().put("type", "OnDelete")
                : NODES.objectNode().put("type", "RollingUpdate").put("partition", partition));
    }

    /**
     * Text Kubernetes accepts in free-form strings: printable ASCII, Latin, Cyrillic, CJK, symbols
     * and some characters that trip naive code (NUL and other controls, the BOM, a right-to-left
     * override, a zero-width joiner, U+FFFF), never a lone surrogate.
     */
    static Arbitrary<String> freeText(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u024f')
                .withCharRange('\u0400', '\u04ff').withCharRange('\u4e00', '\u4fff')
                .withChars('\u0000', '\u0007', '\n', '\t', '\ufeff', '\u202e', '\u200d', '\uffff', '"', '\\')
                .ofMaxLength(maxLength);
    }

    private static ObjectNode withReadinessProbe(ObjectNode spec, boolean http) {
        JsonNode port = spec.path("ports").path(0).path("port");
        ObjectNode probe = spec.putObject("readinessProbe");
        if (http) {
            probe.putObject("httpGet").put("path", "/ready").put("port", port.intValue());
        } else {
            probe.putObject("tcpSocket").put("port", port.intValue());
        }
        probe.put("periodSeconds", 5);
        return spec;
    }

    private static ObjectNode with(ObjectNode spec, String field, JsonNode value) {
        spec.set(field, value);
        return spec;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode object(Map<String, String> entries) {
        ObjectNode node = NODES.objectNode();
        entries.forEach(node::put);
        return node;
    }
}
