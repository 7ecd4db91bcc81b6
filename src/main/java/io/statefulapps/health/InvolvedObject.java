package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * One of the app's objects as events name it. The one rule for "is this event about that object":
 * same kind and same UID, so that a Service and a StatefulSet of one name, or a pod and its
 * re-created successor of the same name, never share events. Only when the event (or, for an
 * object that is absent, the object) carries no UID does the name decide.
 *
 * @param uid {@code null} when the object is absent or its UID is not known
 */
record InvolvedObject(String kind, String name, String uid) {

    static InvolvedObject of(String kind, HasMetadata object) {
        return new InvolvedObject(kind, MetadataReads.name(object), MetadataReads.uid(object));
    }

    boolean matches(ObjectReference ref) {
        if (ref == null || !kind.equals(ref.getKind())) {
            return false;
        }
        if (uid != null && ref.getUid() != null) {
            return uid.equals(ref.getUid());
        }
        return name != null && name.equals(ref.getName());
    }

    /** {@code Kind/name}, as problems and events name objects. */
    String label() {
        return kind + "/" + name;
    }
}
