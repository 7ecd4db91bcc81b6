package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.render.ManagedLabels;
import io.statefulapps.render.Trio;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates an app's three objects all or nothing: every name is checked, every object passes a
 * server-side dry run (so quota, admission and policy refusals arrive before anything exists),
 * and only then are they created in order; a failure part-way deletes what this request created.
 */
@ApplicationScoped
public class TrioWriter {

    private static final Logger LOG = Logger.getLogger(TrioWriter.class);

    private final KubernetesClient client;

    public TrioWriter(KubernetesClient client) {
        this.client = client;
    }

    /** Checks names and dry-runs the three objects; creates nothing. */
    public void dryRun(String namespace, Trio trio) {
        List<HasMetadata> objects = trio.inCreationOrder();
        ensureNamesFree(namespace, objects);
        for (HasMetadata object : objects) {
            String step = "dry run of " + ObjectRef.of(object);
            try {
                client.resource(object).inNamespace(namespace).dryRun().create();
            } catch (KubernetesClientException e) {
                throw translateCreate(step, object, e);
            }
        }
    }

    /** Dry-runs, then creates the three objects in order; returns them as the API server stored them. */
    public List<HasMetadata> create(String namespace, Trio trio) {
        dryRun(namespace, trio);
        List<HasMetadata> created = new ArrayList<>();
        for (HasMetadata object : trio.inCreationOrder()) {
            String step = "create " + ObjectRef.of(object);
            try {
                created.add(client.resource(object).inNamespace(namespace).create());
            } catch (KubernetesClientException e) {
                RuntimeException failure = translateCreate(step, object, e);
                throw rollBack(namespace, step, created, failure);
            }
        }
        return created;
    }

    private void ensureNamesFree(String namespace, List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            String step = "look-up of " + ObjectRef.of(object);
            HasMetadata existing;
            try {
                existing = client.resource(object).inNamespace(namespace).get();
            } catch (KubernetesClientException e) {
                throw KubernetesFailures.translate(step, e);
            }
            if (existing != null) {
                throw conflict(namespace, existing);
            }
        }
    }

    private RuntimeException translateCreate(String step, HasMetadata object, KubernetesClientException e) {
        if (e.getCode() == 409) {
            // Someone took the name between our look-up and our create.
            return new ObjectConflictException(ObjectRef.of(object), false,
                    ObjectRef.of(object) + " already exists in the namespace");
        }
        return KubernetesFailures.translate(step, e);
    }

    private ObjectConflictException conflict(String namespace, HasMetadata existing) {
        boolean managed = ManagedLabels.isManaged(existing);
        String owner = managed
                ? "it belongs to the app \"" + ManagedLabels.appName(existing) + "\" managed by this service"
                : "it is not managed by this service";
        return new ObjectConflictException(ObjectRef.of(existing), managed,
                ObjectRef.of(existing) + " already exists in namespace \"" + namespace + "\" (" + owner
                        + "); choose another name");
    }

    private PartialWriteException rollBack(String namespace, String step, List<HasMetadata> created,
            RuntimeException failure) {
        List<String> undone = new ArrayList<>();
        List<String> leftBehind = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            HasMetadata object = created.get(i);
            try {
                client.resource(object).inNamespace(namespace)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
                undone.add(ObjectRef.of(object));
            } catch (KubernetesClientException e) {
                LOG.warnf(e, "Could not roll back %s in %s", ObjectRef.of(object), namespace);
                leftBehind.add(ObjectRef.of(object));
            }
        }
        return new PartialWriteException(step, undone, leftBehind, failure);
    }
}
