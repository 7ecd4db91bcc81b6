package io.statefulapps.api;

import io.statefulapps.app.AppViews;
import io.statefulapps.cluster.StoredReport;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A badge of the app's verdict for a README or a portal: an SVG image, revalidated with the
 * report's ETag. An unknown app gets a grey "not found" badge with 404, so the image still renders.
 */
@Path("/api/v1/namespaces/{namespace}/apps/{name}/badge.svg")
public class AppBadgeResource {

    static final String SVG = "image/svg+xml";

    private final AppViews views;

    public AppBadgeResource(AppViews views) {
        this.views = views;
    }

    // A client generated from the contract asks for the operation's JSON-like type (its problem
    // type) and would get a 406 for every badge: it gets the image, as HTTP lets a server do.
    @GET
    @Produces({SVG, Problem.MEDIA_TYPE})
    public Response badge(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StoredReport stored;
        try {
            stored = views.storedHealth(namespace, name);
        } catch (ProblemException e) {
            if (e.problem().status() != 404) {
                throw e;
            }
            return Response.status(404).type(SVG + ";charset=UTF-8").entity(HealthBadge.notFound(name))
                    .header(HttpHeaders.CACHE_CONTROL, AppHealthResource.CACHE_CONTROL).build();
        }
        // The report's tag, marked as the SVG representation (a strong tag names one representation).
        String etag = stored.etag().substring(0, stored.etag().length() - 1) + "-svg\"";
        Response.ResponseBuilder answer = EntityTags.matchesAny(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(HealthBadge.of(name, stored.digest().status()), SVG + ";charset=UTF-8");
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, AppHealthResource.CACHE_CONTROL)
                .build();
    }
}
