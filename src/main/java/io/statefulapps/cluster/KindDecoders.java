package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Has Jackson build the JSON decoder of each watched kind (and load the model classes it needs)
 * while the application boots, rather than when the kind's first page arrives. After boot,
 * Quarkus's class loader keeps only four jars open and closes one to open another, so the hundreds
 * of model classes a first page needs made it re-open (and re-read the index of) a model jar again
 * and again: with 10,000 apps, 8.7 % of the list parsing threads' time (up to 2 s of CPU).
 *
 * <p>Each kind is built by the thread that then starts its watch; the boot waits for all of them
 * ({@link #awaitAll}), so it ends only once the model classes are loaded.
 */
final class KindDecoders {

    private static final Logger LOG = Logger.getLogger(KindDecoders.class);
    private static final long WAIT_SECONDS = 30;

    private final KubernetesSerialization serialization;
    private final CountDownLatch pending;

    /** @param kinds how many kinds will be built */
    KindDecoders(KubernetesSerialization serialization, int kinds) {
        this.serialization = serialization;
        this.pending = new CountDownLatch(kinds);
    }

    void build(Class<?> kind) {
        try {
            serialization.unmarshal("{}", kind);
        } catch (RuntimeException e) {
            // Only time is lost: the first page builds the decoder instead.
            LOG.debugf(e, "No decoder built ahead for %s", kind.getSimpleName());
        } finally {
            pending.countDown();
        }
    }

    /** Returns once every kind is built (or after 30 s, saying so). */
    void awaitAll() {
        try {
            if (!pending.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("The watch cache's JSON decoders took over %d s to build; starting without waiting",
                        WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
