package io.statefulapps.embedded.apiserver.rbac;

/**
 * Which rule granted a request: the binding, the role it refers to, the subject of the binding the
 * user matched, and the rule (with its index in the role's {@code rules}).
 *
 * @param bindingNamespace "" for a ClusterRoleBinding
 * @param subjectNamespace the namespace of a ServiceAccount subject ("" for users and groups)
 */
public record RuleSource(String bindingKind, String bindingName, String bindingNamespace, String roleKind,
        String roleName, String subjectKind, String subjectName, String subjectNamespace, int ruleIndex,
        PolicyRule rule) {

    /**
     * As the RBAC authorizer describes it in its reasons: {@code ClusterRoleBinding "x" of ClusterRole
     * "edit" to User "bob"}, {@code RoleBinding "x/shop" of Role "r" to ServiceAccount "sa/shop"}.
     */
    public String describe() {
        String binding = bindingNamespace.isEmpty() ? bindingName : bindingName + "/" + bindingNamespace;
        String subject = subjectKind.equals("ServiceAccount") ? subjectName + "/" + subjectNamespace : subjectName;
        return bindingKind + " \"" + binding + "\" of " + roleKind + " \"" + roleName + "\" to " + subjectKind
                + " \"" + subject + "\"";
    }
}
