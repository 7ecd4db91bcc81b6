package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/** The three objects of one app: what gets created, and what is read back. */
public record Trio(Service headlessService, StatefulSet statefulSet, Service clientService) {

    /**
     * Headless Service, StatefulSet, client Service: the headless Service exists before the pods
     * that need its DNS records, and the client Service last, once there is something to route to.
     */
    public List<HasMetadata> inCreationOrder() {
        return List.of(headlessService, statefulSet, clientService);
    }
}
