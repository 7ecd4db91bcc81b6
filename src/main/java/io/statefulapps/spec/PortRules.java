package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ports: each is published by both Services and declared on the container, so it must satisfy
 * the Service port rules and the container port rules at once.
 */
final class PortRules {

    static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    static final String DEFAULT_PROTOCOL = "TCP";

    private PortRules() {
    }

    static void check(List<PortSpec> ports, FieldErrors errors) {
        if (ports == null || ports.isEmpty()) {
            errors.add("ports", "at least one port is required, e.g. [{\"port\": 8080}]");
            return;
        }
        Set<String> declaredNames = declaredNames(ports);
        Map<String, PortSpec> byName = new HashMap<>();
        ports.stream().filter(p -> p != null && p.name() != null).forEach(p -> byName.putIfAbsent(p.name(), p));
        Map<String, Integer> firstIndexByName = new HashMap<>();
        Map<String, Integer> firstIndexByPortAndProtocol = new HashMap<>();
        errors.eachItem("ports", ports, "a port {name, port, targetPort, protocol}", (port, field, i) -> {
            checkName(port, i, ports.size(), firstIndexByName, errors);
            if (port.port() == null) {
                errors.add(field + ".port", "is required: the port number the Services publish");
            } else {
                errors.inRange(field + ".port", port.port(), 1, 65535);
            }
            errors.oneOf(field + ".protocol", port.protocol(), PROTOCOLS);
            if (port.port() != null) {
                String key = port.port() + "/" + Objects.requireNonNullElse(port.protocol(), DEFAULT_PROTOCOL);
                Integer first = firstIndexByPortAndProtocol.putIfAbsent(key, i);
                if (first != null) {
                    errors.add(field + ".port", "port " + key + " is already declared by ports[" + first + "]");
                }
            }
            checkTargetPort(port, field + ".targetPort", declaredNames, byName, errors);
        });
    }

    private static void checkName(PortSpec port, int index, int portCount, Map<String, Integer> firstIndexByName,
            FieldErrors errors) {
        String field = FieldErrors.at("ports", index);
        if (port.name() == null) {
            if (portCount > 1) {
                errors.add(field + ".name", "is required when there is more than one port: Kubernetes needs"
                        + " every Service port named then (e.g. \"http\", \"metrics\")");
            }
            return;
        }
        errors.addAll(field + ".name", port.name(), KubernetesNames.ianaServiceName(port.name()));
        Integer first = firstIndexByName.putIfAbsent(port.name(), index);
        if (first != null) {
            errors.add(field + ".name", "'" + port.name() + "' is already the name of ports[" + first + "];"
                    + " port names must be unique");
        }
    }

    private static void checkTargetPort(PortSpec port, String field, Set<String> declaredNames,
            Map<String, PortSpec> byName, FieldErrors errors) {
        IntOrString target = port.targetPort();
        if (target == null) {
            return;
        }
        if (target.getIntVal() != null) {
            errors.inRange(field, target.getIntVal(), 1, 65535);
        } else if (target.getStrVal() != null) {
            String name = target.getStrVal();
            List<String> problems = KubernetesNames.ianaServiceName(name);
            if (!problems.isEmpty()) {
                errors.add(field, "'" + name + "' must be a port number (1-65535, without quotes) or the name"
                        + " of a declared port");
            } else if (!declaredNames.contains(name)) {
                errors.add(field, "'" + name + "' is not the name of a declared port"
                        + (declaredNames.isEmpty() ? "" : "; declared: " + String.join(", ", declaredNames)));
            } else if (!declaresAContainerPort(byName.get(name))) {
                // Only a port aimed at a number is declared on the container; a name aimed at a name
                // (itself, or a cycle) would leave the Services targeting a port nobody declares.
                errors.add(field, "'" + name + "' names " + (name.equals(port.name()) ? "this port itself"
                        : "a port whose targetPort is a name too") + "; name a port whose targetPort is a number"
                        + " (or that has none: its own port number is declared on the container)");
            } else if (!protocolOf(byName.get(name)).equals(protocolOf(port))) {
                // A Service finds a named target port by name and protocol (the endpoints controller's FindPort).
                errors.add(field, "'" + name + "' is a " + protocolOf(byName.get(name)) + " port; a "
                        + protocolOf(port) + " port can only target a " + protocolOf(port) + " port by name");
            }
        }
    }

    private static String protocolOf(PortSpec port) {
        return Objects.requireNonNullElse(port.protocol(), DEFAULT_PROTOCOL);
    }

    /** Whether the port is declared on the container: its targetPort is a number, or it has none. */
    private static boolean declaresAContainerPort(PortSpec port) {
        return port != null && (port.targetPort() == null || port.targetPort().getIntVal() != null);
    }

    static Set<String> declaredNames(List<PortSpec> ports) {
        Set<String> names = new LinkedHashSet<>();
        if (ports != null) {
            ports.stream().filter(Objects::nonNull).map(PortSpec::name).filter(Objects::nonNull).forEach(names::add);
        }
        return names;
    }

    /**
     * The port numbers the container listens on: a numeric targetPort, else the port itself (what the
     * rendered containerPort is).
     */
    static Set<Integer> containerPortNumbers(List<PortSpec> ports) {
        Set<Integer> numbers = new LinkedHashSet<>();
        if (ports != null) {
            for (PortSpec port : ports) {
                if (port == null) {
                    continue;
                }
                Integer target = port.targetPort() == null ? null : port.targetPort().getIntVal();
                Integer number = target != null ? target : port.port();
                if (number != null && number >= 1 && number <= 65535) {
                    numbers.add(number);
                }
            }
        }
        return numbers;
    }
}
