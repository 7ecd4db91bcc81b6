package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The StatefulSet controller cannot create a pod (or its claim): the API server refused it, and
 * the only trace is the controller's {@code FailedCreate} Warning event on the StatefulSet. Without
 * this rule the rollout just waits, for ever. The event counts while a pod is still missing and the
 * refusal is newer than the newest pod the controller did manage to create.
 */
final class PodCreateFailure {

    private static final Set<String> FAILED_CREATE = Set.of("FailedCreate");
    private static final Pattern MISSING_ACCOUNT = Pattern.compile("serviceaccount \"([^\"]+)\" not found");

    private PodCreateFailure() {
    }

    static Optional<Finding> assess(StatefulSet sts, RolloutFacts facts, AppPods pods, AssessmentContext context) {
        if (facts.holders().notCreated().isEmpty()) {
            return Optional.empty();
        }
        Event refusal = context.events().newest(InvolvedObject.of("StatefulSet", sts), FAILED_CREATE);
        if (refusal == null || refusal.getMessage() == null) {
            return Optional.empty();
        }
        Instant newestPod = null;
        for (Pod pod : pods.sorted()) {
            newestPod = Timestamps.newest(newestPod, MetadataReads.created(pod));
        }
        Instant refused = EventTimes.lastSeen(refusal);
        if (newestPod != null && refused != null && refused.isBefore(newestPod)) {
            return Optional.empty(); // an old refusal: a pod was created since
        }
        return Optional.of(Finding.of(Reason.PodCreateFailed, facts.object(), refusal.getMessage(),
                hint(refusal.getMessage(), facts.name(), context.kubectl())
                        + "; the controller retries by itself once the cause is gone")
                .since(EventTimes.firstSeen(refusal)));
    }

    /** The next step for the refusals people meet most, read from the API server's words. */
    static String hint(String message, String statefulSet, Kubectl kubectl) {
        String lower = message.toLowerCase(Locale.ROOT);
        Matcher account = MISSING_ACCOUNT.matcher(message);
        if (account.find()) {
            return "the pods' ServiceAccount " + account.group(1) + " does not exist: create it (kubectl -n "
                    + kubectl.namespace() + " create serviceaccount " + account.group(1)
                    + ") or set serviceAccountName to one that exists";
        }
        if (lower.contains("exceeded quota")) {
            return "a ResourceQuota of the namespace is used up: " + kubectl.describeAll("resourcequota") + "; lower the app's requests or raise the quota";
        }
        if (message.contains("PodSecurity")) {
            return "the namespace's Pod Security level refuses the pod: kubectl get namespace " + kubectl.namespace()
                    + " --show-labels; give the pod the securityContext the level named in the message asks for";
        }
        if (lower.contains("admission webhook")) {
            return "an admission webhook (named in the message) refuses the pod: "
                    + "kubectl get validatingwebhookconfigurations,mutatingwebhookconfigurations";
        }
        if (lower.contains("limitrange") || lower.contains("must be less than or equal to")) {
            return "a LimitRange of the namespace refuses the pod's resources: "
                    + kubectl.describeAll("limitrange");
        }
        return "read the refusal in full: " + kubectl.describe("statefulset", statefulSet);
    }
}
