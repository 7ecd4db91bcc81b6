package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Objects;

/**
 * Whether an app's objects (found by its labels) make a whole app: its StatefulSet, the headless
 * Service the StatefulSet names, and another Service of the app, the client one.
 */
final class AppCompleteness {

    private AppCompleteness() {
    }

    static boolean isComplete(List<HasMetadata> objectsOfApp) {
        StatefulSet statefulSet = objectsOfApp.stream().filter(StatefulSet.class::isInstance)
                .map(StatefulSet.class::cast).findFirst().orElse(null);
        if (statefulSet == null || statefulSet.getSpec() == null) {
            return false;
        }
        String headless = statefulSet.getSpec().getServiceName();
        List<String> services = objectsOfApp.stream().filter(Service.class::isInstance)
                .map(o -> o.getMetadata().getName()).toList();
        return services.contains(headless) && services.stream().anyMatch(name -> !Objects.equals(name, headless));
    }
}
