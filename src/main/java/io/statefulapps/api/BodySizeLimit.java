package io.statefulapps.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over the documented limit before reading them, with a problem that says the limit.
 * (A chunked body without Content-Length is cut by {@code quarkus.http.limits.max-body-size}.)
 */
public class BodySizeLimit {

    private final long maxBytes;
    private final ProblemResponses responses;

    public BodySizeLimit(@ConfigProperty(name = "stateful-apps.api.max-body-bytes", defaultValue = "1048576")
            long maxBytes, ProblemResponses responses) {
        this.maxBytes = maxBytes;
        this.responses = responses;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(responses.toResponse(
                    Problem.of(ProblemType.MALFORMED_REQUEST, "Content-Length is not a number: " + length)));
        }
        if (bytes <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(responses.toResponse(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body has " + bytes + " bytes; at most " + maxBytes + " are accepted.")
                .withInstance(request.getUriInfo().getRequestUri().getRawPath())));
    }
}
