package io.statefulapps.deploy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.statefulapps.app.AppList;
import io.statefulapps.app.AppView;
import io.statefulapps.app.DryRunResult;
import io.statefulapps.cluster.DeleteResult;
import io.statefulapps.health.HealthReport;
import io.statefulapps.problem.Problem;
import io.statefulapps.spec.AppSpec;
import java.util.List;
import java.util.Set;

/**
 * Where Jackson starts: every type the service hands to Jackson as a whole, found by reading the
 * code ({@code ObjectMapper} calls, {@code Response} entities, JAX-RS return types). A new one
 * belongs here and in {@code nativeimage.SerializedTypes}.
 */
final class SerializationRoots {

    static final List<Class<?>> ROOTS = List.of(
            AppSpec.class,        // spec.SpecParser: readerFor(AppSpec.class), valueToTree(spec)
            Problem.class,        // api.ProblemResponses: writeValueAsString(problem)
            HealthReport.class,   // api.AppsResource#health: Response.ok(report)
            AppView.class,        // api.AppsResource#create, #get, api.AppChangesResource#patch: Response entity
            DryRunResult.class,   // api.AppsResource#create with ?dryRun=true: Response entity
            AppList.class,        // api.AppsResource#list: return type
            DeleteResult.class);  // api.AppChangesResource#delete: return type

    private SerializationRoots() {
    }

    /** The targets of the one registration class, as the native build reads them. */
    static Set<Class<?>> registered() throws ClassNotFoundException {
        Class<?> registration = Class.forName("io.statefulapps.nativeimage.SerializedTypes");
        RegisterForReflection annotation = registration.getAnnotation(RegisterForReflection.class);
        if (annotation == null) {
            throw new AssertionError(registration + " lost its @RegisterForReflection");
        }
        return Set.of(annotation.targets());
    }

    /** A nested type of a registered one is registered with it (ignoreNested = false). */
    static boolean covered(Class<?> type, Set<Class<?>> registered) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (registered.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
