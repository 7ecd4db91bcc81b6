package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A set's ControllerRevisions as {@code kubectl rollout history} and {@code rollout undo} read them. */
class StatefulSetHistoryTest extends SimulatorTestBase {

    private static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    @Override
    protected boolean driven() {
        return true;
    }

    private List<ControllerRevision> revisionsOf(StatefulSet sts) {
        return client.apps().controllerRevisions().inNamespace("default").list().getItems().stream()
                .filter(r -> r.getMetadata().getName().startsWith(sts.getMetadata().getName() + "-")
                        && ControllerReferences.isControlledBy(r, sts)).toList();
    }

    /** What {@code rollout history} lists: each revision number with its template's image and change cause. */
    private Map<Long, String> history(String name) {
        Map<Long, String> result = new TreeMap<>();
        for (ControllerRevision r : revisionsOf(sts(name))) {
            String image = Serialization.jsonMapper().valueToTree(r.getData())
                    .at("/spec/template/spec/containers/0/image").asText();
            result.put(r.getRevision(), image + " " + r.getMetadata().getAnnotations().get(CHANGE_CAUSE));
        }
        return result;
    }

    /** {@code kubectl set image} with a change cause, or {@code rollout undo} (which writes an old template back). */
    private void setImage(String name, String image, String cause) {
        client.apps().statefulSets().inNamespace("default").withName(name).edit(s -> {
            s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
            s.getMetadata().getAnnotations().put(CHANGE_CAUSE, cause);
            return s;
        });
        runUntil(image + " rolled out", () -> {
            StatefulSet s = sts(name);
            return s.getStatus().getUpdateRevision().equals(s.getStatus().getCurrentRevision())
                    && image.equals(pod(name + "-0").getSpec().getContainers().get(0).getImage())
                    && ready(pod(name + "-0"));
        });
    }

    private StatefulSet createWithCause(String name, String image) {
        StatefulSet sts = create(statefulSet(name, 1, image).editMetadata().addToAnnotations(CHANGE_CAUSE,
                "create " + image).endMetadata().editSpec().withVolumeClaimTemplates().endSpec());
        runUntil("ready", () -> ready(pod(name + "-0")));
        return sts;
    }

    @Test
    void aRollbackTakesTheOldRevisionBackWithTheNextNumber() {
        createWithCause("undo", "nginx:1.27");
        setImage("undo", "nginx:1.28", "set 1.28");
        setImage("undo", "nginx:1.29", "set 1.29");
        assertEquals(Map.of(1L, "nginx:1.27 create nginx:1.27", 2L, "nginx:1.28 set 1.28",
                3L, "nginx:1.29 set 1.29"), history("undo"));
        String first = revisionsOf(sts("undo")).stream().filter(r -> r.getRevision() == 1).findFirst().orElseThrow()
                .getMetadata().getName();

        setImage("undo", "nginx:1.27", "undo to 1"); // rollout undo --to-revision=1
        assertEquals(Map.of(2L, "nginx:1.28 set 1.28", 3L, "nginx:1.29 set 1.29",
                4L, "nginx:1.27 create nginx:1.27"), history("undo"), "the same revision, numbered 4, not a new one");
        assertEquals(first, sts("undo").getStatus().getUpdateRevision());
        assertEquals(first, pod("undo-0").getMetadata().getLabels().get("controller-revision-hash"));

        setImage("undo", "nginx:1.29", "undo"); // a plain rollout undo: back to the one before the latest
        assertEquals(List.of(2L, 4L, 5L), List.copyOf(history("undo").keySet()));
        assertEquals("nginx:1.29 set 1.29", history("undo").get(5L));
    }

    @Test
    void aNewRevisionCarriesTheSetsAnnotations() {
        StatefulSet sts = createWithCause("caused", "nginx:1.27");
        setImage("caused", "nginx:1.28", "kubectl set image sts/caused main=nginx:1.28");
        ControllerRevision second = revisionsOf(sts).stream().filter(r -> r.getRevision() == 2).findFirst()
                .orElseThrow();
        assertEquals("kubectl set image sts/caused main=nginx:1.28", second.getMetadata().getAnnotations()
                .get(CHANGE_CAUSE));
        assertEquals("caused", second.getMetadata().getLabels().get("app"));
        assertEquals("db", second.getMetadata().getLabels().get("tier"), "labelled like the pod template");
        assertTrue(second.getMetadata().getLabels().containsKey("controller.kubernetes.io/hash"));
    }

    @Test
    void aSetCreatedAgainAdoptsTheRevisionsOrphanedByTheOldOne() {
        createWithCause("readopt", "nginx:1.27");
        setImage("readopt", "nginx:1.28", "set 1.28");
        Map<Long, String> before = history("readopt");
        client.apps().statefulSets().inNamespace("default").withName("readopt")
                .withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        runUntil("old set gone, revisions orphaned", () -> sts("readopt") == null && client.apps()
                .controllerRevisions().inNamespace("default").list().getItems().stream()
                .filter(r -> r.getMetadata().getName().startsWith("readopt-")).count() == 2
                && client.apps().controllerRevisions().inNamespace("default").list().getItems().stream()
                        .filter(r -> r.getMetadata().getName().startsWith("readopt-"))
                        .allMatch(r -> r.getMetadata().getOwnerReferences().isEmpty()));
        driver.advance(Duration.ofMillis(50), 20);
        assertTrue(client.apps().controllerRevisions().inNamespace("default").list().getItems().stream()
                .filter(r -> r.getMetadata().getName().startsWith("readopt-"))
                .allMatch(r -> r.getMetadata().getOwnerReferences().isEmpty()), "the deleted set adopted nothing");

        StatefulSet again = create(statefulSet("readopt", 1, "nginx:1.28").editMetadata()
                .addToAnnotations(CHANGE_CAUSE, "set 1.28").endMetadata().editSpec().withVolumeClaimTemplates()
                .endSpec());
        runUntil("both revisions adopted", () -> revisionsOf(again).size() == 2);
        assertEquals(before, history("readopt"), "the old history, not a new revision 1");
        runUntil("ready on the adopted revision", () -> ready(pod("readopt-0"))
                && sts("readopt").getStatus().getUpdateRevision() != null);
        assertEquals(2L, revisionsOf(again).stream().filter(r -> r.getMetadata().getName()
                .equals(sts("readopt").getStatus().getUpdateRevision())).findFirst().orElseThrow().getRevision());
    }
}
