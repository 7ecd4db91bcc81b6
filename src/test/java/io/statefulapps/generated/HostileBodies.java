package io.statefulapps.generated;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.generated.JsonFragments.Fragment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
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

    /**
     * A request body, its Content-Type ({@code null}: none sent), what it is, and the answers it must
     * get (empty: any the contract allows).
     */
    record Body(String label, String contentType, byte[] bytes, Set<Integer> expected) {

        Body as(String type) {
            return new Body(label, type, bytes, expected);
        }
    }

    static final String JSON = "application/json";
    static final String MARK = "@@hole-7f3a@@";
    /** How the labels of bodies with something after the document begin. */
    static final String TRAILING = "a complete document, then a trailing ";

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
                Tuple.of(2, wrongContentTypes(documents, contentType)));
    }

    /** Each fragment once, at a site drawn for it, so that no fragment is left to chance. */
    static List<Body> everyFragmentOnce(Arbitrary<ObjectNode> documents, List<Site> sites, String contentType,
            long seed) {
        List<Fragment> fragments = JsonFragments.all();
        List<ObjectNode> docs = SeededSamples.draw(documents, seed, fragments.size());
        List<Site> at = SeededSamples.draw(Arbitraries.of(sites), seed + 1, fragments.size());
        return IntStream.range(0, fragments.size())
                .mapToObj(i -> splicedAt(docs.get(i), at.get(i), fragments.get(i), contentType)).toList();
    }

    /** A fragment in place of one member. */
    static Arbitrary<Body> spliced(Arbitrary<ObjectNode> documents, List<Site> sites, String contentType) {
        return Combinators.combine(documents, Arbitraries.of(sites), JsonFragments.fragments())
                .as((doc, site, fragment) -> splicedAt(doc, site, fragment, contentType));
    }

    private static Body splicedAt(ObjectNode doc, Site site, Fragment fragment, String contentType) {
        ObjectNode marked = doc.deepCopy();
        site.mark().accept(marked);
        return new Body(fragment.label() + " at " + site.where(), contentType, splice(marked.toString(), fragment),
                fragment.expected());
    }

    /** A fragment as the name of a member (only strings can be names; anything else is malformed JSON). */
    static Arbitrary<Body> hostileKeys(Arbitrary<ObjectNode> documents, String contentType) {
        return Combinators.combine(documents, JsonFragments.fragments(), Arbitraries.of(true, false))
                .as((doc, fragment, inLabels) -> {
                    ObjectNode marked = doc.deepCopy();
                    (inLabels ? marked.putObject("labels") : marked).put(MARK, "v");
                    // Only a string can be a member name: anything else is malformed JSON
                    return new Body(fragment.label() + " as a member name" + (inLabels ? " in labels" : ""),
                            contentType, splice(marked.toString(), fragment),
                            fragment.isString() ? fragment.expected() : Set.of(400, 413));
                });
    }

    /** Bodies that are not one JSON object: empty, scalars, trailing garbage, truncations, other encodings. */
    static Arbitrary<Body> wholeBodies(Arbitrary<ObjectNode> documents, String contentType) {
        Arbitrary<Body> fixed = Arbitraries.of(Stream.of(
                malformed("empty body", ""), malformed("whitespace only", " \n\t "), malformed("null", "null"),
                malformed("an array", "[]"), malformed("a string", "\"spec\""), malformed("a number", "42"),
                malformed("true", "true"), malformed("arrays nested 10k deep", "[".repeat(10_000) + "]".repeat(10_000)),
                malformed("objects nested 10k deep", "{\"a\":".repeat(10_000) + "{}" + "}".repeat(10_000)),
                text("10k ports", "{\"name\":\"many\",\"image\":\"nginx\",\"ports\":["
                        + "{\"port\":80},".repeat(10_000) + "{\"port\":81}]}", Set.of(422)),
                text("20k unknown members", JsonFragments.manyKeys(20_000), Set.of(422)),
                malformed("a comment", "/* spec */ {\"name\":\"c\",\"image\":\"nginx\",\"ports\":[{\"port\":80}]}"),
                malformed("single quotes", "{'name':'q','image':'nginx','ports':[{'port':80}]}"),
                malformed("NUL bytes", "\u0000\u0000\u0000"),
                new Body("random bytes", JSON, new byte[] {(byte) 0x8b, 0x1f, 0x00, (byte) 0xff, 0x7b}, Set.of(400)),
                text("body over the limit", "{\"name\":\"big\",\"pad\":\"" + "z".repeat(JsonFragments.OVER_LIMIT) + "\"}",
                        Set.of(413)))
                .map(body -> body.as(contentType)).toList());
        Arbitrary<Body> derived = Combinators.combine(documents, Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 1000)).as(HostileBodies::around)
                .map(body -> body.as(contentType));
        return Arbitraries.oneOf(fixed, derived);
    }

    /**
     * Documents sent as something else: 415 unless the type is the one {@code accepted} (whatever its
     * case or parameters, where the parser may still refuse the bytes) or a wildcard.
     */
    static Arbitrary<Body> wrongContentTypes(Arbitrary<ObjectNode> documents, String accepted) {
        return Combinators.combine(documents, Arbitraries.of("text/plain", "application/xml", "application/json",
                "application/merge-patch+json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "garbage", "application/", "/json", accepted + "; charset=utf-16", accepted + ";charset=\"bogus\"",
                accepted.toUpperCase(), "application/json-patch+json", "application/yaml", "*/*", "")).as((doc, type) -> {
                    boolean utf16 = type.contains("utf-16");
                    byte[] bytes = doc.toString().getBytes(utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
                    String base = type.split(";")[0].trim().toLowerCase();
                    Set<Integer> expected = base.equals(accepted) || base.equals("*/*") ? Set.of() : Set.of(415);
                    return new Body("document as '" + type + "'", type.isEmpty() ? null : type, bytes, expected);
                });
    }

    private static Body around(ObjectNode doc, int variant, int cut) {
        String json = doc.toString();
        return switch (variant) {
            case 0 -> malformed(TRAILING + "garbage 'x'", json + "x");
            case 1 -> malformed(TRAILING + "object", json + " {}");
            case 2 -> malformed(TRAILING + "closing brace", json + "}");
            case 3 -> malformed("truncated at " + Math.min(cut, json.length() - 1), json.substring(0, Math.min(cut, json.length() - 1)));
            case 4 -> doc.isEmpty() ? malformed("a duplicate member", "{\"a\":1,\"a\":2}")
                    : malformed("its first member twice", "{" + ValidSpecs.JSON.createObjectNode()
                            .set(doc.fieldNames().next(), doc.elements().next()).toString().substring(1).replaceAll("}$", ",")
                            + json.substring(1));
            case 5 -> text("a byte order mark first", "\ufeff" + json, Set.of());
            default -> malformed(TRAILING + "NUL", json + "\u0000");
        };
    }

    private static Body text(String label, String body, Set<Integer> expected) {
        return new Body(label, JSON, body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Body malformed(String label, String body) {
        return text(label, body, Set.of(400));
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
