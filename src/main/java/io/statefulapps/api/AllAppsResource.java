package io.statefulapps.api;

import io.statefulapps.access.CallerChecks;
import io.statefulapps.app.AppFilter;
import io.statefulapps.app.AppList;
import io.statefulapps.app.AppOverview;
import io.statefulapps.app.AttentionDigest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Everything at a glance: the apps of every namespace the caller may list, filtered by verdict
 * ({@code ?status=Degraded,Progressing}) and reason ({@code ?reason=CrashLoopBackOff}), as JSON or,
 * with {@code Accept: text/plain}, as a digest for a chat room.
 */
@Path("/api/v1/apps")
public class AllAppsResource {

    @Inject
    AppOverview overview;
    @Inject
    CallerChecks callers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response list(@QueryParam("status") List<String> status, @QueryParam("reason") List<String> reason,
            @QueryParam("limit") String limit, @QueryParam("continue") String continueToken,
            @Context HttpHeaders headers) {
        List<String> authorization = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        AppFilter filter = AppFilter.of(status, reason);
        AppOverview.Page page = overview.list(filter, QueryFlags.parseInt("limit", limit),
                continueToken, namespace -> callers.mayList(authorization, namespace));
        AppList list = page.list();
        if (MediaNegotiation.prefersText(headers)) {
            return Response.ok(AttentionDigest.render(page, filter.narrows()),
                    MediaType.TEXT_PLAIN + ";charset=UTF-8").build();
        }
        return Response.ok(list, MediaType.APPLICATION_JSON).build();
    }
}
