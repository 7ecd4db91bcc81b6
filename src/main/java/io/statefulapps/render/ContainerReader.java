package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.statefulapps.spec.EnvVarSpec;
import io.statefulapps.spec.ModelCopies;
import io.statefulapps.spec.ResourcesSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The container parts of a spec, read from the live pod template. */
final class ContainerReader {

    private ContainerReader() {
    }

    /**
     * The container named after the app; the first one when it was renamed, because a sidecar an
     * admission webhook injected is appended after ours.
     */
    static Container appContainer(PodSpec pod, String appName) {
        List<Container> containers = pod.getContainers();
        return containers.stream()
                .filter(container -> appName.equals(container.getName()))
                .findFirst()
                .orElse(containers.get(0));
    }

    static List<EnvVarSpec> env(Container container) {
        List<EnvVar> env = container.getEnv();
        return env == null ? null : env.stream()
                .map(variable -> new EnvVarSpec(variable.getName(), variable.getValue(),
                        ModelCopies.copy(variable.getValueFrom())))
                .toList();
    }

    static ResourcesSpec resources(Container container) {
        ResourceRequirements resources = container.getResources();
        if (resources == null) {
            return null;
        }
        return new ResourcesSpec(amounts(resources.getRequests()), amounts(resources.getLimits()));
    }

    /** Quantities as written: {@code "512Mi"} stays {@code "512Mi"} (the API server keeps canonical forms). */
    private static Map<String, String> amounts(Map<String, Quantity> quantities) {
        if (quantities == null) {
            return null;
        }
        Map<String, String> amounts = new LinkedHashMap<>();
        quantities.forEach((resource, quantity) -> amounts.put(resource, quantity.toString()));
        return amounts;
    }
}
