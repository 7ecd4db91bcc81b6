package io.statefulapps.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Edits a test makes behind the service's back. A JSON patch carries no resourceVersion, so it
 * cannot lose a race with the simulator's status writes the way a read-modify-write (409) can.
 */
public final class ClusterEdits {

    private ClusterEdits() {
    }

    /** Sets the image of the first container of a StatefulSet's pod template. */
    public static void setImage(KubernetesClient client, String namespace, String statefulSet, String image) {
        client.apps().statefulSets().inNamespace(namespace).withName(statefulSet).patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]");
    }

    /** Applies a JSON merge patch to a StatefulSet. */
    public static void mergeStatefulSet(KubernetesClient client, String namespace, String name, String patch) {
        client.apps().statefulSets().inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }
}
