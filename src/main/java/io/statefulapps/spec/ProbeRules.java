package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The three probes. A probe's port must be one the container listens on: a declared port name, or
 * the number of a declared port's numeric targetPort (or of its port when there is no numeric
 * targetPort), because that is the containerPort the renderer declares. A probe on any other port
 * would never succeed.
 */
final class ProbeRules {

    static final List<String> SCHEMES = List.of("HTTP", "HTTPS");
    private static final Pattern HTTP_HEADER_NAME = Pattern.compile("[-A-Za-z0-9!#$%&'*+.^_`|~]+");

    private ProbeRules() {
    }

    static void check(AppSpec spec, FieldErrors errors) {
        Set<Integer> numbers = PortRules.containerPortNumbers(spec.ports());
        Set<String> names = PortRules.declaredNames(spec.ports());
        probe("livenessProbe", spec.livenessProbe(), true, numbers, names, errors);
        probe("readinessProbe", spec.readinessProbe(), false, numbers, names, errors);
        probe("startupProbe", spec.startupProbe(), true, numbers, names, errors);
    }

    private static void probe(String field, ProbeSpec probe, boolean successMustBeOne, Set<Integer> numbers,
            Set<String> names, FieldErrors errors) {
        if (probe == null) {
            return;
        }
        List<String> handlers = new ArrayList<>();
        if (probe.httpGet() != null) {
            handlers.add("httpGet");
            httpGet(field + ".httpGet", probe.httpGet(), numbers, names, errors);
        }
        if (probe.tcpSocket() != null) {
            handlers.add("tcpSocket");
            portRef(field + ".tcpSocket.port", probe.tcpSocket().port(), numbers, names, errors);
        }
        if (probe.exec() != null) {
            handlers.add("exec");
            List<String> command = probe.exec().command();
            if (command == null || command.isEmpty()) {
                errors.add(field + ".exec.command", "must list the command to run, e.g. [\"pg_isready\"]");
            } else {
                ContainerRules.noNullElements(field + ".exec.command", command, errors);
            }
        }
        if (probe.grpc() != null) {
            handlers.add("grpc");
            Integer port = probe.grpc().port();
            portRef(field + ".grpc.port", port == null ? null : new IntOrString(port), numbers, names, errors);
        }
        if (handlers.size() != 1) {
            errors.add(field, "must have exactly one handler (httpGet, tcpSocket, exec or grpc), "
                    + (handlers.isEmpty() ? "got none" : "got " + String.join(" and ", handlers)));
        }
        errors.atLeast(field + ".initialDelaySeconds", probe.initialDelaySeconds(), 0);
        errors.atLeast(field + ".periodSeconds", probe.periodSeconds(), 1);
        errors.atLeast(field + ".timeoutSeconds", probe.timeoutSeconds(), 1);
        errors.atLeast(field + ".failureThreshold", probe.failureThreshold(), 1);
        errors.atLeast(field + ".successThreshold", probe.successThreshold(), 1);
        if (successMustBeOne && probe.successThreshold() != null && probe.successThreshold() > 1) {
            errors.add(field + ".successThreshold", "must be 1 for a " + field + " (got "
                    + probe.successThreshold() + ")");
        }
    }

    private static void httpGet(String field, HttpGetSpec get, Set<Integer> numbers, Set<String> names,
            FieldErrors errors) {
        portRef(field + ".port", get.port(), numbers, names, errors);
        if (get.path() != null && !get.path().startsWith("/")) {
            errors.add(field + ".path", "'" + get.path() + "' must start with '/'");
        }
        errors.oneOf(field + ".scheme", get.scheme(), SCHEMES);
        if (get.httpHeaders() != null) {
            for (int i = 0; i < get.httpHeaders().size(); i++) {
                HttpHeaderSpec header = get.httpHeaders().get(i);
                String headerField = FieldErrors.at(field + ".httpHeaders", i);
                if (header == null || header.name() == null || !HTTP_HEADER_NAME.matcher(header.name()).matches()) {
                    errors.add(headerField + ".name", "must be an HTTP header name, e.g. X-Probe");
                }
            }
        }
    }

    private static void portRef(String field, IntOrString port, Set<Integer> numbers, Set<String> names,
            FieldErrors errors) {
        if (port == null || (port.getIntVal() == null && port.getStrVal() == null)) {
            errors.add(field, "is required: a port the container listens on");
            return;
        }
        if (port.getIntVal() != null) {
            int number = port.getIntVal();
            if (number < 1 || number > 65535) {
                errors.add(field, "must be between 1 and 65535, inclusive, got " + number);
            } else if (!numbers.isEmpty() && !numbers.contains(number)) {
                errors.add(field, "port " + number + " is not a port the container listens on; declared: "
                        + joined(numbers) + (names.isEmpty() ? "" : " (or by name: " + String.join(", ", names) + ")"));
            }
        } else if (!names.contains(port.getStrVal())) {
            errors.add(field, "'" + port.getStrVal() + "' is not the name of a declared port"
                    + (names.isEmpty() ? "; use a port number: " + joined(numbers) : "; declared: "
                    + String.join(", ", names)));
        }
    }

    private static String joined(Set<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }
}
