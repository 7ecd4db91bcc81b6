package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * The trio as manifests a person can keep or pipe into {@code kubectl apply -f -}: multi-document
 * YAML, or a JSON {@code v1 List}. Objects in creation order; no status, no server-set metadata,
 * no null fields.
 */
public final class ManifestWriter {

    private static final String DOCUMENT_START = "---\n";

    private final KubernetesSerialization serialization;

    public ManifestWriter() {
        this(new KubernetesSerialization());
    }

    /** With the serialization of a Kubernetes client ({@code client.getKubernetesSerialization()}). */
    public ManifestWriter(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    public String toYaml(Trio trio) {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : applyReady(trio)) {
            String document = serialization.asYaml(object);
            if (!document.startsWith(DOCUMENT_START)) {
                yaml.append(DOCUMENT_START);
            }
            yaml.append(document);
            if (!document.endsWith("\n")) {
                yaml.append('\n');
            }
        }
        return yaml.toString();
    }

    public String toJsonList(Trio trio) {
        return serialization.asJson(new KubernetesListBuilder().withItems(applyReady(trio)).build());
    }

    /**
     * Copies of the objects without what only the API server may write: a manifest carrying a
     * {@code resourceVersion} or {@code uid} would be refused or would clobber a newer object.
     */
    private List<HasMetadata> applyReady(Trio trio) {
        return trio.inCreationOrder().stream().map(this::applyReady).toList();
    }

    private HasMetadata applyReady(HasMetadata object) {
        HasMetadata copy = serialization.clone(object);
        ObjectMeta metadata = copy.getMetadata();
        if (metadata != null) {
            metadata.setUid(null);
            metadata.setResourceVersion(null);
            metadata.setGeneration(null);
            metadata.setCreationTimestamp(null);
            metadata.setManagedFields(null);
        }
        if (copy instanceof Service service) {
            service.setStatus(null);
        } else if (copy instanceof StatefulSet statefulSet) {
            statefulSet.setStatus(null);
        }
        return copy;
    }
}
