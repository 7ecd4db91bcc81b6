package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;

/** The hint for a volume that does not attach or mount: the pod's claims and their volumes, named. */
final class VolumeMountHint {

    private VolumeMountHint() {
    }

    static String of(Pod pod, String message, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        List<String> checks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String claimName : claimNames(pod)) {
            PersistentVolumeClaim claim = claim(claimName, context.snapshot().claims());
            String volume = claim == null || claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
            names.add("PVC " + claimName + (volume == null ? "" : " (PV " + volume + ")"));
            checks.add(kubectl.describe("pvc", claimName));
            if (volume != null) {
                checks.add("kubectl describe pv " + volume);
            }
        }
        String which = names.isEmpty() ? "the pod's volume" : String.join(", ", names);
        if (message != null && message.contains("Multi-Attach")) {
            return which + " is still attached to another node; a ReadWriteOnce volume moves once that node lets go"
                    + " (kubectl get volumeattachments): " + String.join("; ", checks);
        }
        checks.add(kubectl.describe("pod", MetadataReads.name(pod)));
        return which + " cannot be attached or mounted on node " + PodReads.nodeName(pod) + ": " + String.join("; ", checks);
    }

    private static List<String> claimNames(Pod pod) {
        List<String> names = new ArrayList<>();
        if (pod.getSpec() != null && pod.getSpec().getVolumes() != null) {
            for (Volume volume : pod.getSpec().getVolumes()) {
                if (volume.getPersistentVolumeClaim() != null && volume.getPersistentVolumeClaim().getClaimName() != null) {
                    names.add(volume.getPersistentVolumeClaim().getClaimName());
                }
            }
        }
        return names;
    }

    private static PersistentVolumeClaim claim(String name, List<PersistentVolumeClaim> claims) {
        for (PersistentVolumeClaim claim : claims) {
            if (name.equals(MetadataReads.name(claim))) {
                return claim;
            }
        }
        return null;
    }
}
