package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Objects;

/**
 * Updates of whole objects as a change writes them: with the resourceVersion read (a concurrent
 * change makes them fail), or without one (last writer wins). Each answers the object as written.
 */
record ObjectUpdates(KubernetesClient client) {

    private static final int UNCONDITIONAL_ATTEMPTS = 5;

    /**
     * The StatefulSet controller rewrites the status (and so the resourceVersion) all the time; a
     * conflict caused by that alone is no concurrent change of the spec, so the write is repeated on
     * the latest version when its generation is still the one read.
     */
    StatefulSet updateStatefulSet(String namespace, StatefulSet statefulSet) {
        try {
            return update(namespace, statefulSet);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 || statefulSet.getMetadata().getResourceVersion() == null) {
                throw e;
            }
            StatefulSet latest = client.apps().statefulSets().inNamespace(namespace)
                    .withName(statefulSet.getMetadata().getName()).get();
            if (latest == null || !Objects.equals(latest.getMetadata().getGeneration(),
                    statefulSet.getMetadata().getGeneration())) {
                throw e;
            }
            return update(namespace, new StatefulSetBuilder(statefulSet).editMetadata()
                    .withResourceVersion(latest.getMetadata().getResourceVersion()).endMetadata().build());
        }
    }

    /**
     * An update without a resourceVersion is "last writer wins": the client reads the latest version
     * first, and a controller writing status in between makes that version stale. Such a conflict is
     * no one else's change of the spec, so the write is simply tried again.
     */
    <T extends HasMetadata> T update(String namespace, T object) {
        boolean unconditional = object.getMetadata().getResourceVersion() == null;
        for (int attempt = 1;; attempt++) {
            try {
                return client.resource(object).inNamespace(namespace).update();
            } catch (KubernetesClientException e) {
                if (!unconditional || e.getCode() != 409 || attempt >= UNCONDITIONAL_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Any of the trio's objects, the StatefulSet with its status writes tolerated. */
    HasMetadata write(String namespace, HasMetadata object) {
        return object instanceof StatefulSet set ? updateStatefulSet(namespace, set) : update(namespace, object);
    }
}
