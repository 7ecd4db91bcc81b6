package io.statefulapps.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The methods each path of the API allows, for the {@code Allow} header of 405 answers and for
 * OPTIONS (the framework's own OPTIONS answer lists every method of the resource class). A method a
 * path does not allow is refused here with 405, before routing: the health and badge paths are
 * also served by routes outside JAX-RS, which answered another method with 404.
 */
public class AllowedMethods {

    private record Route(Pattern path, String allow) {
    }

    private static final String SEGMENT = "[^/]+";
    private static final String APPS = "/api/v1/namespaces/" + SEGMENT + "/apps";
    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/api/v1/apps/?"), "GET, HEAD, OPTIONS"),
            new Route(Pattern.compile(APPS + "/?"), "GET, HEAD, POST, OPTIONS"),
            new Route(Pattern.compile(APPS + "/" + SEGMENT + "/?"), "GET, HEAD, PATCH, DELETE, OPTIONS"),
            new Route(Pattern.compile(APPS + "/" + SEGMENT + "/(health|manifests|badge\\.svg)/?"), "GET, HEAD, OPTIONS"));

    /** The Allow value for a request path, if it is one of the API's. */
    public static Optional<String> forPath(String path) {
        return ROUTES.stream().filter(r -> r.path().matcher(path).matches()).map(Route::allow).findFirst();
    }

    /** Whether {@code allow} (as {@link #forPath} answers it) lists {@code method}. */
    static boolean allows(String allow, String method) {
        return Arrays.stream(allow.split(",")).map(String::trim).anyMatch(method::equals);
    }

    private final ProblemResponses responses;

    public AllowedMethods(ProblemResponses responses) {
        this.responses = responses;
    }

    // Before the body checks: a method the path does not allow is a 405 whatever its body.
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> methods(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Optional<String> allowed = forPath(path);
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        String allow = allowed.get();
        if ("OPTIONS".equals(request.getMethod())) {
            return Optional.of(Response.noContent().header(HttpHeaders.ALLOW, allow).build());
        }
        if (allows(allow, request.getMethod())) {
            return Optional.empty();
        }
        return Optional.of(responses.toResponse(WebProblems.forStatus(405, null, path).withInstance(path), path));
    }
}
