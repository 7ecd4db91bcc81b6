package io.statefulapps.embedded.apiserver.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.testing.KubectlRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against {@link AccessControl}: it mints a token, uses it, asks what it may do,
 * and gets kube-apiserver's answers, over TLS as it insists for tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlAccessTest {

    private Path dir;

    private final InMemoryRbacObjects store = new InMemoryRbacObjects().add(BootstrapPolicy.clusterRoles())
            .add(BootstrapPolicy.clusterRoleBindings()).serviceAccount("shop", "app", "uid-app");
    private final AccessControl access = new AccessControl(TokenFile.parse("t-bob,bob,b1\n", "tokens.csv"), store,
            Clock.systemUTC(), false);
    private MiniApiServer server;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        server = new MiniApiServer(access, dir);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private KubectlRunner.Result kubectl(String token, String... args) throws Exception {
        Path config = dir.resolve("config-" + Integer.toHexString(token.hashCode()));
        Files.writeString(config, String.join("\n", "apiVersion: v1", "kind: Config", "clusters:", "- name: c",
                "  cluster:", "    server: " + server.url(), "    insecure-skip-tls-verify: true", "users:",
                "- name: u", "  user:", "    token: " + token, "contexts:", "- name: c", "  context:",
                "    cluster: c", "    user: u", "    namespace: shop", "current-context: c", ""));
        return new KubectlRunner(config, dir.resolve("cache")).run(args);
    }

    @Test
    void createTokenThenActAsTheServiceAccount() throws Exception {
        KubectlRunner.Result minted = kubectl(access.adminToken(), "create", "token", "app", "--duration=20m");
        assertEquals(0, minted.code(), minted.out());
        String token = minted.out().trim();
        KubectlRunner.Result whoami = kubectl(token, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
        assertEquals("system:serviceaccount:shop:app", whoami.out().trim(), whoami.out());
        KubectlRunner.Result before = kubectl(token, "auth", "can-i", "create", "statefulsets");
        assertEquals("no", before.out().trim());
        assertEquals(1, before.code());
        store.bind("shop", "app-edit", "ClusterRole", "edit", "ServiceAccount", "app");
        KubectlRunner.Result after = kubectl(token, "auth", "can-i", "create", "statefulsets");
        assertEquals("yes", after.out().trim());
        assertEquals(0, after.code());
    }

    @Test
    void refusalsReadAsKubeApiserversDo() throws Exception {
        KubectlRunner.Result forbidden = kubectl("t-bob", "get", "--raw", "/metrics");
        assertEquals(1, forbidden.code());
        assertTrue(forbidden.out().contains("Error from server (Forbidden): forbidden: User \"bob\" cannot get path"
                + " \"/metrics\""), forbidden.out());
        KubectlRunner.Result unknown = kubectl("nope", "get", "--raw", "/version");
        assertTrue(unknown.out().contains("error: You must be logged in to the server (Unauthorized)"), unknown.out());
        KubectlRunner.Result tooShort = kubectl(access.adminToken(), "create", "token", "app", "--duration=5m");
        assertTrue(tooShort.out().contains("spec.expirationSeconds: Invalid value: 300: may not specify a duration"
                + " less than 10 minutes"), tooShort.out());
    }

    @Test
    void anAdminAsksOnBehalfOfAnother() throws Exception {
        assertEquals("yes", kubectl(access.adminToken(), "auth", "can-i", "create", "statefulsets").out().trim());
        assertEquals("no", kubectl(access.adminToken(), "auth", "can-i", "create", "statefulsets", "--as=bob").out()
                .trim());
        KubectlRunner.Result bobAsAlice = kubectl("t-bob", "auth", "can-i", "get", "pods", "--as=alice");
        assertTrue(bobAsAlice.out().contains("users \"alice\" is forbidden: User \"bob\" cannot impersonate resource"
                + " \"users\" in API group \"\" at the cluster scope"), bobAsAlice.out());
    }
}
