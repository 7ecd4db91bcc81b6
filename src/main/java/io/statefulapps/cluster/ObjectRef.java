package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How the service names an object in messages: {@code Kind/name}, as kubectl does. */
public final class ObjectRef {

    private ObjectRef() {
    }

    public static String of(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
