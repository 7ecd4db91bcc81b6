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

        AppSpec asLive = new AppSpec(
                name,
                container.getImage(),
                container.getImagePullPolicy(),
                sts.getReplicas(),
                ServiceReader.ports(live.clientService()),
                ContainerReader.env(container),
                ContainerReader.resources(container),
                VolumeReader.volumes(sts.getVolumeClaimTemplates(), container.getVolumeMounts()),
                ProbeReader.read(container.getLivenessProbe()),
                ProbeReader.read(container.getReadinessProbe()),
                ProbeReader.read(container.getStartupProbe()),
                sts.getPodManagementPolicy(),
                updateStrategy(sts.getUpdateStrategy()),
                sts.getRevisionHistoryLimit(),
                ManagedLabels.extraOf(podMeta.getLabels()),
                ServiceReader.userAnnotations(podMeta),
                sts.getServiceName(),
                ServiceReader.headlessOptions(live.headlessService()),
                ServiceReader.clientService(live.clientService()),
                retentionPolicy(sts.getPersistentVolumeClaimRetentionPolicy()),
                container.getCommand(),
                container.getArgs(),
                ModelCopies.copy(container.getSecurityContext()),
                ModelCopies.copy(pod.getSecurityContext()),
                pod.getNodeSelector(),
                pod.getTolerations(),
                pod.getAffinity(),
                imagePullSecrets(pod.getImagePullSecrets()),
                pod.getServiceAccountName(),
                pod.getTerminationGracePeriodSeconds());
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
