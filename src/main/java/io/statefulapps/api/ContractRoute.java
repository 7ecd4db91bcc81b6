package io.statefulapps.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * {@code GET /q/openapi} (and {@code .json}, {@code .yaml}, {@code .yml}): the committed contract,
 * in YAML byte for byte, or in JSON: the path's extension decides, else {@code ?format=}, else an
 * {@code Accept} naming {@code application/json} and no YAML; YAML otherwise.
 *
 * <p>SmallRye is not given the contract: it re-serialised the document it read (turning the
 * contract's quoted date-time examples into YAML timestamps), and it rebuilt it at every start,
 * on the main thread before the watch cache could start (0.6 s of each start, and more CPU for
 * what the JIT then compiled for it: see bench/README). Its endpoint still answers what this route
 * leaves (OPTIONS).
 */
@ApplicationScoped
class ContractRoute {

    static final String PATH = "/q/openapi";
    private static final String YAML = "application/yaml;charset=UTF-8";
    private static final String JSON = "application/json;charset=UTF-8";

    private final ContractDocument document = ContractDocument.onClassPath();
    private final Buffer yaml = Buffer.buffer(document.yaml());
    // Made on the first JSON answer; a race only makes the same bytes twice.
    private volatile Buffer json;

    void install(@Observes Router router) {
        // Before the non-application routes of Quarkus, SmallRye's among them
        router.routeWithRegex(PATH + "(\\.json|\\.yaml|\\.yml)?").method(HttpMethod.GET)
                .method(HttpMethod.HEAD).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::serve);
    }

    void serve(RoutingContext context) {
        if (!wantsJson(context)) {
            answer(context, YAML, yaml);
            return;
        }
        Buffer made = json;
        if (made != null) {
            answer(context, JSON, made);
            return;
        }
        // The first JSON answer reads the YAML: off the event loop.
        context.vertx().executeBlocking(() -> Buffer.buffer(document.toJson())).onComplete(done -> {
            if (done.failed()) {
                context.fail(done.cause());
                return;
            }
            json = done.result();
            answer(context, JSON, done.result());
        });
    }

    private static void answer(RoutingContext context, String type, Buffer body) {
        // set here: Vert.x leaves it out of a HEAD answer, which sends no body
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length())).end(body);
    }

    private static boolean wantsJson(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.endsWith(".json")) {
            return true;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return false;
        }
        List<String> formats = context.queryParam("format");
        if (!formats.isEmpty()) {
            return "json".equalsIgnoreCase(formats.get(0));
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("yaml");
    }
}
