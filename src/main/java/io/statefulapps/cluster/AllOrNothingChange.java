package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioChanges;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change sent with If-Match is all or nothing: its writes carry the versions read, and when one
 * of them meets a newer version (another request changed the app between this one's writes), the
 * writes already made are put back as they were read, so the 412 leaves the app as the other
 * request made it rather than a mix of both. Only plain updates are taken back: a grown claim cannot
 * shrink, so volume growth and the StatefulSet replacement keep their step-wise report.
 */
record AllOrNothingChange(KubernetesClient client) {

    private static final Logger LOG = Logger.getLogger(AllOrNothingChange.class);

    /** One write made: the object as read before it, and as written. */
    private record Made(String step, HasMetadata read, HasMetadata written) {
    }

    /** Writes the changes; returns the steps done. Throws {@link PartialChangeException}. */
    List<String> apply(String namespace, TrioChanges changes, Trio before) {
        ObjectUpdates updates = new ObjectUpdates(client);
        List<HasMetadata> objects = changes.inWriteOrder();
        List<String> steps = objects.stream().map(o -> "update " + ObjectRef.of(o)).toList();
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            try {
                made.add(new Made(steps.get(i), readOf(before, objects.get(i)), updates.write(namespace, objects.get(i))));
            } catch (KubernetesClientException e) {
                List<String> stillChanged = e.getCode() == 409 ? putBack(namespace, made, updates)
                        : made.stream().map(Made::step).toList();
                throw new PartialChangeException(steps.get(i), stillChanged, steps.subList(i, steps.size()),
                        KubernetesFailures.translate(steps.get(i), e));
            }
        }
        return steps;
    }

    /** Puts back what was written, newest first; answers the steps that could not be taken back. */
    private List<String> putBack(String namespace, List<Made> made, ObjectUpdates updates) {
        List<String> stillChanged = new ArrayList<>();
        for (int i = made.size() - 1; i >= 0; i--) {
            Made m = made.get(i);
            HasMetadata restored = Serialization.clone(m.read());
            restored.getMetadata().setResourceVersion(m.written().getMetadata().getResourceVersion());
            restored.getMetadata().setGeneration(m.written().getMetadata().getGeneration());
            try {
                updates.write(namespace, restored);
            } catch (KubernetesClientException e) {
                LOG.warnf("Could not put back %s after a lost If-Match race: %s", m.step(), e.getMessage());
                stillChanged.add(0, m.step());
            }
        }
        return stillChanged;
    }

    private static HasMetadata readOf(Trio before, HasMetadata object) {
        for (HasMetadata read : List.of(before.headlessService(), before.statefulSet(), before.clientService())) {
            if (read != null && Objects.equals(read.getKind(), object.getKind())
                    && Objects.equals(read.getMetadata().getName(), object.getMetadata().getName())) {
                return read;
            }
        }
        throw new IllegalStateException("no object as read for " + ObjectRef.of(object));
    }
}
