package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

/** StatefulSets kept whole (the app views read them back into the app's spec), compacted. */
final class StatefulSetCompaction {

    private final ValueCompaction values;
    private final PodSpecCompaction pods;
    private final StorageCompaction storage;

    StatefulSetCompaction(ValueCompaction values, PodSpecCompaction pods, StorageCompaction storage) {
        this.values = values;
        this.pods = pods;
        this.storage = storage;
    }

    void statefulSet(StatefulSet sts) {
        values.meta(sts.getMetadata());
        StatefulSetSpec spec = sts.getSpec();
        if (spec != null) {
            values.labelSelector(spec.getSelector());
            pods.template(spec.getTemplate());
            spec.setVolumeClaimTemplates(values.list(spec.getVolumeClaimTemplates(), storage::claim));
            spec.setPodManagementPolicy(values.text(spec.getPodManagementPolicy()));
            spec.setServiceName(values.text(spec.getServiceName()));
            var retention = spec.getPersistentVolumeClaimRetentionPolicy();
            if (retention != null) {
                retention.setWhenDeleted(values.text(retention.getWhenDeleted()));
                retention.setWhenScaled(values.text(retention.getWhenScaled()));
                retention.setAdditionalProperties(values.extras(retention.getAdditionalProperties()));
            }
            var strategy = spec.getUpdateStrategy();
            if (strategy != null) {
                strategy.setType(values.text(strategy.getType()));
                if (strategy.getRollingUpdate() != null) {
                    strategy.getRollingUpdate().setAdditionalProperties(
                            values.extras(strategy.getRollingUpdate().getAdditionalProperties()));
                }
                strategy.setAdditionalProperties(values.extras(strategy.getAdditionalProperties()));
            }
            if (spec.getOrdinals() != null) {
                spec.getOrdinals().setAdditionalProperties(values.extras(spec.getOrdinals().getAdditionalProperties()));
            }
            spec.setAdditionalProperties(values.extras(spec.getAdditionalProperties()));
        }
        status(sts.getStatus());
        sts.setApiVersion(values.text(sts.getApiVersion()));
        sts.setKind(values.text(sts.getKind()));
        sts.setAdditionalProperties(values.extras(sts.getAdditionalProperties()));
    }

    private void status(StatefulSetStatus status) {
        if (status == null) {
            return;
        }
        status.setConditions(values.list(status.getConditions(), condition -> {
            condition.setType(values.text(condition.getType()));
            condition.setStatus(values.text(condition.getStatus()));
            condition.setReason(values.text(condition.getReason()));
            condition.setAdditionalProperties(values.extras(condition.getAdditionalProperties()));
        }));
        status.setCurrentRevision(values.text(status.getCurrentRevision()));
        status.setUpdateRevision(values.text(status.getUpdateRevision()));
        status.setAdditionalProperties(values.extras(status.getAdditionalProperties()));
    }
}
