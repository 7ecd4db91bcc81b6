package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The set's ControllerRevisions: one per distinct pod template, named {@code <sts>-<hash>}, holding
 * the template so pods below a partition can be recreated on the old revision; history trimmed to
 * {@code revisionHistoryLimit} (revisions still used by a pod are kept, as the real controller does).
 * A rollback reuses the old revision, numbered anew; orphans of a deleted predecessor are adopted.
 * The template's hash is worked out once per generation of the set, not at every look.
 */
final class StatefulSetRevisions {

    private static final String HASH_LABEL = "controller.kubernetes.io/hash";

    private record Hashed(long generation, String revision) {
    }

    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final OwnerRecheck recheck;
    /** The update revision's name by set uid, for the generation it was worked out for. */
    private final Map<String, Hashed> updateRevisions = new HashMap<>();

    StatefulSetRevisions(ControllerContext context) {
        this.informers = context.informers();
        this.writer = context.writer();
        this.recheck = new OwnerRecheck(context.client());
    }

    /** The name of the revision of the set's current template (its updateRevision). */
    String updateRevision(StatefulSet sts) {
        long generation = sts.getMetadata().getGeneration() == null ? 0 : sts.getMetadata().getGeneration();
        Hashed known = updateRevisions.get(sts.getMetadata().getUid());
        if (known == null || known.generation() != generation) {
            known = new Hashed(generation, StatefulSetPods.revisionName(sts,
                    StatefulSetPods.templateHash(sts.getSpec().getTemplate())));
            updateRevisions.put(sts.getMetadata().getUid(), known);
        }
        return known.revision();
    }

    void forget(String uid) {
        updateRevisions.remove(uid);
    }

    /**
     * Makes sure the revision of the current template exists and is the latest, as the real
     * controller does: a template seen before (a rollback) takes its old revision back, numbered
     * latest + 1; a new one gets a new revision. Returns its name.
     */
    String ensure(StatefulSet sts) {
        String name = updateRevision(sts);
        Map<String, ControllerRevision> owned = owned(sts);
        long latest = owned.values().stream().filter(r -> !r.getMetadata().getName().equals(name))
                .mapToLong(ControllerRevision::getRevision).max().orElse(0);
        ControllerRevision current = owned.get(name);
        if (current == null && informers.get(informers.revisions, sts.getMetadata().getNamespace(), name).isEmpty()) {
            writer.create(newRevision(sts, name, latest + 1));
        } else if (current != null && current.getRevision() <= latest) {
            writer.mergePatch(current, "{\"revision\":" + (latest + 1) + "}");
        }
        return name;
    }

    /**
     * A revision of the set's template, labelled like the template, with the set's annotations (so
     * {@code kubernetes.io/change-cause} shows in {@code kubectl rollout history}).
     */
    private static ControllerRevision newRevision(StatefulSet sts, String name, long revision) {
        var templateMeta = sts.getSpec().getTemplate().getMetadata();
        Map<String, String> labels = new LinkedHashMap<>(templateMeta == null ? Map.of() : templateMeta.getLabels());
        labels.put(HASH_LABEL, name.substring(sts.getMetadata().getName().length() + 1));
        Map<String, String> annotations = sts.getMetadata().getAnnotations();
        @SuppressWarnings("unchecked")
        Map<String, Object> template = Serialization.unmarshal(Serialization.asJson(sts.getSpec().getTemplate()),
                Map.class);
        template.put("$patch", "replace");
        return new ControllerRevisionBuilder().withNewMetadata().withName(name)
                .withNamespace(sts.getMetadata().getNamespace()).withLabels(labels)
                .withAnnotations(annotations.isEmpty() ? null : annotations)
                .withOwnerReferences(ControllerReferences.of(sts)).endMetadata()
                .withRevision(revision).withData(Map.of("spec", Map.of("template", template))).build();
    }

    /** The set's revisions by name, each as last written, with the orphans it adopts now. */
    private Map<String, ControllerRevision> owned(StatefulSet sts) {
        Map<String, ControllerRevision> owned = new HashMap<>();
        for (ControllerRevision r : informers.revisionsControlledBy(sts)) {
            owned.put(r.getMetadata().getName(), fresher(r));
        }
        Map<String, String> selector = sts.getSpec().getSelector().getMatchLabels();
        if (selector == null || selector.isEmpty()) {
            return owned;
        }
        // like its pods: a revision the selector matches and no live controller owns becomes the set's
        Boolean mayAdopt = null;
        for (ControllerRevision found : informers.revisionsMatching(sts.getMetadata().getNamespace(), selector)) {
            ControllerRevision r = fresher(found);
            if (owned.containsKey(r.getMetadata().getName()) || ObjectLifecycle.isTerminating(r)) {
                continue;
            }
            if (ControllerReferences.isControlledBy(r, sts)) {
                owned.put(r.getMetadata().getName(), r); // adopted by an earlier look the index has not shown
            } else if (ControllerReferences.isOrphanFor(r, sts)) {
                if (mayAdopt == null) {
                    mayAdopt = recheck.mayAdopt(sts);
                }
                if (!mayAdopt) {
                    continue;
                }
                ClusterWriter.Written<ControllerRevision> adopted = writer.mergePatch(r, Serialization.asJson(
                        Map.of("metadata", Map.of("resourceVersion", r.getMetadata().getResourceVersion(),
                                "ownerReferences", ControllerReferences.adoptedBy(r, sts)))));
                if (adopted.ok()) {
                    owned.put(r.getMetadata().getName(), adopted.object());
                }
            }
        }
        return owned;
    }

    private ControllerRevision fresher(ControllerRevision r) {
        return informers.get(informers.revisions, ClusterInformers.keyOf(r)).orElse(r);
    }

    /** The pod template of a revision; the set's own template when that revision is not known. */
    @SuppressWarnings("unchecked")
    PodTemplateSpec template(StatefulSet sts, String revision) {
        if (revision.equals(updateRevision(sts))) {
            return sts.getSpec().getTemplate();
        }
        return informers.get(informers.revisions, sts.getMetadata().getNamespace(), revision)
                // the informer hands the revision's data over as a RawExtension or a Map: read either as a Map
                .map(r -> (Map<String, Object>) Serialization.jsonMapper().convertValue(r.getData(), Map.class)
                        .get("spec"))
                .map(spec -> {
                    Map<String, Object> template = new LinkedHashMap<>((Map<String, Object>) spec.get("template"));
                    template.remove("$patch");
                    return Serialization.unmarshal(Serialization.asJson(template), PodTemplateSpec.class);
                })
                .orElse(sts.getSpec().getTemplate());
    }

    void trim(StatefulSet sts, String current, String update, Collection<Pod> pods) {
        int limit = sts.getSpec().getRevisionHistoryLimit() == null ? 10 : sts.getSpec().getRevisionHistoryLimit();
        List<ControllerRevision> owned = informers.revisionsControlledBy(sts);
        if (owned.size() <= limit + 2) {
            return; // nothing to trim even if every revision were history
        }
        Set<String> live = pods.stream().map(p -> p.getMetadata().getLabels()
                .get(WellKnownLabels.CONTROLLER_REVISION_HASH))
                .collect(Collectors.toSet());
        List<ControllerRevision> history = owned.stream()
                .filter(r -> !r.getMetadata().getName().equals(current) && !r.getMetadata().getName().equals(update)
                        && !live.contains(r.getMetadata().getName()))
                .sorted(Comparator.comparingLong(ControllerRevision::getRevision)).toList();
        for (int i = 0; i < history.size() - limit; i++) {
            writer.delete(history.get(i), null);
        }
    }
}
