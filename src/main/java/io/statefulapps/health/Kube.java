package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Null-safe reads of Fabric8 objects. Reads only: the objects come from a shared cache. */
final class Kube {

    static final String REVISION_LABEL = "controller-revision-hash";
    static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

    private Kube() {
    }

    /** RFC 3339 time as Kubernetes writes it; {@code null} for absent or unreadable values. */
    static Instant time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant created(HasMetadata object) {
        return object == null || object.getMetadata() == null ? null : time(object.getMetadata().getCreationTimestamp());
    }

    static String name(HasMetadata object) {
        return object == null || object.getMetadata() == null ? null : object.getMetadata().getName();
    }

    static Map<String, String> labels(HasMetadata object) {
        if (object == null || object.getMetadata() == null || object.getMetadata().getLabels() == null) {
            return Map.of();
        }
        return object.getMetadata().getLabels();
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

    static String revision(Pod pod) {
        return labels(pod).get(REVISION_LABEL);
    }

    /** The ordinal from the pod-index label, else from the {@code <sts>-<n>} name; {@code null} if neither. */
    static Integer ordinal(Pod pod, String statefulSetName) {
        String label = labels(pod).get(POD_INDEX_LABEL);
        Integer fromLabel = parseInt(label);
        if (fromLabel != null) {
            return fromLabel;
        }
        String name = name(pod);
        if (name == null || statefulSetName == null || !name.startsWith(statefulSetName + "-")) {
            return null;
        }
        return parseInt(name.substring(statefulSetName.length() + 1));
    }

    static PodCondition condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    static boolean isReady(Pod pod) {
        PodCondition ready = condition(pod, "Ready");
        return ready != null && "True".equals(ready.getStatus());
    }

    static String phase(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

    static String podIP(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    }

    static boolean isTerminating(HasMetadata object) {
        return object.getMetadata() != null && object.getMetadata().getDeletionTimestamp() != null;
    }

    /** Bytes of a quantity, {@code null} when absent or unreadable. */
    static BigDecimal bytes(Quantity quantity) {
        if (quantity == null) {
            return null;
        }
        try {
            return Quantity.getAmountInBytes(quantity);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(Quantity quantity) {
        if (quantity == null) {
            return null;
        }
        String format = quantity.getFormat() == null ? "" : quantity.getFormat();
        return quantity.getAmount() + format;
    }

    static boolean isAfter(Instant instant, Instant deadline) {
        return instant != null && deadline != null && instant.isAfter(deadline);
    }

    static Instant newest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Integer parseInt(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return null;
            }
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
