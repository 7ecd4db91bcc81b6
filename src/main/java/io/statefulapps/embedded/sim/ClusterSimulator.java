package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The controllers of the embedded simulated cluster, in the spirit of kwok: the StatefulSet
 * controller, the PV controller's provisioning and reclaiming, the pvc- and pv-protection
 * controllers, the scheduler, the kubelets, the node lifecycle controller, the EndpointSlice
 * controller and a load balancer controller. They watch the API through informers, act only
 * through the API, and only on what changed (or a delay falling due on the injected clock), one
 * key at a time on one daemon thread: idle when nothing changes. Faults are chosen by image word
 * (see {@link ImageFault}) and StorageClass ({@link StorageClasses}).
 *
 * <pre>
 * try (ClusterSimulator sim = new ClusterSimulator(client, settings, Clock.systemUTC())) {
 *     sim.start();
 * }
 * </pre>
 */
public final class ClusterSimulator implements AutoCloseable {

    private final KubernetesClient client;
    private final SimulatorSettings settings;
    private final Clock clock;
    private ClusterWriter writer;
    private ClusterInformers informers;
    private ControllerLoop loop;

    public ClusterSimulator(KubernetesClient client, SimulatorSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the informers (waits for their first list) and the controllers' thread. */
    public synchronized void start() {
        startControllers(false);
        loop.start();
    }

    /**
     * Starts the informers and the controllers but no thread of their own: the caller drives them
     * with {@link #runDue()}, so a test decides exactly when they act.
     */
    synchronized void startDriven() {
        startControllers(true);
    }

    private void startControllers(boolean ledger) {
        if (informers != null) {
            throw new IllegalStateException("already started");
        }
        UnseenWrites unseen = new UnseenWrites();
        writer = new ClusterWriter(client, unseen);
        informers = new ClusterInformers(client, unseen, ledger);
        EventRecorder events = new EventRecorder(writer, clock, settings.normalEvents());
        ControllerContext context = new ControllerContext(client, informers, writer, events, clock, settings);
        NodeNumbers nodeNumbers = new NodeNumbers();
        List<Controller> controllers = List.of(
                new StatefulSetController(context),
                new VolumeProvisioner(context),
                new VolumeReclaimer(context),
                new ClaimProtection(context),
                new VolumeProtection(context),
                new Scheduler(context),
                new Kubelet(context, nodeNumbers),
                new NodeStatusReporter(context, nodeNumbers),
                new NodeLifecycleController(context),
                new EndpointSliceController(context),
                new LoadBalancerController(context));
        loop = new ControllerLoop(controllers, writer, clock, settings.tick());
        informers.start();
        if (informers.get(informers.storageClasses, null, StorageClasses.MOUNT_FAIL).isEmpty()) {
            writer.create(StorageClasses.mountFail()); // the fault class, where the seed lacks it
        }
    }

    /** Looks at every key due now; returns how many writes that took. For a driven simulator. */
    long runDue() {
        return loop.runDue();
    }

    /** The informers the controllers read, for a driver that waits until they have caught up. */
    ClusterInformers informers() {
        return informers;
    }

    /** Keys the controllers have looked at so far. */
    long reconciles() {
        return loop.reconciles();
    }

    /** The writes made so far by "Kind verb". */
    Map<String, Long> requestCounts() {
        return writer.countsByRequest();
    }

    @Override
    public void close() {
        ControllerLoop running;
        ClusterInformers watching;
        synchronized (this) {
            running = loop;
            watching = informers;
            loop = null;
            informers = null;
        }
        if (running != null) {
            running.close();
        }
        if (watching != null) {
            watching.close();
        }
    }
}
