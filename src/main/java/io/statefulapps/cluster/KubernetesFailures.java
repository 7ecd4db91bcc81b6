package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.spec.FieldError;
import java.util.List;

/** Translates Fabric8's client exceptions into the service's own failure vocabulary. */
public final class KubernetesFailures {

    private KubernetesFailures() {
    }

    /**
     * @param step what the service was doing, for the message ({@code create StatefulSet/eureka})
     */
    public static RuntimeException translate(String step, KubernetesClientException e) {
        if (isUnreachable(e)) {
            return new ClusterUnavailableException(
                    "The Kubernetes API could not be reached during " + step + ": " + rootMessage(e), e);
        }
        Status status = e.getStatus();
        String reason = status != null && status.getReason() != null ? status.getReason() : "Unknown";
        String message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
        Integer retryAfter = status != null && status.getDetails() != null
                ? status.getDetails().getRetryAfterSeconds() : null;
        return new ClusterRefusedException(e.getCode(), reason, step, message, causes(status), retryAfter);
    }

    /**
     * No HTTP answer at all (code 0: refused, timed out, TLS failure), or a gateway in front of the
     * API server saying it is not there.
     */
    public static boolean isUnreachable(KubernetesClientException e) {
        return e.getCode() <= 0 || e.getCode() == 502 || e.getCode() == 503 || e.getCode() == 504;
    }

    private static List<FieldError> causes(Status status) {
        if (status == null || status.getDetails() == null || status.getDetails().getCauses() == null) {
            return List.of();
        }
        return status.getDetails().getCauses().stream()
                .map(KubernetesFailures::toFieldError)
                .toList();
    }

    private static FieldError toFieldError(StatusCause cause) {
        String field = cause.getField() != null ? cause.getField() : "";
        String message = cause.getMessage() != null ? cause.getMessage() : String.valueOf(cause.getReason());
        return new FieldError(field, message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
