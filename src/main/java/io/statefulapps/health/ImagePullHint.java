package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hint for an image that cannot be pulled. A pull secret that does not exist is the one cause
 * the cluster names outright: the kubelet's {@code FailedToRetrieveImagePullSecret} event
 * ("Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.").
 */
final class ImagePullHint {

    private static final Set<String> SECRET_MISSING = Set.of("FailedToRetrieveImagePullSecret");
    private static final Pattern NAMES = Pattern.compile("\\(([^)]+)\\)");

    private ImagePullHint() {
    }

    static String of(Pod pod, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        String describe = kubectl.describe("pod", MetadataReads.name(pod));
        List<String> missing = missingSecrets(pod, context);
        if (!missing.isEmpty()) {
            String first = missing.get(0);
            return "the image pull secret " + String.join(", ", missing) + " does not exist in " + kubectl.namespace()
                    + ": " + kubectl.get("secret " + first) + "; create it: kubectl -n " + kubectl.namespace()
                    + " create secret docker-registry " + first
                    + " --docker-server=<registry> --docker-username=<user> --docker-password=<password>";
        }
        List<String> declared = declaredSecrets(pod);
        if (!declared.isEmpty()) {
            return "check the image name and tag, that the registry is reachable and that the pull secret "
                    + String.join(", ", declared) + " holds valid credentials for it: " + describe;
        }
        return "check the image name and tag, that the registry is reachable and the pull secret: " + describe;
    }

    /** The secret names the kubelet could not find, as its event lists them. */
    private static List<String> missingSecrets(Pod pod, AssessmentContext context) {
        Event event = context.events().newest(InvolvedObject.of("Pod", pod), SECRET_MISSING);
        List<String> names = new ArrayList<>();
        if (event != null && event.getMessage() != null) {
            Matcher m = NAMES.matcher(event.getMessage());
            if (m.find()) {
                for (String name : m.group(1).split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return names;
    }

    private static List<String> declaredSecrets(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getImagePullSecrets() == null) {
            return List.of();
        }
        return pod.getSpec().getImagePullSecrets().stream().map(LocalObjectReference::getName).filter(Objects::nonNull)
                .toList();
    }
}
