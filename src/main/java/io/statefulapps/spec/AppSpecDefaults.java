package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;

/**
 * Fills in every default a careful operator would pick, so that a spec says exactly what runs.
 *
 * <p>Pure and idempotent: {@code apply(apply(s)).equals(apply(s))}; the input is never mutated and
 * the result shares no mutable Fabric8 object with it. Optional collections and strings follow
 * {@link EmptyAsAbsent}: empty becomes {@code null}, because the API server drops empties and the
 * spec read back from the live objects must equal this one.
 *
 * <p>Tolerant of invalid specs (a missing name, {@code null} elements): it defaults what it can
 * and leaves the rest for validation to report.
 */
public final class AppSpecDefaults {

    public static final String IMAGE_PULL_POLICY = "IfNotPresent";
    public static final int REPLICAS = 1;
    public static final String PROTOCOL = "TCP";
    public static final String ACCESS_MODE = "ReadWriteOnce";
    public static final String VOLUME_MODE = "Filesystem";
    public static final String POD_MANAGEMENT_POLICY = "OrderedReady";
    public static final String UPDATE_STRATEGY = "RollingUpdate";
    public static final int PARTITION = 0;
    public static final int REVISION_HISTORY_LIMIT = 10;
    public static final String SERVICE_TYPE = "ClusterIP";
    public static final String SESSION_AFFINITY = "None";
    public static final String EXTERNAL_TRAFFIC_POLICY = "Cluster";
    public static final String RETAIN = "Retain";
    public static final long TERMINATION_GRACE_PERIOD_SECONDS = 30L;
    /** What {@code valueFrom.fieldRef.apiVersion} defaults to on the API server. */
    public static final String FIELD_REF_API_VERSION = "v1";

    private AppSpecDefaults() {
    }

    public static AppSpec apply(AppSpec spec) {
        String name = spec.name();
        return AppSpecBuilder.builder()
                .name(name)
                .image(spec.image())
                .imagePullPolicy(or(EmptyAsAbsent.string(spec.imagePullPolicy()), IMAGE_PULL_POLICY))
                .replicas(or(spec.replicas(), REPLICAS))
                .ports(EmptyAsAbsent.list(spec.ports(), AppSpecDefaults::port))
                .env(EmptyAsAbsent.list(spec.env(), AppSpecDefaults::env))
                .resources(resources(spec.resources()))
                .volumes(EmptyAsAbsent.list(spec.volumes(), AppSpecDefaults::volume))
                .livenessProbe(ProbeDefaults.apply(spec.livenessProbe()))
                .readinessProbe(ProbeDefaults.apply(spec.readinessProbe()))
                .startupProbe(ProbeDefaults.apply(spec.startupProbe()))
                .podManagementPolicy(or(EmptyAsAbsent.string(spec.podManagementPolicy()), POD_MANAGEMENT_POLICY))
                .updateStrategy(updateStrategy(spec.updateStrategy()))
                .revisionHistoryLimit(or(spec.revisionHistoryLimit(), REVISION_HISTORY_LIMIT))
                .labels(EmptyAsAbsent.map(spec.labels()))
                .podAnnotations(EmptyAsAbsent.map(spec.podAnnotations()))
                .headlessServiceName(headlessServiceName(spec))
                .headlessService(headlessService(spec.headlessService()))
                .service(service(name, spec.service()))
                .persistentVolumeClaimRetentionPolicy(retentionPolicy(spec.persistentVolumeClaimRetentionPolicy()))
                .command(EmptyAsAbsent.list(spec.command()))
                .args(EmptyAsAbsent.list(spec.args()))
                .securityContext(Hardening.container(spec.securityContext()))
                .podSecurityContext(Hardening.pod(spec.podSecurityContext()))
                .nodeSelector(EmptyAsAbsent.map(spec.nodeSelector()))
                .tolerations(EmptyAsAbsent.list(spec.tolerations(), ModelCopies::copy))
                .affinity(affinity(spec.affinity()))
                .imagePullSecrets(EmptyAsAbsent.list(spec.imagePullSecrets()))
                .serviceAccountName(EmptyAsAbsent.string(spec.serviceAccountName()))
                .terminationGracePeriodSeconds(or(spec.terminationGracePeriodSeconds(), TERMINATION_GRACE_PERIOD_SECONDS))
                .build();
    }

    private static PortSpec port(PortSpec port) {
        IntOrString target = port.targetPort() != null
                ? ModelCopies.copy(port.targetPort())
                : port.port() == null ? null : new IntOrString(port.port());
        return new PortSpec(EmptyAsAbsent.string(port.name()), port.port(), target,
                or(EmptyAsAbsent.string(port.protocol()), PROTOCOL));
    }

    private static EnvVarSpec env(EnvVarSpec env) {
        return new EnvVarSpec(env.name(), EmptyAsAbsent.string(env.value()), envSource(env.valueFrom()));
    }

    private static EnvVarSource envSource(EnvVarSource source) {
        EnvVarSource copy = ModelCopies.copy(source);
        if (copy != null && copy.getFieldRef() != null && copy.getFieldRef().getApiVersion() == null) {
            copy.getFieldRef().setApiVersion(FIELD_REF_API_VERSION);
        }
        return copy;
    }

    private static ResourcesSpec resources(ResourcesSpec resources) {
        if (resources == null) {
            return null;
        }
        ResourcesSpec normalized = new ResourcesSpec(EmptyAsAbsent.map(resources.requests()),
                EmptyAsAbsent.map(resources.limits()));
        return normalized.requests() == null && normalized.limits() == null ? null : normalized;
    }

    private static VolumeSpec volume(VolumeSpec volume) {
        List<String> accessModes = EmptyAsAbsent.list(volume.accessModes());
        return new VolumeSpec(
                volume.name(),
                volume.mountPath(),
                volume.size(),
                // "" is meaningful here (no class: bind a pre-provisioned PV), so it is kept.
                volume.storageClassName(),
                accessModes == null ? List.of(ACCESS_MODE) : accessModes,
                or(EmptyAsAbsent.string(volume.volumeMode()), VOLUME_MODE),
                EmptyAsAbsent.string(volume.subPath()),
                or(volume.readOnly(), Boolean.FALSE));
    }

    private static UpdateStrategySpec updateStrategy(UpdateStrategySpec strategy) {
        String type = strategy == null ? null : EmptyAsAbsent.string(strategy.type());
        Integer partition = strategy == null ? null : strategy.partition();
        type = or(type, UPDATE_STRATEGY);
        if (UPDATE_STRATEGY.equals(type) && partition == null) {
            partition = PARTITION;
        }
        return new UpdateStrategySpec(type, partition);
    }

    private static String headlessServiceName(AppSpec spec) {
        String given = EmptyAsAbsent.string(spec.headlessServiceName());
        if (given != null || spec.name() == null) {
            return given;
        }
        return TrioNames.defaultHeadlessName(spec.name());
    }

    private static HeadlessServiceSpec headlessService(HeadlessServiceSpec headless) {
        if (headless == null) {
            return new HeadlessServiceSpec(Boolean.FALSE, null);
        }
        return new HeadlessServiceSpec(or(headless.publishNotReadyAddresses(), Boolean.FALSE),
                EmptyAsAbsent.map(headless.annotations()));
    }

    private static ServiceSpec service(String appName, ServiceSpec service) {
        ServiceSpec given = service == null ? new ServiceSpec(null, null, null, null, null, null, null) : service;
        String type = or(EmptyAsAbsent.string(given.type()), SERVICE_TYPE);
        String trafficPolicy = EmptyAsAbsent.string(given.externalTrafficPolicy());
        if (trafficPolicy == null && exposesNodePorts(type)) {
            trafficPolicy = EXTERNAL_TRAFFIC_POLICY;
        }
        return new ServiceSpec(
                or(EmptyAsAbsent.string(given.name()), appName),
                type,
                trafficPolicy,
                EmptyAsAbsent.map(given.annotations()),
                or(EmptyAsAbsent.string(given.sessionAffinity()), SESSION_AFFINITY),
                EmptyAsAbsent.list(given.loadBalancerSourceRanges()),
                EmptyAsAbsent.string(given.loadBalancerClass()));
    }

    /** Only these types route external traffic, so only they take an {@code externalTrafficPolicy}. */
    public static boolean exposesNodePorts(String serviceType) {
        return "NodePort".equals(serviceType) || "LoadBalancer".equals(serviceType);
    }

    private static RetentionPolicySpec retentionPolicy(RetentionPolicySpec policy) {
        if (policy == null) {
            return new RetentionPolicySpec(RETAIN, RETAIN);
        }
        return new RetentionPolicySpec(or(EmptyAsAbsent.string(policy.whenDeleted()), RETAIN),
                or(EmptyAsAbsent.string(policy.whenScaled()), RETAIN));
    }

    private static Affinity affinity(Affinity affinity) {
        // An affinity without any rule says nothing; the API server would not keep it apart from null either.
        if (affinity == null || affinity.equals(new Affinity())) {
            return null;
        }
        return ModelCopies.copy(affinity);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
