package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpecBuilder;

/**
 * The StatefulSet to write for a change: the new rendering, with the labels and annotations others
 * added to the set and to its pod template kept (a {@code kubectl rollout restart} stamp must not be
 * dropped, or every pod would roll again).
 */
final class StatefulSetMerge {

    private StatefulSetMerge() {
    }

    /**
     * For an update in place. The immutable parts (selector, claim templates) are the live ones, as the
     * API server stored them: they did not change, and a re-rendering could differ from them only in
     * defaults the server filled in.
     */
    static StatefulSet update(StatefulSet live, StatefulSet wroteBefore, StatefulSet wantNow) {
        StatefulSetSpecBuilder spec = new StatefulSetSpecBuilder(specOf(live, wroteBefore, wantNow))
                .withSelector(live.getSpec().getSelector())
                .withVolumeClaimTemplates(live.getSpec().getVolumeClaimTemplates());
        return new StatefulSetBuilder(live)
                .withMetadata(metadata(live.getMetadata(), wroteBefore.getMetadata(), wantNow.getMetadata(), true))
                .withSpec(spec.build())
                .build();
    }

    /** For a new StatefulSet that replaces the live one (deleted with its pods orphaned): new claim templates. */
    static StatefulSet replacement(StatefulSet live, StatefulSet wroteBefore, StatefulSet wantNow) {
        return new StatefulSetBuilder()
                .withApiVersion(wantNow.getApiVersion())
                .withKind(wantNow.getKind())
                .withMetadata(metadata(live.getMetadata(), wroteBefore.getMetadata(), wantNow.getMetadata(), false))
                .withSpec(specOf(live, wroteBefore, wantNow))
                .build();
    }

    private static io.fabric8.kubernetes.api.model.apps.StatefulSetSpec specOf(StatefulSet live,
            StatefulSet wroteBefore, StatefulSet wantNow) {
        ObjectMeta livePod = live.getSpec().getTemplate().getMetadata();
        ObjectMeta podBefore = wroteBefore.getSpec().getTemplate().getMetadata();
        ObjectMeta podNow = wantNow.getSpec().getTemplate().getMetadata();
        return new StatefulSetSpecBuilder(wantNow.getSpec())
                .editTemplate()
                .withMetadata(metadata(livePod == null ? new ObjectMeta() : livePod, podBefore, podNow, false))
                .endTemplate()
                .build();
    }

    /** Merged labels and annotations; with {@code keepIdentity} also the live name, uid, resourceVersion… */
    private static ObjectMeta metadata(ObjectMeta live, ObjectMeta before, ObjectMeta now, boolean keepIdentity) {
        ObjectMetaBuilder meta = keepIdentity ? new ObjectMetaBuilder(live) : new ObjectMetaBuilder(now);
        return meta
                .withLabels(MetadataMerge.merge(live.getLabels(), before.getLabels(), now.getLabels()))
                .withAnnotations(MetadataMerge.merge(live.getAnnotations(), before.getAnnotations(),
                        now.getAnnotations()))
                .build();
    }
}
