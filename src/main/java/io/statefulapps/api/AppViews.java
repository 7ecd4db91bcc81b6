package io.statefulapps.api;

import io.statefulapps.cluster.AppLookup;
import io.statefulapps.cluster.CachedApp;
import io.statefulapps.cluster.HealthConfig;
import io.statefulapps.cluster.LiveApp;
import io.statefulapps.cluster.SnapshotFactory;
import io.statefulapps.health.HealthAssessor;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioReader;
import io.statefulapps.spec.AppSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Finds apps and shows them: the spec read back from the live objects, and their health. */
@ApplicationScoped
public class AppViews {

    private final AppLookup lookup;
    private final HealthConfig healthConfig;
    private final Clock clock;
    private final TrioReader trioReader = new TrioReader();

    public AppViews(AppLookup lookup, HealthConfig healthConfig, Clock clock) {
        this.lookup = lookup;
        this.healthConfig = healthConfig;
        this.clock = clock;
    }

    /** The app, or a 404 problem when none of its objects exists. */
    public CachedApp require(String namespace, String name) {
        SpecIntake.requireNamespace(namespace);
        return lookup.find(namespace, name).orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND,
                "There is no app \"" + name + "\" in namespace \"" + namespace + "\"."));
    }

    /** The spec read back from the live objects; a 409 problem while one of them is missing. */
    public AppSpec specOf(LiveApp app) {
        if (!app.complete()) {
            throw ProblemException.of(ProblemType.CONFLICT,
                    "The app \"" + app.name() + "\" is incomplete (missing: " + String.join(", ", app.missing())
                            + "); delete it and create it again.");
        }
        return trioReader.read(new Trio(app.headlessService(), app.statefulSet(), app.clientService()));
    }

    public HealthReport health(CachedApp app) {
        return HealthAssessor.assess(SnapshotFactory.snapshot(app, clock.instant()), healthConfig.settings());
    }

    public AppView view(CachedApp app) {
        LiveApp trio = app.trio();
        AppSpec spec = trio.complete() ? specOf(trio) : null;
        return new AppView(trio.name(), trio.namespace(), spec, status(health(app), trio));
    }

    public AppView justCreated(String namespace, AppSpec spec) {
        int replicas = spec.replicas() == null ? 1 : spec.replicas();
        HealthStatus health = replicas == 0 ? HealthStatus.Suspended : HealthStatus.Progressing;
        return new AppView(spec.name(), namespace, spec, new AppStatus(health, replicas, 0, null, null));
    }

    static AppStatus status(HealthReport report, LiveApp trio) {
        List<String> missing = trio.missing();
        return new AppStatus(report.status(), report.desiredPods(), report.readyPods(), report.summary(),
                missing.isEmpty() ? null : missing);
    }
}
