package io.statefulapps.embedded;

import java.nio.file.Path;

/**
 * Runs the embedded API server alone, for trying it with kubectl by hand:
 * {@code java -cp <test classpath> io.statefulapps.embedded.EmbeddedApiServerManualRun 18443 600000}
 * then {@code KUBECONFIG=target/embedded-kubeconfig kubectl get sts,pods,pvc,pv,svc,endpointslices -A}.
 * Not a test; no production code uses it.
 */
public final class EmbeddedApiServerManualRun {

    private EmbeddedApiServerManualRun() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 600_000;
        try (EmbeddedApiServer api = EmbeddedApiServer.start(port)) {
            Path kubeconfig = api.writeKubeconfig(Path.of("target", "embedded-kubeconfig"));
            System.out.println("embedded API server at " + api.url() + ", kubeconfig " + kubeconfig.toAbsolutePath());
            Thread.sleep(millis);
        }
    }
}
