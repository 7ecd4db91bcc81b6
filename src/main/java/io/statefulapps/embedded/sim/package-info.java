/**
 * The controllers of the embedded simulated cluster (in the spirit of kwok): {@link
 * io.statefulapps.embedded.sim.ClusterSimulator} runs a StatefulSet controller, the PV controller's
 * provisioning and reclaiming, the pvc- and pv-protection controllers, a scheduler (spreading pods
 * by kube-scheduler's default resource scoring), the kubelets (and what they report of their
 * nodes: addresses, condition times), a node lifecycle controller, an EndpointSlice controller and a load balancer controller against any
 * Kubernetes API (the embedded one in practice). They read informer caches, write only through the
 * API (status through the status subresource), and act only on what changed: informer events put
 * keys on each controller's work queue, delays requeue them on the injected clock. What every
 * controller shares (its queue, its keys, reading the object behind a key) is
 * {@code KindController}'s; {@code ControllerLoop} runs them all on one thread.
 *
 * <p>Faults a user can cause, for the README:
 * <ul>
 * <li>image containing {@code pullfail}: {@code ErrImagePull}, then {@code ImagePullBackOff};</li>
 * <li>{@code crashloop}: {@code CrashLoopBackOff}, growing restartCount, lastState terminated Error
 *     (exit 1) with a termination message;</li>
 * <li>{@code oomkill}: the same with {@code OOMKilled} (exit 137, message "Killed");</li>
 * <li>{@code notready}: Running, never Ready, Unhealthy events in the probe's words (app containers only);</li>
 * <li>{@code sandboxfail}: ContainerCreating for ever, {@code FailedCreatePodSandBox} events;</li>
 * <li>a claim of StorageClass {@code mountfail}: bound, but its pod stays ContainerCreating with
 *     {@code FailedMount} events ("MountVolume.SetUp failed ...", then "Unable to attach or mount
 *     volumes ... timed out waiting for the condition");</li>
 * <li>requests no node can hold, or a nodeSelector no node matches: Pending, {@code Unschedulable};</li>
 * <li>{@code spec.schedulingGates}: Pending, {@code SchedulingGated}, until the gates are removed;</li>
 * <li>{@code imagePullSecrets} naming Secrets that do not exist: {@code FailedToRetrieveImagePullSecret};</li>
 * <li>a pod the API server refuses (e.g. a ServiceAccount that does not exist): {@code FailedCreate}
 *     on the StatefulSet, retried with back-off;</li>
 * <li>a node's Ready condition patched to Unknown or False: its pods Ready False ({@code NodeLost}
 *     when unreachable), then after {@code podEvictionTimeout} marked for deletion and left
 *     Terminating; all back to normal once the node is Ready;</li>
 * <li>an unknown StorageClass: PVC Pending with a {@code ProvisioningFailed} event;</li>
 * <li>a LoadBalancer Service annotated {@code stateful-apps.io/simulate-no-lb: "true"} (or with a
 *     {@code loadBalancerClass}): never gets an address;</li>
 * <li>a claim deleted while a scheduled pod names it (whatever that pod's phase): Terminating
 *     (deletionTimestamp, finalizer {@code kubernetes.io/pvc-protection}, still Bound) until no such
 *     pod is left, then gone and its volume reclaimed; a StatefulSet does not make a pod on such a
 *     claim ({@code FailedCreate} "pvc ... is being deleted"), and the scheduler does not place one
 *     ("persistentvolumeclaim ... is being deleted");</li>
 * <li>a Bound volume deleted: Terminating (finalizer {@code kubernetes.io/pv-protection}) until its
 *     claim is gone;</li>
 * <li>any status patched by hand through {@code /status} (PV {@code Released}, PVC {@code Lost},
 *     an emptied load balancer): left as it is.</li>
 * </ul>
 *
 * <p>Only {@code io.statefulapps.embedded} uses this package: {@code ClusterSimulator} and
 * {@code SimulatorSettings} are its public surface.
 */
package io.statefulapps.embedded.sim;
