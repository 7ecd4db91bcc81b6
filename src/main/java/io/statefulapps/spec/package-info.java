/**
 * The AppSpec: what callers send, how it is read and which rules it must follow. Pure code: no I/O,
 * no CDI, no clock.
 *
 * <ul>
 *   <li>{@link io.statefulapps.spec.AppSpec} and its parts: the records of the wire format.</li>
 *   <li>{@link io.statefulapps.spec.SpecParser}: request bytes (or a JSON tree, e.g. after a merge patch)
 *       to a {@link io.statefulapps.spec.ParsedSpec}; unknown fields are listed, never dropped; a body that
 *       is not an AppSpec throws {@link io.statefulapps.spec.MalformedSpecException} (400).</li>
 *   <li>{@link io.statefulapps.spec.AppSpecValidator}: every broken rule as a
 *       {@link io.statefulapps.spec.FieldError} (422), one rule class per area.</li>
 *   <li>{@link io.statefulapps.spec.KubernetesNames} and {@link io.statefulapps.spec.Quantities}: the API
 *       server's name and quantity rules, reusable elsewhere.</li>
 * </ul>
 */
package io.statefulapps.spec;
