package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl get and get -o wide show printers.go's columns, filled as the real server fills them. */
class PrinterColumnsTest extends ApiServerTestBase {

    @TempDir
    Path dir;

    private String kubectl(String... args) throws Exception {
        KubectlRunner.Result r = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"))
                .run(args);
        assertEquals(0, r.code(), r.out());
        return r.out();
    }

    private static String header(String out) {
        return out.lines().findFirst().orElse("").replaceAll("\\s{2,}", "|").strip();
    }

    private static String ago(long seconds) {
        return Instant.now().minusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void storageClassesNameTheDefault() throws Exception {
        String out = kubectl("get", "storageclasses");
        assertEquals("NAME|PROVISIONER|RECLAIMPOLICY|VOLUMEBINDINGMODE|ALLOWVOLUMEEXPANSION|AGE", header(out), out);
        assertTrue(out.contains("standard (default)"), out);
    }

    @Test
    void eventsLeadWithWhenTheyWereLastSeen() throws Exception {
        client.v1().events().resource(new EventBuilder().withNewMetadata().withName("web.1").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("web-0").withFieldPath("spec.containers{main}")
                .endInvolvedObject().withReason("BackOff").withType("Warning").withMessage("Back-off pulling")
                .withFirstTimestamp(ago(600)).withLastTimestamp(ago(300)).withCount(4)
                .withNewSource().withComponent("kubelet").withHost("sim-node-1").endSource().build()).create();

        String out = kubectl("get", "events");
        String wide = kubectl("get", "events", "-o", "wide");

        assertEquals("LAST SEEN|TYPE|REASON|OBJECT|MESSAGE", header(out), out);
        assertTrue(out.contains("5m") && out.contains("pod/web-0") && out.contains("Back-off pulling"), out);
        assertEquals("LAST SEEN|TYPE|REASON|OBJECT|SUBOBJECT|SOURCE|MESSAGE|FIRST SEEN|COUNT|NAME", header(wide), wide);
        assertTrue(wide.contains("spec.containers{main}") && wide.contains("kubelet, sim-node-1")
                && wide.contains("10m") && wide.contains("web.1"), wide);
    }

    @Test
    void podStatusTellsWhereInitializationIsAndWhenTheLastRestartWas() throws Exception {
        Pod crashing = withInit("init-crash");
        client.pods().resource(crashing).create();
        client.pods().resource(new PodBuilder(client.pods().withName("init-crash").get()).editStatus()
                .addNewInitContainerStatus().withName("setup").withImage("busybox").withRestartCount(2)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(1).withFinishedAt(ago(30)).endTerminated()
                .endLastState().endInitContainerStatus().endStatus().build()).updateStatus();
        client.pods().resource(withInit("init-half")).create();
        client.pods().resource(new PodBuilder(client.pods().withName("init-half").get()).editStatus()
                .addNewInitContainerStatus().withName("setup").withImage("busybox").withNewState().withNewTerminated()
                .withExitCode(0).withReason("Completed").endTerminated().endState().endInitContainerStatus()
                .addNewInitContainerStatus().withName("migrate").withImage("busybox").withNewState().withNewRunning()
                .endRunning().endState().endInitContainerStatus().endStatus().build()).updateStatus();

        String out = kubectl("get", "pods", "init-crash", "init-half");
        String wide = kubectl("get", "pods", "init-crash", "-o", "wide");

        assertTrue(Pattern.compile("init-crash\\s+0/1\\s+Init:CrashLoopBackOff\\s+2 \\(3\\ds ago\\)").matcher(out).find(),
                out);
        assertTrue(Pattern.compile("init-half\\s+0/1\\s+Init:1/2\\s+0\\s").matcher(out).find(), out);
        assertEquals("NAME|READY|STATUS|RESTARTS|AGE|IP|NODE|NOMINATED NODE|READINESS GATES", header(wide), wide);
    }

    @Test
    void wideOutputAddsWhatTheRealServerAdds() throws Exception {
        client.apps().statefulSets().resource(statefulSet("wide")).create();
        client.services().resource(service("wide")).create();
        client.persistentVolumeClaims().resource(pvc("wide-data", "1Gi", null)).create();
        kubectl("cordon", "sim-node-2");

        String sts = kubectl("get", "sts", "wide", "-o", "wide");
        String svc = kubectl("get", "svc", "wide", "-o", "wide");
        String pvc = kubectl("get", "pvc", "wide-data", "-o", "wide");
        String nodes = kubectl("get", "nodes", "-o", "wide");

        assertEquals("NAME|READY|AGE|CONTAINERS|IMAGES", header(sts), sts);
        assertTrue(sts.contains("main") && sts.contains("nginx:1.27"), sts);
        assertTrue(header(svc).endsWith("|AGE|SELECTOR") && svc.contains("app=wide"), svc);
        assertTrue(header(pvc).endsWith("|AGE|VOLUMEMODE") && pvc.contains("Filesystem"), pvc);
        assertEquals("NAME|STATUS|ROLES|AGE|VERSION|INTERNAL-IP|EXTERNAL-IP|OS-IMAGE|KERNEL-VERSION|CONTAINER-RUNTIME",
                header(nodes), nodes);
        assertTrue(nodes.contains("Ready,SchedulingDisabled"), nodes);
    }

    @Test
    void aClaimBeingDeletedReadsTerminating() throws Exception {
        client.persistentVolumeClaims().resource(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder(
                pvc("held-data", "1Gi", null)).editMetadata().addToFinalizers("kubernetes.io/pvc-protection")
                .endMetadata().build()).create();
        kubectl("delete", "pvc", "held-data", "--wait=false");
        String out = kubectl("get", "pvc", "held-data");
        assertTrue(Pattern.compile("held-data\\s+Terminating\\s").matcher(out).find(), out);
        client.persistentVolumeClaims().withName("held-data").edit(c -> new io.fabric8.kubernetes.api.model
                .PersistentVolumeClaimBuilder(c).editMetadata().withFinalizers(List.of()).endMetadata().build());
    }

    private static Pod withInit(String name) {
        return new PodBuilder(pod(name)).editSpec().addNewInitContainer().withName("setup").withImage("busybox")
                .endInitContainer().addNewInitContainer().withName("migrate").withImage("busybox").endInitContainer()
                .endSpec().build();
    }
}
