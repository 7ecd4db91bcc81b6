package io.statefulapps.app;

import io.statefulapps.cluster.TrioWriter;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioRenderer;
import io.statefulapps.spec.AppSpec;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * POST: a request body becomes a spec that breaks no rule, the spec becomes the trio, and the trio
 * is created all or nothing (or only dry-run on the API server).
 */
@ApplicationScoped
public class AppCreation {

    /** What a create answers: the dry run's rendering, or the app just created. */
    public sealed interface Outcome {
    }

    public record DryRun(DryRunResult result) implements Outcome {
    }

    public record Created(AppView app) implements Outcome {
    }

    private final SpecIntake intake;
    private final TrioWriter writer;
    private final AppViews views;
    private final TrioRenderer renderer = new TrioRenderer();

    public AppCreation(SpecIntake intake, TrioWriter writer, AppViews views) {
        this.intake = intake;
        this.writer = writer;
        this.views = views;
    }

    public Outcome create(String namespace, byte[] body, boolean dryRun) {
        SpecIntake.requireNamespace(namespace);
        AppSpec spec = intake.accept(body);
        Trio trio = renderer.render(namespace, spec);
        if (dryRun) {
            writer.dryRun(namespace, trio);
            return new DryRun(new DryRunResult(spec.name(), namespace, spec, trio.inCreationOrder()));
        }
        writer.create(namespace, trio);
        return new Created(views.justCreated(namespace, spec));
    }
}
