package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;

/**
 * Deep copies of the mutable Fabric8 model objects an {@link AppSpec} carries, so that neither
 * defaulting nor rendering shares (and later mutates) an object with its input. {@code null} in,
 * {@code null} out.
 */
public final class ModelCopies {

    private ModelCopies() {
    }

    public static SecurityContext copy(SecurityContext value) {
        return value == null ? null : new SecurityContextBuilder(value).build();
    }

    public static PodSecurityContext copy(PodSecurityContext value) {
        return value == null ? null : new PodSecurityContextBuilder(value).build();
    }

    public static Toleration copy(Toleration value) {
        return value == null ? null : new TolerationBuilder(value).build();
    }

    public static Affinity copy(Affinity value) {
        return value == null ? null : new AffinityBuilder(value).build();
    }

    public static EnvVarSource copy(EnvVarSource value) {
        return value == null ? null : new EnvVarSourceBuilder(value).build();
    }

    public static IntOrString copy(IntOrString value) {
        return value == null ? null : new IntOrString(value.getValue());
    }
}
