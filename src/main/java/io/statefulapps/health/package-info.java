/**
 * Health of one stateful app: a pure function from a {@link io.statefulapps.health.ClusterSnapshot}
 * (what the watch cache holds for the app) to a {@link io.statefulapps.health.HealthReport}, its
 * chat text ({@link io.statefulapps.health.HealthTextRenderer}), and the carrying of "since when"
 * from one report of an app to the next ({@link io.statefulapps.health.HealthSince}), which reads
 * the previous report's {@link io.statefulapps.health.ReportDigest} (what a store keeps of a report
 * beside its JSON).
 *
 * <p>Shape: {@link io.statefulapps.health.HealthAssessor} composes one small assessor per kind of
 * object ({@code TrioPresence}, {@code StatefulSetAssessor} with {@code PodCreateFailure},
 * {@code PodAssessor} with {@code ContainerAssessor}, {@code PendingPodAssessor},
 * {@code PodReadiness} and {@code NodeAssessor}, {@code VolumeAssessor}, {@code DnsAssessor},
 * {@code ServiceAssessor} with {@code TargetPortAssessor}, {@code RetainedClaimAssessor},
 * {@code ReadinessProbeAssessor}, {@code EventSelector}). Each returns its part of the report and
 * the findings (problem + implied verdict) behind it as a value ({@code PartAssessment}); the
 * overall verdict is the worst of all of them, in the order documented on
 * {@link io.statefulapps.health.HealthStatus}. {@code CauseOrder} picks the report's
 * {@code causes} (its rule table ranks root causes before symptoms), {@code Fingerprint} hashes
 * the situation. Null-safe reads of the Fabric8 objects live in {@code MetadataReads},
 * {@code PodReads}, {@code StatefulSetReads}, {@code EndpointSliceReads}, {@code EventTimes},
 * {@code StorageSizes} and {@code Timestamps}; which events are about which object is decided once,
 * in {@code InvolvedObject} (kind and UID). Kubernetes' own conventions (label keys, selectors,
 * ordinal names) come from {@code io.statefulapps.kubernetes}.
 *
 * <p>Decisions worth knowing (each is documented where it is made):
 * <ul>
 * <li>Deadlines end every "Progressing": a rollout without progress, a Pending pod or claim, a
 *     LoadBalancer without address, a terminating pod all turn Degraded after their deadline
 *     ({@link io.statefulapps.health.HealthSettings}).</li>
 * <li>A StatefulSet has no progress condition; "last progress" is the newest of its creation, its
 *     pods' creation and deletion start, their Ready transitions and container starts.</li>
 * <li>OnDelete with outdated pods is Progressing with a Warning (the declared spec is not in effect
 *     until someone deletes the pods; it is not broken either), and never "stalls".</li>
 * <li>Objects absent or not-yet-published right after creation (within {@code creationGrace}) are
 *     Info/Progressing, since informers and controllers lag by moments.</li>
 * <li>Causes the cluster only tells in events (a refused pod creation, a volume that does not
 *     mount, a sandbox that cannot be created, a probe's failure, a missing pull secret) are read
 *     from the Warning events of that very object.</li>
 * <li>Time alone changes some reports (a deadline passes, "not ready for 3m" ticks), so
 *     {@link io.statefulapps.health.HealthAssessor#assessment} also says when the report next may
 *     change: every comparison with {@code now} goes through the assessment's {@code DueTimes}
 *     ({@code context.passed(threshold)}, {@code context.dueAt(instant)}), never around it.</li>
 * <li>Inputs are the cache's own objects: nothing here mutates them (a test checks every table row).</li>
 * </ul>
 *
 * <p>Imports nothing from the shell: Fabric8's model, Jackson annotations, {@code spec.TrioNames}
 * and {@code io.statefulapps.kubernetes} only. Anything may import it.
 */
package io.statefulapps.health;
