/**
 * What the watch cache keeps of each object: the object as the informer delivered it, made small
 * in place before it is stored. Empty collections become shared immutable empties (Fabric8's models
 * allocate an empty map and several empty lists per object, whether the JSON had them or not),
 * collections become immutable copies of their exact size, repeated strings and label maps are
 * shared through one bounded interner, and of pods, claims, volumes, slices, events and nodes only
 * what the health rules and the watch cache read is kept ({@code ObjectCompaction} says what).
 * StatefulSets and Services are kept whole: the app views read them back into a spec.
 *
 * <p>Explicit per-kind code, no reflection (the service compiles to a native executable). The
 * compacted objects are read-only: their collections refuse changes, as the cache's contract asks.
 *
 * <p>{@code ReportCompaction} makes the digest the report store keeps of each health report.
 *
 * <p>May import Fabric8's models, the health reports, {@code kubernetes} (its {@code BoundedInterner})
 * and Quarkus's annotations. Imported by {@code cluster}.
 */
package io.statefulapps.cluster.compaction;
