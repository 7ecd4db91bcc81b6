package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.EnvVarSpec;
import io.statefulapps.spec.ModelCopies;
import io.statefulapps.spec.PortSpec;
import io.statefulapps.spec.ResourcesSpec;
import io.statefulapps.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The app's one container, named after the app. */
final class ContainerRenderer {

    private ContainerRenderer() {
    }

    static Container render(AppSpec spec) {
        return new ContainerBuilder()
                .withName(spec.name())
                .withImage(spec.image())
                .withImagePullPolicy(spec.imagePullPolicy())
                .withCommand(spec.command())
                .withArgs(spec.args())
                .withPorts(containerPorts(spec.ports()))
                .withEnv(env(spec.env()))
                .withResources(resources(spec.resources()))
                .withVolumeMounts(volumeMounts(spec.volumes()))
                .withLivenessProbe(ProbeRenderer.render(spec.livenessProbe()))
                .withReadinessProbe(ProbeRenderer.render(spec.readinessProbe()))
                .withStartupProbe(ProbeRenderer.render(spec.startupProbe()))
                .withSecurityContext(ModelCopies.copy(spec.securityContext()))
                .build();
    }

    /**
     * One container port per numeric target port, named like the Service port, so that the pod
     * documents what it listens on and probes or other Services can refer to the port by name.
     * A named target port refers to a port declared this way, so it declares nothing itself; and
     * two Service ports aimed at one container port declare it once (the API server warns on duplicates).
     */
    private static List<ContainerPort> containerPorts(List<PortSpec> ports) {
        List<ContainerPort> declared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (ports == null) {
            return declared;
        }
        for (PortSpec port : ports) {
            Integer number = port.targetPort() == null ? null : port.targetPort().getIntVal();
            if (number != null && seen.add(number + "/" + port.protocol())) {
                declared.add(new ContainerPortBuilder()
                        .withName(port.name())
                        .withContainerPort(number)
                        .withProtocol(port.protocol())
                        .build());
            }
        }
        return declared;
    }

    private static List<EnvVar> env(List<EnvVarSpec> env) {
        return env == null ? List.of() : env.stream()
                .map(variable -> new EnvVarBuilder()
                        .withName(variable.name())
                        .withValue(variable.value())
                        .withValueFrom(ModelCopies.copy(variable.valueFrom()))
                        .build())
                .toList();
    }

    private static ResourceRequirements resources(ResourcesSpec resources) {
        if (resources == null) {
            return null;
        }
        return new ResourceRequirementsBuilder()
                .withRequests(quantities(resources.requests()))
                .withLimits(quantities(resources.limits()))
                .build();
    }

    private static Map<String, Quantity> quantities(Map<String, String> amounts) {
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        if (amounts != null) {
            amounts.forEach((resource, amount) -> quantities.put(resource, new Quantity(amount)));
        }
        return quantities;
    }

    private static List<VolumeMount> volumeMounts(List<VolumeSpec> volumes) {
        return volumes == null ? List.of() : volumes.stream()
                .map(volume -> new VolumeMountBuilder()
                        .withName(volume.name())
                        .withMountPath(volume.mountPath())
                        .withSubPath(volume.subPath())
                        // false is Kubernetes' default and the API server drops it; only true is worth writing
                        .withReadOnly(Boolean.TRUE.equals(volume.readOnly()) ? Boolean.TRUE : null)
                        .build())
                .toList();
    }
}
