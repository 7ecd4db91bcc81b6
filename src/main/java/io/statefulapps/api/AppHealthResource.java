package io.statefulapps.api;

import io.statefulapps.access.ApiEndpoint;
import io.statefulapps.access.CallerChecks;
import io.statefulapps.app.AppViews;
import io.statefulapps.app.HealthStreams;
import io.statefulapps.cluster.StoredReport;
import io.statefulapps.config.HealthConfig;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * An app's health report: the stored JSON as it is (no serialization per read), with a strong
 * ETag so that polling callers revalidate for nothing ({@code If-None-Match} → 304), or the chat
 * text ({@code Accept: text/plain}), whose "for 12m" is filled in at the read, with a weak ETag
 * (the duration grows while the report stays the same).
 */
@Path(AppHealthPath.TEMPLATE)
public class AppHealthResource {

    /**
     * Always revalidate: the report changes whenever the cluster does, and a 304 costs nothing.
     * Answers also say {@code Vary: Accept}: the same URL answers JSON or text.
     */
    static final String CACHE_CONTROL = "private, no-cache";

    private final AppViews views;
    private final HealthStreams healthStreams;
    private final EventStreams streams;
    private final CallerChecks callers;
    private final int maxTextLines;

    public AppHealthResource(AppViews views, HealthStreams healthStreams, EventStreams streams, CallerChecks callers,
            HealthConfig healthConfig) {
        this.views = views;
        this.healthStreams = healthStreams;
        this.streams = streams;
        this.callers = callers;
        this.maxTextLines = healthConfig.maxTextLines();
    }

    /**
     * The report each time its verdict or problems change ({@code event: health}), first the current
     * one (or, with {@code Last-Event-ID}, what was missed since), {@code event: deleted} when the app
     * is gone.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SseEventSink sink, @Context Sse sse) {
        streams.start(sink, sse, () -> callers.recheck(headers.getRequestHeader(HttpHeaders.AUTHORIZATION),
                ApiEndpoint.APP_HEALTH, namespace, uri.getQueryParameters(), uri.getRequestUri().getRawPath()),
                listener -> healthStreams.app(namespace, name, lastEventId, listener));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response health(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @QueryParam("lines") String lines, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers) {
        if (!MediaNegotiation.acceptsAny(headers, MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_PLAIN_TYPE)) {
            throw new NotAcceptableException();
        }
        Integer cap = QueryFlags.parseInt("lines", lines);
        if (cap != null && cap < 1) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST,
                    "Query parameter 'lines' must be at least 1 (the first line alone), not " + cap + ".");
        }
        StoredReport stored = views.storedHealth(namespace, name);
        Response.ResponseBuilder answer;
        String etag;
        if (MediaNegotiation.prefersText(headers)) {
            etag = stored.textEtag();
            Object text = cap == null || cap == maxTextLines ? views.healthText(stored) : views.healthText(stored, cap);
            answer = EntityTags.matchesAny(ifNoneMatch, etag) ? Response.notModified()
                    : Response.ok(text, MediaType.TEXT_PLAIN + ";charset=UTF-8");
        } else {
            etag = stored.etag();
            answer = EntityTags.matchesAny(ifNoneMatch, etag) ? Response.notModified()
                    : Response.ok(stored.json(), MediaType.APPLICATION_JSON);
        }
        return answer.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.LAST_MODIFIED, HttpDates.format(stored.computedAt()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
