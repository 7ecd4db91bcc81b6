package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import io.statefulapps.spec.UpdateStrategySpec;

/** The StatefulSet of an app, from a spec with defaults applied. */
final class StatefulSetRenderer {

    private StatefulSetRenderer() {
    }

    static StatefulSet render(String namespace, AppSpec spec) {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withName(spec.name())
                .withNamespace(namespace)
                .withLabels(ManagedLabels.withExtra(spec.name(), spec.labels()))
                .endMetadata()
                .withNewSpec()
                .withReplicas(spec.replicas())
                .withServiceName(spec.headlessServiceName())
                .withPodManagementPolicy(spec.podManagementPolicy())
                .withRevisionHistoryLimit(spec.revisionHistoryLimit())
                .withNewSelector()
                .withMatchLabels(ManagedLabels.selector(spec.name()))
                .endSelector()
                .withTemplate(PodTemplateRenderer.render(spec))
                .withUpdateStrategy(updateStrategy(spec.updateStrategy()))
                .withVolumeClaimTemplates(VolumeClaimTemplateRenderer.render(namespace, spec))
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(spec.persistentVolumeClaimRetentionPolicy().whenDeleted())
                .withWhenScaled(spec.persistentVolumeClaimRetentionPolicy().whenScaled())
                .endPersistentVolumeClaimRetentionPolicy()
                .endSpec()
                .build();
    }

    /** {@code rollingUpdate.partition} only exists for RollingUpdate; OnDelete has no parameters. */
    private static StatefulSetUpdateStrategy updateStrategy(UpdateStrategySpec strategy) {
        StatefulSetUpdateStrategyBuilder builder = new StatefulSetUpdateStrategyBuilder().withType(strategy.type());
        if (AppSpecDefaults.UPDATE_STRATEGY.equals(strategy.type()) && strategy.partition() != null) {
            builder.withNewRollingUpdate().withPartition(strategy.partition()).endRollingUpdate();
        }
        return builder.build();
    }
}
