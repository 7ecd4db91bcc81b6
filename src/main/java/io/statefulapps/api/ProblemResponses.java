package io.statefulapps.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.problem.FailureProblems;
import io.statefulapps.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Writes a problem as {@code application/problem+json}, with {@code Retry-After} where it helps. */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Response toResponse(Problem problem) {
        Problem identified = problem.requestId() == null ? problem.withRequestId(RequestIds.current()) : problem;
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(identified));
        if (problem.status() == 503) {
            builder.header("Retry-After", String.valueOf(FailureProblems.RETRY_AFTER_SECONDS));
        }
        return builder.build();
    }

    public String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written as JSON", e);
        }
    }

    /** A 405 says which methods the path allows, as RFC 9110 requires. */
    public Response toResponse(Problem problem, String path) {
        Response response = toResponse(problem);
        if (problem.status() != 405 || path == null) {
            return response;
        }
        return AllowedMethods.forPath(path)
                .map(allow -> Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build())
                .orElse(response);
    }
}
