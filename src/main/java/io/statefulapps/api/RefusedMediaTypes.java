package io.statefulapps.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Accept} entry of weight 0 says "not this" (RFC 9110, 12.4.2), which JAX-RS's own
 * negotiation read as acceptable: such entries are taken out before the answer is negotiated, and
 * an Accept of nothing but refusals leaves no type acceptable (406).
 */
public class RefusedMediaTypes {

    /** No path produces it: an Accept that refuses everything it named is answered 406. */
    static final String NOTHING = "application/x-nothing-acceptable";
    private static final Pattern ZERO_WEIGHT = Pattern.compile(";\\s*q\\s*=\\s*0(\\.0{0,3})?\\s*(;|$)");

    @ServerRequestFilter(preMatching = true)
    public void dropRefused(ContainerRequestContext request) {
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || accept.stream().noneMatch(v -> v.contains("q"))) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String value : accept) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank() && !ZERO_WEIGHT.matcher(entry.trim()).find()) {
                    kept.add(entry.trim());
                }
            }
        }
        request.getHeaders().put(HttpHeaders.ACCEPT, List.of(kept.isEmpty() ? NOTHING : String.join(", ", kept)));
    }
}
