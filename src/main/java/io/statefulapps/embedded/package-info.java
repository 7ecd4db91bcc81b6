/**
 * The embedded simulated cluster: an API server ({@code apiserver/}) and simulated controllers
 * ({@code sim/}) for dev mode, demos, tests and the benchmark.
 *
 * <p>The product reaches it through {@link io.statefulapps.embedded.EmbeddedCluster} only (start,
 * URL, kubeconfig, close); nothing else in the product imports from {@code embedded}.
 * {@code EmbeddedApiServer} (the API server alone, with a Fabric8 client and a kubeconfig) is public
 * for the tests of the simulator and of the product's Kubernetes I/O. Given a token file
 * ({@code stateful-apps.embedded.token-file}) the API server serves HTTPS and checks every caller
 * with RBAC; its kubeconfig and clients carry an admin token.
 */
package io.statefulapps.embedded;
