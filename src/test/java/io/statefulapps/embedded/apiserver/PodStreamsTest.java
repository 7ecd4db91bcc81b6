package io.statefulapps.embedded.apiserver;

import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** exec, attach and port-forward say the containers do not run, not that the pod is missing. */
class PodStreamsTest extends ApiServerTestBase {

    private static final String NOT_RUNNING = "whose containers do not run: exec, attach and port-forward are not available";

    @TempDir
    Path dir;

    @Test
    void anExistingPodsStreamsAreABadRequestThatSaysWhy() throws Exception {
        EvictionTest.readyPod(client, "shell-0", "shell");
        for (String sub : new String[] {"exec?command=sh&stdout=true", "attach?stdout=true", "portforward?ports=80"}) {
            HttpResponse<String> answer = http("POST", "/api/v1/namespaces/default/pods/shell-0/" + sub, null, null);
            assertEquals(400, answer.statusCode(), sub);
            assertTrue(answer.body().contains(NOT_RUNNING) && answer.body().contains("\"reason\":\"BadRequest\""),
                    answer.body());
        }
        HttpResponse<String> missing = http("POST", "/api/v1/namespaces/default/pods/gone/exec?command=sh", null, null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("pods \\\"gone\\\" not found"), missing.body());
    }

    @Test
    void kubectlPrintsWhyItCannotExecAttachOrForward() throws Exception {
        EvictionTest.readyPod(client, "shell-1", "shell");
        KubectlRunner kubectl = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));
        StringBuilder seen = new StringBuilder();
        for (String[] args : new String[][] {{"exec", "shell-1", "--", "ls"}, {"attach", "shell-1"},
                {"port-forward", "pod/shell-1", "18080:80"}, {"cp", "shell-1:/etc/hosts", dir.resolve("h").toString()}}) {
            KubectlRunner.Result r = kubectl.run(args);
            seen.append(String.join(" ", args)).append(" -> ").append(r.code()).append(": ").append(r.out()).append('\n');
            // exec, attach and cp print "Error from server (BadRequest): ...", port-forward "error upgrading connection: ..."
            assertTrue(r.code() != 0 && r.out().contains(NOT_RUNNING), seen.toString());
        }
    }
}
