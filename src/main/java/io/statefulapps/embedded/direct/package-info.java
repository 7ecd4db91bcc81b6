/**
 * The simulated controllers' line to the embedded API server without a socket: a Fabric8
 * {@code HttpClient} ({@link io.statefulapps.embedded.direct.DirectHttpClientFactory}) whose
 * requests go straight into the server's request pipeline
 * ({@link io.statefulapps.embedded.apiserver.DirectFront}) on the caller's thread. The controllers
 * still speak the Kubernetes API through Fabric8 (the same requests, checks, faults and audit as over
 * HTTP), but a write no longer crosses two event loops, a worker pool and the loopback interface,
 * which at thousands of apps was most of what a write cost the single controller thread in waiting.
 * Watches stream as plain HTTP watches do (one JSON event per line), delivered on one thread per
 * client in the order the store made them.
 */
package io.statefulapps.embedded.direct;
