/**
 * Kubernetes' own conventions, written once: the well-known label and annotation keys its
 * controllers set and read, how an equality label selector matches, and how a StatefulSet names
 * its pods and claims. Also how the clients read Kubernetes JSON ({@code JsonFirstSerialization},
 * {@code SharedStringDeserializer}, {@code SharedEmptyExtras}, {@code ManagedFieldsSkipped}) and
 * the bounded table that shares equal values read from it ({@code BoundedInterner}; the watch
 * cache's compaction uses it and the shared empty map of unknown fields too).
 *
 * <p>Pure (no I/O, no clock, no framework). Anything may import it: the functional core, the shell,
 * and the embedded simulated cluster, whose controllers follow the same conventions.
 */
package io.statefulapps.kubernetes;
