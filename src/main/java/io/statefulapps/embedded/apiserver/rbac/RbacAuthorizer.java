package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * kube-apiserver's authorizer chain as a cluster built with {@code --authorization-mode=RBAC} has
 * it: members of {@code system:masters} may do anything; otherwise the rules of the roles bound to
 * the user are visited in the RBAC authorizer's order (ClusterRoleBindings, then the RoleBindings
 * of the request's namespace) until one allows the request. A RoleBinding to a ClusterRole grants
 * its rules only in the binding's namespace. A binding whose role is missing contributes an error
 * that becomes the reason of a refusal. Reads the objects on every decision.
 */
final class RbacAuthorizer {

    private final RbacObjects objects;

    RbacAuthorizer(RbacObjects objects) {
        this.objects = objects;
    }

    AuthorizationDecision authorize(RbacUser user, RequestAttributes request) {
        if (user.inGroup(RbacUser.MASTERS)) {
            return new AuthorizationDecision(true, "", Optional.empty(), user, request);
        }
        List<String> errors = new ArrayList<>();
        Optional<RuleSource> source = visit(user, request, objects.clusterRoleBindings(), "", errors);
        if (source.isEmpty() && !request.namespace().isEmpty()) {
            source = visit(user, request, objects.roleBindings(request.namespace()), request.namespace(), errors);
        }
        if (source.isPresent()) {
            return new AuthorizationDecision(true, "RBAC: allowed by " + source.get().describe(), source, user,
                    request);
        }
        return new AuthorizationDecision(false, errors.isEmpty() ? "" : "RBAC: " + aggregate(errors),
                Optional.empty(), user, request);
    }

    /**
     * Every rule the user holds in {@code namespace}, as the RBAC rule resolver lists them for a
     * SelfSubjectRulesReview: the ClusterRoleBindings' rules, then those of the namespace's
     * RoleBindings, each role's rules in order; a binding whose role is missing adds an error
     * instead. {@code system:masters} holds its rules through the bootstrap {@code cluster-admin}
     * binding like anyone else: the group's shortcut in {@link #authorize} is not a rule.
     */
    RulesHeld rulesFor(RbacUser user, String namespace) {
        List<PolicyRule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        collect(user, objects.clusterRoleBindings(), "", rules, errors);
        if (!namespace.isEmpty()) {
            collect(user, objects.roleBindings(namespace), namespace, rules, errors);
        }
        return new RulesHeld(rules, errors.isEmpty() ? "" : aggregate(errors));
    }

    /** The rules a user holds and the resolver's error text ("" when every role was found). */
    record RulesHeld(List<PolicyRule> rules, String error) {

        RulesHeld {
            rules = List.copyOf(rules);
        }
    }

    private void collect(RbacUser user, List<JsonNode> bindings, String namespace, List<PolicyRule> into,
            List<String> errors) {
        for (JsonNode binding : bindings) {
            if (firstSubjectFor(user, binding.path("subjects"), namespace).isEmpty()) {
                continue;
            }
            try {
                rules(binding.path("roleRef"), namespace).forEach(rule -> into.add(PolicyRule.of(rule)));
            } catch (IllegalStateException missing) {
                errors.add(missing.getMessage());
            }
        }
    }

    private Optional<RuleSource> visit(RbacUser user, RequestAttributes request, List<JsonNode> bindings,
            String namespace, List<String> errors) {
        String bindingKind = namespace.isEmpty() ? "ClusterRoleBinding" : "RoleBinding";
        for (JsonNode binding : bindings) {
            Optional<JsonNode> subject = firstSubjectFor(user, binding.path("subjects"), namespace);
            if (subject.isEmpty()) {
                continue;
            }
            JsonNode roleRef = binding.path("roleRef");
            JsonNode rules;
            try {
                rules = rules(roleRef, namespace);
            } catch (IllegalStateException missing) {
                errors.add(missing.getMessage());
                continue;
            }
            for (int i = 0; i < rules.size(); i++) {
                if (RuleMatch.allows(rules.get(i), request)) {
                    JsonNode s = subject.get();
                    String subjectKind = s.path("kind").asText();
                    return Optional.of(new RuleSource(bindingKind, binding.path("metadata").path("name").asText(),
                            namespace, roleRef.path("kind").asText(), roleRef.path("name").asText(), subjectKind,
                            s.path("name").asText(), serviceAccountNamespace(s, namespace), i,
                            PolicyRule.of(rules.get(i))));
                }
            }
        }
        return Optional.empty();
    }

    /** The rules a role reference grants, or an IllegalStateException worded like the real resolver's error. */
    private JsonNode rules(JsonNode roleRef, String bindingNamespace) {
        String kind = roleRef.path("kind").asText();
        String name = roleRef.path("name").asText();
        return switch (kind) {
            case "ClusterRole" -> find(objects.clusterRoles(), name)
                    .orElseThrow(() -> missing("clusterrole", name)).path("rules");
            case "Role" -> find(objects.roles(bindingNamespace), name)
                    .orElseThrow(() -> missing("role", name)).path("rules");
            default -> throw new IllegalStateException("unsupported role reference kind: \"" + kind + "\"");
        };
    }

    private static Optional<JsonNode> find(List<JsonNode> items, String name) {
        for (JsonNode item : items) {
            if (item.path("metadata").path("name").asText().equals(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static IllegalStateException missing(String singular, String name) {
        return new IllegalStateException(singular + ".rbac.authorization.k8s.io \"" + name + "\" not found");
    }

    private static Optional<JsonNode> firstSubjectFor(RbacUser user, JsonNode subjects, String namespace) {
        for (JsonNode subject : subjects) {
            if (appliesTo(user, subject, namespace)) {
                return Optional.of(subject);
            }
        }
        return Optional.empty();
    }

    /** A ServiceAccount subject's namespace, defaulting to the binding's; "" for other subjects. */
    private static String serviceAccountNamespace(JsonNode subject, String bindingNamespace) {
        if (!subject.path("kind").asText().equals("ServiceAccount")) {
            return "";
        }
        String ns = subject.path("namespace").asText("");
        return ns.isEmpty() ? bindingNamespace : ns;
    }

    static boolean appliesTo(RbacUser user, JsonNode subject, String bindingNamespace) {
        String name = subject.path("name").asText();
        return switch (subject.path("kind").asText()) {
            case "User" -> user.name().equals(name);
            case "Group" -> user.inGroup(name);
            case "ServiceAccount" -> {
                String saNamespace = serviceAccountNamespace(subject, bindingNamespace);
                yield !saNamespace.isEmpty() && user.name().equals(RbacUser.serviceAccountUser(saNamespace, name));
            }
            default -> false;
        };
    }

    /** Go's aggregate error text: one message alone, several (deduplicated) in brackets. */
    private static String aggregate(List<String> errors) {
        Set<String> unique = new LinkedHashSet<>(errors);
        return unique.size() == 1 ? unique.iterator().next() : "[" + String.join(", ", unique) + "]";
    }
}
