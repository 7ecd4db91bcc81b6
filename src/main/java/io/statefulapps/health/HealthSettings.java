package io.statefulapps.health;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * The knobs of the health rules. Configuration ({@code stateful-apps.health.*}, {@code config.HealthConfig},
 * where the defaults are) maps onto this; the rules themselves never read configuration.
 *
 * @param rolloutDeadline         a rollout that shows no progress this long is {@code RolloutStalled}
 * @param loadBalancerDeadline    a LoadBalancer Service without ingress this long after creation is {@code LoadBalancerPending}
 * @param terminatingDeadline     a pod still there this long after its deletion timestamp (which already includes the grace period) is {@code TerminatingTooLong}
 * @param pendingDeadline         a pod or PVC Pending this long after creation is a failure
 * @param creationGrace           how long after the trio was created an absent member is "not in the cache yet" (Progressing) rather than Missing
 * @param recentTermination       an OOM kill that finished within this window still counts
 * @param notReadyMargin          slack added to what a readiness probe allows before a not-ready pod is a failure
 * @param clusterDomain           the DNS domain of the cluster
 * @param restartWarningThreshold restarts at or above this are {@code HighRestartCount}
 * @param maxEvents               at most this many events in the report
 * @param maxTextLines            at most this many lines in the chat text
 */
@RecordBuilder
public record HealthSettings(
        Duration rolloutDeadline,
        Duration loadBalancerDeadline,
        Duration terminatingDeadline,
        Duration pendingDeadline,
        Duration creationGrace,
        Duration recentTermination,
        Duration notReadyMargin,
        String clusterDomain,
        int restartWarningThreshold,
        int maxEvents,
        int maxTextLines) implements HealthSettingsBuilder.With {
}
