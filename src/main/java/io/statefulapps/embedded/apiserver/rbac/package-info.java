/**
 * Authentication and authorization like kube-apiserver's, for the embedded API server.
 * {@link io.statefulapps.embedded.apiserver.rbac.EnforcingAccess} is the API server's access control
 * when a token file is given (401, 403, the review APIs, TokenRequest, the bootstrap ClusterRoles),
 * over the store's RBAC objects ({@code StoredRbacObjects}).
 * {@link io.statefulapps.embedded.apiserver.rbac.RbacAccessControl} is the engine: bearer tokens
 * from a {@link io.statefulapps.embedded.apiserver.rbac.TokenFile} ({@code --token-auth-file}),
 * ServiceAccount tokens it mints (TokenRequest) and its admin token ({@code system:masters});
 * impersonation; RBAC over the Roles, ClusterRoles and bindings
 * ({@link io.statefulapps.embedded.apiserver.rbac.RbacObjects}); refusals worded like the real
 * server's; TokenReview, SelfSubjectReview and the access reviews; and a
 * {@link io.statefulapps.embedded.apiserver.rbac.DecisionRecorder} that proves least privilege.
 * {@link io.statefulapps.embedded.apiserver.rbac.RequestAttributes#fromHttp} resolves a request
 * like kube-apiserver's request info, and
 * {@link io.statefulapps.embedded.apiserver.rbac.BootstrapPolicy} gives the default roles. Protobuf
 * bodies of these APIs are read by the server's protobuf decoder, like any other.
 */
package io.statefulapps.embedded.apiserver.rbac;
