package io.statefulapps.generated;

import io.statefulapps.generated.HostileBodies.Body;
import io.statefulapps.generated.HostileBodies.Site;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * PATCH /api/v1/namespaces/{ns}/apps/{name} with generated merge patches: allowed changes (some
 * with {@code If-Match: *}), refused changes, hostile bodies, stale or odd {@code If-Match} values,
 * and apps that do not exist.
 */
final class PatchRequests {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final List<Site> PATCH_SITES = List.of(
            Site.member("replicas"), Site.member("image"), Site.member("env"), Site.member("labels"),
            Site.member("ports"), Site.member("volumes"), Site.member("service"), Site.member("name"),
            Site.member("terminationGracePeriodSeconds"), Site.member("securityContext"), Site.member("surprise"),
            new Site("labels.k", p -> p.putObject("labels").put("k", HostileBodies.MARK)),
            new Site("env[0].value", p -> p.putArray("env").addObject().put("name", "A").put("value", HostileBodies.MARK)),
            new Site("volumes[0].size", p -> p.putArray("volumes").addObject().put("name", "data")
                    .put("mountPath", "/data").put("size", HostileBodies.MARK)),
            new Site("securityContext.runAsUser", p -> p.putObject("securityContext").put("runAsUser", HostileBodies.MARK)),
            new Site("podAnnotations.example.com/k", p -> p.putObject("podAnnotations")
                    .put("example.com/k", HostileBodies.MARK)));

    private PatchRequests() {
    }

    /**
     * {@code count} patches: every hostile fragment once, then 35 % allowed, 30 % refused, 25 % hostile,
     * 10 % odd If-Match or no such app.
     */
    static List<Exchange.Request> draw(String namespace, List<String> apps, long seed, int count) {
        List<Body> catalogue = HostileBodies.everyFragmentOnce(PatchDocuments.allowedDocuments(), PATCH_SITES,
                MERGE_PATCH, seed);
        List<String> targets = SeededSamples.draw(Arbitraries.of(apps), seed, catalogue.size());
        List<Exchange.Request> all = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            Body body = catalogue.get(i);
            all.add(patch("hostile", body.label(), namespace, targets.get(i), "", body, body.expected()));
        }
        int rest = count - all.size();
        Map<Arbitrary<? extends Exchange.Request>, Integer> counts = new LinkedHashMap<>();
        counts.put(allowed(namespace, apps), rest * 35 / 100);
        counts.put(refused(namespace, apps), rest * 30 / 100);
        counts.put(hostile(namespace, apps), rest * 25 / 100);
        counts.put(preconditionsAndAbsentApps(namespace, apps), rest - rest * 90 / 100);
        all.addAll(SeededSamples.mix(seed, counts));
        return all;
    }

    static Arbitrary<Exchange.Request> allowed(String namespace, List<String> apps) {
        return Combinators.combine(PatchDocuments.allowed(), Arbitraries.of(apps), Arbitraries.of("", "", "", "*"))
                .as((patch, app, ifMatch) -> patch("valid", patch.label(), namespace, app, ifMatch,
                        json(patch.document().toString()), patch.expected()));
    }

    static Arbitrary<Exchange.Request> refused(String namespace, List<String> apps) {
        return Combinators.combine(PatchDocuments.refused(), Arbitraries.of(apps)).as((patch, app) -> patch(
                "nearly-valid", patch.label(), namespace, app, "", json(patch.document().toString()), patch.expected()));
    }

    static Arbitrary<Exchange.Request> hostile(String namespace, List<String> apps) {
        return Combinators.combine(HostileBodies.bodies(PatchDocuments.allowedDocuments(), PATCH_SITES, MERGE_PATCH),
                Arbitraries.of(apps)).as((body, app) -> patch("hostile", body.label(), namespace, app, "", body, body.expected()));
    }

    /** Valid patches with an If-Match that cannot match (412), or of apps that do not exist (404). */
    static Arbitrary<Exchange.Request> preconditionsAndAbsentApps(String namespace, List<String> apps) {
        Arbitrary<Exchange.Request> stale = Combinators.combine(PatchDocuments.allowed(), Arbitraries.of(apps),
                Arbitraries.of("\"0000\"", "W/\"0000\"", "\"a\", \"b\"", "garbage", "\"\"", "W/*", "**"))
                .as((patch, app, ifMatch) -> patch("if-match", "If-Match " + ifMatch, namespace, app, ifMatch,
                        json(patch.document().toString()), Set.of(412)));
        Arbitrary<Exchange.Request> absent = Combinators.combine(PatchDocuments.allowed(), ValidSpecs.appNames(),
                Arbitraries.of("", "*", "\"0000\"")).as((patch, app, ifMatch) -> patch("absent", "no app " + app,
                        namespace, "absent-" + app, ifMatch, json(patch.document().toString()), Set.of(404)));
        return Arbitraries.oneOf(stale, absent);
    }

    private static Body json(String document) {
        return new Body("", MERGE_PATCH, document.getBytes(StandardCharsets.UTF_8), Set.of());
    }

    private static Exchange.Request patch(String kind, String label, String namespace, String app, String ifMatch,
            Body body, Set<Integer> expected) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body.contentType() != null) {
            headers.put("Content-Type", body.contentType());
        }
        if (!ifMatch.isEmpty()) {
            headers.put("If-Match", ifMatch);
        }
        return new Exchange.Request(kind, label, "PATCH", "/api/v1/namespaces/" + namespace + "/apps/" + app, headers,
                body.bytes(), expected);
    }
}
