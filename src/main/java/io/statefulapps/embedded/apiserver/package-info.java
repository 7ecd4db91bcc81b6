/**
 * The embedded API server: a faithful stand-in for kube-apiserver on its own Vert.x HTTP front and
 * an in-memory store. {@link io.statefulapps.embedded.apiserver.ApiServer} starts it (its
 * {@code Options} and the {@code Parts} that fill the seams); {@code ApiServerAssembly} wires the rest.
 *
 * <p><b>The request pipeline</b> ({@code HttpFront} drives {@code RequestPipeline}), in order:
 * {@link io.statefulapps.embedded.apiserver.Faults} (delay, refuse, drop the connection, its own
 * endpoint: the faults package's {@code FaultEndpoint} at {@code /_sim/faults}; connections may be
 * refused before any request), {@link io.statefulapps.embedded.apiserver.AccessControl}
 * authenticate then authorize ({@code OpenAccess} allows all; the rbac package's {@code EnforcingAccess}
 * checks every caller), a
 * {@link io.statefulapps.embedded.apiserver.BodyDecoder} chosen by Content-Type ({@code BodyDecoders}:
 * JSON, YAML, and protobuf as {@code EmbeddedApiServer} adds it), the handlers ({@code ResourceRouter}), and the
 * {@link io.statefulapps.embedded.apiserver.AuditLog}. The public types here are these seams and what
 * they see ({@code Incoming}, {@code RequestInfo}, {@code UserInfo}, {@code HttpAnswer},
 * {@code FaultDecision}, {@code WatchControl}, {@code StoredObjects}, {@code ApiServerContext},
 * {@code BootstrapObject}, {@code ApiException} and the {@code FailureStatus} it answers with, {@code ServingCertificate}); the subpackages {@code protobuf}, {@code rbac} and
 * {@code faults} implement them and are wired in by {@code EmbeddedApiServer}.
 *
 * <p><b>The handlers.</b> Discovery, OpenAPI v3 and health ({@code NonResourcePaths}); lists
 * ({@code ListHandler}: {@code LabelSelector} read by {@code LabelSelectorParser}, {@code FieldSelector} over {@code SelectableFields},
 * paging); writes ({@code WriteHandler}: {@code FieldValidation}, {@code NamespaceLifecycle},
 * {@code NameRules}, {@code Defaulter}, {@code ServiceAccountAdmission}, {@code SpecRules},
 * {@code ImmutableFields}, {@code Patches}; a write {@code SameObject} finds unchanged is no write);
 * deletes ({@code DeleteHandler}, {@code GracefulPodDeletion}, {@code GarbageCollector}, the namespace controller in
 * {@code NamespaceLifecycle}); {@code ScaleSubresource}; {@code ReviewResources} (reviews and
 * TokenRequest, answered by the access control); {@code PodLogs} with {@code SimulatedLog}'s text,
 * followed by {@code LogFollower}; Tables for kubectl ({@code TableConverter}, {@code PrinterColumns},
 * {@code PodPrinterColumns}, {@code WidePrinterColumns}, {@code AccessPrinterColumns}).
 *
 * <p><b>The store</b> ({@code ObjectStore}): per kind a {@code TypeStore} of namespaces, each with its
 * objects by name and a {@code LabelIndex}; an owner index for the garbage collector; one
 * resourceVersion counter; per kind an {@code EventLog} of recent changes. Objects are kept as their
 * JSON bytes ({@code StoredObject}) with their labels and selectable fields taken out once.
 *
 * <p><b>HTTPS.</b> With a {@link io.statefulapps.embedded.apiserver.ServingCertificate} (self-signed,
 * written with {@code DerWriter}) the front serves TLS, which kubectl needs before it sends a token.
 *
 * <p><b>Watches</b> ({@code WatchHub}, {@code WatchOpener}, {@code Watcher}) stream over chunked HTTP
 * ({@code HttpWatchSink}: kubectl, curl) or a WebSocket ({@code WebSocketWatchSink}: Fabric8's
 * informers), with catch-up from a resourceVersion, bookmarks, and 410 Expired beyond the log.
 */
package io.statefulapps.embedded.apiserver;
