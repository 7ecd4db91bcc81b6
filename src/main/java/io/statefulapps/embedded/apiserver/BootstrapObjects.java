package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.kubernetes.WellKnownLabels;

/**
 * What a fresh cluster holds: the default and kube-system namespaces, three Ready nodes, and the
 * StorageClasses the controller simulator provisions for (standard is the default class).
 */
final class BootstrapObjects {

    private BootstrapObjects() {
    }

    static void apply(FaithfulDispatcher api, ResourceCatalog catalog) {
        ResourceType ns = catalog.find("", "v1", "namespaces").orElseThrow();
        ResourceType node = catalog.find("", "v1", "nodes").orElseThrow();
        ResourceType sc = catalog.find("storage.k8s.io", "v1", "storageclasses").orElseThrow();
        for (String name : new String[] {"default", "kube-system"}) {
            api.create(ns, null, named(name));
        }
        for (int i = 1; i <= 3; i++) {
            api.create(node, null, node("sim-node-" + i));
        }
        ObjectNode standard = storageClass("standard", "Immediate", "Delete", true);
        JsonFields.obj(JsonFields.metadata(standard), "annotations").put(WellKnownLabels.DEFAULT_STORAGE_CLASS, "true");
        api.create(sc, null, standard);
        api.create(sc, null, storageClass("alicloud-nas", "Immediate", "Retain", false));
        api.create(sc, null, storageClass("local-wffc", "WaitForFirstConsumer", "Delete", false));
    }

    private static ObjectNode named(String name) {
        ObjectNode o = JsonText.object();
        o.putObject("metadata").put("name", name);
        return o;
    }

    private static ObjectNode node(String name) {
        ObjectNode n = named(name);
        JsonFields.obj(JsonFields.metadata(n), "labels").put("kubernetes.io/hostname", name).put("kubernetes.io/os", "linux")
                .put("type", "kwok");
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
