package io.statefulapps.api;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.statefulapps.access.ApiEndpoint;
import io.statefulapps.access.CallerChecks;
import io.statefulapps.app.AppViews;
import io.statefulapps.cluster.StoredReport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;

/**
 * The health GET portals poll, answered on the event loop from the stored report's bytes: the same
 * answer as {@link AppHealthResource} (status, body, ETag, Cache-Control, Last-Modified,
 * X-Request-Id) without the per-request machinery of JAX-RS (media type and writer lookups, URI
 * parsing, filters), which JFR showed was about 90 % of a GET's time.
 *
 * <p>Only the plain case is answered here: no query, JSON, anything or {@code text/plain} accepted,
 * an app whose report is stored, a caller who may read it. Everything else ({@code ?lines}, errors, refusals,
 * 503 before the first sync, HEAD, streams) goes on to {@link AppHealthResource}, so the two cannot
 * disagree on anything but speed.
 */
@ApplicationScoped
class StoredHealthRoute {

    private static final CharSequence JSON = HttpHeaders.createOptimized(MediaType.APPLICATION_JSON);
    private static final CharSequence TEXT = HttpHeaders.createOptimized(MediaType.TEXT_PLAIN + ";charset=UTF-8");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized(AppHealthResource.CACHE_CONTROL);
    private static final CharSequence VARY = HttpHeaders.createOptimized(jakarta.ws.rs.core.HttpHeaders.ACCEPT);
    // Header names as the JAX-RS answers of the other paths spell them (Vert.x's constants are lower
    // case: legal, but a client with a case-sensitive header map then misses them on this path only)
    private static final CharSequence CACHE_CONTROL_NAME = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence VARY_NAME = HttpHeaders.createOptimized("Vary");
    private static final CharSequence ETAG_NAME = HttpHeaders.createOptimized("ETag");
    private static final CharSequence LAST_MODIFIED_NAME = HttpHeaders.createOptimized("Last-Modified");
    private static final CharSequence CONTENT_TYPE_NAME = HttpHeaders.createOptimized("Content-Type");

    private final AppViews views;
    private final CallerChecks callers;

    StoredHealthRoute(AppViews views, CallerChecks callers) {
        this.views = views;
        this.callers = callers;
    }

    void install(@Observes Router router) {
        // A prefix route (a string compare), the rest of the path read by AppHealthPath.
        router.get(AppHealthPath.PREFIX + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
    }

    void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<AppHealthPath> path = AppHealthPath.parse(request.path());
        Optional<MediaType> choice = path.isPresent() ? plainChoice(context) : Optional.empty();
        if (choice.isEmpty()) {
            context.next();
            return;
        }
        String namespace = path.get().namespace();
        String name = path.get().name();
        Optional<StoredReport> ready = views.readyHealth(namespace, name);
        if (ready.isEmpty()) {
            context.next();
            return;
        }
        boolean text = choice.get().equals(MediaType.TEXT_PLAIN_TYPE);
        if (!callers.enabled()) {
            answer(context, ready.get(), text);
            return;
        }
        // A review may ask the Kubernetes API: not on the event loop.
        context.vertx().executeBlocking(() -> callers.check(request.headers().getAll(HttpHeaders.AUTHORIZATION),
                "GET", Optional.of(ApiEndpoint.APP_HEALTH), namespace, Map.of(), request.path()), false)
                .onComplete(checked -> {
                    // The report may have changed while the caller was checked: serve the newest.
                    Optional<StoredReport> now = views.readyHealth(namespace, name);
                    if (checked.succeeded() && checked.result().isEmpty() && now.isPresent()) {
                        answer(context, now.get(), text);
                    } else {
                        context.next(); // the resource answers the refusal (or the failure) in full
                    }
                });
    }

    /**
     * The media type to answer when the request is one both paths read the same way (nothing to
     * decode, negotiate or read), else empty.
     */
    private static Optional<MediaType> plainChoice(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean plain = request.query() == null && request.uri().equals(context.normalizedPath())
                && !request.path().endsWith("/")
                && !request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        return plain ? MediaNegotiation.plainChoice(request.headers().getAll(HttpHeaders.ACCEPT)) : Optional.empty();
    }

    private void answer(RoutingContext context, StoredReport stored, boolean text) {
        HttpServerRequest request = context.request();
        // What the HTTP metrics count the answer under, as for the resource's answers; only here,
        // so a request under the prefix that is passed on is not counted as a health GET.
        request.routed(AppHealthPath.ROUTE_TEMPLATE);
        HttpServerResponse response = context.response();
        String etag = text ? stored.textEtag() : stored.etag();
        response.putHeader(CACHE_CONTROL_NAME, NO_CACHE)
                .putHeader(VARY_NAME, VARY)
                .putHeader(ETAG_NAME, etag)
                .putHeader(LAST_MODIFIED_NAME, HttpDates.format(stored.computedAt()));
        if (EntityTags.matchesAny(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        if (text) {
            // The text's duration is filled in now, around the bytes stored with the report.
            response.putHeader(CONTENT_TYPE_NAME, TEXT)
                    .end(Buffer.buffer(Unpooled.wrappedBuffer(views.healthText(stored))));
            return;
        }
        // The stored bytes are never changed once stored, so they are sent as they are, not copied.
        response.putHeader(CONTENT_TYPE_NAME, JSON).end(Buffer.buffer(Unpooled.wrappedBuffer(stored.json())));
    }
}
