/**
 * What the cluster holds of one app, as plain values, and the pure readings of it: {@code LiveApp}
 * (namespace, name and its {@code Trio}, any object absent; the names they have or are expected
 * to have), {@code CachedApp} (with its pods, claims, volumes, slices, events),
 * {@code LiveAppAssembler} (which Service is which), {@code SnapshotFactory} (the input of the
 * health rules), {@code AppVersion} (the ETag), {@code ClaimNotes} (what deleting data means).
 *
 * <p>Pure: no I/O, no clock. May import the pure core; imported by {@code cluster}, {@code app}.
 */
package io.statefulapps.live;
