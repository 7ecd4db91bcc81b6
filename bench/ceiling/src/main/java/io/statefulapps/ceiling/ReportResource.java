package io.statefulapps.ceiling;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The ceiling: a map lookup and Jackson serialization per request, nothing else. What a health GET
 * could at best cost on the same Quarkus stack.
 */
@Path("/reports")
public class ReportResource {

    static final int ENTRIES = 1000;

    private final Map<String, Report> reports = IntStream.range(0, ENTRIES).mapToObj(Reports::sample)
            .collect(Collectors.toUnmodifiableMap(Report::app, Function.identity()));

    @GET
    @Path("/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Report get(@PathParam("name") String name) {
        Report report = reports.get(name);
        if (report == null) {
            throw new NotFoundException();
        }
        return report;
    }
}
