/**
 * The spec becomes the trio and the trio becomes the spec again: {@code TrioRenderer} (Fabric8
 * builders; one renderer per object), {@code TrioReader} (the live objects read back as a spec),
 * {@code TrioDiff} (what a PATCH must write), {@code ManifestWriter} (YAML and JSON lists), and the
 * service's own labels ({@code ManagedLabels}).
 *
 * <p>Pure: no I/O, no clock. May import {@code spec} and {@code kubernetes}.
 */
package io.statefulapps.render;
