package io.statefulapps.generated;

import io.statefulapps.generated.HostileBodies.Body;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * POST /api/v1/namespaces/{ns}/apps with generated bodies: valid specs (mostly dry runs, a few
 * created for real), specs with one rule broken, hostile bodies. Only a few percent are created for
 * real so that the namespace does not fill up.
 */
final class CreateRequests {

    static final String VALID = "valid";
    static final String NEARLY_VALID = "nearly-valid";
    static final String HOSTILE = "hostile";

    private CreateRequests() {
    }

    /**
     * {@code count} requests: every hostile fragment once (dry runs), then 35 % valid, 35 % nearly
     * valid and the rest hostile.
     */
    static List<Exchange.Request> draw(String namespace, long seed, int count) {
        List<Exchange.Request> catalogue = HostileBodies.everyFragmentOnce(ValidSpecs.specs(), HostileBodies.SPEC_SITES,
                HostileBodies.JSON, seed).stream()
                .map(body -> post(HOSTILE, body.label(), namespace, "?dryRun=true", body, body.expected())).toList();
        int rest = count - catalogue.size();
        int valid = rest * 35 / 100;
        int nearlyValid = rest * 35 / 100;
        Map<Arbitrary<? extends Exchange.Request>, Integer> counts = new LinkedHashMap<>();
        counts.put(valid(namespace), valid);
        counts.put(nearlyValid(namespace), nearlyValid);
        counts.put(hostile(namespace), rest - valid - nearlyValid);
        List<Exchange.Request> all = new ArrayList<>(catalogue);
        all.addAll(SeededSamples.mix(seed, counts));
        return all;
    }

    static Arbitrary<Exchange.Request> valid(String namespace) {
        return Combinators.combine(ValidSpecs.specs(), dryRunQuery(97)).as((spec, query) -> post(VALID, "valid spec",
                namespace, query, new Body("", HostileBodies.JSON, spec.toString().getBytes(StandardCharsets.UTF_8), Set.of()),
                isDryRun(query) ? Set.of(200, 409) : Set.of(201, 409)));
    }

    static Arbitrary<Exchange.Request> nearlyValid(String namespace) {
        return Combinators.combine(SpecBreakages.brokenSpecs(), dryRunQuery(90)).as((broken, query) -> post(
                NEARLY_VALID, broken.rule(), namespace, query,
                new Body("", HostileBodies.JSON, broken.spec().toString().getBytes(StandardCharsets.UTF_8), Set.of()),
                broken.expected()));
    }

    static Arbitrary<Exchange.Request> hostile(String namespace) {
        return Combinators.combine(HostileBodies.bodies(ValidSpecs.specs(), HostileBodies.SPEC_SITES, HostileBodies.JSON),
                        dryRunQuery(90))
                .as((body, query) -> post(HOSTILE, body.label(), namespace, query, body, body.expected()));
    }

    /** A dry run (in its spellings) {@code percent} times in a hundred, otherwise a real create. */
    static Arbitrary<String> dryRunQuery(int percent) {
        return Arbitraries.frequencyOf(
                Tuple.of(percent, Arbitraries.of("?dryRun=true", "?dryRun", "?dryRun=All", "?dryRun=TRUE", "?dryRun=")),
                Tuple.of(100 - percent, Arbitraries.of("", "?dryRun=false")));
    }

    static boolean isDryRun(String query) {
        return !query.isEmpty() && !query.endsWith("false");
    }

    static Exchange.Request post(String kind, String label, String namespace, String query, Body body,
            Set<Integer> expected) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body.contentType() != null) {
            headers.put("Content-Type", body.contentType());
        }
        headers.put("Accept", "application/json");
        String what = body.label().isEmpty() ? label : body.label();
        return new Exchange.Request(kind, what, "POST", "/api/v1/namespaces/" + namespace + "/apps" + query,
                headers, body.bytes(), expected);
    }
}
