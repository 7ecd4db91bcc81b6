package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

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
}
