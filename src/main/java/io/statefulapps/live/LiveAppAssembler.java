package io.statefulapps.live;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulapps.render.Trio;
import java.util.Collection;

/**
 * Tells an app's headless Service from its client Service. The StatefulSet's {@code serviceName}
 * names the headless one; without the StatefulSet, {@code clusterIP: None} does.
 */
public final class LiveAppAssembler {

    private LiveAppAssembler() {
    }

    public static LiveApp assemble(String namespace, String name, StatefulSet statefulSet,
            Collection<Service> managedServices) {
        String headlessName = statefulSet != null && statefulSet.getSpec() != null
                ? statefulSet.getSpec().getServiceName()
                : null;
        Service headless = null;
        Service client = null;
        for (Service service : managedServices) {
            if (isHeadless(service, headlessName)) {
                headless = headless == null ? service : headless;
            } else {
                client = client == null ? service : client;
            }
        }
        return new LiveApp(namespace, name, new Trio(headless, statefulSet, client));
    }

    private static boolean isHeadless(Service service, String headlessName) {
        if (headlessName != null) {
            return headlessName.equals(service.getMetadata().getName());
        }
        return service.getSpec() != null && "None".equals(service.getSpec().getClusterIP());
    }
}
