package io.statefulapps.ceiling;

import io.statefulapps.ceiling.Report.Claim;
import io.statefulapps.ceiling.Report.Container;
import io.statefulapps.ceiling.Report.Dns;
import io.statefulapps.ceiling.Report.Event;
import io.statefulapps.ceiling.Report.PersistentVolume;
import io.statefulapps.ceiling.Report.Pod;
import io.statefulapps.ceiling.Report.Port;
import io.statefulapps.ceiling.Report.Problem;
import io.statefulapps.ceiling.Report.Service;
import io.statefulapps.ceiling.Report.StatefulSet;
import io.statefulapps.ceiling.Report.Volume;
import java.util.List;
import java.util.stream.IntStream;

/** Builds the ceiling's sample reports: two pods, two claims and volumes, two Services, one problem, two events. */
final class Reports {

    private Reports() {
    }

    static String name(int i) {
        return String.format("app-%05d", i);
    }

    static Report sample(int i) {
        String app = name(i);
        String revision = app + "-8gghqbmx95";
        List<Pod> pods = IntStream.range(0, 2).mapToObj(o -> new Pod(app + "-" + o, o, "Healthy", "Running", true, 0,
                ip(i, o), "sim-node-" + (o + 1), revision, "2026-12-02T11:13:59Z",
                List.of(new Container(app, false, "running", true, 0)))).toList();
        List<Volume> volumes = IntStream.range(0, 2).mapToObj(o -> new Volume(app + "-" + o, "data", "Healthy",
                new Claim("data-" + app + "-" + o, "Bound", "1Gi", "1Gi", "standard", List.of("ReadWriteOnce"),
                        "pvc-a3859afa-cf4a-41d2-a354-" + String.format("%012d", i * 2 + o)),
                new PersistentVolume("pvc-a3859afa-cf4a-41d2-a354-" + String.format("%012d", i * 2 + o), "Bound",
                        "1Gi", "Delete", "standard"))).toList();
        List<Dns> dns = IntStream.range(0, 2).mapToObj(o -> new Dns(app + "-" + o,
                app + "-" + o + "." + app + "-headless.demo.svc.cluster.local", ip(i, o), List.of(ip(i, o)), true,
                "Healthy")).toList();
        List<Port> ports = List.of(new Port("http", 80, "TCP", "80"));
        List<Service> services = List.of(
                new Service("headless", app + "-headless", "Healthy", "ClusterIP", "None", ports, 2, 2),
                new Service("client", app, "Healthy", "ClusterIP", "10.96." + (i / 250) + "." + (i % 250), ports, 2, 2));
        List<Problem> problems = List.of(new Problem("Info", "StatefulSet/" + app, "NoReadinessProbe",
                "no readiness probe on " + app + "-0, " + app + "-1: Ready only means the processes started, so DNS"
                        + " records and Service endpoints appear before the app can serve",
                "give the app a readinessProbe (PATCH its spec with \"readinessProbe\"); what runs now: kubectl -n demo"
                        + " get statefulset " + app + " -o jsonpath='{.spec.template.spec.containers[*].readinessProbe}'",
                "2026-12-02T11:13:58.785549790Z"));
        List<Event> events = IntStream.range(0, 2).mapToObj(o -> new Event("Warning", "FailedScheduling",
                "Pod/" + app + "-" + o, "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims."
                        + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
                1, "2026-12-02T11:14:01Z")).toList();
        return new Report(app, "demo", "Healthy", "2026-12-02T11:14:02.953685276Z",
                "Healthy: 2/2 pods ready, rollout Complete", "2026-12-02T11:14:02.953685276Z",
                String.format("%016x", i * 0x9E3779B97F4A7C15L),
                new StatefulSet(app, "Healthy", "Complete", 2, 2, 2, 2, revision, revision, 1, 1, "RollingUpdate",
                        app + "-headless"),
                pods, volumes, dns, services, List.of(), problems, events);
    }

    private static String ip(int i, int ordinal) {
        int n = i * 2 + ordinal + 2;
        return "10.244." + (n / 250) + "." + (n % 250);
    }
}
