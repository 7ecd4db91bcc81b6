package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The controllers of the embedded simulated cluster, in the spirit of kwok: the StatefulSet
 * controller, scheduler, kubelet, volume provisioner, EndpointSlice controller and a load balancer
 * controller. They watch the API through informers and act only through the API, on one daemon
 * thread, every {@link SimulatorSettings#tick()}. Faults are chosen by image tag: see {@link ImageFault}.
 *
 * <pre>
 * try (ClusterSimulator sim = new ClusterSimulator(client, settings, Clock.systemUTC())) {
 *     sim.start();
 * }
 * </pre>
 */
public final class ClusterSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterSimulator.class);

    private final KubernetesClient client;
    private final SimulatorSettings settings;
    private final Clock clock;
    private final ClusterWriter writer = new ClusterWriter();
    private ScheduledExecutorService executor;
    private ClusterInformers informers;
    private List<Controller> controllers;

    public ClusterSimulator(KubernetesClient client, SimulatorSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the informers (waits for their first list) and the reconcile loop. */
    public synchronized void start() {
        startControllers();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-simulator");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, settings.tick().toMillis());
        executor.scheduleWithFixedDelay(this::runOnce, 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the informers and the controllers but no thread of their own: the caller drives them
     * with {@link #runOnce()}, so a test decides exactly when they act.
     */
    synchronized void startDriven() {
        startControllers();
    }

    private void startControllers() {
        if (informers != null) {
            throw new IllegalStateException("already started");
        }
        informers = new ClusterInformers(client);
        ControllerContext context = new ControllerContext(client, informers, writer,
                new EventRecorder(client, writer, clock), clock, settings);
        controllers = List.of(
                new StatefulSetController(context),
                new VolumeProvisioner(context),
                new Scheduler(context),
                new Kubelet(context),
                new EndpointSliceController(context),
                new LoadBalancerController(context));
    }

    /** One reconcile round of every controller; returns how many writes it attempted. */
    synchronized long runOnce() {
        long before = writer.count();
        for (Controller controller : controllers) {
            try {
                controller.reconcile();
            } catch (RuntimeException e) {
                // one failing controller must not stop the cluster; it retries next round
                LOG.warnf(e, "simulated %s failed; retrying", controller.getClass().getSimpleName());
            }
        }
        return writer.count() - before;
    }

    /** The informers the controllers read, for a driver that waits until they have caught up. */
    ClusterInformers informers() {
        return informers;
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (informers != null) {
                informers.close();
                informers = null;
            }
        }
    }
}
