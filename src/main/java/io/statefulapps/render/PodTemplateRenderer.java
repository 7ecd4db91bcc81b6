package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.ModelCopies;
import java.util.List;

/** The pod template of the StatefulSet: one container plus the pod-level scheduling and security. */
final class PodTemplateRenderer {

    /** The seed's values, which are also the API server's defaults: written out so the object says them. */
    static final String DNS_POLICY = "ClusterFirst";
    static final String RESTART_POLICY = "Always";

    private PodTemplateRenderer() {
    }

    static PodTemplateSpec render(AppSpec spec) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(ManagedLabels.withExtra(spec.name(), spec.labels()))
                .withAnnotations(spec.podAnnotations())
                .endMetadata()
                .withNewSpec()
                .withContainers(ContainerRenderer.render(spec))
                .withDnsPolicy(DNS_POLICY)
                .withRestartPolicy(RESTART_POLICY)
                .withTerminationGracePeriodSeconds(spec.terminationGracePeriodSeconds())
                .withServiceAccountName(spec.serviceAccountName())
                .withSecurityContext(ModelCopies.copy(spec.podSecurityContext()))
                .withNodeSelector(spec.nodeSelector())
                .withTolerations(tolerations(spec.tolerations()))
                .withAffinity(ModelCopies.copy(spec.affinity()))
                .withImagePullSecrets(imagePullSecrets(spec.imagePullSecrets()))
                .endSpec()
                .build();
    }

    private static List<Toleration> tolerations(List<Toleration> tolerations) {
        return tolerations == null ? List.of() : tolerations.stream().map(ModelCopies::copy).toList();
    }

    private static List<LocalObjectReference> imagePullSecrets(List<String> names) {
        return names == null ? List.of() : names.stream().map(LocalObjectReference::new).toList();
    }
}
