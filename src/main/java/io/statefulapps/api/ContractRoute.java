package io.statefulapps.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /q/openapi} in YAML is the committed contract byte for byte: SmallRye re-serialises
 * the document it reads, which turned the contract's quoted date-time examples into YAML
 * timestamps. JSON ({@code ?format=json} or {@code Accept: application/json}) is still SmallRye's.
 */
@ApplicationScoped
class ContractRoute {

    static final String PATH = "/q/openapi";
    private static final String RESOURCE = "META-INF/openapi.yaml";

    private final Buffer contract = Buffer.buffer(read());

    void install(@Observes Router router) {
        // Before the non-application routes of Quarkus, SmallRye's among them
        router.get(PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::serve);
    }

    void serve(RoutingContext context) {
        String format = context.request().getParam("format");
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean json = "json".equalsIgnoreCase(format) || format == null && accept != null
                && accept.contains("application/json") && !accept.contains("yaml");
        if (json || format != null && !"yaml".equalsIgnoreCase(format)) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml;charset=UTF-8").end(contract);
    }

    private static byte[] read() {
        try (InputStream in = ContractRoute.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
