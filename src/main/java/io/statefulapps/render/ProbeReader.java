package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.statefulapps.spec.ExecSpec;
import io.statefulapps.spec.GrpcSpec;
import io.statefulapps.spec.HttpGetSpec;
import io.statefulapps.spec.HttpHeaderSpec;
import io.statefulapps.spec.ModelCopies;
import io.statefulapps.spec.ProbeSpec;
import io.statefulapps.spec.TcpSocketSpec;

/** A probe of the spec, read from the live container. */
final class ProbeReader {

    private ProbeReader() {
    }

    static ProbeSpec read(Probe probe) {
        if (probe == null) {
            return null;
        }
        return new ProbeSpec(
                httpGet(probe.getHttpGet()),
                probe.getTcpSocket() == null ? null : new TcpSocketSpec(ModelCopies.copy(probe.getTcpSocket().getPort())),
                probe.getExec() == null ? null : new ExecSpec(probe.getExec().getCommand()),
                probe.getGrpc() == null ? null : new GrpcSpec(probe.getGrpc().getPort(), probe.getGrpc().getService()),
                probe.getInitialDelaySeconds(),
                probe.getPeriodSeconds(),
                probe.getTimeoutSeconds(),
                probe.getFailureThreshold(),
                probe.getSuccessThreshold());
    }

    private static HttpGetSpec httpGet(HTTPGetAction get) {
        if (get == null) {
            return null;
        }
        return new HttpGetSpec(get.getPath(), ModelCopies.copy(get.getPort()), get.getScheme(), get.getHost(),
                get.getHttpHeaders() == null ? null : get.getHttpHeaders().stream()
                        .map(header -> new HttpHeaderSpec(header.getName(), header.getValue()))
                        .toList());
    }
}
