package io.statefulapps.api;

import io.statefulapps.config.ApiConfig;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over the documented limit with a problem that says the limit: before reading them
 * when they announce a Content-Length, after reading them when they come chunked (bodies beyond
 * {@code quarkus.http.limits.max-body-size} are cut by the HTTP server itself). Also refuses a
 * body without a Content-Type, which JAX-RS would otherwise accept as anything.
 */
public class BodySizeLimit {

    private final long maxBytes;
    private final ProblemResponses responses;

    public BodySizeLimit(ApiConfig config, ProblemResponses responses) {
        this.maxBytes = config.maxBodyBytes();
        this.responses = responses;
    }

    /** For bodies that came without a Content-Length. */
    public void requireWithin(byte[] body) {
        if (body != null && body.length > maxBytes) {
            throw new ProblemException(tooLarge(body.length));
        }
    }

    private Problem tooLarge(long bytes) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body has " + bytes + " bytes; at most " + maxBytes + " are accepted.");
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean sendsBody = "POST".equals(method) || "PATCH".equals(method);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        // Only where the method is allowed: elsewhere the answer is a 405 or 404, not a 415.
        if (sendsBody && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && AllowedMethods.forPath(path).map(allow -> AllowedMethods.allows(allow, method)).orElse(false)) {
            return Optional.of(responses.toResponse(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The request has no Content-Type; send application/json "
                            + "(application/merge-patch+json for PATCH).")
                    .withInstance(request.getUriInfo().getRequestUri().getRawPath())));
        }
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
        return Optional.of(responses.toResponse(
                tooLarge(bytes).withInstance(request.getUriInfo().getRequestUri().getRawPath())));
    }
}
