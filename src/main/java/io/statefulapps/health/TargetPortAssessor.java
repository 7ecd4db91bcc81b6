package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Service port whose {@code targetPort} no container of the pods declares. A named targetPort
 * that no container port carries gives the Service no port to send to: Degraded. A numbered one is
 * only a Warning: container ports are informational, traffic goes to that number whether declared
 * or not, so it is flagged only when the containers declare ports and none is it (a likely typo).
 */
final class TargetPortAssessor {

    private TargetPortAssessor() {
    }

    static Optional<Finding> assess(Service service, List<Pod> pods, Kubectl kubectl) {
        if (pods.isEmpty() || service.getSpec() == null || service.getSpec().getPorts() == null) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        Set<Integer> numbers = new TreeSet<>();
        Set<String> declared = new TreeSet<>();
        declared(pods, names, numbers, declared);
        List<String> unnamed = new ArrayList<>();
        List<String> unnumbered = new ArrayList<>();
        for (ServicePort port : service.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort();
            if (target != null && target.getStrVal() != null && !isNumber(target.getStrVal())) {
                if (!names.contains(target.getStrVal())) {
                    unnamed.add(describe(port, target.getStrVal()));
                }
            } else {
                Integer number = target == null ? port.getPort() : target.getIntVal() != null ? target.getIntVal()
                        : Integer.valueOf(target.getStrVal());
                if (!numbers.isEmpty() && number != null && !numbers.contains(number)) {
                    unnumbered.add(describe(port, String.valueOf(number)));
                }
            }
        }
        if (unnamed.isEmpty() && unnumbered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(service, unnamed, unnumbered, declared, kubectl));
    }

    private static Finding finding(Service service, List<String> unnamed, List<String> unnumbered, Set<String> declared,
            Kubectl kubectl) {
        String name = MetadataReads.name(service);
        List<String> all = new ArrayList<>(unnamed);
        all.addAll(unnumbered);
        String message = "targetPort " + String.join(", ", all) + " is no port the pods' containers declare (they declare "
                + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")";
        String hint = "make the Service's targetPort name or number a container port: "
                + kubectl.describe("service", name) + "; " + kubectl.get("pods -o jsonpath='{.items[0].spec.containers[*].ports}'");
        if (!unnamed.isEmpty()) {
            return Finding.of(Reason.TargetPortMismatch, "Service/" + name,
                    message + ": the Service has no port to send traffic to", hint);
        }
        // Softened: a numbered targetPort works if the app listens there, declared or not.
        return Finding.withSeverityAndVerdict(Severity.Warning, null, Reason.TargetPortMismatch, "Service/" + name,
                message + ": traffic goes there anyway, so the app must listen on it", hint);
    }

    /** Collects the containers' port names and numbers, and each port as {@code 8761 (http)} for messages. */
    private static void declared(List<Pod> pods, Set<String> names, Set<Integer> numbers, Set<String> described) {
        for (Pod pod : pods) {
            if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
                continue;
            }
            for (Container container : pod.getSpec().getContainers()) {
                if (container.getPorts() != null) {
                    for (ContainerPort port : container.getPorts()) {
                        if (port.getName() != null) {
                            names.add(port.getName());
                        }
                        if (port.getContainerPort() != null) {
                            numbers.add(port.getContainerPort());
                        }
                        described.add(port.getContainerPort() + (port.getName() == null ? "" : " (" + port.getName() + ")"));
                    }
                }
            }
        }
    }

    private static String describe(ServicePort port, String target) {
        return target + " (port " + (port.getName() == null ? port.getPort() : port.getName() + " " + port.getPort()) + ")";
    }

    private static boolean isNumber(String value) {
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 6;
    }
}
