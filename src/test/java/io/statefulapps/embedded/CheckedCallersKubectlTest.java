package io.statefulapps.embedded;

import io.statefulapps.embedded.apiserver.rbac.TokenFile;
import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl against an embedded API server started with a token file: HTTPS, the admin
 * kubeconfig, users of the file, ServiceAccount tokens, RBAC created with kubectl, and refusals in
 * kube-apiserver's words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckedCallersKubectlTest {

    @TempDir
    Path dir;

    private EmbeddedApiServer api;

    @BeforeAll
    void start() {
        api = EmbeddedApiServer.startChecking(0, List.of("shop"),
                TokenFile.parse("t-bob,bob,b1\nt-vic,victor,v1,\"viewers\"\n", "tokens.csv"));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private KubectlRunner.Result kubectl(String token, String... args) throws Exception {
        Path config = api.writeKubeconfig(dir.resolve("config-" + Integer.toHexString(token.hashCode())), token);
        return new KubectlRunner(config, dir.resolve("cache-" + Integer.toHexString(token.hashCode()))).run(args);
    }

    private KubectlRunner.Result admin(String... args) throws Exception {
        return kubectl(api.adminToken(), args);
    }

    @Test
    void theAdminKubeconfigSpeaksHttpsAndMayDoAnything() throws Exception {
        assertTrue(api.checksCallers());
        assertEquals("https", api.url().getScheme());
        KubectlRunner.Result roles = admin("get", "clusterroles", "cluster-admin", "admin", "edit", "view",
                "-o", "name");
        assertEquals(0, roles.code(), roles.out());
        assertEquals(4, roles.out().lines().count(), roles.out());
        KubectlRunner.Result whoami = admin("auth", "whoami", "-o", "jsonpath={.status.userInfo.groups}");
        assertTrue(whoami.out().contains("system:masters"), whoami.out());
        assertEquals("yes", admin("auth", "can-i", "*", "*").out().trim());
        KubectlRunner.Result everything = admin("auth", "can-i", "--list");
        assertTrue(everything.out().lines().anyMatch(l -> l.matches("\\*\\.\\*\\s+\\[\\]\\s+\\[\\]\\s+\\[\\*\\]")),
                everything.out());
    }

    @Test
    void aTokenNobodyKnowsIsUnauthorized() throws Exception {
        KubectlRunner.Result unknown = kubectl("nope", "get", "pods");
        assertEquals(1, unknown.code());
        assertTrue(unknown.out().contains("error: You must be logged in to the server"), unknown.out());
        KubectlRunner.Result raw = kubectl("nope", "get", "--raw", "/version");
        assertTrue(raw.out().contains("error: You must be logged in to the server (Unauthorized)"), raw.out());
    }

    @Test
    void aUserGetsRightsFromARoleBindingMadeWithKubectl() throws Exception {
        KubectlRunner.Result refused = kubectl("t-bob", "get", "configmaps", "-n", "shop");
        assertEquals(1, refused.code());
        assertTrue(refused.out().contains("Error from server (Forbidden): configmaps is forbidden: User \"bob\" cannot"
                + " list resource \"configmaps\" in API group \"\" in the namespace \"shop\""), refused.out());
        assertEquals("no", kubectl("t-bob", "auth", "can-i", "create", "configmaps", "-n", "shop").out().trim());

        KubectlRunner.Result bind = admin("create", "rolebinding", "bob-edit", "--clusterrole=edit", "--user=bob",
                "-n", "shop");
        assertEquals(0, bind.code(), bind.out());
        KubectlRunner.Result created = kubectl("t-bob", "create", "configmap", "bobs", "--from-literal=a=1",
                "-n", "shop");
        assertEquals(0, created.code(), created.out());
        assertEquals("yes", kubectl("t-bob", "auth", "can-i", "create", "configmaps", "-n", "shop").out().trim());
        // edit does not reach other namespaces, nor RBAC itself
        assertEquals("no", kubectl("t-bob", "auth", "can-i", "create", "configmaps", "-n", "default").out().trim());
        assertEquals("no", kubectl("t-bob", "auth", "can-i", "create", "rolebindings", "-n", "shop").out().trim());
        KubectlRunner.Result list = kubectl("t-bob", "auth", "can-i", "--list", "-n", "shop");
        assertEquals(0, list.code(), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("configmaps ") && l.contains("[create delete")),
                list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("selfsubjectrulesreviews.authorization.k8s.io")),
                list.out());
        KubectlRunner.Result elsewhereList = kubectl("t-bob", "auth", "can-i", "--list", "-n", "default");
        assertTrue(elsewhereList.out().lines().noneMatch(l -> l.startsWith("configmaps ")), elsewhereList.out());
        // an admin asks on bob's behalf; bob may not impersonate
        assertEquals("yes", admin("auth", "can-i", "create", "configmaps", "-n", "shop", "--as=bob").out().trim());
        KubectlRunner.Result bobAsAlice = kubectl("t-bob", "auth", "can-i", "get", "pods", "--as=alice");
        assertTrue(bobAsAlice.out().contains("users \"alice\" is forbidden: User \"bob\" cannot impersonate resource"
                + " \"users\" in API group \"\" at the cluster scope"), bobAsAlice.out());
    }

    @Test
    void aGroupOfTheTokenFileIsBoundLikeAUser() throws Exception {
        assertEquals(0, admin("create", "clusterrolebinding", "viewers-view", "--clusterrole=view",
                "--group=viewers").code());
        assertEquals(0, kubectl("t-vic", "get", "configmaps", "-n", "shop").code());
        KubectlRunner.Result write = kubectl("t-vic", "create", "configmap", "vics", "-n", "shop");
        assertTrue(write.out().contains("configmaps is forbidden: User \"victor\" cannot create resource"
                + " \"configmaps\" in API group \"\" in the namespace \"shop\""), write.out());
    }

    @Test
    void aServiceAccountTokenFromKubectlCreateToken() throws Exception {
        assertEquals(0, admin("create", "serviceaccount", "app", "-n", "shop").code());
        KubectlRunner.Result minted = admin("create", "token", "app", "-n", "shop", "--duration=20m");
        assertEquals(0, minted.code(), minted.out());
        String token = minted.out().trim();
        KubectlRunner.Result whoami = kubectl(token, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
        assertEquals("system:serviceaccount:shop:app", whoami.out().trim(), whoami.out());
        assertEquals("no", kubectl(token, "auth", "can-i", "create", "statefulsets", "-n", "shop").out().trim());
        assertEquals(0, admin("create", "rolebinding", "app-edit", "--clusterrole=edit",
                "--serviceaccount=shop:app", "-n", "shop").code());
        assertEquals("yes", kubectl(token, "auth", "can-i", "create", "statefulsets", "-n", "shop").out().trim());

        KubectlRunner.Result elsewhere = admin("create", "token", "app", "-n", "shop", "--audience=other");
        assertEquals(0, elsewhere.code(), elsewhere.out());
        assertEquals(1, kubectl(elsewhere.out().trim(), "get", "pods", "-n", "shop").code(),
                "a token for another audience is not accepted by the API server");
        KubectlRunner.Result tooShort = admin("create", "token", "app", "-n", "shop", "--duration=5m");
        assertTrue(tooShort.out().contains("spec.expirationSeconds: Invalid value: 300: may not specify a duration"
                + " less than 10 minutes"), tooShort.out());
    }

    @Test
    void everyNamespaceHasItsDefaultServiceAccount() throws Exception {
        KubectlRunner.Result accounts = admin("get", "serviceaccounts", "-A", "-o", "name");
        assertEquals(0, accounts.code(), accounts.out());
        assertTrue(accounts.out().lines().filter(l -> l.equals("serviceaccount/default")).count() >= 4,
                accounts.out());
    }
}
