package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.statefulapps.spec.HttpGetSpec;
import io.statefulapps.spec.ModelCopies;
import io.statefulapps.spec.ProbeSpec;
import java.util.List;

/** A container probe with whichever handler the spec gives (httpGet, tcpSocket, exec, grpc). */
final class ProbeRenderer {

    private ProbeRenderer() {
    }

    static Probe render(ProbeSpec probe) {
        if (probe == null) {
            return null;
        }
        ProbeBuilder builder = new ProbeBuilder()
                .withInitialDelaySeconds(probe.initialDelaySeconds())
                .withPeriodSeconds(probe.periodSeconds())
                .withTimeoutSeconds(probe.timeoutSeconds())
                .withFailureThreshold(probe.failureThreshold())
                .withSuccessThreshold(probe.successThreshold());
        if (probe.httpGet() != null) {
            HttpGetSpec get = probe.httpGet();
            builder.withNewHttpGet()
                    .withPath(get.path())
                    .withPort(ModelCopies.copy(get.port()))
                    .withScheme(get.scheme())
                    .withHost(get.host())
                    .withHttpHeaders(headers(get))
                    .endHttpGet();
        }
        if (probe.tcpSocket() != null) {
            builder.withNewTcpSocket().withPort(ModelCopies.copy(probe.tcpSocket().port())).endTcpSocket();
        }
        if (probe.exec() != null) {
            builder.withNewExec().withCommand(probe.exec().command()).endExec();
        }
        if (probe.grpc() != null) {
            builder.withNewGrpc().withPort(probe.grpc().port()).withService(probe.grpc().service()).endGrpc();
        }
        return builder.build();
    }

    private static List<HTTPHeader> headers(HttpGetSpec get) {
        return get.httpHeaders() == null ? List.of() : get.httpHeaders().stream()
                .map(header -> new HTTPHeader(header.name(), header.value()))
                .toList();
    }
}
