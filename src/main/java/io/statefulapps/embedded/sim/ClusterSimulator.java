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
 *   sim.start();
 * }
 * </pre>
 */
public final class ClusterSimulator implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterSimulator.class);

  private final KubernetesClient client;
  private final SimulatorSettings settings;
  private final Clock clock;
  private ScheduledExecutorService executor;
  private Caches caches;
  private List<Controller> controllers;

  public ClusterSimulator(KubernetesClient client, SimulatorSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  /** Starts the informers (waits for their first list) and the reconcile loop. */
  public synchronized void start() {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    caches = new Caches(client);
    EventRecorder events = new EventRecorder(client, clock);
    controllers = List.of(
        new StatefulSetController(client, caches, events, clock),
        new VolumeProvisioner(client, caches, events, clock, settings),
        new Scheduler(client, caches, events, clock),
        new Kubelet(client, caches, events, clock, settings),
        new EndpointSliceController(client, caches),
        new LoadBalancerController(client, caches, events, clock, settings));
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cluster-simulator");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(1, settings.tick().toMillis());
    executor.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    for (Controller controller : controllers) {
      try {
        controller.reconcile();
      } catch (RuntimeException e) {
        // one failing controller must not stop the cluster; it retries next tick
        LOG.warnf(e, "simulated %s failed; retrying", controller.getClass().getSimpleName());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
    if (caches != null) {
      caches.close();
      caches = null;
    }
  }
}
