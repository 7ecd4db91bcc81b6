package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.kubernetes.StatefulSetNaming;
import io.statefulapps.render.ManagedLabels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims a StatefulSet made between its create and the failure of the request that created it:
 * new and empty, so that request's roll-back removes them too, else a failed create holds storage
 * nobody asked for. The names of the app's claims are taken before the StatefulSet is created (from
 * the watch cache, else listed); a claim of such a name (kept from an earlier app of the same name:
 * its data) is never taken, nor one the set does not name as its own.
 */
record FreshClaims(KubernetesClient client) {

    /** What was removed and what could not be, as {@code PersistentVolumeClaim/<name>}. */
    record Removal(List<String> removed, List<String> left) {
    }

    /** The names of the app's claims now, listed; empty when they cannot be (then none is removed later). */
    Optional<Set<String>> existing(String namespace, String app) {
        try {
            Set<String> names = new HashSet<>();
            claims(namespace, app).forEach(c -> names.add(c.getMetadata().getName()));
            return Optional.of(names);
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    Removal remove(String namespace, StatefulSet created, Set<String> before) {
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        if (created.getSpec().getVolumeClaimTemplates().isEmpty()) {
            return new Removal(removed, left);
        }
        List<PersistentVolumeClaim> claims;
        try {
            claims = claims(namespace, ManagedLabels.appName(created));
        } catch (KubernetesClientException e) {
            return new Removal(removed, List.of("the claims StatefulSet/" + created.getMetadata().getName()
                    + " may have made"));
        }
        for (PersistentVolumeClaim claim : claims) {
            if (before.contains(claim.getMetadata().getName()) || !madeBy(claim, created)) {
                continue;
            }
            String ref = "PersistentVolumeClaim/" + claim.getMetadata().getName();
            try {
                new OwnObjectDeletion(client).delete(namespace, claim);
                removed.add(ref);
            } catch (KubernetesClientException e) {
                left.add(ref);
            }
        }
        return new Removal(removed, left);
    }

    private List<PersistentVolumeClaim> claims(String namespace, String app) {
        return client.persistentVolumeClaims().inNamespace(namespace)
                .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                .withLabel(ManagedLabels.INSTANCE, app).list().getItems();
    }

    private static boolean madeBy(PersistentVolumeClaim claim, StatefulSet set) {
        String name = claim.getMetadata().getName();
        String setName = set.getMetadata().getName();
        return set.getSpec().getVolumeClaimTemplates().stream().anyMatch(template -> {
            String prefix = template.getMetadata().getName() + "-";
            return name.startsWith(prefix)
                    && StatefulSetNaming.ordinalOf(name.substring(prefix.length()), setName).isPresent();
        });
    }
}
