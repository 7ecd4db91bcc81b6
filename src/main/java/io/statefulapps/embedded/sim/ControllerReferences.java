package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The controller reference a controller puts on what it creates, and how it recognises its own. */
final class ControllerReferences {

    private ControllerReferences() {
    }

    static OwnerReference of(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    static boolean isControlledBy(HasMetadata obj, HasMetadata owner) {
        return obj.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> Boolean.TRUE.equals(ref.getController())
                        && Objects.equals(ref.getUid(), owner.getMetadata().getUid()));
    }

    /**
     * Whether the owner may adopt the object (ControllerRefManager): it has no controller, or only
     * one naming a deleted predecessor of the owner (same kind and name, another uid). The garbage
     * collector removes such references, and a cache may still show one for a moment.
     */
    static boolean isOrphanFor(HasMetadata obj, HasMetadata owner) {
        return obj.getMetadata().getOwnerReferences().stream().filter(ref -> Boolean.TRUE.equals(ref.getController()))
                .allMatch(ref -> isPredecessor(ref, owner));
    }

    /** The object's owner references once the owner has adopted it: any to a predecessor replaced by the owner's. */
    static List<OwnerReference> adoptedBy(HasMetadata obj, HasMetadata owner) {
        List<OwnerReference> refs = new ArrayList<>(obj.getMetadata().getOwnerReferences());
        refs.removeIf(ref -> isPredecessor(ref, owner));
        refs.add(of(owner));
        return refs;
    }

    private static boolean isPredecessor(OwnerReference ref, HasMetadata owner) {
        return Objects.equals(ref.getKind(), owner.getKind())
                && Objects.equals(ref.getName(), owner.getMetadata().getName())
                && !Objects.equals(ref.getUid(), owner.getMetadata().getUid());
    }
}
