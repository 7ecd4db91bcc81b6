/**
 * The production rehearsal: the packaged service run as separate processes, one hosting the embedded
 * simulated cluster, others as replicas in external mode against it with a ServiceAccount's token,
 * driven over HTTP and with kubectl. Run by failsafe after {@code package} ({@code *IT} classes).
 */
package io.statefulapps.rehearsal;
