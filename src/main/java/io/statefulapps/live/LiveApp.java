package io.statefulapps.live;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulapps.render.Trio;
import io.statefulapps.spec.TrioNames;
import java.util.ArrayList;
import java.util.List;

/** What the cluster holds of one app: its namespace, its name and its three objects, any of them absent. */
public record LiveApp(String namespace, String name, Trio trio) {

    public LiveApp {
        trio = trio == null ? new Trio(null, null, null) : trio;
    }

    public StatefulSet statefulSet() {
        return trio.statefulSet();
    }

    public Service headlessService() {
        return trio.headlessService();
    }

    public Service clientService() {
        return trio.clientService();
    }

    public boolean exists() {
        return statefulSet() != null || headlessService() != null || clientService() != null;
    }

    public boolean complete() {
        return statefulSet() != null && headlessService() != null && clientService() != null;
    }

    /**
     * The names the three objects have, or are expected to have when absent: the StatefulSet's
     * {@code serviceName} names the headless Service, and what is absent has the default name.
     */
    public TrioNames names() {
        String headless = statefulSet() != null && statefulSet().getSpec() != null
                && statefulSet().getSpec().getServiceName() != null
                ? statefulSet().getSpec().getServiceName()
                : headlessService() != null ? headlessService().getMetadata().getName()
                        : TrioNames.defaultHeadlessName(name);
        String client = clientService() != null ? clientService().getMetadata().getName()
                : TrioNames.defaultClientName(name);
        return new TrioNames(name, headless, client);
    }

    /** The role of each absent object ({@code headless Service}, {@code StatefulSet}, {@code client Service}): one vocabulary a client can switch on. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (headlessService() == null) {
            missing.add("headless Service");
        }
        if (statefulSet() == null) {
            missing.add("StatefulSet");
        }
        if (clientService() == null) {
            missing.add("client Service");
        }
        return missing;
    }
}
