package io.statefulapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.statefulapps.health.HealthSettings;
import java.time.Duration;

/** The health rules' deadlines and limits ({@code stateful-apps.health.*}). */
@ConfigMapping(prefix = "stateful-apps.health")
public interface HealthConfig {

    @WithDefault("10m")
    Duration rolloutDeadline();

    @WithDefault("5m")
    Duration loadBalancerDeadline();

    @WithDefault("5m")
    Duration terminatingDeadline();

    @WithDefault("5m")
    Duration pendingDeadline();

    @WithDefault("30s")
    Duration creationGrace();

    @WithDefault("15m")
    Duration recentTermination();

    @WithDefault("30s")
    Duration notReadyMargin();

    @WithDefault("cluster.local")
    String clusterDomain();

    @WithDefault("5")
    int restartWarningThreshold();

    @WithDefault("20")
    int maxEvents();

    @WithDefault("15")
    int maxTextLines();

    /**
     * How often the store checks whether the watches are broken (then every report says how old its
     * data is). Time rules do not wait for it: a report is computed again when the assessment says
     * a deadline falls due; unsettled reports are also computed once a minute as a safety net.
     */
    @WithDefault("2s")
    Duration recheckInterval();

    /**
     * Once the watches have been broken this long, every report says how old its data is
     * ({@code dataAge}) and the text answer says so too.
     */
    @WithDefault("30s")
    Duration staleAfter();

    /**
     * How long an app's report waits after the first change that concerns it before it is computed:
     * the changes that arrive meanwhile (a pod's scheduling, its claim's binding, its containers
     * starting, its set's status) make one computation instead of one each. 0 computes at once.
     */
    @WithDefault("50ms")
    Duration reportDelay();

    default HealthSettings settings() {
        return new HealthSettings(rolloutDeadline(), loadBalancerDeadline(), terminatingDeadline(), pendingDeadline(),
                creationGrace(), recentTermination(), notReadyMargin(), clusterDomain(), restartWarningThreshold(),
                maxEvents(), maxTextLines());
    }
}
