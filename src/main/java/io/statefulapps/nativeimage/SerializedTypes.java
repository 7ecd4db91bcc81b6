package io.statefulapps.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.statefulapps.app.AppList;
import io.statefulapps.app.AppStatus;
import io.statefulapps.app.AppSummary;
import io.statefulapps.app.AppView;
import io.statefulapps.app.DryRunResult;
import io.statefulapps.cluster.DeleteResult;
import io.statefulapps.health.ClaimReport;
import io.statefulapps.health.ContainerReport;
import io.statefulapps.health.DnsRecordReport;
import io.statefulapps.health.EventReport;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.PersistentVolumeReport;
import io.statefulapps.health.PodReport;
import io.statefulapps.health.PortReport;
import io.statefulapps.health.Reason;
import io.statefulapps.health.RolloutState;
import io.statefulapps.health.ServiceReport;
import io.statefulapps.health.Severity;
import io.statefulapps.health.StatefulSetReport;
import io.statefulapps.health.VolumeReport;
import io.statefulapps.problem.Problem;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.EnvVarSpec;
import io.statefulapps.spec.ExecSpec;
import io.statefulapps.spec.FieldError;
import io.statefulapps.spec.GrpcSpec;
import io.statefulapps.spec.HeadlessServiceSpec;
import io.statefulapps.spec.HttpGetSpec;
import io.statefulapps.spec.HttpHeaderSpec;
import io.statefulapps.spec.PortSpec;
import io.statefulapps.spec.ProbeSpec;
import io.statefulapps.spec.ResourcesSpec;
import io.statefulapps.spec.RetentionPolicySpec;
import io.statefulapps.spec.ServiceSpec;
import io.statefulapps.spec.TcpSocketSpec;
import io.statefulapps.spec.UpdateStrategySpec;
import io.statefulapps.spec.VolumeSpec;

/**
 * Every type of ours that Jackson reads or writes, registered for reflection in the native
 * executable. Quarkus registers what a JAX-RS method declares it returns, but not what goes through
 * an {@code ObjectMapper} of our own or hides behind a {@code Response}:
 * <ul>
 * <li>{@link AppSpec} and its parts: read and written by {@code spec.SpecParser}'s own mapper;</li>
 * <li>{@link Problem} with {@link FieldError}: written by {@code api.ProblemResponses};</li>
 * <li>{@link HealthReport}, {@link AppView}, {@link DryRunResult}: entities of a {@code Response};
 *     {@link HealthReport} is also read back from its stored JSON ({@code cluster.ReportStore#readBack});</li>
 * <li>{@link AppList}, {@link DeleteResult}: declared return types, listed anyway so that this list
 *     alone says what the API serializes.</li>
 * </ul>
 * A record reachable from these (components, list elements) is listed too: a test walks them and
 * fails on one missing. Fabric8's model classes are the Kubernetes client extension's job: it
 * registers every {@code KubernetesResource} of the model (checked in the generated configuration
 * by {@code .ci/run}). Nested types of a target are included ({@code DeleteResult.KindName}, …).
 * The Kubernetes client's mapper reads {@code ObjectMeta} through a mix-in whose annotation says
 * what to skip ({@code kubernetes.ManagedFieldsSkipped}); it is listed by name, being private.
 */
@RegisterForReflection(classNames = "io.statefulapps.kubernetes.ManagedFieldsSkipped$Unread", targets = {
        // spec: the AppSpec
        AppSpec.class, EnvVarSpec.class, ExecSpec.class, GrpcSpec.class, HeadlessServiceSpec.class,
        HttpGetSpec.class, HttpHeaderSpec.class, PortSpec.class, ProbeSpec.class, ResourcesSpec.class,
        RetentionPolicySpec.class, ServiceSpec.class, TcpSocketSpec.class, UpdateStrategySpec.class,
        VolumeSpec.class, FieldError.class,
        // api: answers and problems
        AppList.class, AppStatus.class, AppSummary.class, AppView.class, DryRunResult.class, Problem.class,
        // cluster: what DELETE answers
        DeleteResult.class,
        // health: the report
        HealthReport.class, ClaimReport.class, ContainerReport.class, DnsRecordReport.class, EventReport.class,
        PersistentVolumeReport.class, PodReport.class, PortReport.class, ServiceReport.class,
        StatefulSetReport.class, VolumeReport.class, io.statefulapps.health.HealthProblem.class,
        HealthStatus.class, Reason.class, RolloutState.class, Severity.class,
})
final class SerializedTypes {

    private SerializedTypes() {
    }
}
