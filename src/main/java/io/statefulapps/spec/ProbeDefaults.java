package io.statefulapps.spec;

/**
 * The defaults of a probe: exactly the ones the API server would apply, written out so the spec
 * and the rendered StatefulSet say what actually runs.
 */
final class ProbeDefaults {

    static final int INITIAL_DELAY_SECONDS = 0;
    static final int PERIOD_SECONDS = 10;
    static final int TIMEOUT_SECONDS = 1;
    static final int FAILURE_THRESHOLD = 3;
    static final int SUCCESS_THRESHOLD = 1;
    static final String HTTP_PATH = "/";
    static final String HTTP_SCHEME = "HTTP";

    private ProbeDefaults() {
    }

    static ProbeSpec apply(ProbeSpec probe) {
        if (probe == null) {
            return null;
        }
        return new ProbeSpec(
                httpGet(probe.httpGet()),
                probe.tcpSocket() == null ? null : new TcpSocketSpec(ModelCopies.copy(probe.tcpSocket().port())),
                probe.exec() == null ? null : new ExecSpec(EmptyAsAbsent.list(probe.exec().command())),
                probe.grpc() == null ? null
                        : new GrpcSpec(probe.grpc().port(), EmptyAsAbsent.string(probe.grpc().service())),
                or(probe.initialDelaySeconds(), INITIAL_DELAY_SECONDS),
                or(probe.periodSeconds(), PERIOD_SECONDS),
                or(probe.timeoutSeconds(), TIMEOUT_SECONDS),
                or(probe.failureThreshold(), FAILURE_THRESHOLD),
                or(probe.successThreshold(), SUCCESS_THRESHOLD));
    }

    private static HttpGetSpec httpGet(HttpGetSpec get) {
        if (get == null) {
            return null;
        }
        String path = EmptyAsAbsent.string(get.path());
        String scheme = EmptyAsAbsent.string(get.scheme());
        return new HttpGetSpec(
                path == null ? HTTP_PATH : path,
                ModelCopies.copy(get.port()),
                scheme == null ? HTTP_SCHEME : scheme,
                EmptyAsAbsent.string(get.host()),
                EmptyAsAbsent.list(get.httpHeaders()));
    }

    private static Integer or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
