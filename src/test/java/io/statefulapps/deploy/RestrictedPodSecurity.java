package io.statefulapps.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The "restricted" Pod Security Standard (what a namespace labelled
 * {@code pod-security.kubernetes.io/enforce: restricted} admits), plus a read-only root filesystem:
 * every way a pod spec falls short, in words.
 */
final class RestrictedPodSecurity {

    private static final Set<String> ALLOWED_SECCOMP = Set.of("RuntimeDefault", "Localhost");

    private RestrictedPodSecurity() {
    }

    static List<String> violations(PodSpec pod) {
        List<String> found = new ArrayList<>();
        PodSecurityContext podContext = pod.getSecurityContext() == null ? new PodSecurityContext()
                : pod.getSecurityContext();
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            found.add("pod: shares a host namespace");
        }
        if (podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
            found.add("pod: runAsUser 0");
        }
        for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            if (volume.getHostPath() != null) {
                found.add("volume " + volume.getName() + ": hostPath");
            }
        }
        Stream.of(pod.getInitContainers(), pod.getContainers()).filter(list -> list != null).flatMap(List::stream)
                .forEach(container -> found.addAll(violations(container, podContext)));
        return found;
    }

    private static List<String> violations(Container container, PodSecurityContext pod) {
        List<String> found = new ArrayList<>();
        String at = "container " + container.getName() + ": ";
        SecurityContext context = container.getSecurityContext() == null ? new SecurityContext()
                : container.getSecurityContext();
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            found.add(at + "privileged");
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            found.add(at + "allowPrivilegeEscalation is not false");
        }
        Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : pod.getRunAsNonRoot();
        if (!Boolean.TRUE.equals(nonRoot)) {
            found.add(at + "runAsNonRoot is not true (pod or container)");
        }
        Long user = context.getRunAsUser() != null ? context.getRunAsUser() : pod.getRunAsUser();
        if (user != null && user == 0) {
            found.add(at + "runs as uid 0");
        }
        SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile()
                : pod.getSeccompProfile();
        if (seccomp == null || !ALLOWED_SECCOMP.contains(seccomp.getType())) {
            found.add(at + "seccompProfile is not RuntimeDefault or Localhost (pod or container)");
        }
        Capabilities capabilities = context.getCapabilities();
        if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
            found.add(at + "capabilities do not drop ALL");
        }
        if (capabilities != null && capabilities.getAdd() != null
                && !Set.of("NET_BIND_SERVICE").containsAll(capabilities.getAdd())) {
            found.add(at + "adds capabilities " + capabilities.getAdd());
        }
        if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            found.add(at + "root filesystem is writable");
        }
        for (ContainerPort port : container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
            if (port.getHostPort() != null && port.getHostPort() != 0) {
                found.add(at + "hostPort " + port.getHostPort());
            }
        }
        return found;
    }
}
