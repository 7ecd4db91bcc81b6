package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioRenderer;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecBuilder;
import io.statefulapps.spec.PortSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The all-or-nothing create, against Fabric8's mock API server in expectation mode: the API server
 * refuses one object after the dry run passed (as a quota or admission webhook racing us would).
 */
class TrioWriterTest {

    static final String NS = "writer";
    static final String SERVICES = "/api/v1/namespaces/" + NS + "/services";
    static final String SETS = "/apis/apps/v1/namespaces/" + NS + "/statefulsets";
    /** How the objects of app "app" are listed by their labels. */
    static final String OF_APP = "?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dstateful-apps-api%2C"
            + "app.kubernetes.io%2Finstance%3Dapp";

    KubernetesMockServer server;
    KubernetesClient client;
    Trio trio;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        client = server.createClient(b -> b.withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(
                server.createClient().getConfiguration()).withRequestRetryBackoffLimit(0).build()));
        AppSpec spec = AppSpecBuilder.builder().name("app").image("nginx:1.27")
                .ports(List.of(new PortSpec(null, 80, null, null))).build();
        trio = new TrioRenderer().render(NS, spec);
        expectDryRunsPass();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private void expectDryRunsPass() {
        server.expect().post().withPath(SERVICES + "?dryRun=All").andReturn(201, trio.headlessService()).always();
        server.expect().post().withPath(SETS + "?dryRun=All").andReturn(201, trio.statefulSet()).always();
    }

    /** The object as the API server answers its create and a read of it: with a uid and a resourceVersion. */
    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T stored(T object, String uid) {
        T copy = io.fabric8.kubernetes.client.utils.Serialization.clone(object);
        copy.getMetadata().setUid(uid);
        copy.getMetadata().setResourceVersion("7");
        return copy;
    }

    private static Status refusal(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
    }

    @Test
    void aCreateWithEveryNameFreeIsThreeDryRunsAndThreeCreates() throws Exception {
        server.expect().post().withPath(SERVICES).andReturn(201, trio.headlessService()).times(2);
        server.expect().post().withPath(SETS).andReturn(201, trio.statefulSet()).once();

        new TrioWriter(client, Clock.systemUTC(), () -> Duration.ofSeconds(10)).create(NS, trio);

        assertEquals(List.of("POST " + SERVICES + "?dryRun=All", "POST " + SETS + "?dryRun=All",
                "POST " + SERVICES + "?dryRun=All", "POST " + SERVICES, "POST " + SETS, "POST " + SERVICES), requests());
    }

    @Test
    void aRefusedStatefulSetUndoesTheHeadlessService() throws Exception {
        server.expect().post().withPath(SERVICES).andReturn(201, stored(trio.headlessService(), "u-1")).once();
        server.expect().post().withPath(SETS)
                .andReturn(403, refusal(403, "Forbidden", "exceeded quota: pods")).once();
        server.expect().get().withPath(SERVICES + "/app-headless").andReturn(200, stored(trio.headlessService(), "u-1"))
                .once();
        server.expect().delete().withPath(SERVICES + "/app-headless").andReturn(200, new Status()).once();

        PartialWriteException e = assertThrows(PartialWriteException.class,
                () -> new TrioWriter(client, Clock.systemUTC(), () -> Duration.ofSeconds(10)).create(NS, trio));

        assertEquals("create StatefulSet/app", e.step());
        assertEquals(List.of("Service/app-headless"), e.undone());
        assertEquals(List.of(), e.leftBehind());
        ClusterRefusedException cause = assertInstanceOf(ClusterRefusedException.class, e.failure());
        assertEquals(403, cause.status());
        assertTrue(requests().contains("DELETE " + SERVICES + "/app-headless"), requests().toString());
    }

    @Test
    void aRefusedClientServiceUndoesBothOthersNewestFirst() throws Exception {
        server.expect().post().withPath(SERVICES).andReturn(201, stored(trio.headlessService(), "u-1")).once();
        server.expect().post().withPath(SETS).andReturn(201, stored(trio.statefulSet(), "u-2")).once();
        server.expect().post().withPath(SERVICES)
                .andReturn(422, refusal(422, "Invalid", "admission webhook denied the request")).once();
        server.expect().get().withPath(SETS + "/app").andReturn(200, stored(trio.statefulSet(), "u-2")).once();
        server.expect().get().withPath(SERVICES + "/app-headless").andReturn(200, stored(trio.headlessService(), "u-1"))
                .once();
        server.expect().delete().withPath(SETS + "/app").andReturn(200, new Status()).once();
        server.expect().delete().withPath(SERVICES + "/app-headless").andReturn(200, new Status()).once();

        PartialWriteException e = assertThrows(PartialWriteException.class,
                () -> new TrioWriter(client, Clock.systemUTC(), () -> Duration.ofSeconds(10)).create(NS, trio));

        assertEquals("create Service/app", e.step());
        assertEquals(List.of("StatefulSet/app", "Service/app-headless"), e.undone());
        List<String> deletes = requests().stream().filter(r -> r.startsWith("DELETE")).toList();
        assertEquals(List.of("DELETE " + SETS + "/app", "DELETE " + SERVICES + "/app-headless"), deletes);
    }

    @Test
    void anObjectAnotherRequestMadeUnderTheSameNameIsNeverUndone() throws Exception {
        server.expect().post().withPath(SERVICES).andReturn(201, stored(trio.headlessService(), "u-1")).once();
        server.expect().post().withPath(SETS)
                .andReturn(409, refusal(409, "AlreadyExists", "statefulsets.apps \"app\" already exists")).once();
        // meanwhile another request took this one for abandoned and made the app anew
        server.expect().get().withPath(SERVICES + "/app-headless").andReturn(200, stored(trio.headlessService(), "u-9"))
                .once();

        assertThrows(RuntimeException.class,
                () -> new TrioWriter(client, Clock.systemUTC(), () -> Duration.ofSeconds(10)).create(NS, trio));

        assertTrue(requests().stream().noneMatch(r -> r.startsWith("DELETE")), requests().toString());
    }

    @Test
    void whatCannotBeUndoneIsReportedAsLeftBehind() {
        server.expect().post().withPath(SERVICES).andReturn(201, stored(trio.headlessService(), "u-1")).once();
        server.expect().post().withPath(SETS)
                .andReturn(403, refusal(403, "Forbidden", "exceeded quota")).once();
        server.expect().get().withPath(SERVICES + "/app-headless").andReturn(200, stored(trio.headlessService(), "u-1"))
                .always();
        server.expect().delete().withPath(SERVICES + "/app-headless")
                .andReturn(500, refusal(500, "InternalError", "etcd timeout")).always();

        PartialWriteException e = assertThrows(PartialWriteException.class,
                () -> new TrioWriter(client, Clock.systemUTC(), () -> Duration.ofSeconds(10)).create(NS, trio));

        assertEquals(List.of(), e.undone());
        assertEquals(List.of("Service/app-headless"), e.leftBehind());
    }

    @Test
    void aDryRunRefusalCreatesNothing() throws Exception {
        server.clearExpectations();
        server.expect().post().withPath(SERVICES + "?dryRun=All").andReturn(201, trio.headlessService()).always();
        server.expect().post().withPath(SETS + "?dryRun=All")
                .andReturn(422, refusal(422, "Invalid", "spec.template: denied by policy")).always();

        ClusterRefusedException e = assertThrows(ClusterRefusedException.class,
                () -> new TrioWriter(client, Clock.systemUTC(), () -> Duration.ofSeconds(10)).create(NS, trio));

        assertEquals("dry run of StatefulSet/app", e.step());
        assertTrue(requests().stream().noneMatch(r -> r.startsWith("POST") && !r.contains("dryRun")),
                requests().toString());
    }

    @Test
    void anUnreachableApiServerIsUnavailableNotAnError() {
        server.destroy();
        assertThrows(ClusterUnavailableException.class, () -> new TrioWriter(client, Clock.systemUTC(), () -> Duration.ofSeconds(10)).create(NS, trio));
    }

    /**
     * The headless Service and the StatefulSet of ours, as a replica that died after two creates left
     * them: the dry run of the headless Service finds its name taken (409, as the API server answers a
     * dry-run create of an existing name), and the look-ups find both.
     */
    private void expectLeftoversCreatedAt(String creationTimestamp) {
        server.clearExpectations();
        server.expect().post().withPath(SERVICES + "?dryRun=All")
                .andReturn(409, refusal(409, "AlreadyExists", "services \"app-headless\" already exists")).once();
        expectDryRunsPass();
        Service headless = new ServiceBuilder(trio.headlessService()).editMetadata()
                .withCreationTimestamp(creationTimestamp).endMetadata().build();
        StatefulSet set = new StatefulSetBuilder(trio.statefulSet()).editMetadata()
                .withCreationTimestamp(creationTimestamp).endMetadata().build();
        server.expect().get().withPath(SERVICES + "/app-headless").andReturn(200, headless).once();
        server.expect().get().withPath(SETS + "/app").andReturn(200, set).once();
        server.expect().get().withPath(SETS + OF_APP).andReturn(200, new StatefulSetListBuilder().addToItems(set).build())
                .once();
        server.expect().get().withPath(SERVICES + OF_APP).andReturn(200, new ServiceListBuilder().addToItems(headless)
                .build()).once();
    }

    @Test
    void aWholeAppWhoseServicesHaveOtherNamesIsAConflictNotLeftovers() throws Exception {
        Clock now = Clock.fixed(Instant.parse("2026-12-02T11:00:00Z"), ZoneOffset.UTC);
        server.clearExpectations();
        server.expect().post().withPath(SETS + "?dryRun=All")
                .andReturn(409, refusal(409, "AlreadyExists", "statefulsets.apps \"app\" already exists")).once();
        expectDryRunsPass();
        String created = "2026-12-02T10:00:00Z";
        StatefulSet set = new StatefulSetBuilder(trio.statefulSet()).editMetadata().withCreationTimestamp(created)
                .endMetadata().editSpec().withServiceName("old-headless").endSpec().build();
        Service headless = new ServiceBuilder(trio.headlessService()).editMetadata().withName("old-headless")
                .withCreationTimestamp(created).endMetadata().build();
        Service clientService = new ServiceBuilder(trio.clientService()).editMetadata().withName("old")
                .withCreationTimestamp(created).endMetadata().build();
        server.expect().get().withPath(SETS + "/app").andReturn(200, set).once();
        server.expect().get().withPath(SETS + OF_APP).andReturn(200, new StatefulSetListBuilder().addToItems(set).build())
                .once();
        server.expect().get().withPath(SERVICES + OF_APP).andReturn(200, new ServiceListBuilder()
                .addToItems(headless, clientService).build()).once();

        ObjectConflictException e = assertThrows(ObjectConflictException.class,
                () -> new TrioWriter(client, now, () -> Duration.ofSeconds(10)).create(NS, trio));

        assertTrue(e.getMessage().contains("belongs to the app \"app\""), e.getMessage());
        assertTrue(requests().stream().noneMatch(r -> r.startsWith("DELETE") || r.startsWith("POST") && !r.contains("dryRun")),
                "nothing of the whole app is deleted");
    }

    @Test
    void leftoversOfAnAbandonedCreateAreRemovedByTheNextCreate() throws Exception {
        Clock now = Clock.fixed(Instant.parse("2026-12-02T10:00:30Z"), ZoneOffset.UTC);
        expectLeftoversCreatedAt("2026-12-02T10:00:00Z");
        server.expect().delete().withPath(SERVICES + "/app-headless").andReturn(200, new Status()).once();
        server.expect().delete().withPath(SETS + "/app").andReturn(200, new Status()).once();
        server.expect().post().withPath(SERVICES).andReturn(201, trio.headlessService()).times(2);
        server.expect().post().withPath(SETS).andReturn(201, trio.statefulSet()).once();

        new TrioWriter(client, now, () -> Duration.ofSeconds(10)).create(NS, trio);

        List<String> seen = requests();
        assertTrue(seen.indexOf("DELETE " + SETS + "/app") < seen.indexOf("POST " + SETS), seen.toString());
        assertEquals("GET " + SERVICES + "/app-headless", seen.get(1), "names are looked up once a dry run found one taken");
        assertTrue(seen.contains("DELETE " + SERVICES + "/app-headless"), seen.toString());
    }

    @Test
    void youngLeftoversMayBeAnotherRequestsCreateInProgress() throws Exception {
        Clock now = Clock.fixed(Instant.parse("2026-12-02T10:00:04Z"), ZoneOffset.UTC);
        expectLeftoversCreatedAt("2026-12-02T10:00:00Z");

        ObjectConflictException e = assertThrows(ObjectConflictException.class,
                () -> new TrioWriter(client, now, () -> Duration.ofSeconds(10)).create(NS, trio));

        assertEquals(7, e.retryAfterSeconds(), "10s abandoned-after, 4s old, plus one");
        assertTrue(requests().stream().noneMatch(r -> r.startsWith("DELETE") || r.startsWith("POST") && !r.contains("dryRun")));
    }

    @Test
    void aDryRunNeverRemovesLeftovers() throws Exception {
        Clock now = Clock.fixed(Instant.parse("2026-12-02T11:00:00Z"), ZoneOffset.UTC);
        expectLeftoversCreatedAt("2026-12-02T10:00:00Z");

        assertThrows(ObjectConflictException.class,
                () -> new TrioWriter(client, now, () -> Duration.ofSeconds(10)).dryRun(NS, trio));

        assertTrue(requests().stream().noneMatch(r -> r.startsWith("DELETE")));
    }

    private List<String> requests() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            seen.add(request.getMethod() + " " + request.getPath());
        }
        return seen;
    }
}
