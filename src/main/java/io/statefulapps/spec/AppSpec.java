package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;

/**
 * The compact description of a stateful app, as callers send it and as the service reads it
 * back from the live objects. A {@code null} field means "the default" (see {@code AppSpecDefaults}).
 *
 * <p>The Kubernetes-native blocks ({@code securityContext}, {@code podSecurityContext},
 * {@code tolerations}, {@code affinity}) reuse Fabric8's model types so that everything
 * Kubernetes accepts there can be expressed without a translation layer.
 *
 * <p>Built by name, never by position: {@code AppSpecBuilder.builder().name("web").image("nginx").build()},
 * or {@code spec.withReplicas(3)} (both generated at compile time), so a new field touches no call site.
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "image", "imagePullPolicy", "replicas", "ports", "env", "resources", "volumes",
        "livenessProbe", "readinessProbe", "startupProbe", "podManagementPolicy", "updateStrategy",
        "revisionHistoryLimit", "labels", "podAnnotations", "headlessServiceName", "headlessService", "service",
        "persistentVolumeClaimRetentionPolicy"})
public record AppSpec(
        String name,
        String image,
        String imagePullPolicy,
        Integer replicas,
        List<PortSpec> ports,
        List<EnvVarSpec> env,
        ResourcesSpec resources,
        List<VolumeSpec> volumes,
        ProbeSpec livenessProbe,
        ProbeSpec readinessProbe,
        ProbeSpec startupProbe,
        String podManagementPolicy,
        UpdateStrategySpec updateStrategy,
        Integer revisionHistoryLimit,
        /** Extra labels for the pods (and the three objects); never part of the selector. */
        Map<String, String> labels,
        Map<String, String> podAnnotations,
        String headlessServiceName,
        HeadlessServiceSpec headlessService,
        ServiceSpec service,
        RetentionPolicySpec persistentVolumeClaimRetentionPolicy,
        List<String> command,
        List<String> args,
        SecurityContext securityContext,
        PodSecurityContext podSecurityContext,
        Map<String, String> nodeSelector,
        List<Toleration> tolerations,
        Affinity affinity,
        List<String> imagePullSecrets,
        String serviceAccountName,
        Long terminationGracePeriodSeconds) implements AppSpecBuilder.With {
}
