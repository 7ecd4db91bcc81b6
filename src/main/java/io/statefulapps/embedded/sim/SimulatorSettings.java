package io.statefulapps.embedded.sim;

import java.time.Duration;

/**
 * How fast the simulated cluster moves. Real clusters take seconds to minutes; the product's
 * configuration keeps a demo lively and tests use even shorter values.
 *
 * @param tick how often the controllers look at the clock for delays falling due (they act on
 *     changes at once; an injected clock can jump without telling them)
 * @param podStartDelay a bound pod's containers go from ContainerCreating to running
 * @param podReadyDelay a running container becomes Ready
 * @param loadBalancerDelay a LoadBalancer Service gets its ingress address
 * @param provisionDelay a claim gets its PersistentVolume (and a resize completes)
 * @param crashLoopBackoff the first CrashLoopBackOff wait (the kubelet's is 10s); doubles per
 *     crash up to five minutes; the kubelet's other retries (sandbox, mount) back off the same way
 * @param crashAfter how long a {@code crashloop}/{@code oomkill} container runs before it exits
 * @param podEvictionTimeout how long pods stay on a node that is not Ready before the node
 *     lifecycle controller marks them for deletion (Kubernetes: 5 minutes, the pods' default
 *     toleration of the not-ready and unreachable taints)
 * @param volumeMountTimeout how long the kubelet waits for a pod's volumes before it reports
 *     "Unable to attach or mount volumes: ... timed out waiting for the condition" (Kubernetes: 2 minutes)
 * @param normalEvents whether Normal events (Scheduled, Pulled, Created, Started, SuccessfulCreate,
 *     ...) are recorded, as a real cluster does; false records Warnings only, which spares the API
 *     server seven of a healthy pod's eight event writes when thousands of apps start at once
 */
public record SimulatorSettings(Duration tick, Duration podStartDelay, Duration podReadyDelay,
        Duration loadBalancerDelay, Duration provisionDelay, Duration crashLoopBackoff, Duration crashAfter,
        Duration podEvictionTimeout, Duration volumeMountTimeout, boolean normalEvents) {

    /** Kubernetes' own pod eviction timeout. */
    public static final Duration KUBERNETES_POD_EVICTION_TIMEOUT = Duration.ofMinutes(5);
    /** Kubernetes' own wait for a pod's volumes. */
    public static final Duration KUBERNETES_VOLUME_MOUNT_TIMEOUT = Duration.ofMinutes(2);

    /** The pace alone: the node lifecycle and mount timeouts take Kubernetes' own values, all events are recorded. */
    public SimulatorSettings(Duration tick, Duration podStartDelay, Duration podReadyDelay,
            Duration loadBalancerDelay, Duration provisionDelay, Duration crashLoopBackoff, Duration crashAfter) {
        this(tick, podStartDelay, podReadyDelay, loadBalancerDelay, provisionDelay, crashLoopBackoff, crashAfter,
                KUBERNETES_POD_EVICTION_TIMEOUT, KUBERNETES_VOLUME_MOUNT_TIMEOUT, true);
    }
}
