package io.statefulapps.api;

import io.statefulapps.access.ApiEndpoint;
import io.statefulapps.access.CallerChecks;
import io.statefulapps.app.AppCatalog;
import io.statefulapps.app.AppCreation;
import io.statefulapps.app.AppList;
import io.statefulapps.app.AppView;
import io.statefulapps.app.AppViews;
import io.statefulapps.app.HealthStreams;
import io.statefulapps.live.AppVersion;
import io.statefulapps.live.CachedApp;
import io.statefulapps.render.ManifestWriter;
import io.statefulapps.render.Trio;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

/** The apps of a namespace: create, read, and the manifests they render to. */
@Path("/api/v1/namespaces/{namespace}/apps")
public class AppsResource {

    static final String YAML = "application/yaml";

    private final AppCreation creation;
    private final HealthStreams healthStreams;
    private final EventStreams streams;
    private final CallerChecks callers;
    private final AppViews views;
    private final AppCatalog catalog;
    private final BodySizeLimit bodyLimit;
    private final ManifestWriter manifests = new ManifestWriter();

    public AppsResource(AppCreation creation, AppViews views, AppCatalog catalog, BodySizeLimit bodyLimit,
            HealthStreams healthStreams, EventStreams streams, CallerChecks callers) {
        this.healthStreams = healthStreams;
        this.streams = streams;
        this.callers = callers;
        this.creation = creation;
        this.views = views;
        this.catalog = catalog;
        this.bodyLimit = bodyLimit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("namespace") String namespace, @QueryParam("dryRun") String dryRun,
            byte[] body, @Context UriInfo uri) {
        boolean dry = QueryFlags.flag(uri, "dryRun");
        bodyLimit.requireWithin(body);
        AppCreation.Outcome outcome = creation.create(namespace, body, dry);
        if (outcome instanceof AppCreation.DryRun done) {
            return Response.ok(done.result()).build();
        }
        AppView created = ((AppCreation.Created) outcome).app();
        // A path, not a URL: built from the Host header, a URL would echo whatever host the caller sent.
        String location = "/api/v1/namespaces/" + namespace + "/apps/" + created.name();
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location).entity(created).build();
    }

    /**
     * Every app of the namespace as Server-Sent Events: first each app's current report (or what was
     * missed since {@code Last-Event-ID}), then each change of a verdict or of problems, apps created
     * later included. {@code ?watch=true} is accepted, as kubectl users type it.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("namespace") String namespace, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context SseEventSink sink, @Context Sse sse) {
        QueryFlags.flag(uri, "watch");
        streams.start(sink, sse, () -> callers.recheck(headers.getRequestHeader(HttpHeaders.AUTHORIZATION),
                ApiEndpoint.APPS, namespace, uri.getQueryParameters(), uri.getRequestUri().getRawPath()),
                listener -> healthStreams.namespace(namespace, lastEventId, listener));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AppList list(@PathParam("namespace") String namespace, @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        return catalog.list(namespace, QueryFlags.parseInt("limit", limit), continueToken);
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        CachedApp app = views.require(namespace, name);
        // The ETag comes from the watch cache: right after a write on another replica it may lag
        // for a moment, in which case a PATCH with it answers 412 and the caller reads again.
        return Response.ok(views.view(app)).header(HttpHeaders.ETAG, AppVersion.etagOf(app.live())).build();
    }

    @GET
    @Path("{name}/manifests")
    @Produces({MediaType.APPLICATION_JSON, YAML, "application/x-yaml", "text/yaml"})
    public Response manifests(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @Context HttpHeaders headers) {
        Trio trio = views.manifests(namespace, name);
        return MediaNegotiation.preferredYaml(headers)
                .map(yaml -> Response.ok(manifests.toYaml(trio), yaml).build())
                .orElseGet(() -> Response.ok(manifests.toJsonList(trio), MediaType.APPLICATION_JSON).build());
    }
}
