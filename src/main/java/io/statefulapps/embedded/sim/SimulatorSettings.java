package io.statefulapps.embedded.sim;

import java.time.Duration;

/**
 * How fast the simulated cluster moves. Real clusters take seconds to minutes; the defaults
 * keep a demo lively and tests use even shorter values.
 *
 * @param tick how often every controller reconciles from the informer caches
 * @param podStartDelay a bound pod's containers go from ContainerCreating to running
 * @param podReadyDelay a running container becomes Ready
 * @param loadBalancerDelay a LoadBalancer Service gets its ingress address
 * @param provisionDelay a claim gets its PersistentVolume (and a resize completes)
 * @param crashLoopBackoff the first CrashLoopBackOff wait (the kubelet's is 10s); doubles per
 *     crash up to five minutes
 * @param crashAfter how long a {@code crashloop}/{@code oomkill} container runs before it exits
 */
public record SimulatorSettings(Duration tick, Duration podStartDelay, Duration podReadyDelay,
        Duration loadBalancerDelay, Duration provisionDelay, Duration crashLoopBackoff, Duration crashAfter) {
}
