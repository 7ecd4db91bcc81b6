/**
 * Faults anyone can cause in the embedded API server, over HTTP at {@code /_sim/faults}
 * ({@link io.statefulapps.embedded.apiserver.faults.FaultEndpoint}, the server's fault step; it
 * needs no credentials and is never faulted itself). The rules are read strictly
 * ({@code FaultRulesParser}, {@code FaultRuleChecks}) and decided by
 * {@link io.statefulapps.embedded.apiserver.faults.FaultInjector}; the endpoint carries the decisions
 * out: it waits, answers a {@code Status} worded like kube-apiserver's ({@code FaultStatuses}),
 * closes or refuses connections, answers a watch 410, and ends open watches.
 *
 * <p><b>The endpoint.</b> {@code GET} answers the rules in force, each with {@code matched} and
 * {@code fired} counts (and {@code until} for a connection window); {@code PUT} (or {@code POST})
 * with a JSON array replaces them all (400 listing every problem, and nothing changes, when one is
 * invalid); {@code DELETE} removes them all.
 *
 * <p><b>A rule</b> is a JSON object: a scope and one effect.
 * <ul>
 * <li>Scope, each field optional, each given one must equal the request's: {@code verb} (get, list,
 *     watch, create, update, patch, delete, deletecollection), {@code resource} (plural, e.g.
 *     {@code statefulsets}), {@code subresource} (without it a rule covers the subresources too),
 *     {@code namespace}, {@code name} (of a create: the body's {@code metadata.name}, JSON bodies only),
 *     {@code user} (the caller as the access control authenticates it).</li>
 * <li>{@code "status": 409|422|429|500|503}: answer that failure instead of serving the request;
 *     {@code "reason": "Conflict"|"AlreadyExists"} with 409; {@code "retryAfterSeconds": n} with 429
 *     (default 1) or 503, sent as {@code Retry-After}. May come with {@code delayMs}.</li>
 * <li>{@code "delayMs": n}: serve the request n milliseconds late (delays of several rules add up).</li>
 * <li>{@code "dropWatches": true}: when installed, end every open watch the scope covers (once);
 *     clients reconnect, informers list again.</li>
 * <li>{@code "refuseConnections": true, "forMs": n}: for n milliseconds from installation, close every
 *     new connection and every request at once, as a server that went away.</li>
 * <li>{@code "watchGone": true}: answer the next watch the scope covers with 410 Gone (an ERROR
 *     event with reason Expired), forcing a re-list.</li>
 * <li>When: {@code "nth": n} fires from the n-th request of the scope, {@code "times": n} at most n
 *     times; by default a rule with {@code nth} or {@code watchGone} fires once, others every time.</li>
 * </ul>
 * Rules are tried in order; the first that fails the request decides. For example:
 * <pre>
 * curl -X PUT -H 'Content-Type: application/json' http://127.0.0.1:PORT/_sim/faults -d '[
 *   {"verb": "create", "resource": "services", "nth": 2, "status": 500},
 *   {"resource": "statefulsets", "delayMs": 3000},
 *   {"verb": "create", "resource": "persistentvolumeclaims", "status": 429, "retryAfterSeconds": 5}]'
 * curl http://127.0.0.1:PORT/_sim/faults
 * curl -X DELETE http://127.0.0.1:PORT/_sim/faults
 * </pre>
 */
package io.statefulapps.embedded.apiserver.faults;
