package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where an object is in its life as every controller reads it. */
final class ObjectLifecycle {

    private ObjectLifecycle() {
    }

    /** Marked for deletion (a deletionTimestamp) but still there. */
    static boolean isTerminating(HasMetadata obj) {
        return obj.getMetadata().getDeletionTimestamp() != null;
    }
}
