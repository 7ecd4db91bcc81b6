/**
 * The embedded API server: Fabric8's mock server in CRUD mode, made faithful where the project
 * depends on the real kube-apiserver's behaviour.
 *
 * <p>{@link io.statefulapps.embedded.apiserver.ApiServer} is the one public class: it starts the
 * server and seeds it with {@code BootstrapObjects}. {@code FaithfulDispatcher} routes every request.
 * Discovery ({@code /version}, {@code /api}, {@code /apis}, resource lists) and a minimal
 * OpenAPI v3 are answered by {@code Discovery} and {@code OpenApi}. Known kinds
 * ({@code ResourceCatalog}) go through {@code WriteHandler} (scope, {@code NameRules},
 * {@code Defaulter}, {@code ImmutableFields}, status only through {@code /status},
 * {@code Patches}, dry run), {@code ListHandler} ({@code LabelSelector}, {@code FieldSelector},
 * paging), {@code DeleteHandler} and {@code GarbageCollector}. The final objects are stored by
 * {@code Store} through Fabric8's {@code KubernetesCrudDispatcher}, and every stored change is
 * published to {@code WatchHub}, which serves watches with resourceVersion replay and selectors.
 * {@code PodLogs} serves {@code pods/log} ({@code PodLogOptions}) with {@code SimulatedLog}'s text,
 * made up from the stored pod's status. Kinds outside the catalog pass through to the CRUD
 * dispatcher unchanged.
 */
package io.statefulapps.embedded.apiserver;
