package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.kubernetes.WellKnownLabels;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The set's ControllerRevisions: one per distinct pod template, named {@code <sts>-<hash>}, holding
 * the template so pods below a partition can be recreated on the old revision; history trimmed to
 * {@code revisionHistoryLimit} (revisions still used by a pod are kept, as the real controller does).
 */
final class StatefulSetRevisions {

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;

    StatefulSetRevisions(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
    }

    /** Makes sure the revision of the current template exists; returns its name (the updateRevision). */
    String ensure(StatefulSet sts) {
        String name = StatefulSetPods.revisionName(sts, StatefulSetPods.templateHash(sts.getSpec().getTemplate()));
        String namespace = sts.getMetadata().getNamespace();
        if (ClusterInformers.get(informers.revisions, namespace, name).isEmpty()) {
            long next = owned(sts).stream().mapToLong(ControllerRevision::getRevision).max().orElse(0) + 1;
            Map<String, String> labels = new LinkedHashMap<>(sts.getSpec().getSelector().getMatchLabels());
            labels.put("controller.kubernetes.io/hash", name.substring(sts.getMetadata().getName().length() + 1));
            Map<String, Object> template = Serialization.unmarshal(Serialization.asJson(sts.getSpec().getTemplate()), Map.class);
            template.put("$patch", "replace");
            ControllerRevision revision = new ControllerRevisionBuilder().withNewMetadata().withName(name)
                    .withNamespace(namespace).withLabels(labels).withOwnerReferences(ControllerReferences.of(sts)).endMetadata()
                    .withRevision(next).withData(Map.of("spec", Map.of("template", template))).build();
            writer.attempt(() -> client.apps().controllerRevisions().inNamespace(namespace).resource(revision).create());
        }
        return name;
    }

    /** The pod template of a revision; the set's own template when that revision is not known. */
    @SuppressWarnings("unchecked")
    PodTemplateSpec template(StatefulSet sts, String revision) {
        if (revision.equals(StatefulSetPods.revisionName(sts, StatefulSetPods.templateHash(sts.getSpec().getTemplate())))) {
            return sts.getSpec().getTemplate();
        }
        return ClusterInformers.get(informers.revisions, sts.getMetadata().getNamespace(), revision)
                .map(r -> (Map<String, Object>) ((Map<String, Object>) r.getData()).get("spec"))
                .map(spec -> {
                    Map<String, Object> template = new LinkedHashMap<>((Map<String, Object>) spec.get("template"));
                    template.remove("$patch");
                    return Serialization.unmarshal(Serialization.asJson(template), PodTemplateSpec.class);
                })
                .orElse(sts.getSpec().getTemplate());
    }

    void trim(StatefulSet sts, String current, String update, Collection<Pod> pods) {
        int limit = sts.getSpec().getRevisionHistoryLimit() == null ? 10 : sts.getSpec().getRevisionHistoryLimit();
        Set<String> live = pods.stream().map(p -> p.getMetadata().getLabels().get(WellKnownLabels.CONTROLLER_REVISION_HASH))
                .collect(Collectors.toSet());
        List<ControllerRevision> history = owned(sts).stream()
                .filter(r -> !r.getMetadata().getName().equals(current) && !r.getMetadata().getName().equals(update)
                        && !live.contains(r.getMetadata().getName()))
                .sorted(Comparator.comparingLong(ControllerRevision::getRevision)).toList();
        for (int i = 0; i < history.size() - limit; i++) {
            ControllerRevision old = history.get(i);
            writer.attempt(() -> client.resource(old).delete());
        }
    }

    private List<ControllerRevision> owned(StatefulSet sts) {
        return ClusterInformers.inNamespace(informers.revisions, sts.getMetadata().getNamespace()).stream()
                .filter(r -> ControllerReferences.isControlledBy(r, sts)).toList();
    }
}
