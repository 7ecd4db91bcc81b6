package io.statefulapps.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The methods each path of the API allows, for the {@code Allow} header of 405 answers and for
 * OPTIONS (the framework's own OPTIONS answer lists every method of the resource class).
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

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> options(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return Optional.empty();
        }
        return forPath(request.getUriInfo().getRequestUri().getRawPath())
                .map(allow -> Response.noContent().header(HttpHeaders.ALLOW, allow).build());
    }
}
