package io.statefulapps.generated;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.generated.JsonFragments.Fragment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies no well-behaved client sends: a hostile fragment put in place of one member of a
 * valid spec (or of its keys), whole bodies that are not one JSON object, and valid specs under the
 * wrong Content-Type.
 */
final class HostileBodies {

    /** A request body, its Content-Type ({@code null}: none sent) and what it is. */
    record Body(String label, String contentType, byte[] bytes) {
    }

    static final String JSON = "application/json";
    static final String MARK = "@@hole-7f3a@@";

    /** A place in a document where a fragment goes (the mark is replaced by the fragment's bytes). */
    record Site(String where, Consumer<ObjectNode> mark) {

        /** A member of the document itself. */
        static Site member(String name) {
            return new Site(name, doc -> doc.put(name, MARK));
        }
    }

    static final List<Site> SPEC_SITES = List.of(
            new Site("name", s -> s.put("name", MARK)),
            new Site("image", s -> s.put("image", MARK)),
            new Site("replicas", s -> s.put("replicas", MARK)),
            new Site("ports", s -> s.put("ports", MARK)),
            new Site("ports[0].port", s -> ((ObjectNode) s.get("ports").get(0)).put("port", MARK)),
            new Site("ports[0].name", s -> ((ObjectNode) s.get("ports").get(0)).put("name", MARK)),
            new Site("ports[0].targetPort", s -> ((ObjectNode) s.get("ports").get(0)).put("targetPort", MARK)),
            new Site("env", s -> s.put("env", MARK)),
            new Site("env[0].value", s -> s.putArray("env").addObject().put("name", "A").put("value", MARK)),
            new Site("labels", s -> s.put("labels", MARK)),
            new Site("labels.k", s -> s.putObject("labels").put("k", MARK)),
            new Site("podAnnotations.example.com/k", s -> s.putObject("podAnnotations").put("example.com/k", MARK)),
            new Site("volumes[0].size", s -> s.putArray("volumes").addObject().put("name", "data")
                    .put("mountPath", "/data").put("size", MARK)),
            new Site("resources.requests.cpu", s -> s.putObject("resources").putObject("requests").put("cpu", MARK)),
            new Site("service.type", s -> s.putObject("service").put("type", MARK)),
            new Site("terminationGracePeriodSeconds", s -> s.put("terminationGracePeriodSeconds", MARK)),
            new Site("securityContext.runAsUser", s -> s.putObject("securityContext").put("runAsUser", MARK)),
            new Site("affinity", s -> s.put("affinity", MARK)),
            new Site("tolerations[0].tolerationSeconds", s -> s.putArray("tolerations").addObject()
                    .put("key", "k").put("operator", "Exists").put("tolerationSeconds", MARK)),
            new Site("readinessProbe.periodSeconds", s -> s.putObject("readinessProbe").put("periodSeconds", MARK)),
            new Site("an unknown member", s -> s.put("surprise", MARK)));

    private HostileBodies() {
    }

    /**
     * Hostile bodies built on {@code documents} (specs or patches) sent as {@code contentType}: mostly a
     * fragment at one of {@code sites}, also hostile member names, bodies that are not one JSON
     * object, and the documents under other media types.
     */
    static Arbitrary<Body> bodies(Arbitrary<ObjectNode> documents, List<Site> sites, String contentType) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, spliced(documents, sites, contentType)),
                Tuple.of(2, hostileKeys(documents, contentType)),
                Tuple.of(2, wholeBodies(documents, contentType)),
                Tuple.of(2, wrongContentTypes(documents)));
    }

    /** A fragment in place of one member. */
    static Arbitrary<Body> spliced(Arbitrary<ObjectNode> documents, List<Site> sites, String contentType) {
        return Combinators.combine(documents, Arbitraries.of(sites), JsonFragments.fragments()).as((doc, site, fragment) -> {
            ObjectNode marked = doc.deepCopy();
            site.mark().accept(marked);
            return new Body(fragment.label() + " at " + site.where(), contentType, splice(marked.toString(), fragment));
        });
    }

    /** A fragment as the name of a member (only strings can be names; anything else is malformed JSON). */
    static Arbitrary<Body> hostileKeys(Arbitrary<ObjectNode> documents, String contentType) {
        return Combinators.combine(documents, JsonFragments.fragments(), Arbitraries.of(true, false))
                .as((doc, fragment, inLabels) -> {
                    ObjectNode marked = doc.deepCopy();
                    (inLabels ? marked.putObject("labels") : marked).put(MARK, "v");
                    return new Body(fragment.label() + " as a member name" + (inLabels ? " in labels" : ""),
                            contentType, splice(marked.toString(), fragment));
                });
    }

    /** Bodies that are not one JSON object: empty, scalars, trailing garbage, truncations, other encodings. */
    static Arbitrary<Body> wholeBodies(Arbitrary<ObjectNode> documents, String contentType) {
        Arbitrary<Body> fixed = Arbitraries.of(Stream.of(
                text("empty body", ""), text("whitespace only", " \n\t "), text("null", "null"),
                text("an array", "[]"), text("a string", "\"spec\""), text("a number", "42"),
                text("true", "true"), text("arrays nested 10k deep", "[".repeat(10_000) + "]".repeat(10_000)),
                text("objects nested 10k deep", "{\"a\":".repeat(10_000) + "{}" + "}".repeat(10_000)),
                text("10k ports", "{\"name\":\"many\",\"image\":\"nginx\",\"ports\":["
                        + "{\"port\":80},".repeat(10_000) + "{\"port\":81}]}"),
                text("20k unknown members", JsonFragments.manyKeys(20_000)),
                text("a comment", "/* spec */ {\"name\":\"c\",\"image\":\"nginx\",\"ports\":[{\"port\":80}]}"),
                text("single quotes", "{'name':'q','image':'nginx','ports':[{'port':80}]}"),
                text("NUL bytes", "\u0000\u0000\u0000"),
                new Body("random bytes", JSON, new byte[] {(byte) 0x8b, 0x1f, 0x00, (byte) 0xff, 0x7b}),
                text("body over the limit", "{\"name\":\"big\",\"pad\":\"" + "z".repeat(JsonFragments.OVER_LIMIT) + "\"}"))
                .map(body -> new Body(body.label(), contentType, body.bytes())).toList());
        Arbitrary<Body> derived = Combinators.combine(documents, Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 1000)).as(HostileBodies::around)
                .map(body -> new Body(body.label(), contentType, body.bytes()));
        return Arbitraries.oneOf(fixed, derived);
    }

    /** Valid specs sent as something else. */
    static Arbitrary<Body> wrongContentTypes(Arbitrary<ObjectNode> documents) {
        return Combinators.combine(documents, Arbitraries.of("text/plain", "application/xml",
                "application/merge-patch+json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "garbage", "application/", "/json", "application/json; charset=utf-16",
                "application/json;charset=\"bogus\"", "APPLICATION/JSON", "application/json-patch+json",
                "application/yaml", "*/*", "")).as((doc, type) -> {
                    boolean utf16 = type.contains("utf-16");
                    byte[] bytes = doc.toString().getBytes(utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
                    return new Body("valid spec as '" + type + "'", type.isEmpty() ? null : type, bytes);
                });
    }

    private static Body around(ObjectNode doc, int variant, int cut) {
        String json = doc.toString();
        return switch (variant) {
            case 0 -> text("trailing garbage 'x'", json + "x");
            case 1 -> text("a second object after it", json + " {}");
            case 2 -> text("an extra closing brace", json + "}");
            case 3 -> text("truncated at " + Math.min(cut, json.length() - 1), json.substring(0, Math.min(cut, json.length() - 1)));
            case 4 -> text("a duplicate 'name'", "{\"name\":\"dup\"," + json.substring(1));
            case 5 -> text("a byte order mark first", "\ufeff" + json);
            default -> text("a trailing NUL", json + "\u0000");
        };
    }

    private static Body text(String label, String body) {
        return new Body(label, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON text with the quoted mark replaced by the fragment's raw bytes. */
    static byte[] splice(String json, Fragment fragment) {
        String quotedMark = "\"" + MARK + "\"";
        int at = json.indexOf(quotedMark);
        if (at < 0) {
            throw new IllegalStateException("no mark in " + json);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(fragment.bytes());
        out.writeBytes(json.substring(at + quotedMark.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
