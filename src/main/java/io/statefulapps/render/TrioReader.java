package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecBuilder;
import io.statefulapps.spec.AppSpecDefaults;
import io.statefulapps.spec.ModelCopies;
import io.statefulapps.spec.RetentionPolicySpec;
import io.statefulapps.spec.UpdateStrategySpec;
import java.util.List;

/**
 * The spec read back from the live trio: the inverse of {@link TrioRenderer}, so that
 * {@code read(render(ns, s)).equals(AppSpecDefaults.apply(s))} for every valid spec.
 *
 * <p>Works on objects as the API server returns them: fields the server adds (clusterIP, uid,
 * status, its own defaults) are ignored, and a field the server omitted (an empty list, a zero
 * {@code initialDelaySeconds}, a default it did not write) reads as our default, which is the
 * Kubernetes default. Needs all three objects (an incomplete app has no spec to read). Pure: no I/O.
 *
 * <p>Limit: a real API server canonicalizes quantities ({@code "0.5"} CPU is stored as
 * {@code "500m"}, {@code "1024Mi"} as {@code "1Gi"}); such values read back in canonical form.
 */
public final class TrioReader {

    public AppSpec read(Trio live) {
        StatefulSet statefulSet = live.statefulSet();
        StatefulSetSpec sts = statefulSet.getSpec();
        PodTemplateSpec template = sts.getTemplate();
        ObjectMeta podMeta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        PodSpec pod = template.getSpec();
        String name = statefulSet.getMetadata().getName();
        Container container = ContainerReader.appContainer(pod, name);

        AppSpec asLive = AppSpecBuilder.builder()
                .name(name)
                .image(container.getImage())
                .imagePullPolicy(container.getImagePullPolicy())
                .replicas(sts.getReplicas())
                .ports(ServiceReader.ports(live.clientService()))
                .env(ContainerReader.env(container))
                .resources(ContainerReader.resources(container))
                .volumes(VolumeReader.volumes(sts.getVolumeClaimTemplates(), container.getVolumeMounts()))
                .livenessProbe(ProbeReader.read(container.getLivenessProbe()))
                .readinessProbe(ProbeReader.read(container.getReadinessProbe()))
                .startupProbe(ProbeReader.read(container.getStartupProbe()))
                .podManagementPolicy(sts.getPodManagementPolicy())
                .updateStrategy(updateStrategy(sts.getUpdateStrategy()))
                .revisionHistoryLimit(sts.getRevisionHistoryLimit())
                .labels(ManagedLabels.extraOf(podMeta.getLabels()))
                .podAnnotations(ServiceReader.userAnnotations(podMeta))
                .headlessServiceName(sts.getServiceName())
                .headlessService(ServiceReader.headlessOptions(live.headlessService()))
                .service(ServiceReader.clientService(live.clientService()))
                .persistentVolumeClaimRetentionPolicy(retentionPolicy(sts.getPersistentVolumeClaimRetentionPolicy()))
                .command(container.getCommand())
                .args(container.getArgs())
                .securityContext(ModelCopies.copy(container.getSecurityContext()))
                .podSecurityContext(ModelCopies.copy(pod.getSecurityContext()))
                .nodeSelector(pod.getNodeSelector())
                .tolerations(pod.getTolerations())
                .affinity(pod.getAffinity())
                .imagePullSecrets(imagePullSecrets(pod.getImagePullSecrets()))
                .serviceAccountName(pod.getServiceAccountName())
                .terminationGracePeriodSeconds(pod.getTerminationGracePeriodSeconds())
                .build();
        // Whatever the server left out means the Kubernetes default, which is ours; this also
        // normalizes empties to null and copies every Fabric8 object away from the live ones.
        return AppSpecDefaults.apply(asLive);
    }

    private static UpdateStrategySpec updateStrategy(StatefulSetUpdateStrategy strategy) {
        if (strategy == null) {
            return null;
        }
        Integer partition = strategy.getRollingUpdate() == null ? null : strategy.getRollingUpdate().getPartition();
        return new UpdateStrategySpec(strategy.getType(), partition);
    }

    private static RetentionPolicySpec retentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicy policy) {
        return policy == null ? null : new RetentionPolicySpec(policy.getWhenDeleted(), policy.getWhenScaled());
    }

    private static List<String> imagePullSecrets(List<LocalObjectReference> secrets) {
        return secrets == null ? null : secrets.stream().map(LocalObjectReference::getName).toList();
    }
}
