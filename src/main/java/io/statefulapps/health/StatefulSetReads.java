package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Null-safe reads of a StatefulSet's spec, with the API server's defaults where it has them. */
final class StatefulSetReads {

    static final String ON_DELETE = "OnDelete";

    private StatefulSetReads() {
    }

    /** {@code spec.replicas}, which the API server defaults to 1. */
    static int replicas(StatefulSet sts) {
        return sts.getSpec() == null || sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    }

    /** The first ordinal ({@code spec.ordinals.start}, 0 unless set): pods are {@code start … start+replicas-1}. */
    static int firstOrdinal(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getOrdinals() == null || sts.getSpec().getOrdinals().getStart() == null) {
            return 0;
        }
        return Math.max(0, sts.getSpec().getOrdinals().getStart());
    }

    static String strategy(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getUpdateStrategy() == null
                || sts.getSpec().getUpdateStrategy().getType() == null) {
            return "RollingUpdate";
        }
        return sts.getSpec().getUpdateStrategy().getType();
    }

    static int partition(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getUpdateStrategy() == null
                || sts.getSpec().getUpdateStrategy().getRollingUpdate() == null) {
            return 0;
        }
        return Math.max(0, Objects.requireNonNullElse(sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition(), 0));
    }

    /** The pods' label selector as {@code kubectl -l} takes it. */
    static String selectorArgument(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getSelector() == null
                || sts.getSpec().getSelector().getMatchLabels() == null
                || sts.getSpec().getSelector().getMatchLabels().isEmpty()) {
            return "app=" + MetadataReads.name(sts);
        }
        List<String> parts = new ArrayList<>();
        sts.getSpec().getSelector().getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }
}
