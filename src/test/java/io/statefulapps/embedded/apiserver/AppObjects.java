package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** One app's objects as the service renders them and the simulator completes them, sized like the real ones. */
final class AppObjects {

    private static final String LABELS = "\"labels\":{\"app\":\"%2$s\",\"app.kubernetes.io/managed-by\":"
            + "\"stateful-apps-api\",\"app.kubernetes.io/name\":\"%2$s\",\"app.kubernetes.io/instance\":\"%2$s\"}";
    private static final String META = "\"metadata\":{\"name\":\"%3$s\",\"namespace\":\"%1$s\",\"uid\":\"%4$s\","
            + "\"creationTimestamp\":\"2026-01-01T10:00:00Z\",\"generation\":1," + LABELS;
    private static final String CONTAINER = "{\"name\":\"%2$s\",\"image\":\"registry.example/%2$s:20191227_01\","
            + "\"imagePullPolicy\":\"Always\",\"ports\":[{\"name\":\"http\",\"containerPort\":8761,\"protocol\":\"TCP\"}],"
            + "\"env\":[{\"name\":\"EUREKA_CLIENT_REGISTERWITHEUREKA\",\"value\":\"true\"},{\"name\":\"JAVA_OPTS\","
            + "\"value\":\"-Xms512m -Xmx512m\"}],\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"512Mi\"},"
            + "\"limits\":{\"cpu\":\"500m\",\"memory\":\"768Mi\"}},\"volumeMounts\":[{\"name\":\"data\",\"mountPath\":"
            + "\"/dianyi/data\"}],\"livenessProbe\":{\"tcpSocket\":{\"port\":8761},\"initialDelaySeconds\":168,"
            + "\"periodSeconds\":20,\"timeoutSeconds\":1,\"failureThreshold\":3,\"successThreshold\":1},"
            + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/actuator/health\",\"port\":8761,\"scheme\":\"HTTP\"},"
            + "\"initialDelaySeconds\":11,\"periodSeconds\":20,\"timeoutSeconds\":1,\"failureThreshold\":3,"
            + "\"successThreshold\":1},\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":"
            + "\"File\",\"securityContext\":{\"allowPrivilegeEscalation\":false,\"runAsNonRoot\":true,"
            + "\"capabilities\":{\"drop\":[\"ALL\"]}}}";
    private static final String POD_SPEC = "{\"containers\":[" + CONTAINER + "],\"restartPolicy\":\"Always\","
            + "\"dnsPolicy\":\"ClusterFirst\",\"schedulerName\":\"default-scheduler\",\"terminationGracePeriodSeconds\":30,"
            + "\"securityContext\":{\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}";

    private AppObjects() {
    }

    private static ObjectNode parse(String format, String ns, String app, String name, Object... more) {
        Object[] args = new Object[4 + more.length];
        args[0] = ns;
        args[1] = app;
        args[2] = name;
        args[3] = UUID.randomUUID().toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return JsonText.parseObject(String.format(format, args));
    }

    static ObjectNode statefulSet(String ns, String app) {
        return parse("{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\"," + META + "},\"spec\":{\"replicas\":2,"
                + "\"serviceName\":\"%2$s-headless\",\"podManagementPolicy\":\"Parallel\",\"revisionHistoryLimit\":10,"
                + "\"selector\":{\"matchLabels\":{\"app\":\"%2$s\"}},\"updateStrategy\":{\"type\":\"RollingUpdate\","
                + "\"rollingUpdate\":{\"partition\":0}},\"template\":{\"metadata\":{" + LABELS + "},\"spec\":"
                + POD_SPEC.replace("\"containers\"", "\"volumes\":[],\"containers\"") + "}},"
                + "\"volumeClaimTemplates\":[{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{"
                + "\"name\":\"data\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"storageClassName\":\"standard\","
                + "\"volumeMode\":\"Filesystem\",\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}},\"status\":{\"phase\":"
                + "\"Pending\"}}]},\"status\":{\"observedGeneration\":1,\"replicas\":2,\"readyReplicas\":2,"
                + "\"currentReplicas\":2,\"updatedReplicas\":2,\"availableReplicas\":2,\"currentRevision\":\"%2$s-5d4c\","
                + "\"updateRevision\":\"%2$s-5d4c\",\"collisionCount\":0}}", ns, app, app);
    }

    static ObjectNode revision(String ns, String app) {
        return parse("{\"apiVersion\":\"apps/v1\",\"kind\":\"ControllerRevision\"," + META + "},\"revision\":1,"
                + "\"data\":{\"spec\":{\"template\":{\"metadata\":{" + LABELS + "},\"spec\":" + POD_SPEC + "}}}}}",
                ns, app, app + "-5d4c");
    }

    static ObjectNode service(String ns, String name, String app, boolean headless) {
        return parse("{\"apiVersion\":\"v1\",\"kind\":\"Service\"," + META + "},\"spec\":{\"type\":\"ClusterIP\","
                + "\"clusterIP\":\"%5$s\",\"clusterIPs\":[\"%5$s\"],\"selector\":{\"app\":\"%2$s\"},\"ports\":[{\"name\":"
                + "\"http\",\"port\":8761,\"targetPort\":8761,\"protocol\":\"TCP\"}],\"sessionAffinity\":\"None\","
                + "\"ipFamilies\":[\"IPv4\"],\"ipFamilyPolicy\":\"SingleStack\",\"internalTrafficPolicy\":\"Cluster\"},"
                + "\"status\":{\"loadBalancer\":{}}}", ns, app, name, headless ? "None" : "10.96.1.1");
    }

    static ObjectNode pod(String ns, String app, int ordinal) {
        return parse("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"," + META.replace("\"generation\":1,", "")
                + ",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"name\":\"%2$s\","
                + "\"uid\":\"%4$s\",\"controller\":true,\"blockOwnerDeletion\":true}]},\"spec\":"
                + POD_SPEC + ",\"hostname\":\"%3$s\",\"subdomain\":\"%2$s-headless\",\"nodeName\":\"sim-node-1\"},"
                + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.244.0.%5$d\",\"hostIP\":\"10.0.0.1\",\"startTime\":"
                + "\"2026-01-01T10:00:01Z\",\"conditions\":[{\"type\":\"Initialized\",\"status\":\"True\"},{\"type\":"
                + "\"Ready\",\"status\":\"True\"},{\"type\":\"ContainersReady\",\"status\":\"True\"},{\"type\":"
                + "\"PodScheduled\",\"status\":\"True\"}],\"containerStatuses\":[{\"name\":\"%2$s\",\"image\":"
                + "\"registry.example/%2$s:20191227_01\",\"imageID\":\"\",\"containerID\":\"containerd://%4$s\","
                + "\"ready\":true,\"started\":true,\"restartCount\":0,\"state\":{\"running\":{\"startedAt\":"
                + "\"2026-01-01T10:00:02Z\"}}}]}}", ns, app, app + "-" + ordinal, ordinal + 2);
    }

    static ObjectNode claim(String ns, String app, int ordinal) {
        return parse("{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\"," + META + "},\"spec\":{"
                + "\"accessModes\":[\"ReadWriteOnce\"],\"storageClassName\":\"standard\",\"volumeMode\":\"Filesystem\","
                + "\"volumeName\":\"pvc-%4$s\",\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}},\"status\":{\"phase\":"
                + "\"Bound\",\"accessModes\":[\"ReadWriteOnce\"],\"capacity\":{\"storage\":\"1Gi\"}}}", ns, app,
                "data-" + app + "-" + ordinal);
    }

    static ObjectNode volume(String ns, String app, int ordinal) {
        ObjectNode pv = parse("{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolume\",\"metadata\":{\"name\":\"%3$s\","
                + "\"uid\":\"%4$s\",\"creationTimestamp\":\"2026-01-01T10:00:01Z\",\"annotations\":{"
                + "\"pv.kubernetes.io/provisioned-by\":\"statefulapps.io/simulated\"}},\"spec\":{\"capacity\":{"
                + "\"storage\":\"1Gi\"},\"accessModes\":[\"ReadWriteOnce\"],\"persistentVolumeReclaimPolicy\":\"Delete\","
                + "\"storageClassName\":\"standard\",\"volumeMode\":\"Filesystem\",\"hostPath\":{\"path\":"
                + "\"/tmp/simulated/%3$s\"},\"claimRef\":{\"kind\":\"PersistentVolumeClaim\",\"namespace\":\"%1$s\","
                + "\"name\":\"data-%2$s-%5$d\",\"apiVersion\":\"v1\"}},\"status\":{\"phase\":\"Bound\"}}", ns, app,
                "pvc-" + UUID.randomUUID(), ordinal);
        return pv;
    }

    static ObjectNode slice(String ns, String service, String app) {
        return parse("{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\",\"metadata\":{\"name\":"
                + "\"%3$s-abcde\",\"namespace\":\"%1$s\",\"uid\":\"%4$s\",\"labels\":{\"kubernetes.io/service-name\":"
                + "\"%3$s\",\"endpointslice.kubernetes.io/managed-by\":\"endpointslice-controller.k8s.io\",\"app\":"
                + "\"%2$s\",\"app.kubernetes.io/managed-by\":\"stateful-apps-api\",\"app.kubernetes.io/instance\":"
                + "\"%2$s\"}},\"addressType\":\"IPv4\",\"ports\":[{\"name\":\"http\",\"port\":8761,\"protocol\":\"TCP\"}],"
                + "\"endpoints\":[{\"addresses\":[\"10.244.0.2\"],\"conditions\":{\"ready\":true,\"serving\":true,"
                + "\"terminating\":false},\"hostname\":\"%2$s-0\",\"nodeName\":\"sim-node-1\",\"targetRef\":{\"kind\":"
                + "\"Pod\",\"namespace\":\"%1$s\",\"name\":\"%2$s-0\"}},{\"addresses\":[\"10.244.0.3\"],\"conditions\":{"
                + "\"ready\":true,\"serving\":true,\"terminating\":false},\"hostname\":\"%2$s-1\",\"nodeName\":"
                + "\"sim-node-1\",\"targetRef\":{\"kind\":\"Pod\",\"namespace\":\"%1$s\",\"name\":\"%2$s-1\"}}]}",
                ns, app, service);
    }

    static ObjectNode event(String ns, String pod, String reason) {
        return parse("{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"%3$s.%5$s\",\"namespace\":"
                + "\"%1$s\",\"uid\":\"%4$s\"},\"involvedObject\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"name\":\"%3$s\","
                + "\"namespace\":\"%1$s\"},\"reason\":\"%5$s\",\"message\":\"%5$s pod %3$s on sim-node-1\","
                + "\"type\":\"Normal\",\"source\":{\"component\":\"kubelet\",\"host\":\"sim-node-1\"},"
                + "\"firstTimestamp\":\"2026-01-01T10:00:02Z\",\"lastTimestamp\":\"2026-01-01T10:00:02Z\",\"count\":1}",
                ns, pod.substring(0, pod.lastIndexOf('-')), pod, reason);
    }
}
