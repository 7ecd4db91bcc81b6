package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.statefulapps.kubernetes.SharedEmptyExtras;
import java.util.Collections;

/**
 * Nodes with their name, labels and conditions only (the health rules read the Ready condition;
 * a real node's status also lists every image it holds); StorageClasses whole, compacted.
 */
final class NodeCompaction {

    private final ValueCompaction values;

    NodeCompaction(ValueCompaction values) {
        this.values = values;
    }

    void node(Node node) {
        if (node.getMetadata() != null) {
            node.getMetadata().setAnnotations(Collections.emptyMap());
        }
        values.metaWithoutUid(node.getMetadata());
        node.setSpec(null);
        NodeStatus status = node.getStatus();
        if (status != null) {
            NodeStatus kept = new NodeStatus();
            kept.setConditions(values.list(status.getConditions(), condition -> {
                condition.setType(values.text(condition.getType()));
                condition.setStatus(values.text(condition.getStatus()));
                condition.setReason(values.text(condition.getReason()));
                condition.setMessage(values.text(condition.getMessage()));
                condition.setLastHeartbeatTime(values.text(condition.getLastHeartbeatTime()));
                condition.setLastTransitionTime(values.text(condition.getLastTransitionTime()));
                condition.setAdditionalProperties(values.extras(condition.getAdditionalProperties()));
            }));
            kept.setAddresses(Collections.emptyList());
            kept.setAllocatable(Collections.emptyMap());
            kept.setCapacity(Collections.emptyMap());
            kept.setDeclaredFeatures(Collections.emptyList());
            kept.setImages(Collections.emptyList());
            kept.setRuntimeHandlers(Collections.emptyList());
            kept.setVolumesAttached(Collections.emptyList());
            kept.setVolumesInUse(Collections.emptyList());
            kept.setPhase(values.text(status.getPhase()));
            kept.setAdditionalProperties(SharedEmptyExtras.NONE);
            node.setStatus(kept);
        }
        node.setApiVersion(values.text(node.getApiVersion()));
        node.setKind(values.text(node.getKind()));
        node.setAdditionalProperties(values.extras(node.getAdditionalProperties()));
    }

    void storageClass(StorageClass storageClass) {
        values.meta(storageClass.getMetadata());
        storageClass.setMountOptions(values.texts(storageClass.getMountOptions()));
        storageClass.setParameters(values.labels(storageClass.getParameters()));
        storageClass.setAllowedTopologies(values.list(storageClass.getAllowedTopologies(), unwalked -> { }));
        storageClass.setAdditionalProperties(values.extras(storageClass.getAdditionalProperties()));
    }
}
