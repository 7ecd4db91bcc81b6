package io.statefulapps.api;

import io.statefulapps.cluster.ClusterRefusedException;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.cluster.ObjectConflictException;
import io.statefulapps.cluster.PartialWriteException;
import io.statefulapps.problem.FailureProblems;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import io.statefulapps.spec.MalformedSpecException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error this API answers is {@code application/problem+json}; this is where they are made. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses responses;

    public ProblemMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response malformed(MalformedSpecException e, UriInfo uri) {
        Problem problem = Problem.of(ProblemType.MALFORMED_REQUEST, e.getMessage());
        // Values of the wrong JSON type are listed each, with the rules the rest breaks: all fixed at once
        return answer(e.errors().isEmpty() ? problem : problem.withErrors(e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response unavailable(ClusterUnavailableException e, UriInfo uri) {
        LOG.warn(e.getMessage());
        return answer(FailureProblems.unavailable(e), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ObjectConflictException e, UriInfo uri) {
        Response answer = answer(FailureProblems.conflict(e), uri);
        return e.retryAfterSeconds() == null ? answer
                : Response.fromResponse(answer).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response refused(ClusterRefusedException e, UriInfo uri) {
        Response answer = answer(FailureProblems.refused(e), uri);
        // Throttled: the caller waits as long as the API server asked us to, not our default.
        return e.status() == 429 && e.retryAfterSeconds() != null && e.retryAfterSeconds() > 0
                ? Response.fromResponse(answer).header("Retry-After", null).header("Retry-After", e.retryAfterSeconds())
                        .build()
                : answer;
    }

    @ServerExceptionMapper
    public Response partial(PartialWriteException e, UriInfo uri) {
        LOG.warnf("%s failed: %s", e.step(), e.getMessage());
        return answer(FailureProblems.partialWrite(e), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        Problem problem = WebProblems.forStatus(status, e.getMessage(), uri == null ? null : uri.getPath());
        return responses.toResponse(problem.withInstance(path(uri)), path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected failure", e);
        return answer(FailureProblems.of(e), uri);
    }

    private Response answer(Problem problem, UriInfo uri) {
        return responses.toResponse(problem.withInstance(path(uri)));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
