package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Objects;

/**
 * Deletes an object a request created, and only that object. Meanwhile another request may have
 * taken the request for abandoned, removed what it had made and created the app anew under the same
 * names; deleting by name would then destroy that app. The object is read, its uid compared with
 * the one created, and the delete sent with the read resourceVersion as its precondition, so a
 * replacement made in between is never deleted (Fabric8 sends no uid precondition, hence the read).
 */
record OwnObjectDeletion(KubernetesClient client) {

    private static final int ATTEMPTS = 3;

    enum Outcome { DELETED, GONE, REPLACED }

    Outcome delete(String namespace, HasMetadata created) {
        for (int attempt = 1; ; attempt++) {
            HasMetadata current = client.resource(created).inNamespace(namespace).get();
            if (current == null) {
                return Outcome.GONE;
            }
            if (!Objects.equals(current.getMetadata().getUid(), created.getMetadata().getUid())) {
                return Outcome.REPLACED;
            }
            try {
                client.resource(current).inNamespace(namespace)
                        .lockResourceVersion(current.getMetadata().getResourceVersion()).delete();
                return Outcome.DELETED;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return Outcome.GONE;
                }
                // 409: changed since the read (its controller writing status): read it again
                if (e.getCode() != 409 || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
