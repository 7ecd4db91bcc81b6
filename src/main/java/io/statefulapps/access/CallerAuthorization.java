package io.statefulapps.access;

import io.statefulapps.access.AccessCheck;
import io.statefulapps.access.AccessVerdict;
import io.statefulapps.access.CallerIdentity;
import io.statefulapps.access.CallerReviews;
import io.statefulapps.api.ProblemResponses;
import io.statefulapps.app.SpecIntake;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.problem.FailureProblems;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
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
 * Lets a call under {@code /api/v1/} through only for a caller whose bearer token the Kubernetes
 * API accepts and who holds every right {@link AccessRules} lists for it. It runs after matching,
 * so it knows the endpoint (an unknown path is a plain 404), and on the thread of the endpoint
 * (a worker), where waiting for the Kubernetes API is allowed.
 */
public class CallerAuthorization {

    private static final Logger LOG = Logger.getLogger(CallerAuthorization.class);

    private final boolean enabled;
    private final CallerReviews reviews;
    private final ProblemResponses responses;

    public CallerAuthorization(AuthActivation activation, CallerReviews reviews, ProblemResponses responses) {
        this.enabled = activation.enabled();
        this.reviews = reviews;
        this.responses = responses;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authorize(ContainerRequestContext request, UriInfo uri) {
        List<String> segments = segments(uri);
        if (!enabled || !ApiEndpoint.isApiPath(segments)) {
            return Optional.empty();
        }
        String path = uri.getRequestUri().getRawPath();
        Optional<String> token = BearerToken.from(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            return Optional.of(unauthenticated(CallerProblems.noToken(), CallerProblems.CHALLENGE, path));
        }
        String method = request.getMethod();
        String namespace = uri.getPathParameters().getFirst("namespace");
        Optional<List<AccessCheck>> checks = ApiEndpoint.of(segments).flatMap(endpoint -> AccessRules.checks(method,
                endpoint, namespace, uri.getQueryParameters()));
        try {
            if (namespace != null) {
                // The contract refuses an invalid namespace before any cluster call, reviews included.
                SpecIntake.requireNamespace(namespace);
            }
            Optional<CallerIdentity> caller = reviews.authenticate(token.get());
            if (caller.isEmpty()) {
                return Optional.of(unauthenticated(CallerProblems.tokenRejected(),
                        CallerProblems.INVALID_TOKEN_CHALLENGE, path));
            }
            if (checks.isEmpty()) {
                LOG.errorf("No access rule for %s %s: refused. Add one to AccessRules.", method, path);
                return Optional.of(answer(CallerProblems.noRule(method, path), path));
            }
            for (AccessCheck check : checks.get()) {
                AccessVerdict verdict = reviews.decide(caller.get(), check);
                if (!verdict.allowed()) {
                    Problem refused = CallerProblems.refused(caller.get().username(), check, verdict);
                    LOG.infof("Refused %s %s: %s", method, path, refused.detail());
                    return Optional.of(answer(refused, path));
                }
            }
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.of(answer(e.problem(), path));
        } catch (ClusterUnavailableException e) {
            LOG.warn(e.getMessage());
            return Optional.of(answer(FailureProblems.unavailable(e), path));
        } catch (RuntimeException e) {
            LOG.error("Callers could not be checked", e);
            return Optional.of(answer(FailureProblems.of(e), path));
        }
    }

    private Response unauthenticated(Problem problem, String challenge, String path) {
        return Response.fromResponse(answer(problem, path)).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    private Response answer(Problem problem, String path) {
        return responses.toResponse(problem.withInstance(path));
    }

    private static List<String> segments(UriInfo uri) {
        return uri.getPathSegments().stream().map(PathSegment::getPath).filter(s -> !s.isEmpty()).toList();
    }
}
