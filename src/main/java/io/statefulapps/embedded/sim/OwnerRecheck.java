package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Objects;

/**
 * kube's RecheckDeletionTimestamp before an adoption: the owner as the cache shows it may already
 * be deleted (with propagationPolicy Orphan its dependents were just set free) or replaced, so it is
 * read again from the API server, and adopts only if it is still there, the same object, and not
 * marked for deletion. Otherwise a deleted set would take back the pods it had just orphaned.
 */
record OwnerRecheck(KubernetesClient client) {

    boolean mayAdopt(HasMetadata owner) {
        HasMetadata fresh;
        try {
            fresh = client.resource(owner).get();
        } catch (KubernetesClientException e) {
            return false;
        }
        return fresh != null && Objects.equals(fresh.getMetadata().getUid(), owner.getMetadata().getUid())
                && fresh.getMetadata().getDeletionTimestamp() == null;
    }
}
