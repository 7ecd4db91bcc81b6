package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change to an app writes: each object that differs, ready to be written ({@code null} where
 * nothing changes). When {@code recreateStatefulSet} is set, the StatefulSet's claim templates change:
 * it must be deleted with its pods orphaned and created again as {@code statefulSet}.
 */
public record TrioChanges(Service headlessService, StatefulSet statefulSet, boolean recreateStatefulSet,
        Service clientService) {

    public boolean isEmpty() {
        return headlessService == null && statefulSet == null && clientService == null;
    }

    /** The objects to write, in the order they are written: headless Service, StatefulSet, client Service. */
    public List<HasMetadata> inWriteOrder() {
        List<HasMetadata> objects = new ArrayList<>();
        if (headlessService != null) {
            objects.add(headlessService);
        }
        if (statefulSet != null) {
            objects.add(statefulSet);
        }
        if (clientService != null) {
            objects.add(clientService);
        }
        return objects;
    }
}
