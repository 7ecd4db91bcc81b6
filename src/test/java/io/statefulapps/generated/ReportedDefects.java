package io.statefulapps.generated;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Breaches of the contract these properties found whose fix lies outside the packages this test
 * package may change: each names the file to change and matches exactly the answers it explains.
 * A run prints how many inputs each one explained instead of failing on them; every other breach
 * fails. Delete an entry together with its fix: the property then holds the fixed behaviour.
 */
final class ReportedDefects {

    /** A known breach, where it is fixed, and which exchanges it explains. */
    record Defect(String what, String fix, Predicate<Exchange> explains) {
    }

    static final List<Defect> ALL = List.of(
            new Defect("PATCH accepts a body with content after the merge patch (trailing garbage, a second"
                    + " object, a NUL) and applies the first document",
                    "app/AppPatches.java: read the patch with DeserializationFeature.FAIL_ON_TRAILING_TOKENS enabled",
                    e -> e.request().method().equals("PATCH") && e.request().label().startsWith(HostileBodies.TRAILING)
                            && e.answer().status() != 400),
            new Defect("PATCH reads overlong UTF-8 (C0 80) as the character it spells (NUL) instead of refusing"
                    + " the body",
                    "app/AppPatches.java readPatch: call io.statefulapps.spec.Utf8Text.require(body) first (POST does)",
                    e -> e.request().method().equals("PATCH") && e.request().label().startsWith("overlong")
                            && e.answer().status() != 400),
            new Defect("PATCH or DELETE of a name the Kubernetes client cannot put in a URL (non-ASCII) answers"
                    + " 503 cluster-unavailable instead of 404",
                    "app/AppPatches.java and app/AppRemoval.java: answer 404 (ChangeProblems.notFound) when the name is"
                            + " not a DNS-1123 subdomain, before reading the cluster",
                    e -> e.answer().status() == 503 && e.answer().body().contains("Illegal character")),
            new Defect("A request-target that is not a valid URI (%zz, a raw '{' or '^') gets a bare 400 without a"
                    + " problem body: Quarkus' HTTP layer refuses it before the API sees it",
                    "outside the code: -Dvertx.disableURIValidation=true in the launcher lets such requests reach the"
                            + " API (then check what RESTEasy answers), or document the bare 400",
                    e -> e.answer().status() == 400 && e.answer().contentType() == null && !isUri(e.request().pathAndQuery())),
            new Defect("The badge of a name with a control character (%00, %07, %1b) or U+FFFF is not well-formed"
                    + " XML (XML 1.0 forbids them even escaped), so browsers show no image",
                    "api/HealthBadge.java escape(): replace characters outside XML 1.0's Char production (controls"
                            + " other than tab, LF, CR; U+FFFE, U+FFFF; lone surrogates) with U+FFFD",
                    e -> e.answer().contentType() != null && e.answer().contentType().startsWith("image/svg+xml")
                            && e.answer().body().chars().anyMatch(ReportedDefects::notXmlChar)),
            new Defect("A request line over 4096 bytes gets a bare 414 from Vert.x",
                    "application.properties: quarkus.http.limits.max-initial-line-length (or document 414)",
                    e -> e.answer().status() == 414 && e.request().pathAndQuery().length() > 4000));

    private ReportedDefects() {
    }

    static Optional<Defect> explaining(Exchange exchange) {
        return ALL.stream().filter(d -> d.explains().test(exchange)).findFirst();
    }

    private static boolean notXmlChar(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
                || Character.isSurrogate((char) c);
    }

    private static boolean isUri(String pathAndQuery) {
        try {
            new URI(pathAndQuery);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
