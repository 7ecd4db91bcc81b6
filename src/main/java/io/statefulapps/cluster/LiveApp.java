package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/** What the cluster holds of one app's three objects; any of them may be absent. */
public record LiveApp(String namespace, String name, StatefulSet statefulSet, Service headlessService,
        Service clientService) {

    public boolean exists() {
        return statefulSet != null || headlessService != null || clientService != null;
    }

    public boolean complete() {
        return statefulSet != null && headlessService != null && clientService != null;
    }

    /** {@code Kind/role} of each absent object, for messages. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (headlessService == null) {
            missing.add("headless Service");
        }
        if (statefulSet == null) {
            missing.add("StatefulSet/" + name);
        }
        if (clientService == null) {
            missing.add("client Service");
        }
        return missing;
    }
}
