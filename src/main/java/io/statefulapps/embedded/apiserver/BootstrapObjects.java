package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a fresh cluster holds: the system namespaces and the configured ones, three Ready nodes,
 * and the StorageClasses the controller simulator provisions for (standard is the default class).
 */
final class BootstrapObjects {

    private BootstrapObjects() {
    }

    static List<BootstrapObject> of(List<String> namespaces) {
        List<BootstrapObject> objects = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(List.of("default", "kube-system", "kube-public"));
        names.addAll(namespaces);
        for (String name : names) {
            objects.add(new BootstrapObject("", "namespaces", named(name)));
        }
        for (int i = 1; i <= 3; i++) {
            objects.add(new BootstrapObject("", "nodes", node("sim-node-" + i)));
        }
        ObjectNode standard = storageClass("standard", "Immediate", "Delete", true);
        JsonFields.obj(JsonFields.metadata(standard), "annotations").put(WellKnownLabels.DEFAULT_STORAGE_CLASS, "true");
        objects.add(new BootstrapObject("storage.k8s.io", "storageclasses", standard));
        objects.add(new BootstrapObject("storage.k8s.io", "storageclasses",
                storageClass("alicloud-nas", "Immediate", "Retain", false)));
        objects.add(new BootstrapObject("storage.k8s.io", "storageclasses",
                storageClass("local-wffc", "WaitForFirstConsumer", "Delete", false)));
        return objects;
    }

    private static ObjectNode named(String name) {
        ObjectNode o = JsonText.object();
        o.putObject("metadata").put("name", name);
        return o;
    }

    private static ObjectNode node(String name) {
        ObjectNode n = named(name);
        // kubernetes.io/hostname and kubernetes.io/os: the kubelet's own node labels
        JsonFields.obj(JsonFields.metadata(n), "labels").put("kubernetes.io/hostname", name)
                .put("kubernetes.io/os", "linux").put("type", "kwok");
        ObjectNode status = n.putObject("status");
        for (String field : new String[] {"capacity", "allocatable"}) {
            status.putObject(field).put("cpu", "8").put("memory", "32Gi").put("pods", "110");
        }
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True")
                .put("reason", "KubeletReady").put("message", "kubelet is posting ready status");
        status.putArray("addresses").addObject().put("type", "Hostname").put("address", name);
        status.putObject("nodeInfo").put("kubeletVersion", "v1.32.0").put("operatingSystem", "linux")
                .put("architecture", "amd64");
        return n;
    }

    private static ObjectNode storageClass(String name, String binding, String reclaim, boolean expand) {
        ObjectNode sc = named(name);
        sc.put("provisioner", "statefulapps.io/simulated").put("volumeBindingMode", binding)
                .put("reclaimPolicy", reclaim).put("allowVolumeExpansion", expand);
        return sc;
    }
}
