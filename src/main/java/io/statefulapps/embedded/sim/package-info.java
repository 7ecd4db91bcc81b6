/**
 * The controllers of the embedded simulated cluster (in the spirit of kwok): {@link
 * io.statefulapps.embedded.sim.ClusterSimulator} runs a StatefulSet controller, a scheduler, a
 * kubelet, a volume provisioner, an EndpointSlice controller and a load balancer controller
 * against any Kubernetes API (the embedded one in practice), reading informer informers and writing
 * only through the API, status through the status subresource.
 *
 * <p>Faults a user can cause, for the README:
 * <ul>
 * <li>image containing {@code pullfail}: {@code ErrImagePull}, then {@code ImagePullBackOff};</li>
 * <li>{@code crashloop}: {@code CrashLoopBackOff}, growing restartCount, lastState terminated Error (exit 1);</li>
 * <li>{@code oomkill}: the same with {@code OOMKilled} (exit 137);</li>
 * <li>{@code notready}: Running, never Ready, Unhealthy events (app containers only);</li>
 * <li>requests no node can hold, or a nodeSelector no node matches: Pending, {@code Unschedulable};</li>
 * <li>an unknown StorageClass: PVC Pending with a {@code ProvisioningFailed} event;</li>
 * <li>a LoadBalancer Service annotated {@code stateful-apps.io/simulate-no-lb: "true"} (or with a
 *     {@code loadBalancerClass}): never gets an address;</li>
 * <li>any status patched by hand through {@code /status} (PV {@code Released}, PVC {@code Lost},
 *     an emptied load balancer): left as it is.</li>
 * </ul>
 */
package io.statefulapps.embedded.sim;
