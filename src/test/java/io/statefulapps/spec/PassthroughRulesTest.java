package io.statefulapps.spec;

import static io.statefulapps.spec.AppSpecValidatorTest.app;
import static io.statefulapps.spec.AppSpecValidatorTest.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes passthrough blocks (securityContext, podSecurityContext, affinity, env valueFrom): bad
 * specs with every error they must produce, and realistic specs that must produce none. Same style as
 * {@link AppSpecValidatorTest}; an apostrophe inside a JSON string is written {@code \\u0027}.
 */
class PassthroughRulesTest {

    private static final String NODE_TERMS = "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".nodeSelectorTerms";
    private static final String NODE_PREFERRED = "affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution";
    private static final String ANTI_REQUIRED = "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    private static final String POD_PREFERRED = "affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution";

    private final AppSpecValidator validator = new AppSpecValidator();

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("QA report: every broken rule at once", spec("{'name': 'a3', 'image': 'x', 'ports': [{'port': 80}],"
                        + " 'securityContext': {'runAsUser': -5}, 'podSecurityContext': {'fsGroup': -1},"
                        + " 'affinity': {'nodeAffinity': {'requiredDuringSchedulingIgnoredDuringExecution':"
                        + " {'nodeSelectorTerms': [{'matchExpressions': [{'key': '', 'operator': 'Bad'}]}]}}},"
                        + " 'env': [{'name': 'A', 'valueFrom': {'secretKeyRef': {'name': '', 'key': ''}}}]}"),
                        "securityContext.runAsUser", "podSecurityContext.fsGroup",
                        NODE_TERMS + "[0].matchExpressions[0].key", NODE_TERMS + "[0].matchExpressions[0].operator",
                        "env[0].valueFrom.secretKeyRef.name", "env[0].valueFrom.secretKeyRef.key"),
                bad("empty capability names", app("'securityContext': {'capabilities': {'add': ['', 'NET_ADMIN'],"
                        + " 'drop': [' ']}}"), "securityContext.capabilities.add[0]", "securityContext.capabilities.drop[0]"),
                bad("container securityContext", app("'securityContext': {'runAsUser': 4294967296, 'runAsGroup': -1,"
                        + " 'privileged': true, 'allowPrivilegeEscalation': false, 'capabilities': {'add': ['CAP_SYS_ADMIN']},"
                        + " 'procMount': 'Masked', 'seccompProfile': {'type': 'Localhost'},"
                        + " 'appArmorProfile': {'type': 'unconfined', 'localhostProfile': 'p'}}"),
                        "securityContext.runAsUser", "securityContext.runAsGroup",
                        "securityContext.allowPrivilegeEscalation", "securityContext.allowPrivilegeEscalation",
                        "securityContext.procMount", "securityContext.seccompProfile.localhostProfile",
                        "securityContext.appArmorProfile.type", "securityContext.appArmorProfile.localhostProfile"),
                bad("unmasked /proc without a user namespace", app("'securityContext': {'procMount': 'Unmasked'}"),
                        "securityContext.procMount"),
                bad("profile without type", app("'securityContext': {'seccompProfile': {}},"
                        + " 'podSecurityContext': {'seccompProfile': {'type': 'RuntimeDefault', 'localhostProfile': 'x'}}"),
                        "securityContext.seccompProfile.type", "podSecurityContext.seccompProfile.localhostProfile"),
                bad("podSecurityContext", app("'podSecurityContext': {'runAsUser': -1, 'runAsGroup': -2, 'fsGroup': -3,"
                        + " 'supplementalGroups': [1000, -4], 'fsGroupChangePolicy': 'Never',"
                        + " 'supplementalGroupsPolicy': 'Union', 'appArmorProfile': {'type': 'Localhost'},"
                        + " 'sysctls': [{'name': 'net.core.somaxconn', 'value': '1024'}, {'name': 'Net Core', 'value': '1'},"
                        + " {'name': 'net.core.somaxconn', 'value': ''}, {'value': '1'}]}"),
                        "podSecurityContext.runAsUser", "podSecurityContext.runAsGroup", "podSecurityContext.fsGroup",
                        "podSecurityContext.supplementalGroups[1]", "podSecurityContext.fsGroupChangePolicy",
                        "podSecurityContext.supplementalGroupsPolicy", "podSecurityContext.appArmorProfile.localhostProfile",
                        "podSecurityContext.sysctls[1].name", "podSecurityContext.sysctls[2].name",
                        "podSecurityContext.sysctls[2].value", "podSecurityContext.sysctls[3].name"),
                bad("no node selector terms", app("'affinity': {'nodeAffinity': {'requiredDuringSchedulingIgnoredDuringExecution':"
                        + " {'nodeSelectorTerms': []}}}"), NODE_TERMS),
                bad("node selector requirements", app("'affinity': {'nodeAffinity': {'requiredDuringSchedulingIgnoredDuringExecution':"
                        + " {'nodeSelectorTerms': [{}, {'matchExpressions': [{'key': 'disk type', 'operator': 'In'},"
                        + " {'key': 'zone', 'operator': 'Exists', 'values': ['a']}, {'key': 'cpus', 'operator': 'Gt',"
                        + " 'values': ['4', '8']}, {'key': 'cpus', 'operator': 'Lt', 'values': ['many']},"
                        + " {'key': 'gen', 'operator': 'in', 'values': ['3']}, {'key': 'arch', 'operator': 'NotIn'}],"
                        + " 'matchFields': [{'key': 'metadata.labels', 'operator': 'Exists', 'values': ['n1']},"
                        + " {'key': 'metadata.name', 'operator': 'In', 'values': ['n1', 'n2']}]}]},"
                        + " 'preferredDuringSchedulingIgnoredDuringExecution': [{'weight': 0, 'preference':"
                        + " {'matchExpressions': [{'key': 'ssd', 'operator': 'DoesNotExist', 'values': ['x']}]}},"
                        + " {'weight': 101, 'preference': {}}, {'preference': {}}, {'weight': 1}]}}"),
                        NODE_TERMS + "[0]", NODE_TERMS + "[1].matchExpressions[0].key",
                        NODE_TERMS + "[1].matchExpressions[0].values", NODE_TERMS + "[1].matchExpressions[1].values",
                        NODE_TERMS + "[1].matchExpressions[2].values", NODE_TERMS + "[1].matchExpressions[3].values[0]",
                        NODE_TERMS + "[1].matchExpressions[4].operator", NODE_TERMS + "[1].matchExpressions[5].values",
                        NODE_TERMS + "[1].matchFields[0].key", NODE_TERMS + "[1].matchFields[0].operator",
                        NODE_TERMS + "[1].matchFields[1].values",
                        NODE_PREFERRED + "[0].weight", NODE_PREFERRED + "[0].preference.matchExpressions[0].values",
                        NODE_PREFERRED + "[1].weight", NODE_PREFERRED + "[2].weight", NODE_PREFERRED + "[3].preference"),
                bad("pod affinity terms", app("'affinity': {'podAntiAffinity': {'requiredDuringSchedulingIgnoredDuringExecution':"
                        + " [{'labelSelector': {'matchLabels': {'app': 'zk'}}}, {'topologyKey': 'topology.kubernetes.io/zone ',"
                        + " 'labelSelector': {'matchLabels': {'bad key': 'v', 'ok': 'bad value'}, 'matchExpressions':"
                        + " [{'key': 'app', 'operator': 'Gt', 'values': ['1']}, {'key': 'app', 'operator': 'In'},"
                        + " {'key': 'tier', 'operator': 'Exists', 'values': ['x']}, {'key': 'team', 'operator': 'NotIn',"
                        + " 'values': ['a b']}, {'operator': 'Exists'}]}, 'namespaces': ['Default'],"
                        + " 'matchLabelKeys': ['pod-template-hash', '/x']}]},"
                        + " 'podAffinity': {'preferredDuringSchedulingIgnoredDuringExecution': [{'weight': 200,"
                        + " 'podAffinityTerm': {'topologyKey': 'kubernetes.io/hostname'}}, {'weight': 50}]}}"),
                        ANTI_REQUIRED + "[0].topologyKey", ANTI_REQUIRED + "[1].topologyKey",
                        ANTI_REQUIRED + "[1].labelSelector.matchLabels[bad key]",
                        ANTI_REQUIRED + "[1].labelSelector.matchLabels.ok",
                        ANTI_REQUIRED + "[1].labelSelector.matchExpressions[0].operator",
                        ANTI_REQUIRED + "[1].labelSelector.matchExpressions[1].values",
                        ANTI_REQUIRED + "[1].labelSelector.matchExpressions[2].values",
                        ANTI_REQUIRED + "[1].labelSelector.matchExpressions[3].values[0]",
                        ANTI_REQUIRED + "[1].labelSelector.matchExpressions[4].key",
                        ANTI_REQUIRED + "[1].namespaces[0]", ANTI_REQUIRED + "[1].matchLabelKeys[1]",
                        POD_PREFERRED + "[0].weight", POD_PREFERRED + "[1].podAffinityTerm"),
                bad("env valueFrom references", app("'env': [{'name': 'A', 'valueFrom': {'configMapKeyRef': {'key': 'k'}}},"
                        + " {'name': 'B', 'valueFrom': {'secretKeyRef': {'name': 'My_Secret', 'key': 'a/b'}}},"
                        + " {'name': 'C', 'valueFrom': {'configMapKeyRef': {'name': 'cm', 'key': '..data'}}},"
                        + " {'name': 'D', 'valueFrom': {'fieldRef': {}}},"
                        + " {'name': 'E', 'valueFrom': {'fieldRef': {'fieldPath': 'spec.hostname'}}},"
                        + " {'name': 'F', 'valueFrom': {'fieldRef': {'fieldPath': 'metadata.labels[\\u0027a b\\u0027]'}}},"
                        + " {'name': 'G', 'valueFrom': {'resourceFieldRef': {}}},"
                        + " {'name': 'H', 'valueFrom': {'resourceFieldRef': {'resource': 'limits.gpu'}}},"
                        + " {'name': 'I', 'valueFrom': {'secretKeyRef': {'name': 's', 'key': '" + "k".repeat(254) + "'}}}]"),
                        "env[0].valueFrom.configMapKeyRef.name", "env[1].valueFrom.secretKeyRef.name",
                        "env[1].valueFrom.secretKeyRef.key", "env[2].valueFrom.configMapKeyRef.key",
                        "env[3].valueFrom.fieldRef.fieldPath", "env[4].valueFrom.fieldRef.fieldPath",
                        "env[5].valueFrom.fieldRef.fieldPath", "env[6].valueFrom.resourceFieldRef.resource",
                        "env[7].valueFrom.resourceFieldRef.resource", "env[8].valueFrom.secretKeyRef.key"));
    }

    private static Arguments bad(String title, AppSpec spec, String... fields) {
        return Arguments.of(title, spec, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void listsEveryBrokenRule(String title, AppSpec spec, List<String> expectedFields) {
        List<FieldError> errors = validator.validate(spec);
        assertEquals(expectedFields.stream().sorted().toList(),
                errors.stream().map(FieldError::field).sorted().toList(), () -> title + ": " + errors);
        for (FieldError error : errors) {
            assertTrue(error.message().length() > 10, () -> "helpful message for " + error);
        }
        assertEquals(errors, validator.validate(spec), "the same spec gives the same errors in the same order");
    }

    static Stream<Arguments> validSpecs() {
        return Stream.of(
                Arguments.of("ZooKeeper-like: one server per node, non-root", spec("{'name': 'zk', 'image':"
                        + " 'zookeeper:3.9', 'replicas': 3, 'ports': [{'name': 'client', 'port': 2181},"
                        + " {'name': 'peer', 'port': 2888}, {'name': 'leader', 'port': 3888}],"
                        + " 'env': [{'name': 'ZOO_MY_ID_FROM', 'valueFrom': {'fieldRef': {'fieldPath': 'metadata.name'}}},"
                        + " {'name': 'POD_IP', 'valueFrom': {'fieldRef': {'apiVersion': 'v1', 'fieldPath': 'status.podIP'}}},"
                        + " {'name': 'ZONE', 'valueFrom': {'fieldRef': {'fieldPath':"
                        + " 'metadata.labels[\\u0027topology.kubernetes.io/zone\\u0027]'}}},"
                        + " {'name': 'HEAP', 'valueFrom': {'resourceFieldRef': {'resource': 'limits.memory', 'divisor': '1Mi'}}},"
                        + " {'name': 'ZOO_CFG', 'valueFrom': {'configMapKeyRef': {'name': 'zk-config', 'key': 'zoo.cfg',"
                        + " 'optional': true}}},"
                        + " {'name': 'ZK_PASSWORD', 'valueFrom': {'secretKeyRef': {'name': 'zk.credentials', 'key': 'ZK_PASS-1'}}}],"
                        + " 'volumes': [{'name': 'data', 'mountPath': '/data', 'size': '10Gi'}],"
                        + " 'securityContext': {'runAsUser': 1000, 'runAsGroup': 1000, 'runAsNonRoot': true,"
                        + " 'allowPrivilegeEscalation': false, 'readOnlyRootFilesystem': true, 'procMount': 'Default',"
                        + " 'capabilities': {'drop': ['ALL'], 'add': ['NET_BIND_SERVICE']},"
                        + " 'seccompProfile': {'type': 'Localhost', 'localhostProfile': 'profiles/zk.json'},"
                        + " 'appArmorProfile': {'type': 'RuntimeDefault'}, 'seLinuxOptions': {'level': 's0:c123,c456'}},"
                        + " 'podSecurityContext': {'runAsUser': 1000, 'runAsGroup': 1000, 'fsGroup': 1000,"
                        + " 'supplementalGroups': [0, 2000], 'fsGroupChangePolicy': 'OnRootMismatch',"
                        + " 'seccompProfile': {'type': 'RuntimeDefault'},"
                        + " 'sysctls': [{'name': 'net.ipv4.tcp_keepalive_time', 'value': '600'},"
                        + " {'name': 'kernel/shm_rmid_forced', 'value': '0'}]},"
                        + " 'affinity': {'podAntiAffinity': {'requiredDuringSchedulingIgnoredDuringExecution':"
                        + " [{'labelSelector': {'matchExpressions': [{'key': 'app', 'operator': 'In', 'values': ['zk']}]},"
                        + " 'topologyKey': 'kubernetes.io/hostname'}],"
                        + " 'preferredDuringSchedulingIgnoredDuringExecution': [{'weight': 100, 'podAffinityTerm':"
                        + " {'labelSelector': {'matchLabels': {'app': 'zk'}}, 'topologyKey': 'topology.kubernetes.io/zone',"
                        + " 'namespaces': ['data'], 'matchLabelKeys': ['pod-template-hash']}}]},"
                        + " 'nodeAffinity': {'requiredDuringSchedulingIgnoredDuringExecution': {'nodeSelectorTerms':"
                        + " [{'matchExpressions': [{'key': 'kubernetes.io/os', 'operator': 'In', 'values': ['linux']},"
                        + " {'key': 'node.example.com/cpus', 'operator': 'Gt', 'values': ['3']},"
                        + " {'key': 'spot', 'operator': 'DoesNotExist'}]},"
                        + " {'matchFields': [{'key': 'metadata.name', 'operator': 'In', 'values': ['node-1']}]}]},"
                        + " 'preferredDuringSchedulingIgnoredDuringExecution': [{'weight': 1, 'preference':"
                        + " {'matchExpressions': [{'key': 'disktype', 'operator': 'NotIn', 'values': ['hdd']}]}}]},"
                        + " 'podAffinity': {'preferredDuringSchedulingIgnoredDuringExecution': [{'weight': 10,"
                        + " 'podAffinityTerm': {'labelSelector': {'matchLabels': {'app': 'kafka'}},"
                        + " 'topologyKey': 'topology.kubernetes.io/zone'}}]}}}")),
                Arguments.of("privileged container that may escalate", app("'securityContext': {'privileged': true,"
                        + " 'allowPrivilegeEscalation': true, 'capabilities': {'add': ['CAP_SYS_ADMIN']},"
                        + " 'seccompProfile': {'type': 'Unconfined'}}")),
                Arguments.of("empty passthrough blocks", app("'securityContext': {}, 'podSecurityContext': {},"
                        + " 'affinity': {'nodeAffinity': {}, 'podAffinity': {}, 'podAntiAffinity': {}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSpecs")
    void acceptsValidSpecs(String title, AppSpec spec) {
        assertEquals(List.of(), validator.validate(spec), title);
    }
}
