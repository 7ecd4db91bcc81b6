package io.statefulapps.generated;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One rule broken in an otherwise valid spec: what the validator must refuse with 422 (or, for a
 * value of the wrong JSON type, the parser with 400) and never let through to the cluster.
 */
final class SpecBreakages {

    /** A named way to break a valid spec, and the answers it may get. */
    record Breakage(String rule, UnaryOperator<ObjectNode> apply, Set<Integer> expected) {
    }

    static final Set<Integer> REFUSED = Set.of(422);
    static final Set<Integer> MALFORMED = Set.of(400);

    private SpecBreakages() {
    }

    /** A valid spec with one rule broken, labelled with the rule. */
    static Arbitrary<Broken> brokenSpecs() {
        return Combinators.combine(ValidSpecs.specs(), Arbitraries.of(all())).as((spec, breakage) ->
                new Broken(breakage.rule(), breakage.apply().apply(spec.deepCopy()), breakage.expected()));
    }

    record Broken(String rule, ObjectNode spec, Set<Integer> expected) {
    }

    static List<Breakage> all() {
        return List.of(
                refused("name upper case", s -> s.put("name", "Web" + s.get("name").asText())),
                refused("name too long", s -> s.put("name", "a".repeat(53))),
                refused("name with underscore", s -> s.put("name", "my_app")),
                refused("name starting with a digit (Service name)", s -> s.put("name", "1" + s.get("name").asText())),
                refused("name missing", s -> remove(s, "name")),
                refused("image missing", s -> remove(s, "image")),
                refused("image empty", s -> s.put("image", "")),
                refused("image with a space", s -> s.put("image", "nginx latest")),
                refused("replicas negative", s -> s.put("replicas", -1)),
                refused("no ports", s -> { s.putArray("ports"); return s; }),
                refused("port 0", s -> firstPort(s).put("port", 0)),
                refused("port 65536", s -> firstPort(s).put("port", 65536)),
                refused("port missing", s -> { firstPort(s).remove("port"); return s; }),
                refused("duplicate port number", SpecBreakages::duplicatePort),
                refused("unnamed second port", s -> {
                    ((ArrayNode) s.get("ports")).addObject().put("port", 1);
                    ((ArrayNode) s.get("ports")).addObject().put("port", 2);
                    return s;
                }),
                refused("port name too long", s -> firstPort(s).put("name", "abcdefghijklmnop")),
                refused("port name upper case", s -> firstPort(s).put("name", "HTTP")),
                refused("volume size not a quantity", s -> firstVolume(s).put("size", "lots")),
                refused("volume size zero", s -> firstVolume(s).put("size", "0")),
                refused("volume relative mountPath", s -> firstVolume(s).put("mountPath", "data")),
                refused("volume mountPath with colon", s -> firstVolume(s).put("mountPath", "/a:b")),
                refused("duplicate volume names", SpecBreakages::duplicateVolume),
                refused("unknown top-level field", s -> s.put("replica", 3)),
                refused("unknown nested field", s -> firstPort(s).put("portt", 80)),
                malformed("replicas as a string", s -> s.put("replicas", "2")),
                malformed("image as a number", s -> s.put("image", 5)),
                malformed("ports as an object", s -> { s.putObject("ports"); return s; }),
                malformed("labels as an array", s -> { s.putArray("labels"); return s; }),
                malformed("replicas fractional", s -> s.put("replicas", 1.5)),
                refused("imagePullPolicy unknown", s -> s.put("imagePullPolicy", "Sometimes")),
                refused("podManagementPolicy unknown", s -> s.put("podManagementPolicy", "Random")),
                refused("OnDelete with partition", s -> {
                    s.putObject("updateStrategy").put("type", "OnDelete").put("partition", 1);
                    return s;
                }),
                refused("reserved label", s -> { s.putObject("labels").put("app", "x"); return s; }),
                refused("label key with a space", s -> { s.putObject("labels").put("bad key", "x"); return s; }),
                refused("label value too long", s -> { s.putObject("labels").put("k", "v".repeat(64)); return s; }),
                refused("service type unknown", s -> { s.putObject("service").put("type", "External"); return s; }),
                refused("externalTrafficPolicy on ClusterIP", s -> {
                    s.putObject("service").put("type", "ClusterIP").put("externalTrafficPolicy", "Local");
                    return s;
                }),
                refused("env name with '='", s -> { s.putArray("env").addObject().put("name", "A=B").put("value", "1"); return s; }),
                refused("duplicate env names", s -> {
                    ArrayNode env = s.putArray("env");
                    env.addObject().put("name", "A").put("value", "1");
                    env.addObject().put("name", "A").put("value", "2");
                    return s;
                }),
                refused("cpu request not a quantity", s -> {
                    s.putObject("resources").putObject("requests").put("cpu", "lots");
                    return s;
                }),
                refused("request above limit", s -> {
                    ObjectNode r = s.putObject("resources");
                    r.putObject("requests").put("memory", "2Gi");
                    r.putObject("limits").put("memory", "1Gi");
                    return s;
                }),
                refused("probe without handler", s -> { s.putObject("readinessProbe").put("periodSeconds", 5); return s; }),
                refused("probe port 70000", s -> {
                    s.putObject("readinessProbe").putObject("tcpSocket").put("port", 70000);
                    return s;
                }),
                refused("httpGet path without '/'", s -> {
                    s.putObject("readinessProbe").putObject("httpGet").put("path", "ready")
                            .put("port", firstPort(s).get("port").asInt());
                    return s;
                }),
                refused("revisionHistoryLimit negative", s -> s.put("revisionHistoryLimit", -1)),
                refused("terminationGracePeriodSeconds negative", s -> s.put("terminationGracePeriodSeconds", -5)),
                refused("retention policy unknown", s -> {
                    s.putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", "Keep");
                    return s;
                }),
                refused("annotation key with a space", s -> {
                    s.putObject("podAnnotations").put("bad key", "v");
                    return s;
                }),
                refused("headless and client Service share a name", s -> {
                    s.put("headlessServiceName", "same");
                    s.putObject("service").put("name", "same");
                    return s;
                }));
    }

    private static Breakage refused(String rule, UnaryOperator<ObjectNode> apply) {
        return new Breakage(rule, apply, REFUSED);
    }

    private static Breakage malformed(String rule, UnaryOperator<ObjectNode> apply) {
        return new Breakage(rule, apply, MALFORMED);
    }

    private static ObjectNode remove(ObjectNode spec, String field) {
        spec.remove(field);
        return spec;
    }

    private static ObjectNode firstPort(ObjectNode spec) {
        return (ObjectNode) spec.get("ports").get(0);
    }

    private static ObjectNode firstVolume(ObjectNode spec) {
        if (!spec.has("volumes")) {
            spec.putArray("volumes").addObject().put("name", "data").put("mountPath", "/data").put("size", "1Gi");
        }
        return (ObjectNode) spec.get("volumes").get(0);
    }

    private static ObjectNode duplicatePort(ObjectNode spec) {
        ObjectNode first = firstPort(spec);
        first.put("name", "first");
        ((ArrayNode) spec.get("ports")).addObject().put("name", "second").put("port", first.get("port").asInt());
        return spec;
    }

    private static ObjectNode duplicateVolume(ObjectNode spec) {
        ObjectNode first = firstVolume(spec);
        ((ArrayNode) spec.get("volumes")).addObject().put("name", first.get("name").asText())
                .put("mountPath", "/elsewhere").put("size", "1Gi");
        return spec;
    }
}
