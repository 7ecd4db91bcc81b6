package io.statefulapps.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Vary: Accept} on every event stream: the paths that stream also answer JSON (and text),
 * chosen by {@code Accept}, so a cache must not hand one caller's stream to another's GET. Stream
 * headers are written before any JAX-RS response filter could add it.
 */
@ApplicationScoped
class StreamVaryRoute {

    private static final String EVENT_STREAM = "text/event-stream";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::addVary);
    }

    void addVary(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            String type = context.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.startsWith(EVENT_STREAM)
                    && !context.response().headers().contains(HttpHeaders.VARY)) {
                context.response().headers().set("Vary", "Accept");
            }
        });
        context.next();
    }
}
