package io.statefulapps.problem;

import io.statefulapps.cluster.ClusterRefusedException;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.cluster.ObjectConflictException;
import io.statefulapps.cluster.PartialWriteException;

/** Turns the failures of the cluster layer into problems, pure so every mapping is unit-tested. */
public final class FailureProblems {

    /** How long a caller should wait before retrying when the Kubernetes API is unreachable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private FailureProblems() {
    }

    public static Problem unavailable(ClusterUnavailableException e) {
        return Problem.of(ProblemType.CLUSTER_UNAVAILABLE, e.getMessage() + ". Retry in a few seconds.");
    }

    public static Problem conflict(ObjectConflictException e) {
        return Problem.of(ProblemType.CONFLICT, e.getMessage()).withObject(e.object());
    }

    public static Problem refused(ClusterRefusedException e) {
        String detail = "The Kubernetes API refused the " + e.step() + ": " + e.getMessage();
        return switch (e.status()) {
            case 401 -> Problem.of(ProblemType.UNAUTHENTICATED, detail);
            case 403 -> Problem.of(ProblemType.FORBIDDEN, detail);
            case 404 -> Problem.of(ProblemType.NOT_FOUND, detail);
            case 409 -> Problem.of(ProblemType.CONFLICT, detail);
            case 400, 422 -> Problem.of(ProblemType.REFUSED_BY_CLUSTER, detail)
                    .withErrors(e.causes().isEmpty() ? null : e.causes());
            case 429 -> Problem.of(ProblemType.CLUSTER_UNAVAILABLE,
                    "The Kubernetes API is overloaded (429 Too Many Requests) during the " + e.step()
                            + ". Retry in a few seconds.");
            // a server error the client's one retry did not get past: the cluster's trouble, not ours
            default -> e.status() >= 500 ? Problem.of(ProblemType.CLUSTER_UNAVAILABLE, detail + " (HTTP " + e.status()
                    + "). Retry in a few seconds.")
                    : Problem.of(ProblemType.INTERNAL, 500, detail + " (HTTP " + e.status() + ")");
        };
    }

    public static Problem partialWrite(PartialWriteException e) {
        Problem cause = of(e.failure());
        StringBuilder detail = new StringBuilder(cause.detail());
        if (!e.undone().isEmpty()) {
            detail.append(" Undone, so nothing of this request remains: ").append(String.join(", ", e.undone()))
                    .append('.');
        }
        if (!e.leftBehind().isEmpty()) {
            detail.append(" Could not be undone and still exist: ").append(String.join(", ", e.leftBehind()))
                    .append('.');
        }
        return ProblemBuilder.builder().type(cause.type()).title(cause.title()).status(cause.status())
                .detail(detail.toString()).errors(cause.errors()).object(cause.object()).step(e.step())
                .undone(e.undone()).leftBehind(e.leftBehind()).build();
    }

    /** Any failure of the cluster layer; anything else is an internal error. */
    public static Problem of(Throwable e) {
        if (e instanceof ClusterUnavailableException u) {
            return unavailable(u);
        }
        if (e instanceof ObjectConflictException c) {
            return conflict(c);
        }
        if (e instanceof ClusterRefusedException r) {
            return refused(r);
        }
        if (e instanceof PartialWriteException p) {
            return partialWrite(p);
        }
        if (e instanceof ProblemException p) {
            return p.problem();
        }
        return Problem.of(ProblemType.INTERNAL, "The service failed unexpectedly; the error is in its log.");
    }
}
