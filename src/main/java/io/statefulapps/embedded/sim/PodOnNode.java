package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;

/**
 * A pod as its node's kubelet knows it: where and since when it runs, what keeps it from starting,
 * and the image pull secrets it names that do not exist.
 */
record PodOnNode(Pod pod, String node, PodStatusFactory.Placement placement, PodStartBlock block,
        List<String> missingPullSecrets) {
}
