package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The stored objects authentication and authorization read, as the server's store holds them
 * (plain Kubernetes JSON: {@code metadata}, {@code rules}, {@code subjects}, {@code roleRef}).
 * Read on every decision, so the answers always follow the store; implementations must be
 * thread-safe and should not copy more than they must. Objects are not modified by this package.
 */
public interface RbacObjects {

    /** The Roles of a namespace. */
    List<JsonNode> roles(String namespace);

    List<JsonNode> clusterRoles();

    /** The RoleBindings of a namespace. */
    List<JsonNode> roleBindings(String namespace);

    List<JsonNode> clusterRoleBindings();

    /** The ServiceAccount, when it exists (its {@code metadata.uid} binds minted tokens to it). */
    Optional<JsonNode> serviceAccount(String namespace, String name);
}
