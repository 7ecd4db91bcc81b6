package io.statefulapps.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The volumes a change makes larger. Kubernetes does not let a StatefulSet's claim templates change,
 * so growing a volume means expanding every existing claim of the template and then recreating the
 * StatefulSet (orphaning its pods) with the larger template. Only a StorageClass with
 * {@code allowVolumeExpansion: true} lets claims grow.
 */
public final class VolumeGrowth {

    /**
     * One volume that grows.
     *
     * @param index            its position in the proposed spec's {@code volumes}
     * @param storageClassName the template's class; {@code null} means the cluster's default class
     */
    public record Grown(int index, String volume, String storageClassName, String from, String to) {
    }

    private VolumeGrowth() {
    }

    /** The volumes {@code proposed} makes larger than in {@code current} (both with defaults applied). */
    public static List<Grown> of(AppSpec current, AppSpec proposed) {
        Map<String, VolumeSpec> before = new HashMap<>();
        ImmutableFieldRules.volumesOf(current).forEach(v -> before.put(v.name(), v));
        List<Grown> grown = new ArrayList<>();
        List<VolumeSpec> after = ImmutableFieldRules.volumesOf(proposed);
        for (int i = 0; i < after.size(); i++) {
            VolumeSpec now = after.get(i);
            VolumeSpec old = before.get(now.name());
            if (old != null && ImmutableFieldRules.compareSize(old.size(), now.size()) > 0) {
                grown.add(new Grown(i, now.name(), now.storageClassName(), old.size(), now.size()));
            }
        }
        return grown;
    }

    /**
     * The growths a StorageClass does not allow.
     *
     * @param expandable for a class name (never null: the default class is resolved by the caller), whether it
     *                   allows expansion; empty when there is no such class
     * @param classOf    the class each grown volume's claims actually use (the default class where the
     *                   template names none); null when there is none
     */
    public static List<FieldError> refusals(List<Grown> grown, Function<Grown, String> classOf,
            Function<String, Optional<Boolean>> expandable) {
        List<FieldError> errors = new ArrayList<>();
        for (Grown g : grown) {
            String field = "volumes[" + g.index() + "].size";
            String className = classOf.apply(g);
            if (className == null || className.isEmpty()) {
                errors.add(new FieldError(field, "cannot grow from " + g.from() + " to " + g.to() + ": the claims of '"
                        + g.volume() + "' have no StorageClass (pre-provisioned volumes), so they cannot be expanded"));
                continue;
            }
            Optional<Boolean> allows = expandable.apply(className);
            if (allows.isEmpty()) {
                errors.add(new FieldError(field, "cannot grow from " + g.from() + " to " + g.to()
                        + ": the StorageClass '" + className + "' of its claims does not exist, so nothing can expand"
                        + " them"));
            } else if (!allows.get()) {
                errors.add(new FieldError(field, "cannot grow from " + g.from() + " to " + g.to()
                        + ": the StorageClass '" + className + "' does not set allowVolumeExpansion: true; ask the"
                        + " cluster admin to allow expansion on that class, or copy the data to a new app with"
                        + " larger volumes"));
            }
        }
        return errors;
    }
}
