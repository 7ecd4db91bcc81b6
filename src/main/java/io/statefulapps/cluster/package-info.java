/**
 * The only package that talks to Kubernetes: the writers (create all or nothing with
 * {@code TrioWriter}, {@code AppPatcher} with {@code StatefulSetReplacement} for volume growth,
 * {@code AppDeleter}), the reads that must be live ({@code LiveAppReader}, {@code AppLookup}),
 * the watch cache ({@code WatchCache}, its readiness check), the request metrics, and the
 * translation of client failures into this service's exceptions.
 *
 * <p>May import: the pure core and {@code live}. Imported by {@code app}, {@code access}, {@code problem}.
 */
package io.statefulapps.cluster;
