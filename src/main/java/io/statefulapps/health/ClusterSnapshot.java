package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.statefulapps.spec.TrioNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the health rules look at for one app, as the watch cache holds it at one moment.
 *
 * <p>The objects are the cache's own instances: the rules only read them, never mutate them.
 * Collections are taken as given (a {@code null} becomes empty), not copied, because a health GET
 * must stay cheap at thousands of apps.
 *
 * @param namespace        the app's namespace
 * @param app              the app's name
 * @param names            the expected names of the three objects, so an absent one can be named
 * @param statefulSet      the StatefulSet, {@code null} when absent
 * @param headlessService  the headless Service, {@code null} when absent
 * @param clientService    the client Service, {@code null} when absent
 * @param pods             the StatefulSet's pods (any order)
 * @param claims           the app's PVCs ({@code <template>-<sts>-<ordinal>}), any order, including those
 *                         a scale-down left behind
 * @param volumesByName    the PVs those claims are bound to, by PV name
 * @param endpointSlices   the EndpointSlices of both Services ({@code kubernetes.io/service-name} label)
 * @param events           core/v1 Warning Events whose involved object is the trio, a pod or a PVC
 * @param storageClasses   every StorageClass of the cluster, by name
 * @param nodes            the nodes the pods run on, by name (a node not in the map is not judged)
 * @param cacheSynced      false while any informer feeding this snapshot has not synced
 * @param staleFor         how long the data has been stale because a watch is broken and re-connecting,
 *                         {@code null} (or zero) while the watches are live; the shell passes it once a
 *                         break outlasts its threshold
 * @param now              the moment of the assessment (the rules never read a clock)
 */
public record ClusterSnapshot(
        String namespace,
        String app,
        TrioNames names,
        StatefulSet statefulSet,
        Service headlessService,
        Service clientService,
        List<Pod> pods,
        List<PersistentVolumeClaim> claims,
        Map<String, PersistentVolume> volumesByName,
        List<EndpointSlice> endpointSlices,
        List<Event> events,
        Map<String, StorageClassInfo> storageClasses,
        Map<String, NodeInfo> nodes,
        boolean cacheSynced,
        Duration staleFor,
        Instant now) {

    public ClusterSnapshot {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(now, "now");
        names = names == null ? TrioNames.defaultsFor(app) : names;
        pods = pods == null ? List.of() : pods;
        claims = claims == null ? List.of() : claims;
        volumesByName = volumesByName == null ? Map.of() : volumesByName;
        endpointSlices = endpointSlices == null ? List.of() : endpointSlices;
        events = events == null ? List.of() : events;
        storageClasses = storageClasses == null ? Map.of() : storageClasses;
        nodes = nodes == null ? Map.of() : nodes;
        staleFor = staleFor == null || staleFor.isNegative() || staleFor.isZero() ? null : staleFor;
    }

    /** The class a PVC without {@code storageClassName} gets, or {@code null} when the cluster has none. */
    public StorageClassInfo defaultStorageClass() {
        for (StorageClassInfo info : storageClasses.values()) {
            if (info.isDefault()) {
                return info;
            }
        }
        return null;
    }
}
