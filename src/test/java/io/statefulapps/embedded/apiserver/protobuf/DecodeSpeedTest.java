package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.kubectlBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time a decode takes for kubectl's bodies, printed for the record. The bound is far above the
 * few microseconds measured: it fails only if a decode starts redoing per-call work such as loading
 * descriptors (tens of milliseconds), not when the machine is merely busy.
 */
class DecodeSpeedTest {

    private static double microsecondsPerDecode(byte[] body, int rounds) {
        long started = System.nanoTime();
        int replicas = 0;
        for (int i = 0; i < rounds; i++) {
            ObjectNode decoded = KubernetesProtobuf.decode(body);
            replicas += decoded.path("spec").path("replicas").asInt(1);
        }
        long elapsed = System.nanoTime() - started;
        assertTrue(replicas > 0);
        return elapsed / 1000.0 / rounds;
    }

    @Test
    void aTypicalBodyDecodesInMicroseconds() {
        byte[] deployment = kubectlBody("create-deployment");
        byte[] namespace = kubectlBody("create-namespace");
        long first = System.nanoTime();
        assertEquals("web", KubernetesProtobuf.decode(deployment).at("/metadata/name").textValue());
        double firstMillis = (System.nanoTime() - first) / 1e6;
        microsecondsPerDecode(deployment, 20_000);
        microsecondsPerDecode(namespace, 20_000);
        double deploymentMicros = microsecondsPerDecode(deployment, 50_000);
        double namespaceMicros = microsecondsPerDecode(namespace, 50_000);
        System.out.printf("protobuf decode: first %.1f ms; create-deployment (%d bytes) %.1f µs;"
                + " create-namespace (%d bytes) %.1f µs%n",
                firstMillis, deployment.length, deploymentMicros, namespace.length, namespaceMicros);
        assertTrue(deploymentMicros < 1000, deploymentMicros + " µs");
        assertTrue(namespaceMicros < 1000, namespaceMicros + " µs");
    }
}
