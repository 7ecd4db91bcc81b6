package io.statefulapps.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * JSON merge patches of the apps {@link GeneratedPatchTest} creates (one port {@code http} 8080, one
 * volume {@code data} of 1Gi at {@code /data}): changes the rules allow, changes they refuse, and
 * members set to null (RFC 7386: remove).
 */
final class PatchDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A patch and the answers it may get. */
    record Patch(String label, ObjectNode document, Set<Integer> expected) {
    }

    private PatchDocuments() {
    }

    /** One to three allowed changes merged into one patch: 200 (422 only for a volume growth the class refuses). */
    static Arbitrary<Patch> allowed() {
        return allowedChange().list().ofMinSize(1).ofMaxSize(3).map(changes -> {
            ObjectNode patch = NODES.objectNode();
            StringBuilder label = new StringBuilder();
            boolean growth = false;
            for (Tuple.Tuple2<String, ObjectNode> change : changes) {
                patch.setAll(change.get2());
                label.append(label.isEmpty() ? "" : " + ").append(change.get1());
                growth |= change.get1().startsWith("grow");
            }
            return new Patch(label.toString(), patch, growth ? Set.of(200, 422) : Set.of(200));
        });
    }

    /** Allowed changes only, as documents (the base of the hostile patches). */
    static Arbitrary<ObjectNode> allowedDocuments() {
        return allowed().map(Patch::document);
    }

    /** One change the rules refuse (422) or a member of the wrong type (400). */
    static Arbitrary<Patch> refused() {
        return Arbitraries.of(List.of(
                refused("rename", "{\"name\":\"other\"}"),
                refused("name removed", "{\"name\":null}"),
                refused("replicas negative", "{\"replicas\":-1}"),
                refused("image empty", "{\"image\":\"\"}"),
                refused("image removed", "{\"image\":null}"),
                refused("ports removed", "{\"ports\":null}"),
                refused("no ports", "{\"ports\":[]}"),
                refused("port 0", "{\"ports\":[{\"name\":\"http\",\"port\":0}]}"),
                refused("podManagementPolicy changed", "{\"podManagementPolicy\":\"Parallel\"}"),
                refused("headless Service renamed", "{\"headlessServiceName\":\"elsewhere\"}"),
                refused("client Service renamed", "{\"service\":{\"name\":\"elsewhere\"}}"),
                refused("volumes removed", "{\"volumes\":[]}"),
                refused("volume renamed", "{\"volumes\":[{\"name\":\"other\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}"),
                refused("volume shrunk", "{\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Mi\"}]}"),
                refused("volume access mode changed", "{\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\","
                        + "\"size\":\"100Gi\",\"accessModes\":[\"ReadWriteMany\"]}]}"),
                refused("volume added", "{\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"100Gi\"},"
                        + "{\"name\":\"more\",\"mountPath\":\"/more\",\"size\":\"1Gi\"}]}"),
                refused("unknown member", "{\"replica\":1}"),
                refused("reserved label", "{\"labels\":{\"app\":\"x\"}}"),
                refused("label value with a space", "{\"labels\":{\"k\":\"bad value\"}}"),
                refused("service type unknown", "{\"service\":{\"type\":\"External\"}}"),
                refused("OnDelete with partition", "{\"updateStrategy\":{\"type\":\"OnDelete\",\"partition\":1}}"),
                refused("probe on an undeclared port", "{\"readinessProbe\":{\"tcpSocket\":{\"port\":9999}}}"),
                new Patch("replicas as a string", parse("{\"replicas\":\"2\"}"), Set.of(400)),
                new Patch("ports as an object", parse("{\"ports\":{\"port\":80}}"), Set.of(400)),
                new Patch("env as a string", parse("{\"env\":\"A=1\"}"), Set.of(400))));
    }

    private static Arbitrary<Tuple.Tuple2<String, ObjectNode>> allowedChange() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 1).map(n -> change("replicas " + n, "replicas", NODES.numberNode(n))),
                ValidSpecs.images().map(image -> change("image " + image, "image", NODES.textNode(image))),
                ValidSpecs.env().map(env -> change("env replaced", "env", env)),
                Arbitraries.just(change("env removed", "env", NullNode.instance)),
                ValidSpecs.labels().map(labels -> change("labels merged", "labels", labels)),
                Arbitraries.just(change("label k removed", "labels", NODES.objectNode().putNull("k"))),
                Arbitraries.just(change("labels removed", "labels", NullNode.instance)),
                ValidSpecs.annotations().map(a -> change("pod annotations merged", "podAnnotations", a)),
                // limits always said (null: none), or the live limits would merge with the new requests
                ValidSpecs.resources().map(r -> change("resources", "resources",
                        r.has("limits") ? r : r.deepCopy().putNull("limits"))),
                Arbitraries.just(change("resources removed", "resources", NullNode.instance)),
                ValidSpecs.service().map(s -> change("service " + s.get("type").asText(), "service", s)),
                Arbitraries.integers().between(0, 2).map(p -> change("partition " + p, "updateStrategy",
                        NODES.objectNode().put("type", "RollingUpdate").put("partition", p))),
                Arbitraries.integers().between(0, 10).map(n -> change("revisionHistoryLimit", "revisionHistoryLimit",
                        NODES.numberNode(n))),
                Arbitraries.longs().between(0, 120).map(n -> change("grace period", "terminationGracePeriodSeconds",
                        NODES.numberNode(n))),
                ValidSpecs.freeText(30).list().ofMinSize(1).ofMaxSize(2).map(c -> change("command", "command",
                        ValidSpecs.JSON.valueToTree(c))),
                Arbitraries.just(change("readiness probe", "readinessProbe", parse("{\"tcpSocket\":{\"port\":8080}}"))),
                Arbitraries.just(change("readiness probe removed", "readinessProbe", NullNode.instance)),
                Arbitraries.of("2Gi", "3Gi", "5Gi").map(size -> change("grow data to " + size, "volumes",
                        ValidSpecs.JSON.createArrayNode().add(NODES.objectNode().put("name", "data")
                                .put("mountPath", "/data").put("size", size)))),
                Arbitraries.just(change("nothing", "replicas", null)));
    }

    private static Tuple.Tuple2<String, ObjectNode> change(String label, String member, JsonNode value) {
        ObjectNode patch = NODES.objectNode();
        if (value != null) {
            patch.set(member, value);
        }
        return Tuple.of(label, patch);
    }

    private static Patch refused(String label, String json) {
        return new Patch(label, parse(json), Set.of(422));
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) ValidSpecs.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
