package io.statefulapps.api;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.statefulapps.cluster.LiveApp;
import io.statefulapps.cluster.LiveAppReader;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioReader;
import io.statefulapps.spec.AppSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Finds apps and shows them: the spec read back from the live objects and a short status. */
@ApplicationScoped
public class AppViews {

    private final LiveAppReader reader;
    private final TrioReader trioReader = new TrioReader();

    public AppViews(LiveAppReader reader) {
        this.reader = reader;
    }

    /** The app, or a 404 problem when none of its objects exists. */
    public LiveApp require(String namespace, String name) {
        SpecIntake.requireNamespace(namespace);
        LiveApp app = reader.read(namespace, name);
        if (!app.exists()) {
            throw ProblemException.of(ProblemType.NOT_FOUND,
                    "There is no app \"" + name + "\" in namespace \"" + namespace + "\".");
        }
        return app;
    }

    /** The spec read back from the live objects, or null while one of them is missing. */
    public AppSpec specOf(LiveApp app) {
        if (!app.complete()) {
            throw ProblemException.of(ProblemType.CONFLICT,
                    "The app \"" + app.name() + "\" is incomplete (missing: " + String.join(", ", app.missing())
                            + "); delete it and create it again.");
        }
        return trioReader.read(new Trio(app.headlessService(), app.statefulSet(), app.clientService()));
    }

    public AppView view(LiveApp app) {
        AppSpec spec = app.complete() ? specOf(app) : null;
        return new AppView(app.name(), app.namespace(), spec, status(app));
    }

    public AppView justCreated(String namespace, AppSpec spec) {
        int replicas = spec.replicas() == null ? 1 : spec.replicas();
        String health = replicas == 0 ? "Suspended" : "Progressing";
        return new AppView(spec.name(), namespace, spec, new AppStatus(health, replicas, 0, null));
    }

    private static AppStatus status(LiveApp app) {
        StatefulSet sts = app.statefulSet();
        int replicas = sts != null && sts.getSpec().getReplicas() != null ? sts.getSpec().getReplicas() : 0;
        StatefulSetStatus status = sts == null ? null : sts.getStatus();
        int ready = status != null && status.getReadyReplicas() != null ? status.getReadyReplicas() : 0;
        List<String> missing = app.missing();
        String health;
        if (!missing.isEmpty()) {
            health = "Missing";
        } else if (replicas == 0) {
            health = "Suspended";
        } else {
            health = ready >= replicas ? "Healthy" : "Progressing";
        }
        return new AppStatus(health, replicas, ready, missing.isEmpty() ? null : missing);
    }
}
