package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.kubectlBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time a decode of kubectl's bodies takes, printed for the record. It is this thread's CPU time,
 * which a machine shared with other builds disturbs far less than the wall clock. The bound is far
 * above the microseconds measured: it fails only if a decode starts redoing per-call work such as
 * loading descriptors (hundreds of milliseconds), not when the machine is merely busy.
 */
class DecodeSpeedTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static double cpuMicrosecondsPerDecode(byte[] body, int rounds) {
        long started = THREADS.getCurrentThreadCpuTime();
        int named = 0;
        for (int i = 0; i < rounds; i++) {
            ObjectNode decoded = KubernetesProtobuf.decode(body);
            named += decoded.at("/metadata/name").isTextual() ? 1 : 0;
        }
        long elapsed = THREADS.getCurrentThreadCpuTime() - started;
        assertEquals(rounds, named);
        return elapsed / 1000.0 / rounds;
    }

    @Test
    void aTypicalBodyDecodesInMicroseconds() {
        byte[] deployment = kubectlBody("create-deployment");
        byte[] namespace = kubectlBody("create-namespace");
        cpuMicrosecondsPerDecode(deployment, 10_000);
        cpuMicrosecondsPerDecode(namespace, 10_000);
        double deploymentMicros = cpuMicrosecondsPerDecode(deployment, 20_000);
        double namespaceMicros = cpuMicrosecondsPerDecode(namespace, 20_000);
        System.out.printf("protobuf decode, CPU time: create-deployment (%d bytes) %.1f µs,"
                + " create-namespace (%d bytes) %.1f µs%n",
                deployment.length, deploymentMicros, namespace.length, namespaceMicros);
        assertTrue(deploymentMicros < 1000, deploymentMicros + " µs");
        assertTrue(namespaceMicros < 1000, namespaceMicros + " µs");
    }
}
