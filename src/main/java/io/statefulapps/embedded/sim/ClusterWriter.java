package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Every write the controllers make goes through here: counted (a driver can tell when nothing is
 * left to do), and a refusal turned into "not done" instead of an exception.
 */
final class ClusterWriter {

    private static final Logger LOG = Logger.getLogger(ClusterWriter.class);

    private final AtomicLong writes = new AtomicLong();

    /**
     * Runs one write; true when it went through. A conflict or a vanished object means our cache
     * was a step behind: the next round sees the newer state and tries again, as real controllers
     * requeue. Any other refusal is logged and skipped, so one odd object never stalls a controller.
     */
    boolean attempt(Runnable call) {
        writes.incrementAndGet();
        try {
            call.run();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                LOG.debugf("simulated write skipped (%d): %s", e.getCode(), e.getMessage());
            } else {
                LOG.warnf("simulated write refused (%d): %s", e.getCode(), e.getMessage());
            }
            return false;
        }
    }

    /** Writes attempted so far. */
    long count() {
        return writes.get();
    }
}
