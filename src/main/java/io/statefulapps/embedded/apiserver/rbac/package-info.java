/**
 * Authentication and authorization like kube-apiserver's, for the embedded API server.
 * {@link io.statefulapps.embedded.apiserver.rbac.AccessControl} is the entry point: bearer tokens
 * from a {@link io.statefulapps.embedded.apiserver.rbac.TokenFile} ({@code --token-auth-file}),
 * ServiceAccount tokens it mints (TokenRequest) and its admin token ({@code system:masters});
 * impersonation; RBAC over the Roles, ClusterRoles and bindings the server stores (read through
 * {@link io.statefulapps.embedded.apiserver.rbac.RbacObjects}); refusals worded like the real
 * server's; TokenReview, SelfSubjectReview and the access reviews; and a
 * {@link io.statefulapps.embedded.apiserver.rbac.DecisionRecorder} that proves least privilege.
 * {@link io.statefulapps.embedded.apiserver.rbac.RequestAttributes#fromHttp} resolves a request
 * like kube-apiserver's request info, and
 * {@link io.statefulapps.embedded.apiserver.rbac.BootstrapPolicy} gives the default roles.
 */
package io.statefulapps.embedded.apiserver.rbac;
