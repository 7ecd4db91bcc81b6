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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

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
    /** Each kind's compaction by the object's class (the informers deliver exactly these classes). */
    private final Map<Class<?>, Consumer<HasMetadata>> byKind;

    public ObjectCompaction() {
        this(DEFAULT_SLOTS_POWER_OF_TWO);
    }

    ObjectCompaction(int slotsPowerOfTwo) {
        values = new ValueCompaction(slotsPowerOfTwo);
        PodSpecCompaction specs = new PodSpecCompaction(values);
        StorageCompaction storage = new StorageCompaction(values);
        NetworkCompaction network = new NetworkCompaction(values);
        NodeCompaction nodes = new NodeCompaction(values);
        Map<Class<?>, Consumer<HasMetadata>> kinds = new HashMap<>();
        kind(kinds, Pod.class, new PodCompaction(values, specs)::pod);
        kind(kinds, PersistentVolumeClaim.class, storage::claim);
        kind(kinds, PersistentVolume.class, storage::volume);
        kind(kinds, EndpointSlice.class, network::slice);
        kind(kinds, Service.class, network::service);
        kind(kinds, Event.class, new EventCompaction(values)::event);
        kind(kinds, StatefulSet.class, new StatefulSetCompaction(values, specs, storage)::statefulSet);
        kind(kinds, Node.class, nodes::node);
        kind(kinds, StorageClass.class, nodes::storageClass);
        byKind = Map.copyOf(kinds);
    }

    private static <T extends HasMetadata> void kind(Map<Class<?>, Consumer<HasMetadata>> kinds, Class<T> type,
            Consumer<T> compaction) {
        kinds.put(type, object -> compaction.accept(type.cast(object)));
    }

    /** The shared instance of a string equal to {@code text} (for keys built from the objects' names). */
    public String shared(String text) {
        return values.text(text);
    }

    /** Compacts any kind the watch cache holds; other kinds are left as they are. */
    public <T extends HasMetadata> T compact(T object) {
        Consumer<HasMetadata> compaction = object == null ? null : byKind.get(object.getClass());
        if (compaction != null) {
            compaction.accept(object);
        }
        return object;
    }
}
