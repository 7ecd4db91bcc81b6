package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.List;

/**
 * Plays kube-controller-manager's pvc-protection controller: every claim carries
 * {@value #FINALIZER}, and a claim marked for deletion keeps it while a scheduled pod names it in
 * {@code spec.volumes}, so {@code kubectl delete pvc} of a claim a running pod uses leaves it
 * Terminating until that pod is gone.
 *
 * <p>As in the real controller, any scheduled pod object that names the claim holds it, whatever
 * its phase and even while it is itself terminating (the documentation: "a PVC is in active use by
 * a Pod when a Pod object exists that is using the PVC"); only the pod's removal frees the claim.
 * A pod not yet scheduled does not hold it: the scheduler will not place a pod on a claim being
 * deleted.
 */
final class ClaimProtection extends InUseProtection<PersistentVolumeClaim> {

    static final String FINALIZER = "kubernetes.io/pvc-protection";

    ClaimProtection(ControllerContext context) {
        super(context, context.informers().claims, FINALIZER);
        informers.onChange(informers.pods, (before, after) -> {
            if (after == null) {
                for (Volume v : before.getSpec().getVolumes()) {
                    if (v.getPersistentVolumeClaim() != null) {
                        queue().add(before.getMetadata().getNamespace() + "/"
                                + v.getPersistentVolumeClaim().getClaimName());
                    }
                }
            }
        });
    }

    @Override
    boolean inUse(PersistentVolumeClaim claim) {
        return informers.podsMounting(claim.getMetadata().getNamespace(), claim.getMetadata().getName()).stream()
                .anyMatch(ObjectLifecycle::isBound);
    }

    @Override
    PersistentVolumeClaim withFinalizers(PersistentVolumeClaim claim, List<String> finalizers) {
        return new PersistentVolumeClaimBuilder(claim).editMetadata().withFinalizers(finalizers).endMetadata().build();
    }
}
