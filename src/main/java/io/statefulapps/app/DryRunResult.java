package io.statefulapps.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.statefulapps.spec.AppSpec;
import java.util.List;

/** The answer to a dry run: the spec with defaults filled in and the three objects it renders to. */
public record DryRunResult(String name, String namespace, AppSpec spec, List<HasMetadata> objects) {
}
