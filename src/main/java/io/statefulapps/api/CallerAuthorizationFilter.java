package io.statefulapps.api;

import io.statefulapps.access.ApiEndpoint;
import io.statefulapps.access.CallerChecks;
import io.statefulapps.problem.FailureProblems;
import io.statefulapps.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts {@link CallerChecks} in front of every call under {@code /api/v1/}. It runs after matching,
 * so it knows the endpoint (an unknown path is a plain 404), and on the thread of the endpoint (a
 * worker), where waiting for the Kubernetes API is allowed.
 */
public class CallerAuthorizationFilter {

    private static final Logger LOG = Logger.getLogger(CallerAuthorizationFilter.class);

    private final CallerChecks checks;
    private final ProblemResponses responses;

    public CallerAuthorizationFilter(CallerChecks checks, ProblemResponses responses) {
        this.checks = checks;
        this.responses = responses;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authorize(ContainerRequestContext request, UriInfo uri) {
        List<String> segments = uri.getPathSegments().stream().map(PathSegment::getPath).filter(s -> !s.isEmpty())
                .toList();
        if (!ApiEndpoint.isApiPath(segments)) {
            return Optional.empty();
        }
        String path = uri.getRequestUri().getRawPath();
        try {
            return checks.check(request.getHeaders().get(HttpHeaders.AUTHORIZATION), request.getMethod(),
                    ApiEndpoint.of(segments), uri.getPathParameters().getFirst("namespace"),
                    uri.getQueryParameters(), path)
                    .map(refusal -> answer(refusal.problem(), refusal.challenge(), path));
        } catch (RuntimeException e) {
            LOG.error("Callers could not be checked", e);
            return Optional.of(answer(FailureProblems.of(e), null, path));
        }
    }

    private Response answer(Problem problem, String challenge, String path) {
        Response response = responses.toResponse(problem.withInstance(path));
        return challenge == null ? response
                : Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
