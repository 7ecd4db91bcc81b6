package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.statefulapps.embedded.EmbeddedApiServer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the simulated controllers cope with many apps, on the embedded API server in this JVM:
 * creates N apps (a StatefulSet of two pods with a claim each, a headless and a client Service)
 * directly through a client, waits until every set reports two Ready replicas, and prints the
 * time, the CPU of the controllers' thread and of the whole process, the writes per pod by kind,
 * and the controllers' CPU while nothing changes. Not a test; run by hand:
 * {@code java -cp target/test-classes:target/classes:<test classpath>
 * io.statefulapps.embedded.sim.SimulatorBenchmark <apps per wave> [waves] [normal events: true|false]
 * [creating threads]}
 */
public final class SimulatorBenchmark {

    private static final int REPLICAS = 2;
    private static final int PODS_PER_NODE = 110;

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int waves = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean normalEvents = args.length <= 2 || Boolean.parseBoolean(args[2]);
        int creators = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        // Outside Quarkus the JBoss log manager takes every record, trace included, until a Quarkus
        // app configures it, which never happens here: Fabric8's HTTP logging would then decode and
        // format every request and answer, a cost the service never pays (JFR: 14 % of the
        // controllers' thread).
        org.jboss.logmanager.Logger.getLogger("io.fabric8").setLevel(java.util.logging.Level.INFO);
        try (EmbeddedApiServer api = EmbeddedApiServer.start(0);
                KubernetesClient setup = api.newClient();
                KubernetesClient simulatorClient = api.newDirectClient()) {
            addNodes(setup, apps * waves * REPLICAS / PODS_PER_NODE + 1);
            SimulatorSettings pace = new SimulatorSettings(Duration.ofMillis(200), Duration.ofMillis(300),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(10),
                    Duration.ofSeconds(1), SimulatorSettings.KUBERNETES_POD_EVICTION_TIMEOUT,
                    SimulatorSettings.KUBERNETES_VOLUME_MOUNT_TIMEOUT, normalEvents);
            try (ClusterSimulator simulator = new ClusterSimulator(simulatorClient, pace, Clock.systemUTC())) {
                simulator.start();
                SharedIndexInformer<StatefulSet> sets = setup.apps().statefulSets().inNamespace("default").inform();
                for (int wave = 0; wave < waves; wave++) {
                    // later waves run with the JIT warm: their figures are the steady ones
                    System.out.printf("wave %d of %d%n", wave + 1, waves);
                    runWave(setup, simulator, sets, wave * apps, apps, creators);
                }
                sets.close();
            }
        }
        System.exit(0); // the API server's event loops would keep the JVM alive
    }

    private static void runWave(KubernetesClient setup, ClusterSimulator simulator,
            SharedIndexInformer<StatefulSet> sets, int first, int apps, int creators) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> requests0 = simulator.requestCounts();
        long reconciles0 = simulator.reconciles();
        long cpu0 = os.getProcessCpuTime();
        long sim0 = simulatorCpu(threads);
        long t0 = System.nanoTime();
        create(setup, first, apps, creators);
        long created = System.nanoTime();
        waitUntilReady(sets, first + apps, t0);
        long settled = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long sim1 = simulatorCpu(threads);
        long reconciles1 = simulator.reconciles();
        Thread.sleep(10_000);
        long sim2 = simulatorCpu(threads);
        long reconciles2 = simulator.reconciles();
        Map<String, Long> requests = new java.util.TreeMap<>();
        simulator.requestCounts().forEach((k, v) -> requests.put(k, v - requests0.getOrDefault(k, 0L)));
        report(apps, requests, created - t0, settled - t0, cpu1 - cpu0, sim1 - sim0, sim2 - sim1);
        System.out.printf("keys looked at: %d (%.1f per pod); over the 10 idle seconds: %d%n",
                reconciles1 - reconciles0, (double) (reconciles1 - reconciles0) / (apps * REPLICAS), reconciles2 - reconciles1);
        // the whole process (API server, simulator, the benchmark's own informer) after a full collection
        System.gc();
        System.out.printf("heap after a full GC: %.1f MiB (%.1f KiB per app)%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / (first + apps));
    }

    private static void addNodes(KubernetesClient client, int count) {
        for (int i = 1; i <= count; i++) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(String.format("bench-node-%04d", i))
                    .addToLabels("kubernetes.io/hostname", "bench-node-" + i).endMetadata()
                    .withNewStatus().addToCapacity("cpu", new Quantity("8")).addToCapacity("memory",
                            new Quantity("32Gi"))
                    .addToCapacity("pods", new Quantity(String.valueOf(PODS_PER_NODE)))
                    .addToAllocatable("cpu", new Quantity("8")).addToAllocatable("memory", new Quantity("32Gi"))
                    .addToAllocatable("pods", new Quantity(String.valueOf(PODS_PER_NODE)))
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                    .endStatus().build()).create();
        }
    }

    private static void create(KubernetesClient client, int first, int apps, int creators)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        AtomicInteger failures = new AtomicInteger();
        for (int i = first; i < first + apps; i++) {
            String name = String.format("app-%05d", i);
            pool.execute(() -> {
                try {
                    createApp(client, name);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (failures.get() > 0) {
            System.out.println("creation failures: " + failures.get());
        }
    }

    private static void createApp(KubernetesClient client, String name) {
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName(name
                + "-headless")
                .endMetadata().withNewSpec().withClusterIP("None").addToSelector("app", name).addNewPort()
                        .withName("http")
                .withPort(8080).withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().addToSelector("app", name).addNewPort().withName("http")
                .withPort(80).withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
        client.apps().statefulSets().inNamespace("default").resource(new StatefulSetBuilder().withNewMetadata()
                .withName(name).endMetadata().withNewSpec().withServiceName(name + "-headless").withReplicas(REPLICAS)
                .withPodManagementPolicy("Parallel")
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
                .addNewContainer().withName("main").withImage("nginx:1.27").addNewPort().withName("http")
                .withContainerPort(8080).endPort().endContainer().endSpec().endTemplate()
                .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec()
                .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Gi"))
                .endResources().endSpec().endVolumeClaimTemplate().endSpec().build()).create();
    }

    private static void waitUntilReady(SharedIndexInformer<StatefulSet> sets, int apps, long t0)
            throws InterruptedException {
        long lastPrint = 0;
        while (true) {
            long ready = sets.getStore().list().stream().filter(s -> s.getStatus() != null
                    && Integer.valueOf(REPLICAS).equals(s.getStatus().getReadyReplicas())).count();
            long now = System.nanoTime();
            if (ready == apps) {
                return;
            }
            if (now - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                System.out.printf("%6.1fs: %d of %d sets ready%n", (now - t0) / 1e9, ready, apps);
                lastPrint = now;
            }
            Thread.sleep(200);
        }
    }

    private static long simulatorCpu(ThreadMXBean threads) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && "cluster-simulator".equals(info.getThreadName())) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    private static void report(int apps, Map<String, Long> requests, long createNanos, long settleNanos,
            long processCpuNanos, long simulatorCpuNanos, long idleSimulatorCpuNanos) {
        int pods = apps * REPLICAS;
        long total = requests.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("apps %d, pods %d: created in %.1fs, all Ready after %.1fs%n", apps, pods,
                createNanos / 1e9, settleNanos / 1e9);
        System.out.printf("process CPU %.1fs (%.2f ms per pod); controllers' thread CPU %.1fs (%.3f ms per pod)%n",
                processCpuNanos / 1e9, processCpuNanos / 1e6 / pods, simulatorCpuNanos / 1e9,
                simulatorCpuNanos / 1e6 / pods);
        System.out.printf("controllers' thread CPU over 10s with nothing changing: %.1f ms%n",
                idleSimulatorCpuNanos / 1e6);
        System.out.printf("writes: %d (%.1f per pod)%n", total, (double) total / pods);
        requests.forEach((k, v) -> System.out.printf("  %-40s %8d  %6.2f per pod%n", k, v, (double) v / pods));
    }
}
