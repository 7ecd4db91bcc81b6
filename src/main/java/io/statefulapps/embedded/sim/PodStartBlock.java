package io.statefulapps.embedded.sim;

import java.util.List;

/**
 * What keeps a bound pod from ever starting, before any container: a volume that does not mount
 * (a claim of StorageClass {@code mountfail}) or a sandbox that cannot be created (an image with
 * {@code sandboxfail}). Such a pod stays ContainerCreating.
 *
 * @param volumes the pod's volumes that do not mount (by their name in the pod)
 * @param volumeIds the PersistentVolumes behind them, as the kubelet names them in messages
 */
record PodStartBlock(Kind kind, List<String> volumes, List<String> volumeIds) {

    enum Kind { NONE, MOUNT, SANDBOX }

    static final PodStartBlock NONE = new PodStartBlock(Kind.NONE, List.of(), List.of());
    static final PodStartBlock SANDBOX = new PodStartBlock(Kind.SANDBOX, List.of(), List.of());

    boolean blocks() {
        return kind != Kind.NONE;
    }
}
