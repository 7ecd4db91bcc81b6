/**
 * The smoke run of the benchmark of issue 12 ({@code bench/run.sh}): its pieces, at 20 apps, against
 * the test application, so that a change that breaks the benchmark breaks the build.
 */
package io.statefulapps.bench;
