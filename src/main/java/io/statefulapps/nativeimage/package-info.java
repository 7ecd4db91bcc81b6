/**
 * What the native executable must know ahead of time that the Quarkus extensions cannot find out:
 * the types Jackson reads and writes by reflection where Quarkus does not see it
 * ({@link io.statefulapps.nativeimage.SerializedTypes}). Nothing here runs; it is read at build time.
 */
package io.statefulapps.nativeimage;
