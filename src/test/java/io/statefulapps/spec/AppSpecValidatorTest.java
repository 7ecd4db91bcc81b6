package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad specs, each with every error it must produce. Specs are written as JSON (single quotes for
 * readability, turned into double quotes) on top of a valid base, so each case shows only what it breaks.
 */
class AppSpecValidatorTest {

    private static final SpecParser PARSER = new SpecParser();

    private final AppSpecValidator validator = new AppSpecValidator();

    /** Parses a spec written with single quotes; fails the test if it has unknown fields. */
    static AppSpec spec(String singleQuotedJson) {
        ParsedSpec parsed = PARSER.parse(singleQuotedJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), parsed.unknownFields(), "test spec has unknown fields");
        return parsed.spec();
    }

    /** A valid app with the given extra members (a JSON object body without braces). */
    static AppSpec app(String members) {
        String base = "'name': 'db', 'image': 'postgres:16', ";
        String ports = members.contains("'ports'") ? "" : "'ports': [{'name': 'pg', 'port': 5432}], ";
        return spec("{" + base + ports + members + "}");
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("upper-case name", spec("{'name': 'Eureka', 'image': 'x', 'ports': [{'port': 80}]}"), "name"),
                bad("53-character name", spec("{'name': '" + "a".repeat(53) + "', 'image': 'x', 'ports': [{'port': 80}]}"),
                        "name"),
                bad("name missing, image empty, no ports", spec("{'image': ''}"), "name", "image", "ports"),
                bad("empty image", spec("{'name': 'db', 'image': '', 'ports': [{'port': 80}]}"), "image"),
                bad("blank image", spec("{'name': 'db', 'image': ' ', 'ports': [{'port': 80}]}"), "image"),
                bad("image with whitespace", spec("{'name': 'db', 'image': 'postgres 16', 'ports': [{'port': 80}]}"), "image"),
                bad("empty ports list", app("'ports': []"), "ports"),
                bad("port 0 and 70000", app("'ports': [{'name': 'a', 'port': 0}, {'name': 'b', 'port': 70000}]"),
                        "ports[0].port", "ports[1].port"),
                bad("two ports named alike", app("'ports': [{'name': 'http', 'port': 80}, {'name': 'http', 'port': 81}]"),
                        "ports[1].name"),
                bad("unnamed ports when there are several", app("'ports': [{'port': 80}, {'port': 81}]"),
                        "ports[0].name", "ports[1].name"),
                bad("bad port names", app("'ports': [{'name': 'HTTP', 'port': 80}, {'name': '1234', 'port': 81},"
                        + " {'name': 'a--b', 'port': 82}, {'name': 'a-very-long-port-name', 'port': 83}]"),
                        "ports[0].name", "ports[1].name", "ports[2].name", "ports[3].name"),
                bad("same port and protocol twice", app("'ports': [{'name': 'a', 'port': 53, 'protocol': 'UDP'},"
                        + " {'name': 'b', 'port': 53, 'protocol': 'UDP'}, {'name': 'c', 'port': 53}]"), "ports[1].port"),
                bad("bad protocol and target ports", app("'ports': [{'name': 'a', 'port': 80, 'protocol': 'tcp',"
                        + " 'targetPort': 0}, {'name': 'b', 'port': 81, 'targetPort': 'metrics'},"
                        + " {'name': 'c', 'port': 82, 'targetPort': '8080'}]"),
                        "ports[0].protocol", "ports[0].targetPort", "ports[1].targetPort", "ports[2].targetPort"),
                bad("a named target port that names itself, a cycle, another protocol", app("'ports': [{'name': 'a',"
                        + " 'port': 80, 'targetPort': 'a'}, {'name': 'b', 'port': 81, 'targetPort': 'c'},"
                        + " {'name': 'c', 'port': 82, 'targetPort': 'b'}, {'name': 'd', 'port': 83, 'protocol': 'UDP',"
                        + " 'targetPort': 'e'}, {'name': 'e', 'port': 84}]"),
                        "ports[0].targetPort", "ports[1].targetPort", "ports[2].targetPort", "ports[3].targetPort"),
                bad("size lots", app("'volumes': [{'name': 'data', 'mountPath': '/data', 'size': 'lots'}]"),
                        "volumes[0].size"),
                bad("an access mode twice", app("'volumes': [{'name': 'data', 'mountPath': '/data', 'size': '1Gi',"
                        + " 'accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteOnce']}]"),
                        "volumes[0].accessModes[2]"),
                bad("requests.cpu 2 over limits.cpu 1", app("'resources': {'requests': {'cpu': '2'}, 'limits': {'cpu': '1'}}"),
                        "resources.requests.cpu"),
                bad("relative mountPath", app("'volumes': [{'name': 'data', 'mountPath': 'data', 'size': '1Gi'}]"),
                        "volumes[0].mountPath"),
                bad("two volumes on one mountPath", app("'volumes': [{'name': 'a', 'mountPath': '/data', 'size': '1Gi'},"
                        + " {'name': 'b', 'mountPath': '/data/', 'size': '1Gi'}]"), "volumes[1].mountPath"),
                bad("access mode ReadWriteSometimes", app("'volumes': [{'name': 'data', 'mountPath': '/data', 'size': '1Gi',"
                        + " 'accessModes': ['ReadWriteSometimes']}]"), "volumes[0].accessModes[0]"),
                bad("volume shape", app("'volumes': [{'name': 'Data', 'mountPath': '/a:b', 'size': '0',"
                        + " 'accessModes': ['ReadOnlyMany', 'ReadOnlyMany'], 'volumeMode': 'Raw', 'storageClassName': 'Fast_SSD'},"
                        + " {'name': 'Data', 'size': '-1Gi', 'accessModes': ['ReadWriteOncePod', 'ReadWriteOnce']},"
                        + " {'name': 'dev', 'mountPath': '/dev/xvda', 'size': '1Gi', 'volumeMode': 'Block',"
                        + " 'subPath': 'x', 'readOnly': true},"
                        + " {'name': 'sub', 'mountPath': '/sub', 'size': '1Gi', 'subPath': '../etc'}]"),
                        "volumes[0].name", "volumes[0].mountPath", "volumes[0].size", "volumes[0].storageClassName",
                        "volumes[0].accessModes[1]", "volumes[0].volumeMode", "volumes[1].name", "volumes[1].name",
                        "volumes[1].mountPath",
                        "volumes[1].size", "volumes[1].accessModes", "volumes[2].subPath", "volumes[2].readOnly",
                        "volumes[3].subPath"),
                bad("probe with httpGet and tcpSocket", app("'livenessProbe': {'httpGet': {'path': '/', 'port': 5432},"
                        + " 'tcpSocket': {'port': 5432}}"), "livenessProbe"),
                bad("probe without handler", app("'startupProbe': {'periodSeconds': 5}"), "startupProbe"),
                bad("probe on an undeclared port", app("'readinessProbe': {'httpGet': {'path': '/health', 'port': 8080}}"),
                        "readinessProbe.httpGet.port"),
                bad("probe on the Service port, not the container's",
                        app("'ports': [{'name': 'http', 'port': 80, 'targetPort': 8080}],"
                                + " 'livenessProbe': {'tcpSocket': {'port': 80}}"), "livenessProbe.tcpSocket.port"),
                bad("probe details", app("'livenessProbe': {'httpGet': {'path': 'health', 'port': 'pgx', 'scheme': 'http',"
                        + " 'httpHeaders': [{'name': 'Bad Header', 'value': 'x'}]}, 'initialDelaySeconds': -1,"
                        + " 'periodSeconds': 0, 'timeoutSeconds': 0, 'failureThreshold': 0, 'successThreshold': 2},"
                        + " 'readinessProbe': {'exec': {'command': []}, 'successThreshold': 0},"
                        + " 'startupProbe': {'grpc': {'port': 70000}, 'successThreshold': 3}"),
                        "livenessProbe.httpGet.port", "livenessProbe.httpGet.path", "livenessProbe.httpGet.scheme",
                        "livenessProbe.httpGet.httpHeaders[0].name", "livenessProbe.initialDelaySeconds",
                        "livenessProbe.periodSeconds", "livenessProbe.timeoutSeconds", "livenessProbe.failureThreshold",
                        "livenessProbe.successThreshold", "readinessProbe.exec.command",
                        "readinessProbe.successThreshold", "startupProbe.grpc.port", "startupProbe.successThreshold"),
                bad("name that is no Service name", spec("{'name': '1db', 'image': 'x', 'ports': [{'port': 80}]}"),
                        "name", "name"), // one for each Service named after the app
                bad("Service names", app("'headlessServiceName': 'Db_Headless', 'service': {'name': '" + "s".repeat(64) + "'}"),
                        "headlessServiceName", "service.name"),
                bad("headless and client Service named alike", app("'headlessServiceName': 'db', 'service': {'type': 'ClusterIP'}"),
                        "headlessServiceName"),
                bad("client Service fields", app("'service': {'type': 'ExternalName', 'externalTrafficPolicy': 'Nearest',"
                        + " 'sessionAffinity': 'Sticky', 'loadBalancerSourceRanges': ['10.0.0.0/33', '1.2.3'],"
                        + " 'loadBalancerClass': 'example.com/lb', 'annotations': {'foo bar': 'x'}}"),
                        "service.type", "service.externalTrafficPolicy", "service.sessionAffinity",
                        "service.annotations[foo bar]", "service.loadBalancerSourceRanges[0]",
                        "service.loadBalancerSourceRanges[1]"),
                bad("LoadBalancer-only fields on a ClusterIP Service", app("'service': {'externalTrafficPolicy': 'Local',"
                        + " 'loadBalancerSourceRanges': ['10.0.0.0/8'], 'loadBalancerClass': 'example.com/lb'}"),
                        "service.externalTrafficPolicy", "service.loadBalancerSourceRanges", "service.loadBalancerClass"),
                bad("resource names and values", app("'resources': {'requests': {'gpu': '1', 'memory': '-1Gi',"
                        + " 'cpu': '1 core', 'example.com/gpu': '1', 'hugepages-2Mi': '1Gi'},"
                        + " 'limits': {'ephemeral-storage': '1gb', 'example.com/fpga': '0.5', 'hugepages-2Mi': '2Gi'}}"),
                        "resources.requests.gpu", "resources.requests.memory", "resources.requests.cpu",
                        "resources.requests[example.com/gpu]", "resources.requests.hugepages-2Mi",
                        "resources.limits.ephemeral-storage", "resources.limits[example.com/fpga]"),
                bad("env", app("'env': [{'name': 'A', 'value': '1'}, {'name': 'A', 'value': '2'}, {'name': '1X', 'value': ''},"
                        + " {'name': '', 'value': 'x'}, {'name': 'B'}, {'name': 'C', 'value': 'x',"
                        + " 'valueFrom': {'fieldRef': {'fieldPath': 'metadata.name'}}}, {'name': 'D', 'valueFrom': {}}]"),
                        "env[1].name", "env[2].name", "env[3].name", "env[5]", "env[6].valueFrom"),
                bad("labels, annotations and node selector", app("'labels': {'app': 'other', 'app.kubernetes.io/name': 'x',"
                        + " 'tier': '" + "v".repeat(64) + "', '-bad': 'ok', 'team': 'a b'}, 'podAnnotations': {'/x': 'y'},"
                        + " 'headlessService': {'annotations': {'a/b/c': 'y'}}, 'nodeSelector': {'disk': 'ssd!'}"),
                        "labels.app", "labels[app.kubernetes.io/name]", "labels.tier", "labels[-bad]", "labels.team",
                        "podAnnotations[/x]", "headlessService.annotations[a/b/c]", "nodeSelector.disk"),
                bad("StatefulSet fields", app("'replicas': -1, 'revisionHistoryLimit': -2, 'terminationGracePeriodSeconds': -3,"
                        + " 'imagePullPolicy': 'always', 'podManagementPolicy': 'Serial',"
                        + " 'updateStrategy': {'type': 'OnDelete', 'partition': -1},"
                        + " 'persistentVolumeClaimRetentionPolicy': {'whenDeleted': 'Keep', 'whenScaled': 'Delete'}"),
                        "imagePullPolicy", "replicas", "revisionHistoryLimit", "terminationGracePeriodSeconds",
                        "podManagementPolicy", "updateStrategy.partition", "updateStrategy.partition",
                        "persistentVolumeClaimRetentionPolicy.whenDeleted"),
                bad("pod fields", app("'command': ['run', null], 'args': [null], 'imagePullSecrets': ['Registry', null],"
                        + " 'serviceAccountName': 'svc_account'"),
                        "command[1]", "args[0]", "imagePullSecrets[0]", "imagePullSecrets[1]", "serviceAccountName"),
                bad("null list elements", spec("{'name': 'db', 'image': 'x', 'ports': [null],"
                        + " 'volumes': [null], 'env': [null], 'tolerations': [null]}"),
                        "ports[0]", "volumes[0]", "env[0]", "tolerations[0]"),
                bad("tolerations", app("'tolerations': [{'key': 'a b', 'operator': 'In', 'value': 'x y', 'effect': 'Never'},"
                        + " {'value': 'v'}, {'key': 'k', 'operator': 'Exists', 'value': 'v', 'tolerationSeconds': 30},"
                        + " {'key': 'dedicated', 'operator': 'Equal', 'value': 'db', 'effect': 'NoExecute',"
                        + " 'tolerationSeconds': 60}]"),
                        "tolerations[0].key", "tolerations[0].operator", "tolerations[0].value", "tolerations[0].effect",
                        "tolerations[1].operator", "tolerations[2].value", "tolerations[2].tolerationSeconds"),
                bad("many broken rules at once", spec("{'name': 'My_App', 'image': 'img', 'replicas': -1,"
                        + " 'ports': [{'name': 'web', 'port': 0}, {'name': 'web', 'port': 8080}],"
                        + " 'resources': {'requests': {'cpu': '2'}, 'limits': {'cpu': '1'}},"
                        + " 'volumes': [{'name': 'data', 'mountPath': 'data', 'size': 'lots',"
                        + " 'accessModes': ['ReadWriteSometimes']}, {'name': 'logs', 'mountPath': 'data', 'size': '1Gi'}],"
                        + " 'livenessProbe': {'httpGet': {'path': '/', 'port': 9999}, 'tcpSocket': {'port': 8080}},"
                        + " 'service': {'type': 'None'}}"),
                        "name", "replicas", "ports[0].port", "ports[1].name", "service.type", "resources.requests.cpu",
                        "volumes[0].mountPath", "volumes[0].size", "volumes[0].accessModes[0]", "volumes[1].mountPath",
                        "volumes[1].mountPath", "livenessProbe.httpGet.port", "livenessProbe"));
    }

    private static List<String> sorted(List<String> fields) {
        return fields.stream().sorted().toList();
    }

    private static Arguments bad(String title, AppSpec spec, String... fields) {
        return Arguments.of(title, spec, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void listsEveryBrokenRule(String title, AppSpec spec, List<String> expectedFields) {
        List<FieldError> errors = validator.validate(spec);
        assertEquals(sorted(expectedFields), sorted(errors.stream().map(FieldError::field).toList()),
                () -> title + ": " + errors);
        for (FieldError error : errors) {
            assertTrue(error.message().length() > 10, () -> "helpful message for " + error);
        }
        assertEquals(errors, validator.validate(spec), "the same spec gives the same errors in the same order");
    }

    static Stream<Arguments> validSpecs() throws IOException {
        return Stream.of(
                Arguments.of("PRODUCT.md example", PARSER.parse(SpecParserTest.productExample()).spec()),
                Arguments.of("minimal", spec("{'name': 'web', 'image': 'nginx', 'ports': [{'port': 80}]}")),
                Arguments.of("empty lists, as generated clients send them", app("'env': [], 'command': [],"
                        + " 'args': [], 'tolerations': [], 'imagePullSecrets': [], 'volumes': [{'name': 'data',"
                        + " 'mountPath': '/data', 'size': '1Gi', 'accessModes': []}]")),
                Arguments.of("52-character name", spec("{'name': '" + "a".repeat(52) + "', 'image': 'x',"
                        + " 'ports': [{'port': 80}]}")),
                Arguments.of("everything used", app("'imagePullPolicy': 'IfNotPresent', 'replicas': 0,"
                        + " 'ports': [{'name': 'pg', 'port': 5432}, {'name': 'metrics', 'port': 80, 'targetPort': 9187},"
                        + " {'name': 'dns', 'port': 53, 'protocol': 'UDP'}, {'name': 'dns-tcp', 'port': 53},"
                        + " {'name': 'scrape', 'port': 81, 'targetPort': 'metrics'}],"
                        + " 'env': [{'name': 'PGDATA', 'value': ''}, {'name': 'my.setting', 'valueFrom': {'secretKeyRef':"
                        + " {'name': 's', 'key': 'k'}}}],"
                        + " 'resources': {'requests': {'cpu': '250m', 'memory': '1e9', 'example.com/gpu': '1',"
                        + " 'hugepages-2Mi': '128Mi'}, 'limits': {'cpu': '.5', 'memory': '1Gi', 'example.com/gpu': '1',"
                        + " 'hugepages-2Mi': '128Mi', 'ephemeral-storage': '2G'}},"
                        + " 'volumes': [{'name': 'data', 'mountPath': '/var/lib/postgresql', 'size': '10Gi',"
                        + " 'storageClassName': '', 'accessModes': ['ReadWriteOncePod'], 'subPath': 'pgdata'},"
                        + " {'name': 'raw', 'mountPath': '/dev/xvdb', 'size': '1Ti', 'volumeMode': 'Block',"
                        + " 'storageClassName': 'fast.ssd'}],"
                        + " 'livenessProbe': {'exec': {'command': ['pg_isready']}, 'successThreshold': 1},"
                        + " 'readinessProbe': {'tcpSocket': {'port': 'pg'}, 'successThreshold': 3, 'initialDelaySeconds': 0},"
                        + " 'startupProbe': {'httpGet': {'port': 9187, 'scheme': 'HTTPS', 'httpHeaders':"
                        + " [{'name': 'X-Probe', 'value': '1'}]}},"
                        + " 'podManagementPolicy': 'OrderedReady', 'updateStrategy': {'type': 'RollingUpdate', 'partition': 1},"
                        + " 'labels': {'tier': '', 'example.com/team': 'data_base.1'},"
                        + " 'podAnnotations': {'Example.com/Note': 'free text \\u00e9'},"
                        + " 'headlessServiceName': 'db-peers', 'headlessService': {'publishNotReadyAddresses': true},"
                        + " 'service': {'name': 'db-client', 'type': 'LoadBalancer', 'externalTrafficPolicy': 'Local',"
                        + " 'sessionAffinity': 'ClientIP', 'loadBalancerSourceRanges': ['10.0.0.0/8', '2001:db8::/32'],"
                        + " 'loadBalancerClass': 'example.com/internal'},"
                        + " 'persistentVolumeClaimRetentionPolicy': {'whenDeleted': 'Delete', 'whenScaled': 'Retain'},"
                        + " 'command': ['postgres'], 'args': ['-c', 'max_connections=200'],"
                        + " 'securityContext': {'runAsNonRoot': true}, 'podSecurityContext': {'fsGroup': 999},"
                        + " 'nodeSelector': {'kubernetes.io/os': 'linux'}, 'tolerations': [{'operator': 'Exists'}],"
                        + " 'imagePullSecrets': ['registry.example'], 'serviceAccountName': 'db',"
                        + " 'terminationGracePeriodSeconds': 0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSpecs")
    void acceptsValidSpecs(String title, AppSpec spec) {
        assertEquals(List.of(), validator.validate(spec), title);
    }

    @Test
    void explainsTheNameLimit() {
        List<FieldError> errors = validator.validate(
                spec("{'name': '" + "a".repeat(53) + "', 'image': 'x', 'ports': [{'port': 80}]}"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("52"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("controller-revision-hash"), errors.get(0).message());
    }

    @Test
    void namesTheDeclaredPortsWhenAProbePortIsUnknown() {
        FieldError error = validator.validate(app("'readinessProbe': {'tcpSocket': {'port': 8080}}")).get(0);
        assertTrue(error.message().contains("5432"), error.message());
    }

    @Test
    void limitsTheTotalSizeOfAnnotations() {
        AppSpec spec = app("'podAnnotations': {'a': '" + "x".repeat(200_000) + "', 'b': '" + "y".repeat(70_000) + "'}");
        List<FieldError> errors = validator.validate(spec);
        assertEquals(List.of("podAnnotations"), errors.stream().map(FieldError::field).toList());
        assertFalse(validator.validate(app("'podAnnotations': {'a': '" + "x".repeat(200_000) + "'}"))
                .iterator().hasNext());
    }

    @Test
    void reportsANullSpec() {
        assertEquals(Set.of(""), validator.validate(null).stream().map(FieldError::field)
                .collect(Collectors.toSet()));
    }
}
