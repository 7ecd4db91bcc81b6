package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One (init) container of a pod: its state now and how it last ended.
 *
 * @param state          {@code waiting}, {@code running} or {@code terminated}
 * @param reason         the kubelet's reason for the current state (CrashLoopBackOff, OOMKilled…)
 * @param lastTerminated the reason the previous run ended (OOMKilled, Error, Completed…)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "init", "state", "reason", "exitCode", "ready", "restarts", "lastTerminated",
        "lastExitCode"})
public record ContainerReport(
        String name,
        boolean init,
        String state,
        String reason,
        Integer exitCode,
        boolean ready,
        int restarts,
        String lastTerminated,
        Integer lastExitCode) {
}
