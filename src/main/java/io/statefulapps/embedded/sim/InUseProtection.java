package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What kube-controller-manager's pvc-protection and pv-protection controllers share: every object
 * of the kind carries a protection finalizer, and one marked for deletion keeps it while something
 * still uses it, so the API server lets it go only once nothing does.
 *
 * <p>The StorageObjectInUseProtection admission of the API server puts the finalizer on the object
 * when it is created; one without it (older than the plugin, in a real cluster) gets it here, as the
 * real controllers give it.
 */
abstract class InUseProtection<T extends HasMetadata> extends KindController<T> {

    private final String finalizer;

    InUseProtection(ControllerContext context, SharedIndexInformer<T> primary, String finalizer) {
        super(context, primary);
        this.finalizer = finalizer;
        lookAtEveryChange();
    }

    /** Whether something still uses the object, so that its deletion must wait. */
    abstract boolean inUse(T object);

    /** A copy of the object with these finalizers (and its resourceVersion: the write must not race). */
    abstract T withFinalizers(T object, List<String> finalizers);

    @Override
    final Instant reconcile(String key, T object) {
        if (object == null) {
            return null;
        }
        List<String> finalizers = object.getMetadata().getFinalizers();
        boolean protectedNow = finalizers.contains(finalizer);
        boolean deleting = ObjectLifecycle.isTerminating(object);
        if (!protectedNow && !deleting) {
            List<String> more = new ArrayList<>(finalizers);
            more.add(finalizer);
            writer.update(withFinalizers(object, more));
        } else if (protectedNow && deleting && !inUse(object)) {
            // the last finalizer gone, the API server removes the object at once
            writer.update(withFinalizers(object, finalizers.stream().filter(f -> !f.equals(finalizer)).toList()));
        }
        return null; // a change of the object, or of what uses it, brings it back
    }
}
