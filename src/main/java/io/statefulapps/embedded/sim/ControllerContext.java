package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;

/**
 * What every simulated controller works with: the API (read through the informers, written
 * through the writer), the event recorder, the clock all delays are measured on, and the pace.
 */
record ControllerContext(KubernetesClient client, ClusterInformers informers, ClusterWriter writer,
        EventRecorder events, Clock clock, SimulatorSettings settings) {
}
