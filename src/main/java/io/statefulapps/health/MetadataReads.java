package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.Map;

/** Null-safe reads of any object's metadata. Reads only: the objects come from a shared cache. */
final class MetadataReads {

    private MetadataReads() {
    }

    static String name(HasMetadata object) {
        return object == null || object.getMetadata() == null ? null : object.getMetadata().getName();
    }

    static String uid(HasMetadata object) {
        return object == null || object.getMetadata() == null ? null : object.getMetadata().getUid();
    }

    static Map<String, String> labels(HasMetadata object) {
        if (object == null || object.getMetadata() == null || object.getMetadata().getLabels() == null) {
            return Map.of();
        }
        return object.getMetadata().getLabels();
    }

    static Instant created(HasMetadata object) {
        return object == null || object.getMetadata() == null ? null
                : Timestamps.parse(object.getMetadata().getCreationTimestamp());
    }

    static boolean isTerminating(HasMetadata object) {
        return object.getMetadata() != null && object.getMetadata().getDeletionTimestamp() != null;
    }
}
