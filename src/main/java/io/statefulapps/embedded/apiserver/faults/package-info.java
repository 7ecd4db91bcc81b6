/**
 * Faults anyone can cause in the embedded API server, over HTTP ({@code /_sim/faults}): rules read
 * strictly from JSON ({@link io.statefulapps.embedded.apiserver.faults.FaultInjector#install}),
 * shown with their counters ({@code view}), cleared ({@code clear}), and the decision for each
 * request ({@code decide}: proceed, after a delay or not; fail with a {@code Status} worded like
 * kube-apiserver's; refuse the connection; end a watch with 410). The server carries the decisions
 * out: it waits, writes answers, closes sockets and ends watches.
 */
package io.statefulapps.embedded.apiserver.faults;
