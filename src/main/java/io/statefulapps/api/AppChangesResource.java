package io.statefulapps.api;

import io.statefulapps.app.AppPatches;
import io.statefulapps.app.AppRemoval;
import io.statefulapps.cluster.DeleteResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Day two: change a running app (PATCH, a JSON merge patch of its spec) and remove it (DELETE, the
 * data kept unless asked). Both honour {@code If-Match} with the ETag GET answers; without it the
 * last writer wins. PATCH takes only {@code application/merge-patch+json} (415 otherwise): a plain
 * {@code application/json} body could as well be meant as a whole spec, which PATCH does not take.
 */
@Path("/api/v1/namespaces/{namespace}/apps")
public class AppChangesResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AppPatches patches;
    @Inject
    AppRemoval removal;
    @Inject
    BodySizeLimit bodyLimit;

    @PATCH
    @Path("{name}")
    @Consumes(MERGE_PATCH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        bodyLimit.requireWithin(body);
        AppPatches.Outcome outcome = patches.patch(namespace, name, ifMatch, body);
        return Response.ok(outcome.view()).header(HttpHeaders.ETAG, outcome.etag()).build();
    }

    @DELETE
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeleteResult delete(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @Context UriInfo uri, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return removal.delete(namespace, name, ifMatch, QueryFlags.explicitFlag(uri, "deleteData"));
    }
}
