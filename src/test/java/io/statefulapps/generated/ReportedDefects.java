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
            new Defect("A request-target that is not a valid URI (%zz, a raw '{' or '^') gets a bare 400 without a"
                    + " problem body: Quarkus' HTTP layer refuses it before the API sees it",
                    "outside the code: -Dvertx.disableURIValidation=true in the launcher lets such requests reach the"
                            + " API (then check what RESTEasy answers), or document the bare 400",
                    e -> e.answer().status() == 400 && e.answer().contentType() == null && !isUri(e.request().pathAndQuery())),
            new Defect("A request line over 4096 bytes gets a bare 414 from Vert.x",
                    "application.properties: quarkus.http.limits.max-initial-line-length (or document 414)",
                    e -> e.answer().status() == 414 && e.request().pathAndQuery().length() > 4000));

    private ReportedDefects() {
    }

    static Optional<Defect> explaining(Exchange exchange) {
        return ALL.stream().filter(d -> d.explains().test(exchange)).findFirst();
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
