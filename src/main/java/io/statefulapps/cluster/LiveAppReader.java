package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.live.LiveApp;
import io.statefulapps.live.LiveAppAssembler;
import io.statefulapps.render.ManagedLabels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads one app straight from the API server: two calls. Used only where the watch cache cannot
 * answer (a cache miss must be confirmed before a 404) and by writes, which need the latest state.
 */
@ApplicationScoped
public class LiveAppReader {

    private final KubernetesClient client;

    public LiveAppReader(KubernetesClient client) {
        this.client = client;
    }

    public LiveApp read(String namespace, String name) {
        try {
            StatefulSet statefulSet = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
            if (statefulSet != null && !ManagedLabels.isManaged(statefulSet)) {
                statefulSet = null;
            }
            List<Service> services = client.services().inNamespace(namespace)
                    .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                    .withLabel(ManagedLabels.INSTANCE, name)
                    .list().getItems();
            return LiveAppAssembler.assemble(namespace, name, statefulSet, services);
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("read of app " + namespace + "/" + name, e);
        }
    }
}
