/**
 * Configuration in one place: every {@code @ConfigMapping} under {@code stateful-apps.} with its
 * defaults (each written once, here: e.g. {@code HealthConfig#rolloutDeadline()}), the cluster
 * mode choice ({@code ClusterMode}, {@code ClusterModeInEffect}, {@code ClusterTargetCustomizer}),
 * and the CDI producers (the Kubernetes client and its JSON mapper, the clock, the caller-check activation).
 * {@code EmbeddedClusterHost} is the product's only user of {@code io.statefulapps.embedded}.
 *
 * <p>May import anything it produces for; imported by the shell packages for their settings.
 */
package io.statefulapps.config;
