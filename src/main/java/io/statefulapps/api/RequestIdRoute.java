package io.statefulapps.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives every request its id before anything else sees it, and every answer its
 * {@code X-Request-Id} header when its headers are written: streams, whose headers no JAX-RS
 * response filter reaches, and their refusals included. The id is put back on the request, so that
 * the JAX-RS filter ({@link RequestIds}), the health route and the problems all read the same one.
 */
@ApplicationScoped
class RequestIdRoute {

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::assign);
    }

    void assign(RoutingContext context) {
        String id = RequestIds.idFor(context.request().getHeader(RequestIds.HEADER));
        context.request().headers().set(RequestIds.HEADER, id);
        context.addHeadersEndHandler(ignored -> context.response().headers().set(RequestIds.HEADER, id));
        context.next();
    }
}
