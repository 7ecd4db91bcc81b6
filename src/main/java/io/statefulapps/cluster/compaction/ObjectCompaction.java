package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

/**
 * Makes an object the informer just delivered (and no one else holds yet) small, in place, before
 * the watch cache stores it; see the package description for what is kept of each kind. One
 * instance per cache: its interner is shared by every kind, since the same strings (namespace,
 * app and pod names, labels) recur across them.
 */
public final class ObjectCompaction {

    /** 2^18 slots: 1 MiB of table, enough to keep the strings that recur across apps shared at 10,000 apps. */
    static final int DEFAULT_SLOTS_POWER_OF_TWO = 18;

    private final ValueCompaction values;
    private final PodCompaction pods;
    private final StorageCompaction storage;
    private final NetworkCompaction network;
    private final StatefulSetCompaction statefulSets;
    private final EventCompaction events;
    private final NodeCompaction nodes;

    public ObjectCompaction() {
        this(DEFAULT_SLOTS_POWER_OF_TWO);
    }

    ObjectCompaction(int slotsPowerOfTwo) {
        values = new ValueCompaction(slotsPowerOfTwo);
        PodSpecCompaction specs = new PodSpecCompaction(values);
        pods = new PodCompaction(values, specs);
        storage = new StorageCompaction(values);
        network = new NetworkCompaction(values);
        statefulSets = new StatefulSetCompaction(values, specs, storage);
        events = new EventCompaction(values);
        nodes = new NodeCompaction(values);
    }

    /** The shared instance of a string equal to {@code text} (for keys built from the objects' names). */
    public String shared(String text) {
        return values.text(text);
    }

    /** Compacts any kind the watch cache holds; other kinds are left as they are. */
    public <T extends HasMetadata> T compact(T object) {
        if (object instanceof Pod pod) {
            pods.pod(pod);
        } else if (object instanceof PersistentVolumeClaim claim) {
            storage.claim(claim);
        } else if (object instanceof PersistentVolume volume) {
            storage.volume(volume);
        } else if (object instanceof EndpointSlice slice) {
            network.slice(slice);
        } else if (object instanceof Event event) {
            events.event(event);
        } else if (object instanceof Service service) {
            network.service(service);
        } else if (object instanceof StatefulSet sts) {
            statefulSets.statefulSet(sts);
        } else if (object instanceof Node node) {
            nodes.node(node);
        } else if (object instanceof StorageClass storageClass) {
            nodes.storageClass(storageClass);
        }
        return object;
    }
}
