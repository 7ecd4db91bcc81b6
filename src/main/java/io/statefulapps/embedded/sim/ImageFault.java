package io.statefulapps.embedded.sim;

import java.util.Locale;

/**
 * Faults a user asks for through the container image (tag or name, case-insensitive), on
 * containers and init containers alike:
 *
 * <table>
 * <tr><th>image contains</th><th>what the simulated kubelet shows</th></tr>
 * <tr><td>{@code pullfail}</td><td>waiting {@code ErrImagePull}, then {@code ImagePullBackOff};
 *     events Warning {@code Failed} ("Failed to pull image ..."), Normal {@code BackOff}
 *     ("Back-off pulling image ..."); the pod stays Pending</td></tr>
 * <tr><td>{@code crashloop}</td><td>starts, exits with code 1 (reason Error, a termination message)
 *     after {@code crashAfter}; restartCount grows; waiting {@code CrashLoopBackOff} with
 *     {@code lastState.terminated}; Warning {@code BackOff} ("Back-off restarting failed container ...")</td></tr>
 * <tr><td>{@code oomkill}</td><td>as crashloop, but exit code 137 and reason {@code OOMKilled}</td></tr>
 * <tr><td>{@code notready}</td><td>Running but never Ready (ContainersNotReady); Warning
 *     {@code Unhealthy} ("Readiness probe failed: ..." in the probe's words), repeated;
 *     ignored on init containers</td></tr>
 * <tr><td>{@code sandboxfail}</td><td>the whole pod: no sandbox, so it stays ContainerCreating
 *     without an IP; Warning {@code FailedCreatePodSandBox} ("Failed to create pod sandbox: ..."),
 *     repeated with the kubelet's back-off</td></tr>
 * </table>
 */
enum ImageFault {
    NONE, PULL_FAIL, CRASH_LOOP, OOM_KILL, NOT_READY, SANDBOX_FAIL;

    static ImageFault of(String image) {
        String s = image == null ? "" : image.toLowerCase(Locale.ROOT);
        if (s.contains("sandboxfail")) {
            return SANDBOX_FAIL;
        }
        if (s.contains("pullfail")) {
            return PULL_FAIL;
        }
        if (s.contains("crashloop")) {
            return CRASH_LOOP;
        }
        if (s.contains("oomkill")) {
            return OOM_KILL;
        }
        return s.contains("notready") ? NOT_READY : NONE;
    }

    boolean crashes() {
        return this == CRASH_LOOP || this == OOM_KILL;
    }
}
