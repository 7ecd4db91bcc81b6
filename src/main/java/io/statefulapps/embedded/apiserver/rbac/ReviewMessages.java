package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The field numbers of the review and token messages (from Kubernetes' {@code generated.proto}),
 * read into JSON. Only what requests carry is read: metadata name and namespace, and the spec.
 */
final class ReviewMessages {

    static final List<String> KINDS = List.of("TokenRequest", "TokenReview", "SelfSubjectReview",
            "SubjectAccessReview", "SelfSubjectAccessReview", "LocalSubjectAccessReview");
    private static final List<String> RESOURCE_ATTRIBUTES = List.of("namespace", "verb", "group", "version",
            "resource", "subresource", "name", "fieldSelector", "labelSelector");

    private static final List<String> BOUND_OBJECT_REFERENCE = List.of("kind", "apiVersion", "name", "uid");

    private ReviewMessages() {
    }

    /** Fills {@code json} (which has apiVersion and kind) from the message of a kind in {@link #KINDS}. */
    static void object(String kind, byte[] message, ObjectNode json) {
        ObjectNode meta = json.putObject("metadata");
        ObjectNode spec = json.putObject("spec");
        ProtobufWire.read(message, (n, f) -> {
            if (n == 1) {
                ProtobufWire.read(f.bytes(), (m, g) -> {
                    if ((m == 1 || m == 3) && g.bytes().length > 0) {
                        meta.put(m == 1 ? "name" : "namespace", g.text());
                    }
                });
            } else if (n == 2 && !kind.equals("SelfSubjectReview")) {
                spec(kind, f.bytes(), spec);
            }
        });
    }

    private static void spec(String kind, byte[] message, ObjectNode spec) {
        ProtobufWire.read(message, (n, f) -> {
            switch (kind) {
                case "TokenRequest" -> tokenRequestField(n, f, spec);
                case "TokenReview" -> {
                    if (n == 1) {
                        spec.put("token", f.text());
                    } else if (n == 2) {
                        array(spec, "audiences").add(f.text());
                    }
                }
                default -> accessReviewField(n, f, spec);
            }
        });
    }

    private static void tokenRequestField(int n, ProtobufWire.Field f, ObjectNode spec) {
        if (n == 1) {
            array(spec, "audiences").add(f.text());
        } else if (n == 4) {
            spec.put("expirationSeconds", f.varint());
        } else if (n == 3) {
            ObjectNode ref = spec.putObject("boundObjectRef");
            ProtobufWire.read(f.bytes(), (m, g) -> {
                if (m >= 1 && m <= BOUND_OBJECT_REFERENCE.size()) {
                    ref.put(BOUND_OBJECT_REFERENCE.get(m - 1), g.text());
                }
            });
        }
    }

    private static void accessReviewField(int n, ProtobufWire.Field f, ObjectNode spec) {
        switch (n) {
            case 1 -> {
                ObjectNode attributes = spec.putObject("resourceAttributes");
                ProtobufWire.read(f.bytes(), (m, g) -> {
                    if (m >= 1 && m <= RESOURCE_ATTRIBUTES.size() && g.bytes().length > 0) {
                        attributes.put(RESOURCE_ATTRIBUTES.get(m - 1), g.text());
                    }
                });
            }
            case 2 -> {
                ObjectNode attributes = spec.putObject("nonResourceAttributes");
                ProtobufWire.read(f.bytes(), (m, g) -> attributes.put(m == 1 ? "path" : "verb", g.text()));
            }
            case 3 -> spec.put("user", f.text());
            case 4 -> array(spec, "groups").add(f.text());
            case 5 -> extra(f.bytes(), spec);
            case 6 -> spec.put("uid", f.text());
            default -> {
                // fields a newer client may send are of no use to the decision
            }
        }
    }

    /** A map entry {@code key = 1, value = 2 (ExtraValue: repeated string items = 1)}. */
    private static void extra(byte[] entry, ObjectNode spec) {
        String[] key = {""};
        ArrayNode values = spec.arrayNode();
        ProtobufWire.read(entry, (m, g) -> {
            if (m == 1) {
                key[0] = g.text();
            } else if (m == 2) {
                ProtobufWire.read(g.bytes(), (i, item) -> values.add(item.text()));
            }
        });
        ObjectNode extra = spec.has("extra") ? (ObjectNode) spec.get("extra") : spec.putObject("extra");
        extra.set(key[0], values);
    }

    private static ArrayNode array(ObjectNode node, String field) {
        return node.has(field) ? (ArrayNode) node.get(field) : node.putArray(field);
    }
}
