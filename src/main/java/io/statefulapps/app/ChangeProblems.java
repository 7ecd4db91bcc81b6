package io.statefulapps.app;

import io.statefulapps.cluster.ClusterRefusedException;
import io.statefulapps.cluster.PartialChangeException;
import io.statefulapps.problem.FailureProblems;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemBuilder;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import io.statefulapps.spec.FieldError;
import io.statefulapps.spec.KubernetesNames;
import java.util.List;

/** Problems of PATCH and DELETE. Pure, so each is unit-tested. */
public final class ChangeProblems {

    private ChangeProblems() {
    }

    /** The failure part-way, with what was changed and what was not; the same request again finishes the job. */
    /**
     * @param conditional whether the request carried If-Match (its writes the versions read): only
     *     then is a conflict a failed precondition; without it, it is another writer's conflict (409)
     */
    public static Problem partialChange(PartialChangeException e, boolean conditional) {
        Problem cause = FailureProblems.of(e.failure());
        boolean conflict = e.failure() instanceof ClusterRefusedException refused && refused.status() == 409;
        boolean gone = e.failure() instanceof ClusterRefusedException refused && refused.status() == 404;
        if (conflict && conditional) {
            // A write sent with the version read (If-Match) met a newer one: the app changed meanwhile.
            cause = Problem.of(ProblemType.PRECONDITION_FAILED, "The app changed while this request was writing it"
                    + " (" + ((ClusterRefusedException) e.failure()).getMessage() + ").");
        }
        StringBuilder detail = new StringBuilder(cause.detail());
        detail.append(e.changed().isEmpty() ? " Nothing was changed."
                : " Already done: " + String.join("; ", e.changed()) + ".");
        detail.append(" Not done: ").append(String.join("; ", e.unchanged())).append('.');
        if (gone) {
            detail.append(" The object was deleted meanwhile (a DELETE of the app?): GET the app to see what is left.");
        } else if (cause.status() == 412) {
            detail.append(" GET the app again, re-apply your change and send it with the new ETag in If-Match.");
        } else {
            detail.append(" Send the same request again to finish.");
        }
        return ProblemBuilder.builder().type(cause.type()).title(cause.title()).status(cause.status())
                .detail(detail.toString()).errors(cause.errors()).object(cause.object()).build()
                .withChange(e.step(), e.changed(), e.unchanged());
    }

    /** A patch whose result breaks rules or changes what cannot change: 422 with every reason. */
    public static Problem refusedChange(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "The patched spec breaks 1 rule: " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : "The patched spec breaks " + errors.size() + " rules; each is listed in 'errors'.";
        return Problem.of(ProblemType.INVALID_SPEC, detail + " Nothing was changed.").withErrors(errors);
    }

    public static Problem stale(String namespace, String name, String current) {
        return Problem.of(ProblemType.PRECONDITION_FAILED, "The app \"" + name + "\" in namespace \"" + namespace
                + "\" changed since you read it (its ETag is now " + current + "); GET it again, re-apply your"
                + " change and send it with the new ETag in If-Match. Nothing was changed.");
    }

    /**
     * An app's name is a DNS-1123 subdomain (it names its StatefulSet): any other name cannot exist,
     * and must not reach the Kubernetes client, which cannot even build its URL.
     */
    public static void requirePossibleName(String namespace, String name) {
        if (!KubernetesNames.isDns1123Subdomain(name)) {
            throw new ProblemException(notFound(namespace, name));
        }
    }

    public static Problem notFound(String namespace, String name) {
        return Problem.of(ProblemType.NOT_FOUND, "There is no app \"" + name + "\" in namespace \"" + namespace
                + "\".");
    }

    public static Problem onlyDataLeft(String namespace, String name, int claims) {
        return Problem.of(ProblemType.NOT_FOUND, "There is no app \"" + name + "\" in namespace \"" + namespace
                + "\"; only its data is left (" + claims + " PersistentVolumeClaim" + (claims == 1 ? "" : "s")
                + "). POST the app again to use it, or DELETE with ?deleteData=true to remove it.");
    }
}
